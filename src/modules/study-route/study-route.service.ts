import { HttpStatus, Injectable } from '@nestjs/common';
import { maskPhone } from '../../platform/privacy/mask';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import * as QRCode from 'qrcode';
import { Role } from '../../platform/auth/entities/role';
import { randomSecret } from '../../platform/auth/token-hash';
import { Clock } from '../../platform/clock/clock';
import { localDate } from '../../platform/clock/local-date';
import type { Environment } from '../../platform/config/environment';
import { DomainException } from '../../platform/errors/domain.exception';
import { ErrorCode } from '../../platform/errors/error-code';
import { FileStorage } from '../../platform/storage/file-storage';
import { StorageQuota } from '../../platform/storage/storage-quota';
import type { Actor } from '../../platform/tenancy/request-actor';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import type {
  AvailabilityView,
  BookRouteDto,
  CreateSiteDto,
  ListStudyBookingsQuery,
  ScannedSiteView,
  SiteCodeView,
  SitePhotoView,
  SiteVisitView,
  StudyBookingList,
  StudyBookingView,
  StudySiteView,
  UpdateSiteDto,
  VisitStatsView,
} from './dto/study-route.dto';
import { StudyBooking, StudyBookingStatus } from './entities/study-booking.entity';
import { StudySitePhoto } from './entities/study-site-photo.entity';
import { StudySite } from './entities/study-site.entity';
import { type BookerScope, StudyRouteRepository } from './study-route.repository';

const MAX_PHOTOS_PER_SITE = 20;
const MAX_DAYS_AHEAD = 366;

/** The study route (研学路线): its sites, groups' bookings within each site's daily capacity, and visits by QR code. */
@Injectable()
export class StudyRouteService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly repository: StudyRouteRepository,
    private readonly storage: FileStorage,
    private readonly quota: StorageQuota,
    private readonly config: ConfigService<Environment, true>,
    private readonly clock: Clock,
  ) {}

  async route(actor: Actor): Promise<StudySiteView[]> {
    const sites = await this.repository.sites(actor.role !== Role.TownshipAdmin);
    return this.siteViews(sites);
  }

  async createSite(input: CreateSiteDto): Promise<StudySiteView> {
    const last = await this.repository.lastPosition();
    const site = await this.repository.saveSite({
      tenantId: this.tenant.tenantId,
      name: input.name.trim(),
      description: input.description ?? null,
      address: input.address ?? null,
      dailyCapacity: input.dailyCapacity,
      position: input.position ?? last + 1,
      qrToken: randomSecret(24),
    });
    return (await this.siteViews([site]))[0];
  }

  async updateSite(id: string, input: UpdateSiteDto): Promise<StudySiteView> {
    const site = await this.repository.findSite(id);
    if (!site) throw DomainException.notFound();
    Object.assign(site, {
      ...(input.name !== undefined && { name: input.name.trim() }),
      ...(input.description !== undefined && { description: input.description || null }),
      ...(input.address !== undefined && { address: input.address || null }),
      ...(input.dailyCapacity !== undefined && { dailyCapacity: input.dailyCapacity }),
      ...(input.position !== undefined && { position: input.position }),
      ...(input.active !== undefined && { active: input.active }),
    });
    return (await this.siteViews([await this.repository.saveSite(site)]))[0];
  }

  /**
   * Moves a site one place up or down the route. Every site of the tenant is locked in route order
   * first, so two officials reordering at once queue rather than interleave; the route is then
   * numbered 1..n again, which also straightens out positions that had come to share a number.
   */
  async moveSite(actor: Actor, id: string, direction: 'up' | 'down'): Promise<StudySiteView[]> {
    const order = await this.repository.lockRouteOrder();
    const index = order.indexOf(id);
    if (index < 0) throw DomainException.notFound();
    const other = direction === 'up' ? index - 1 : index + 1;
    if (other >= 0 && other < order.length) [order[index], order[other]] = [order[other], order[index]];
    await this.repository.renumber(order);
    return this.route(actor);
  }

  async addPhoto(
    actor: Actor,
    siteId: string,
    photo: { fileName: string; content: Buffer; mime: string },
  ): Promise<SitePhotoView> {
    if (!(await this.repository.findSite(siteId))) throw DomainException.notFound();
    if ((await this.repository.countPhotos(siteId)) >= MAX_PHOTOS_PER_SITE)
      throw DomainException.conflict(undefined, [
        { field: 'file', reason: 'tooManyPhotos', args: [MAX_PHOTOS_PER_SITE] },
      ]);
    await this.quota.reserve(photo.content.length);
    const storageKey = `${this.tenant.tenantId}/study-sites/${siteId}/${randomUUID()}`;
    await this.storage.put(storageKey, photo.content, photo.mime);
    const saved = await this.repository.savePhoto({
      tenantId: this.tenant.tenantId,
      siteId,
      fileName: photo.fileName,
      contentType: photo.mime,
      size: photo.content.length,
      storageKey,
      uploadedById: actor.userId,
    });
    return { id: saved.id, fileName: saved.fileName, contentType: saved.contentType, size: saved.size };
  }

  async readPhoto(siteId: string, photoId: string): Promise<{ photo: StudySitePhoto; content: Buffer }> {
    const photo = await this.repository.findPhoto(siteId, photoId);
    if (!photo) throw DomainException.notFound();
    return { photo, content: await this.storage.get(photo.storageKey) };
  }

  async removePhoto(siteId: string, photoId: string): Promise<void> {
    const photo = await this.repository.findPhoto(siteId, photoId);
    if (!photo) throw DomainException.notFound();
    await this.repository.deletePhoto(photoId);
    // The file goes after the row, and a failed removal is ignored: at worst an orphan file, never a photo without bytes.
    await this.storage.remove(photo.storageKey).catch(() => undefined);
  }

  /** The site's QR code: a link to the scan page with the site's unguessable token. */
  async code(siteId: string): Promise<SiteCodeView> {
    const site = await this.repository.findSite(siteId);
    if (!site) throw DomainException.notFound();
    const url = new URL(`/study-route/scan/${site.qrToken}`, this.config.get('PUBLIC_URL', { infer: true })).toString();
    return { url, svg: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) };
  }

  async availability(date: string): Promise<AvailabilityView> {
    const day = this.day(date, 'date');
    const booked = await this.repository.bookedOn(day);
    const sites = (await this.repository.activeSites()).map((s) => ({
      siteId: s.id,
      name: s.name,
      dailyCapacity: s.daily_capacity,
      booked,
      remaining: Math.max(s.daily_capacity - booked, 0),
    }));
    return { date: day, maxGroupSize: sites.length ? Math.min(...sites.map((s) => s.remaining)) : 0, sites };
  }

  /**
   * Books the route for a day. A group visits every active site, so each site's count for a day is
   * the sum of that day's live bookings, derived rather than kept in counters: a cancellation then
   * gives back exactly what the booking held, and a site added or re-enabled later counts the groups
   * already coming. A transaction lock on the tenant's day lines up concurrent bookings, and the sum
   * is read after it (in its own statement, so under READ COMMITTED it sees the previous holder's
   * booking): together they can never pass the smallest site's capacity.
   */
  async book(actor: Actor, input: BookRouteDto): Promise<StudyBookingView> {
    if (input.outsideGroup && actor.role !== Role.TownshipAdmin) throw DomainException.forbidden();
    const visitOn = this.day(input.visitOn, 'visitOn');
    const today = localDate(this.clock.now());
    if (visitOn < today) throw DomainException.invalid([{ field: 'visitOn', reason: 'inPast' }]);
    if (Date.parse(visitOn) - Date.parse(today) > MAX_DAYS_AHEAD * 86_400_000)
      throw DomainException.invalid([{ field: 'visitOn', reason: 'rangeTooLong', args: [MAX_DAYS_AHEAD] }]);
    const tenantId = this.tenant.tenantId;
    await this.repository.lockDay(tenantId, visitOn);
    const sites = await this.repository.activeSites();
    if (sites.length === 0) throw DomainException.invalid([{ field: 'visitOn', reason: 'notFound' }]);
    const booked = await this.repository.bookedOn(visitOn);
    const smallest = sites.reduce((a, b) => (b.daily_capacity < a.daily_capacity ? b : a));
    if (booked + input.groupSize > smallest.daily_capacity) {
      throw new DomainException(ErrorCode.CapacityExceeded, HttpStatus.CONFLICT, [
        {
          field: 'groupSize',
          reason: 'siteFull',
          args: [smallest.name, Math.max(smallest.daily_capacity - booked, 0)],
        },
      ]);
    }
    const booking = await this.repository.saveBooking({
      tenantId,
      visitOn,
      groupName: input.groupName.trim(),
      contactName: input.contactName?.trim() || null,
      contactPhone: input.contactPhone?.trim() || null,
      groupSize: input.groupSize,
      bookerUserId: actor.userId,
      bookerOrganizationId: input.outsideGroup ? null : actor.organizationId,
      outsideGroup: input.outsideGroup ?? false,
    });
    return this.bookingView(actor, booking.id);
  }

  async cancel(actor: Actor, id: string): Promise<StudyBookingView> {
    const booking = await this.repository.findBookingForUpdate(id);
    if (!booking || !this.maySee(actor, booking)) throw DomainException.notFound();
    if (actor.role !== Role.TownshipAdmin && booking.bookerUserId !== actor.userId) throw DomainException.forbidden();
    if (booking.status !== StudyBookingStatus.Booked || booking.visitOn < localDate(this.clock.now())) {
      throw DomainException.conflict(ErrorCode.InvalidTransition, [
        { field: 'status', reason: 'bookingNotCancellable', args: [booking.status] },
      ]);
    }
    // The day's counts are derived from live bookings, so this alone gives the places back.
    await this.repository.setBookingStatus(id, StudyBookingStatus.Cancelled);
    return this.bookingView(actor, id);
  }

  async bookings(actor: Actor, query: ListStudyBookingsQuery): Promise<StudyBookingList> {
    const page = await this.repository.bookingsPage(
      {
        from: query.from ? this.day(query.from, 'from') : undefined,
        scope: actor.role === Role.TownshipAdmin ? null : bookerScope(actor),
      },
      query,
    );
    return {
      items: await this.bookingViews(
        actor,
        page.items.map((b) => b.id),
        { masked: true },
      ),
      nextCursor: page.nextCursor,
    };
  }

  /**
   * What the scan page shows: the site, and the viewer's group bookings of today; an official also
   * sees today's outside groups, whose members have no account and whom an official accompanies.
   */
  async scanned(actor: Actor, token: string): Promise<ScannedSiteView> {
    const site = await this.siteByToken(token);
    const mine = await this.repository.bookingIdsOn(
      localDate(this.clock.now()),
      bookerScope(actor),
      actor.role === Role.TownshipAdmin,
    );
    return { site: (await this.siteViews([site]))[0], bookings: await this.bookingViews(actor, mine) };
  }

  /**
   * A member of the group scans the site's code on the booked day, or for an outside group the
   * official who accompanies it; scanning twice records once.
   */
  async scan(actor: Actor, token: string, bookingId: string | undefined): Promise<SiteVisitView> {
    const site = await this.siteByToken(token);
    const today = localDate(this.clock.now());
    let booking: StudyBooking | null;
    if (bookingId) {
      booking = await this.repository.findBooking(bookingId);
      const official = actor.role === Role.TownshipAdmin;
      if (!booking || !this.maySee(actor, booking) || (booking.outsideGroup && !official))
        throw DomainException.invalid([{ field: 'bookingId', reason: 'notYourBooking' }]);
    } else {
      booking = await this.repository.firstGroupBookingOn(today, bookerScope(actor));
      if (!booking) throw DomainException.invalid([{ field: 'bookingId', reason: 'notBooked' }]);
    }
    if (booking.status !== StudyBookingStatus.Booked)
      throw DomainException.invalid([{ field: 'bookingId', reason: 'notBooked' }]);
    if (booking.visitOn !== today) throw DomainException.invalid([{ field: 'bookingId', reason: 'visitDay' }]);
    return this.record(actor, site, booking);
  }

  /** An official enters a visit by hand (an outside group, a phone without signal), on or after the booked day. */
  async recordByOfficial(actor: Actor, siteId: string, bookingId: string): Promise<SiteVisitView> {
    const site = await this.repository.findSite(siteId);
    if (!site) throw DomainException.notFound();
    const booking = await this.repository.findBooking(bookingId);
    if (!booking || booking.status !== StudyBookingStatus.Booked)
      throw DomainException.invalid([{ field: 'bookingId', reason: 'notBooked' }]);
    if (booking.visitOn > localDate(this.clock.now()))
      throw DomainException.invalid([{ field: 'bookingId', reason: 'visitDay' }]);
    return this.record(actor, site, booking);
  }

  private async record(actor: Actor, site: StudySite, booking: StudyBooking): Promise<SiteVisitView> {
    const visit = await this.repository.recordVisit({
      tenantId: booking.tenantId,
      siteId: site.id,
      bookingId: booking.id,
      people: booking.groupSize,
      visitedAt: this.clock.now(),
      recordedById: actor.userId,
    });
    return {
      id: visit.id,
      siteId: site.id,
      siteName: site.name,
      bookingId: booking.id,
      groupName: booking.groupName,
      people: visit.people,
      visitedAt: visit.visited_at,
    };
  }

  /** Visits and people per site and month of the year, in the township's time zone. */
  async stats(year: number): Promise<VisitStatsView> {
    const timeZone = (await this.repository.tenantTimeZone(this.tenant.tenantId)) ?? 'Asia/Shanghai';
    return { year, rows: await this.repository.visitStats(year, timeZone) };
  }

  private async siteByToken(token: string): Promise<StudySite> {
    const site = await this.repository.findActiveSiteByToken(token);
    if (!site) throw DomainException.notFound();
    return site;
  }

  private day(value: string, field: string): string {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw DomainException.invalid([{ field, reason: 'isIso8601' }]);
    return value;
  }

  private maySee(actor: Actor, booking: StudyBooking): boolean {
    return (
      actor.role === Role.TownshipAdmin ||
      booking.bookerUserId === actor.userId ||
      (!!actor.organizationId && booking.bookerOrganizationId === actor.organizationId)
    );
  }

  private async siteViews(sites: StudySite[]): Promise<StudySiteView[]> {
    if (sites.length === 0) return [];
    const photos = await this.repository.photosOf(sites.map((s) => s.id));
    return sites.map((s) => ({
      id: s.id,
      name: s.name,
      description: s.description,
      address: s.address,
      dailyCapacity: s.dailyCapacity,
      position: s.position,
      active: s.active,
      photos: photos
        .filter((p) => p.siteId === s.id)
        .map((p) => ({ id: p.id, fileName: p.fileName, contentType: p.contentType, size: p.size })),
    }));
  }

  async bookingView(actor: Actor, id: string): Promise<StudyBookingView> {
    const [view] = await this.bookingViews(actor, [id]);
    if (!view) throw DomainException.notFound();
    return view;
  }

  private async bookingViews(actor: Actor, ids: string[], { masked = false } = {}): Promise<StudyBookingView[]> {
    if (ids.length === 0) return [];
    const rows = await this.repository.bookingRows(ids);
    const today = localDate(this.clock.now());
    return rows.map((r) => ({
      id: r.id,
      visitOn: r.visit_day,
      groupName: r.group_name,
      groupSize: r.group_size,
      contactName: r.contact_name,
      contactPhone: masked ? maskPhone(r.contact_phone) : r.contact_phone,
      outsideGroup: r.outside_group,
      status: r.status,
      booker: { id: r.booker_user_id, name: r.booker_name },
      bookerOrganization: r.booker_organization_id ? { id: r.booker_organization_id, name: r.organization_name } : null,
      visitedSiteIds: r.visited,
      allowedActions:
        r.status === StudyBookingStatus.Booked &&
        r.visit_day >= today &&
        (actor.role === Role.TownshipAdmin || r.booker_user_id === actor.userId)
          ? ['cancel']
          : [],
    }));
  }
}

function bookerScope(actor: Actor): BookerScope {
  return { userId: actor.userId, organizationId: actor.organizationId };
}
