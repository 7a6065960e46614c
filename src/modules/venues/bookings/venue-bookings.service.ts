import { HttpStatus, Injectable } from '@nestjs/common';
import { Role } from '../../../platform/auth/entities/role';
import { Clock } from '../../../platform/clock/clock';
import { localDateTime } from '../../../platform/clock/local-date';
import { DomainException } from '../../../platform/errors/domain.exception';
import { ErrorCode } from '../../../platform/errors/error-code';
import type { NotificationPayloads } from '../../../platform/notifications/notification-registry';
import { VenueNotification } from '../venues.notifications';
import { Notifier } from '../../../platform/notifications/notifier.service';
import { keysetPage } from '../../../platform/pagination/keyset';
import type { Actor } from '../../../platform/tenancy/request-actor';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import type {
  BookZoneDto,
  CalendarEntryView,
  DecideBookingDto,
  ListBookingsQuery,
  VenueBookingList,
  VenueBookingView,
  VenueCalendarView,
} from '../dto/venue-booking.dto';
import { VenueBooking, VenueBookingStatus as B } from '../entities/venue-booking.entity';
import { earliestReservationStart, MAX_RESERVATION_HOURS } from '../entities/room-reservation.entity';
import { VenueZone } from '../entities/venue-zone.entity';
import { outsideOpeningHours } from './opening-hours';
import { RESERVE_ROOM_SQL } from '../room-reservation.sql';

const EXCLUSION_VIOLATION = '23P01';
const MAX_DURATION_MS = MAX_RESERVATION_HOURS * 3600_000;
const MAX_CALENDAR_DAYS = 92;
/** Bookings that hold their slot in room_reservations. */
const HOLDING = [B.Pending, B.Approved];

/** Members book zones of activity venues; officials approve where a zone asks for it. */
@Injectable()
export class VenueBookingsService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  /**
   * Books a zone. A pending booking holds its slot as an approved one does, so approving it can
   * never double-book: the room reservation is written now, and released on rejection or cancel.
   * The exclusion constraint on room_reservations decides races with other bookings and meetings.
   */
  async book(actor: Actor, input: BookZoneDto): Promise<VenueBookingView> {
    const zone = await this.tenant.manager.getRepository(VenueZone).findOneBy({ id: input.zoneId });
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

    const booking = await this.tenant.manager.getRepository(VenueBooking).save({
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
      const officials = await this.tenant.manager.query<{ id: string }[]>(
        `SELECT id FROM people_directory WHERE role = 'township_admin' AND status = 'active'`,
      );
      await this.notifier.notify(
        { userIds: officials.map((o) => o.id) },
        VenueNotification.VenueBookingRequested,
        this.payload(booking, zone.name),
      );
    }
    return this.view(actor, booking.id);
  }

  /** Writes the booking's reservation under a savepoint, so a refusal can still say what holds the slot. */
  private async reserve(actor: Actor, booking: VenueBooking, zone: VenueZone, timeZone: string): Promise<void> {
    const manager = this.tenant.manager;
    await manager.query('SAVEPOINT venue_booking_reserve');
    try {
      await manager.query(RESERVE_ROOM_SQL, [
        booking.tenantId,
        zone.id,
        booking.startsAt,
        booking.endsAt,
        null,
        booking.id,
      ]);
      await manager.query('RELEASE SAVEPOINT venue_booking_reserve');
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code !== EXCLUSION_VIOLATION) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT venue_booking_reserve');
      throw await this.slotTaken(actor, zone, booking.startsAt, booking.endsAt, timeZone);
    }
  }

  /** The 409 naming what holds the slot: its title when the viewer may see it, else only its kind. */
  private async slotTaken(
    actor: Actor,
    zone: VenueZone,
    startsAt: Date,
    endsAt: Date,
    timeZone: string,
  ): Promise<DomainException> {
    const [holder] = await this.tenant.manager.query<
      { meeting_id: string | null; title: string | null; starts_at: Date; ends_at: Date; visible: boolean }[]
    >(
      `SELECT r.meeting_id, COALESCE(m.title, b.purpose) AS title, r.starts_at, r.ends_at,
              ($4 OR b.booker_user_id = $5 OR EXISTS (SELECT 1 FROM meeting_participant_directory p WHERE p.meeting_id = m.id AND (p.attendee_id = $5 OR p.organization_id = $6))) AS visible
         FROM room_reservations r LEFT JOIN meeting_directory m ON m.id = r.meeting_id LEFT JOIN venue_bookings b ON b.id = r.booking_id
        WHERE r.zone_id = $1 AND r.starts_at < $3 AND r.ends_at > $2 AND r.starts_at > $7 ORDER BY r.starts_at LIMIT 1`,
      [
        zone.id,
        startsAt,
        endsAt,
        actor.role === Role.TownshipAdmin,
        actor.userId,
        actor.organizationId,
        earliestReservationStart(startsAt),
      ],
    );
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
    await this.tenant.manager
      .getRepository(VenueBooking)
      .update(
        { id },
        { status, decidedById: actor.userId, decidedAt: this.clock.now(), decisionNote: input.note?.trim() || null },
      );
    if (status === B.Rejected) await this.release(id);
    const zone = await this.tenant.manager.getRepository(VenueZone).findOneByOrFail({ id: booking.zoneId });
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
    await this.tenant.manager.getRepository(VenueBooking).update({ id }, { status: B.Cancelled });
    await this.release(id);
    return this.view(actor, id);
  }

  async get(actor: Actor, id: string): Promise<VenueBookingView> {
    const booking = await this.tenant.manager.getRepository(VenueBooking).findOneBy({ id });
    if (!booking || !this.maySee(actor, booking)) throw DomainException.notFound();
    return this.view(actor, id);
  }

  /** Officials: every booking (filter by status for the approval list); others: their own and their organisation's. */
  async list(actor: Actor, query: ListBookingsQuery): Promise<VenueBookingList> {
    const qb = this.tenant.manager.getRepository(VenueBooking).createQueryBuilder('b');
    if (query.status) qb.andWhere('b.status = :status', { status: query.status });
    if (query.venueId) qb.andWhere('b.venue_id = :venue', { venue: query.venueId });
    if (actor.role !== Role.TownshipAdmin || query.mine === 'true') {
      qb.andWhere(
        '(b.booker_user_id = :user OR (b.booker_organization_id IS NOT NULL AND b.booker_organization_id = :org))',
        { user: actor.userId, org: actor.organizationId },
      );
    }
    const page = await keysetPage(
      qb,
      { column: 'b.starts_at', kind: 'timestamp', idColumn: 'b.id', direction: 'ASC' },
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
    const [venue] = await this.tenant.manager.query<{ id: string }[]>('SELECT id FROM venues WHERE id = $1', [venueId]);
    if (!venue) throw DomainException.notFound();
    const from = new Date(fromText);
    const to = new Date(toText);
    if (to <= from) throw DomainException.invalid([{ field: 'to', reason: 'endsAfterStart' }]);
    if (to.getTime() - from.getTime() > MAX_CALENDAR_DAYS * 86_400_000)
      throw DomainException.invalid([{ field: 'to', reason: 'rangeTooLong', args: [MAX_CALENDAR_DAYS] }]);
    const official = actor.role === Role.TownshipAdmin;
    const rows = await this.tenant.manager.query<(CalendarEntryView & { visible: boolean })[]>(
      `SELECT CASE WHEN r.booking_id IS NOT NULL THEN 'booking' ELSE 'meeting' END AS kind, z.id AS "zoneId", z.name AS "zoneName",
              r.starts_at AS "startsAt", r.ends_at AS "endsAt", COALESCE(b.purpose, m.title) AS title,
              COALESCE(b.status::text, 'reserved') AS status, r.booking_id AS "bookingId", r.meeting_id AS "meetingId",
              COALESCE(b.booker_user_id = $4, false) AS mine,
              ($5 OR b.id IS NOT NULL OR EXISTS (SELECT 1 FROM meeting_participant_directory p WHERE p.meeting_id = m.id AND (p.attendee_id = $4 OR p.organization_id = $6))) AS visible
         FROM room_reservations r JOIN venue_zones z ON z.id = r.zone_id
         LEFT JOIN venue_bookings b ON b.id = r.booking_id LEFT JOIN meeting_directory m ON m.id = r.meeting_id
        WHERE z.venue_id = $1 AND r.starts_at < $3 AND r.ends_at > $2 AND r.starts_at > $7
        ORDER BY r.starts_at, z.name
        LIMIT 1000`,
      [venueId, from, to, actor.userId, official, actor.organizationId, earliestReservationStart(from)],
    );
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
    const booking = await this.tenant.manager
      .getRepository(VenueBooking)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!booking) throw DomainException.notFound();
    return booking;
  }

  private release(bookingId: string): Promise<unknown> {
    return this.tenant.manager.query('DELETE FROM room_reservations WHERE booking_id = $1', [bookingId]);
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
    const [row] = await this.tenant.manager.query<{ time_zone: string }[]>(
      'SELECT time_zone FROM tenants WHERE id = $1',
      [this.tenant.tenantId],
    );
    return row?.time_zone ?? 'Asia/Shanghai';
  }

  private async view(actor: Actor, id: string): Promise<VenueBookingView> {
    const [view] = await this.views(actor, [id]);
    if (!view) throw DomainException.notFound();
    return view;
  }

  private async views(actor: Actor, ids: string[]): Promise<VenueBookingView[]> {
    if (ids.length === 0) return [];
    const rows = await this.tenant.manager.query<Record<string, any>[]>(
      `SELECT b.*, v.name AS venue_name, z.name AS zone_name, u.display_name AS booker_name, o.name AS organization_name
         FROM venue_bookings b JOIN venues v ON v.id = b.venue_id JOIN venue_zones z ON z.id = b.zone_id
         JOIN people_directory u ON u.id = b.booker_user_id LEFT JOIN organization_directory o ON o.id = b.booker_organization_id
        WHERE b.id = ANY($1) ORDER BY b.starts_at, b.id`,
      [ids],
    );
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
