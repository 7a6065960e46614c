import { HttpStatus, Injectable } from '@nestjs/common';
import { maskPhone } from '../../platform/privacy/mask';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import * as QRCode from 'qrcode';
import { In } from 'typeorm';
import { Role } from '../../platform/auth/entities/role';
import { randomSecret } from '../../platform/auth/token-hash';
import { Clock } from '../../platform/clock/clock';
import { localDate } from '../../platform/clock/local-date';
import type { Environment } from '../../platform/config/environment';
import { DomainException } from '../../platform/errors/domain.exception';
import { ErrorCode } from '../../platform/errors/error-code';
import { keysetPage } from '../../platform/pagination/keyset';
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

const MAX_PHOTOS_PER_SITE = 20;
const MAX_DAYS_AHEAD = 366;

/** The study route (研学路线): its sites, groups' bookings within each site's daily capacity, and visits by QR code. */
@Injectable()
export class StudyRouteService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly storage: FileStorage,
    private readonly quota: StorageQuota,
    private readonly config: ConfigService<Environment, true>,
    private readonly clock: Clock,
  ) {}

  async route(actor: Actor): Promise<StudySiteView[]> {
    const where = actor.role === Role.TownshipAdmin ? {} : { active: true };
    const sites = await this.tenant.manager
      .getRepository(StudySite)
      .find({ where, order: { position: 'ASC', name: 'ASC' }, take: 200 });
    return this.siteViews(sites);
  }

  async createSite(input: CreateSiteDto): Promise<StudySiteView> {
    const repo = this.tenant.manager.getRepository(StudySite);
    const [{ last }] = await this.tenant.manager.query<{ last: number }[]>(
      'SELECT COALESCE(max(position), 0)::int AS last FROM study_sites',
    );
    const site = await repo.save({
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
    const repo = this.tenant.manager.getRepository(StudySite);
    const site = await repo.findOneBy({ id });
    if (!site) throw DomainException.notFound();
    Object.assign(site, {
      ...(input.name !== undefined && { name: input.name.trim() }),
      ...(input.description !== undefined && { description: input.description || null }),
      ...(input.address !== undefined && { address: input.address || null }),
      ...(input.dailyCapacity !== undefined && { dailyCapacity: input.dailyCapacity }),
      ...(input.position !== undefined && { position: input.position }),
      ...(input.active !== undefined && { active: input.active }),
    });
    return (await this.siteViews([await repo.save(site)]))[0];
  }

  /**
   * Moves a site one place up or down the route. Every site of the tenant is locked in route order
   * first, so two officials reordering at once queue rather than interleave; the route is then
   * numbered 1..n again, which also straightens out positions that had come to share a number.
   */
  async moveSite(actor: Actor, id: string, direction: 'up' | 'down'): Promise<StudySiteView[]> {
    const rows = await this.tenant.manager.query<{ id: string }[]>(
      'SELECT id FROM study_sites ORDER BY position, name, id FOR UPDATE',
    );
    const order = rows.map((r) => r.id);
    const index = order.indexOf(id);
    if (index < 0) throw DomainException.notFound();
    const other = direction === 'up' ? index - 1 : index + 1;
    if (other >= 0 && other < order.length) [order[index], order[other]] = [order[other], order[index]];
    await this.tenant.manager.query(
      `UPDATE study_sites s SET position = o.n FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, n) WHERE s.id = o.id AND s.position <> o.n`,
      [order],
    );
    return this.route(actor);
  }

  async addPhoto(
    actor: Actor,
    siteId: string,
    photo: { fileName: string; content: Buffer; mime: string },
  ): Promise<SitePhotoView> {
    if (!(await this.tenant.manager.getRepository(StudySite).findOneBy({ id: siteId })))
      throw DomainException.notFound();
    const repo = this.tenant.manager.getRepository(StudySitePhoto);
    if ((await repo.count({ where: { siteId } })) >= MAX_PHOTOS_PER_SITE)
      throw DomainException.conflict(undefined, [
        { field: 'file', reason: 'tooManyPhotos', args: [MAX_PHOTOS_PER_SITE] },
      ]);
    await this.quota.reserve(photo.content.length);
    const storageKey = `${this.tenant.tenantId}/study-sites/${siteId}/${randomUUID()}`;
    await this.storage.put(storageKey, photo.content, photo.mime);
    const saved = await repo.save({
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
    const photo = await this.tenant.manager.getRepository(StudySitePhoto).findOneBy({ id: photoId, siteId });
    if (!photo) throw DomainException.notFound();
    return { photo, content: await this.storage.get(photo.storageKey) };
  }

  async removePhoto(siteId: string, photoId: string): Promise<void> {
    const repo = this.tenant.manager.getRepository(StudySitePhoto);
    const photo = await repo.findOneBy({ id: photoId, siteId });
    if (!photo) throw DomainException.notFound();
    await repo.delete({ id: photoId });
    // The file goes after the row, and a failed removal is ignored: at worst an orphan file, never a photo without bytes.
    await this.storage.remove(photo.storageKey).catch(() => undefined);
  }

  /** The site's QR code: a link to the scan page with the site's unguessable token. */
  async code(siteId: string): Promise<SiteCodeView> {
    const site = await this.tenant.manager.getRepository(StudySite).findOneBy({ id: siteId });
    if (!site) throw DomainException.notFound();
    const url = new URL(`/study-route/scan/${site.qrToken}`, this.config.get('PUBLIC_URL', { infer: true })).toString();
    return { url, svg: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) };
  }

  async availability(date: string): Promise<AvailabilityView> {
    const day = this.day(date, 'date');
    const booked = await this.bookedOn(day);
    const sites = (await this.activeSites()).map((s) => ({
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
    await this.tenant.manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('study_bookings:' || $1::text || ':' || $2::text, 0))`,
      [tenantId, visitOn],
    );
    const sites = await this.activeSites();
    if (sites.length === 0) throw DomainException.invalid([{ field: 'visitOn', reason: 'notFound' }]);
    const booked = await this.bookedOn(visitOn);
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
    const booking = await this.tenant.manager.getRepository(StudyBooking).save({
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
    const booking = await this.tenant.manager
      .getRepository(StudyBooking)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!booking || !this.maySee(actor, booking)) throw DomainException.notFound();
    if (actor.role !== Role.TownshipAdmin && booking.bookerUserId !== actor.userId) throw DomainException.forbidden();
    if (booking.status !== StudyBookingStatus.Booked || booking.visitOn < localDate(this.clock.now())) {
      throw DomainException.conflict(ErrorCode.InvalidTransition, [
        { field: 'status', reason: 'bookingNotCancellable', args: [booking.status] },
      ]);
    }
    // The day's counts are derived from live bookings, so this alone gives the places back.
    await this.tenant.manager.getRepository(StudyBooking).update({ id }, { status: StudyBookingStatus.Cancelled });
    return this.bookingView(actor, id);
  }

  async bookings(actor: Actor, query: ListStudyBookingsQuery): Promise<StudyBookingList> {
    const qb = this.tenant.manager.getRepository(StudyBooking).createQueryBuilder('b');
    if (query.from) qb.andWhere('b.visit_on >= :from', { from: this.day(query.from, 'from') });
    if (actor.role !== Role.TownshipAdmin) {
      qb.andWhere(
        '(b.booker_user_id = :user OR (b.booker_organization_id IS NOT NULL AND b.booker_organization_id = :org))',
        { user: actor.userId, org: actor.organizationId },
      );
    }
    const page = await keysetPage(
      qb,
      { column: 'b.visit_on', kind: 'date', idColumn: 'b.id', direction: 'ASC' },
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
    const mine = await this.tenant.manager.query<{ id: string }[]>(
      `SELECT id FROM study_bookings WHERE visit_on = $1 AND status = 'booked'
          AND (booker_user_id = $2 OR (booker_organization_id IS NOT NULL AND booker_organization_id = $3) OR (outside_group AND $4))
       ORDER BY created_at LIMIT 20`,
      [localDate(this.clock.now()), actor.userId, actor.organizationId, actor.role === Role.TownshipAdmin],
    );
    return {
      site: (await this.siteViews([site]))[0],
      bookings: await this.bookingViews(
        actor,
        mine.map((b) => b.id),
      ),
    };
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
      booking = await this.tenant.manager.getRepository(StudyBooking).findOneBy({ id: bookingId });
      const official = actor.role === Role.TownshipAdmin;
      if (!booking || !this.maySee(actor, booking) || (booking.outsideGroup && !official))
        throw DomainException.invalid([{ field: 'bookingId', reason: 'notYourBooking' }]);
    } else {
      [booking] = await this.tenant.manager
        .getRepository(StudyBooking)
        .createQueryBuilder('b')
        .where(`b.visit_on = :today AND b.status = 'booked' AND NOT b.outside_group`, { today })
        .andWhere(
          '(b.booker_user_id = :user OR (b.booker_organization_id IS NOT NULL AND b.booker_organization_id = :org))',
          { user: actor.userId, org: actor.organizationId },
        )
        .orderBy('b.created_at')
        .limit(1)
        .getMany();
      if (!booking) throw DomainException.invalid([{ field: 'bookingId', reason: 'notBooked' }]);
    }
    if (booking.status !== StudyBookingStatus.Booked)
      throw DomainException.invalid([{ field: 'bookingId', reason: 'notBooked' }]);
    if (booking.visitOn !== today) throw DomainException.invalid([{ field: 'bookingId', reason: 'visitDay' }]);
    return this.record(actor, site, booking);
  }

  /** An official enters a visit by hand (an outside group, a phone without signal), on or after the booked day. */
  async recordByOfficial(actor: Actor, siteId: string, bookingId: string): Promise<SiteVisitView> {
    const site = await this.tenant.manager.getRepository(StudySite).findOneBy({ id: siteId });
    if (!site) throw DomainException.notFound();
    const booking = await this.tenant.manager.getRepository(StudyBooking).findOneBy({ id: bookingId });
    if (!booking || booking.status !== StudyBookingStatus.Booked)
      throw DomainException.invalid([{ field: 'bookingId', reason: 'notBooked' }]);
    if (booking.visitOn > localDate(this.clock.now()))
      throw DomainException.invalid([{ field: 'bookingId', reason: 'visitDay' }]);
    return this.record(actor, site, booking);
  }

  private async record(actor: Actor, site: StudySite, booking: StudyBooking): Promise<SiteVisitView> {
    await this.tenant.manager.query(
      `INSERT INTO study_site_visits (tenant_id, site_id, booking_id, people, visited_at, recorded_by_id) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (site_id, booking_id) DO NOTHING`,
      [booking.tenantId, site.id, booking.id, booking.groupSize, this.clock.now(), actor.userId],
    );
    const [visit] = await this.tenant.manager.query<Record<string, any>[]>(
      'SELECT * FROM study_site_visits WHERE site_id = $1 AND booking_id = $2',
      [site.id, booking.id],
    );
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
    const [tenant] = await this.tenant.manager.query<{ time_zone: string }[]>(
      'SELECT time_zone FROM tenants WHERE id = $1',
      [this.tenant.tenantId],
    );
    const rows = await this.tenant.manager.query<
      { siteId: string; siteName: string; month: string; visits: number; people: number }[]
    >(
      `SELECT s.id AS "siteId", s.name AS "siteName", to_char(v.visited_at AT TIME ZONE $2, 'YYYY-MM') AS month,
              count(*)::int AS visits, sum(v.people)::int AS people
         FROM study_site_visits v JOIN study_sites s ON s.id = v.site_id
        WHERE extract(year FROM v.visited_at AT TIME ZONE $2) = $1
        GROUP BY s.id, s.name, s.position, month ORDER BY month, s.position`,
      [year, tenant?.time_zone ?? 'Asia/Shanghai'],
    );
    return { year, rows };
  }

  private activeSites(): Promise<{ id: string; name: string; daily_capacity: number }[]> {
    return this.tenant.manager.query(
      'SELECT id, name, daily_capacity FROM study_sites WHERE active ORDER BY position, name',
    );
  }

  /** People booked for the route on `day`: every live booking's group visits every active site. */
  private async bookedOn(day: string): Promise<number> {
    const [row] = await this.tenant.manager.query<{ booked: number }[]>(
      `SELECT COALESCE(sum(group_size), 0)::int AS booked FROM study_bookings WHERE visit_on = $1 AND status = 'booked'`,
      [day],
    );
    return row.booked;
  }

  private async siteByToken(token: string): Promise<StudySite> {
    const site = await this.tenant.manager.getRepository(StudySite).findOneBy({ qrToken: token, active: true });
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
    const photos = await this.tenant.manager
      .getRepository(StudySitePhoto)
      .find({ where: { siteId: In(sites.map((s) => s.id)) }, order: { createdAt: 'ASC' } });
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
    const rows = await this.tenant.manager.query<Record<string, any>[]>(
      `SELECT b.*, to_char(b.visit_on, 'YYYY-MM-DD') AS visit_day, u.display_name AS booker_name, o.name AS organization_name,
              COALESCE((SELECT array_agg(v.site_id) FROM study_site_visits v WHERE v.booking_id = b.id), '{}') AS visited
         FROM study_bookings b JOIN people_directory u ON u.id = b.booker_user_id LEFT JOIN organization_directory o ON o.id = b.booker_organization_id
        WHERE b.id = ANY($1) ORDER BY b.visit_on, b.id`,
      [ids],
    );
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
        r.status === 'booked' &&
        r.visit_day >= today &&
        (actor.role === Role.TownshipAdmin || r.booker_user_id === actor.userId)
          ? ['cancel']
          : [],
    }));
  }
}
