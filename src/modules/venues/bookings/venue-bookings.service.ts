import { HttpStatus, Injectable } from '@nestjs/common';
import { Role } from '../../../platform/auth/entities/role';
import { Clock } from '../../../platform/clock/clock';
import { localDateTime } from '../../../platform/clock/local-date';
import { DomainException } from '../../../platform/errors/domain.exception';
import { ErrorCode } from '../../../platform/errors/error-code';
import type { NotificationPayloads } from '../../../platform/notifications/notification-registry';
import { VenueNotification } from '../venues.notifications';
import { Notifier } from '../../../platform/notifications/notifier.service';
import type { Actor } from '../../../platform/tenancy/request-actor';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import type {
  BookZoneDto,
  DecideBookingDto,
  ListBookingsQuery,
  VenueBookingList,
  VenueBookingView,
  VenueCalendarView,
} from '../dto/venue-booking.dto';
import { VenueBooking, VenueBookingStatus as B } from '../entities/venue-booking.entity';
import { MAX_RESERVATION_HOURS } from '../exported-views';
import { VenueZone } from '../entities/venue-zone.entity';
import { outsideOpeningHours } from './opening-hours';
import { RoomReservationsRepository } from '../room-reservations.repository';
import { VenueBookingsRepository, type Viewer } from './venue-bookings.repository';
import { PeopleDirectory } from '../../users/people-directory.service';

const MAX_DURATION_MS = MAX_RESERVATION_HOURS * 3600_000;
const MAX_CALENDAR_DAYS = 92;
/** Bookings that hold their slot in room_reservations. */
const HOLDING = [B.Pending, B.Approved];

/** Members book zones of activity venues; officials approve where a zone asks for it. */
@Injectable()
export class VenueBookingsService {
  constructor(
    private readonly peopleDirectory: PeopleDirectory,
    private readonly tenant: TenantContext,
    private readonly bookings: VenueBookingsRepository,
    private readonly reservations: RoomReservationsRepository,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  /**
   * Books a zone. A pending booking holds its slot as an approved one does, so approving it can
   * never double-book: the room reservation is written now, and released on rejection or cancel.
   * The exclusion constraint on room_reservations decides races with other bookings and meetings.
   */
  async book(actor: Actor, input: BookZoneDto): Promise<VenueBookingView> {
    const zone = await this.bookings.findZone(input.zoneId);
    if (!zone) throw DomainException.invalid([{ field: 'zoneId', reason: 'notFound' }]);
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (endsAt <= startsAt) throw DomainException.invalid([{ field: 'endsAt', reason: 'endsAfterStart' }]);
    if (endsAt.getTime() - startsAt.getTime() > MAX_DURATION_MS)
      throw DomainException.invalid([{ field: 'endsAt', reason: 'tooLong', args: [MAX_RESERVATION_HOURS] }]);
    if (startsAt < this.clock.now()) throw DomainException.invalid([{ field: 'startsAt', reason: 'inPast' }]);
    if (input.attendees > zone.capacity)
      throw DomainException.invalid([{ field: 'attendees', reason: 'overCapacity', args: [zone.capacity] }]);
    const timeZone = await this.timeZone();
    const hours = outsideOpeningHours(zone.openingHours, startsAt, endsAt, timeZone);
    if (hours)
      throw DomainException.invalid([
        { field: 'startsAt', reason: hours === 'closed' ? 'closedThatDay' : 'outsideOpeningHours', args: [hours] },
      ]);

    const booking = await this.bookings.save({
      tenantId: this.tenant.tenantId,
      venueId: zone.venueId,
      zoneId: zone.id,
      bookerUserId: actor.userId,
      bookerOrganizationId: actor.organizationId,
      startsAt,
      endsAt,
      purpose: input.purpose.trim(),
      attendees: input.attendees,
      status: zone.requiresApproval ? B.Pending : B.Approved,
    });
    await this.reserve(actor, booking, zone, timeZone);
    if (booking.status === B.Pending) {
      await this.notifier.notify(
        { userIds: await this.peopleDirectory.activeOfficials() },
        VenueNotification.VenueBookingRequested,
        this.payload(booking, zone.name),
      );
    }
    return this.view(actor, booking.id);
  }

  /** Writes the booking's reservation under a savepoint, so a refusal can still say what holds the slot. */
  private async reserve(actor: Actor, booking: VenueBooking, zone: VenueZone, timeZone: string): Promise<void> {
    const reserved = await this.reservations.tryReserve({
      tenantId: booking.tenantId,
      zoneId: zone.id,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      meetingId: null,
      bookingId: booking.id,
    });
    if (!reserved) throw await this.slotTaken(actor, zone, booking.startsAt, booking.endsAt, timeZone);
  }

  /** The 409 naming what holds the slot: its title when the viewer may see it, else only its kind. */
  private async slotTaken(
    actor: Actor,
    zone: VenueZone,
    startsAt: Date,
    endsAt: Date,
    timeZone: string,
  ): Promise<DomainException> {
    const holder = await this.bookings.slotHolder(zone.id, startsAt, endsAt, viewer(actor));
    const when = holder
      ? `${localDateTime(holder.starts_at, timeZone, { withYear: false })}–${localDateTime(holder.ends_at, timeZone, { withYear: false }).slice(-5)}`
      : '';
    const reason =
      holder?.visible && holder.title ? 'slotTaken' : holder?.meeting_id ? 'slotTakenByMeeting' : 'slotTakenByBooking';
    const args = reason === 'slotTaken' ? [zone.name, holder!.title, when] : [zone.name, when];
    return new DomainException(ErrorCode.SlotTaken, HttpStatus.CONFLICT, [{ field: 'startsAt', reason, args }]);
  }

  async approve(actor: Actor, id: string, input: DecideBookingDto): Promise<VenueBookingView> {
    return this.decide(actor, id, B.Approved, input);
  }

  async reject(actor: Actor, id: string, input: DecideBookingDto): Promise<VenueBookingView> {
    return this.decide(actor, id, B.Rejected, input);
  }

  private async decide(
    actor: Actor,
    id: string,
    status: B.Approved | B.Rejected,
    input: DecideBookingDto,
  ): Promise<VenueBookingView> {
    if (actor.role !== Role.TownshipAdmin) throw DomainException.forbidden();
    const booking = await this.lock(id);
    if (booking.status !== B.Pending)
      throw DomainException.conflict(ErrorCode.InvalidTransition, [
        { field: 'status', reason: 'bookingNotPending', args: [booking.status] },
      ]);
    await this.bookings.update(id, {
      status,
      decidedById: actor.userId,
      decidedAt: this.clock.now(),
      decisionNote: input.note?.trim() || null,
    });
    if (status === B.Rejected) await this.release(id);
    const zone = await this.bookings.findZoneOrFail(booking.zoneId);
    await this.notifier.notify({ userIds: [booking.bookerUserId] }, VenueNotification.VenueBookingDecided, {
      ...this.payload(booking, zone.name),
      status,
      note: input.note ?? '',
    });
    return this.view(actor, id);
  }

  /** The booker (or an official) cancels a booking that has not ended; the slot is free at once. */
  async cancel(actor: Actor, id: string): Promise<VenueBookingView> {
    const booking = await this.lock(id);
    if (!this.mayManage(actor, booking)) throw DomainException.notFound();
    if (!HOLDING.includes(booking.status) || booking.endsAt <= this.clock.now()) {
      throw DomainException.conflict(ErrorCode.InvalidTransition, [
        { field: 'status', reason: 'bookingNotCancellable', args: [booking.status] },
      ]);
    }
    await this.bookings.update(id, { status: B.Cancelled });
    await this.release(id);
    return this.view(actor, id);
  }

  async get(actor: Actor, id: string): Promise<VenueBookingView> {
    const booking = await this.bookings.findById(id);
    if (!booking || !this.maySee(actor, booking)) throw DomainException.notFound();
    return this.view(actor, id);
  }

  /** Officials: every booking (filter by status for the approval list); others: their own and their organisation's. */
  async list(actor: Actor, query: ListBookingsQuery): Promise<VenueBookingList> {
    const page = await this.bookings.page(
      {
        status: query.status,
        venueId: query.venueId,
        bookerScope:
          actor.role !== Role.TownshipAdmin || query.mine === 'true'
            ? { userId: actor.userId, organizationId: actor.organizationId }
            : null,
      },
      query,
    );
    return {
      items: await this.views(
        actor,
        page.items.map((b) => b.id),
      ),
      nextCursor: page.nextCursor,
    };
  }

  /** Bookings and meeting reservations of the venue's zones; what the viewer may not see shows as "reserved". */
  async calendar(actor: Actor, venueId: string, fromText: string, toText: string): Promise<VenueCalendarView> {
    if (!(await this.bookings.venueExists(venueId))) throw DomainException.notFound();
    const from = new Date(fromText);
    const to = new Date(toText);
    if (to <= from) throw DomainException.invalid([{ field: 'to', reason: 'endsAfterStart' }]);
    if (to.getTime() - from.getTime() > MAX_CALENDAR_DAYS * 86_400_000)
      throw DomainException.invalid([{ field: 'to', reason: 'rangeTooLong', args: [MAX_CALENDAR_DAYS] }]);
    const rows = await this.bookings.calendar(venueId, from, to, viewer(actor));
    return {
      venueId,
      from: from.toISOString(),
      to: to.toISOString(),
      entries: rows.map(({ visible, ...entry }) => ({
        ...entry,
        title: visible ? entry.title : null,
        meetingId: visible ? entry.meetingId : null,
      })),
    };
  }

  private async lock(id: string): Promise<VenueBooking> {
    const booking = await this.bookings.findForUpdate(id);
    if (!booking) throw DomainException.notFound();
    return booking;
  }

  private release(bookingId: string): Promise<void> {
    return this.reservations.releaseBooking(bookingId);
  }

  private maySee(actor: Actor, booking: VenueBooking): boolean {
    return (
      actor.role === Role.TownshipAdmin ||
      booking.bookerUserId === actor.userId ||
      (!!actor.organizationId && booking.bookerOrganizationId === actor.organizationId)
    );
  }

  private mayManage(actor: Actor, booking: VenueBooking): boolean {
    return actor.role === Role.TownshipAdmin || booking.bookerUserId === actor.userId;
  }

  private payload(
    booking: VenueBooking,
    zoneName: string,
  ): NotificationPayloads[VenueNotification.VenueBookingRequested] {
    return {
      bookingId: booking.id,
      zoneName,
      purpose: booking.purpose,
      startsAt: booking.startsAt.toISOString(),
      endsAt: booking.endsAt.toISOString(),
    };
  }

  private async timeZone(): Promise<string> {
    return (await this.bookings.tenantTimeZone(this.tenant.tenantId)) ?? 'Asia/Shanghai';
  }

  private async view(actor: Actor, id: string): Promise<VenueBookingView> {
    const [view] = await this.views(actor, [id]);
    if (!view) throw DomainException.notFound();
    return view;
  }

  private async views(actor: Actor, ids: string[]): Promise<VenueBookingView[]> {
    if (ids.length === 0) return [];
    const rows = await this.bookings.rows(ids);
    const now = this.clock.now();
    return rows.map((r) => {
      const actions: string[] = [];
      if (actor.role === Role.TownshipAdmin && r.status === B.Pending) actions.push('approve', 'reject');
      if (
        (actor.role === Role.TownshipAdmin || r.booker_user_id === actor.userId) &&
        HOLDING.includes(r.status) &&
        r.ends_at > now
      )
        actions.push('cancel');
      return {
        id: r.id,
        venueId: r.venue_id,
        venueName: r.venue_name,
        zoneId: r.zone_id,
        zoneName: r.zone_name,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        purpose: r.purpose,
        attendees: r.attendees,
        status: r.status,
        booker: { id: r.booker_user_id, name: r.booker_name },
        bookerOrganization: r.booker_organization_id
          ? { id: r.booker_organization_id, name: r.organization_name }
          : null,
        decisionNote: r.decision_note,
        decidedAt: r.decided_at,
        allowedActions: actions,
      };
    });
  }
}

function viewer(actor: Actor): Viewer {
  return { userId: actor.userId, organizationId: actor.organizationId, official: actor.role === Role.TownshipAdmin };
}
