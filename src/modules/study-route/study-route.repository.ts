import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { keysetPage } from '../../platform/pagination/keyset';
import type { Page } from '../../platform/pagination/page.dto';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { StudyBooking, StudyBookingStatus } from './entities/study-booking.entity';
import { StudySitePhoto } from './entities/study-site-photo.entity';
import { StudySite } from './entities/study-site.entity';

export interface ActiveSiteRow {
  id: string;
  name: string;
  daily_capacity: number;
}

export interface SiteVisitRow {
  id: string;
  people: number;
  visited_at: Date;
}

export interface VisitStatsRow {
  siteId: string;
  siteName: string;
  month: string;
  visits: number;
  people: number;
}

/** A study booking with its booker's and organisation's names and the sites its group has visited. */
export interface StudyBookingRow {
  id: string;
  visit_day: string;
  group_name: string;
  group_size: number;
  contact_name: string | null;
  contact_phone: string | null;
  outside_group: boolean;
  status: StudyBookingStatus;
  booker_user_id: string;
  booker_name: string;
  booker_organization_id: string | null;
  /** Set when booker_organization_id is (a foreign key). */
  organization_name: string;
  visited: string[];
}

/** Whose bookings a list or a scan may see: a person's own and their organisation's. */
export interface BookerScope {
  userId: string;
  organizationId: string | null;
}

/** The study route's tables: sites, their photos, group bookings and visits. Queries only. */
@Injectable()
export class StudyRouteRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  sites(activeOnly: boolean): Promise<StudySite[]> {
    return this.manager
      .getRepository(StudySite)
      .find({ where: activeOnly ? { active: true } : {}, order: { position: 'ASC', name: 'ASC' }, take: 200 });
  }

  findSite(id: string): Promise<StudySite | null> {
    return this.manager.getRepository(StudySite).findOneBy({ id });
  }

  findActiveSiteByToken(qrToken: string): Promise<StudySite | null> {
    return this.manager.getRepository(StudySite).findOneBy({ qrToken, active: true });
  }

  saveSite(site: Partial<StudySite>): Promise<StudySite> {
    return this.manager.getRepository(StudySite).save(site);
  }

  async lastPosition(): Promise<number> {
    const [{ last }] = await this.manager.query<{ last: number }[]>(
      'SELECT COALESCE(max(position), 0)::int AS last FROM study_sites',
    );
    return last;
  }

  /** Every site's id in route order, each row locked until the transaction ends. */
  async lockRouteOrder(): Promise<string[]> {
    const rows = await this.manager.query<{ id: string }[]>(
      'SELECT id FROM study_sites ORDER BY position, name, id FOR UPDATE',
    );
    return rows.map((r) => r.id);
  }

  /** Numbers the sites 1..n in the given order, writing only the positions that change. */
  async renumber(order: string[]): Promise<void> {
    await this.manager.query(
      `UPDATE study_sites s SET position = o.n FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, n) WHERE s.id = o.id AND s.position <> o.n`,
      [order],
    );
  }

  activeSites(): Promise<ActiveSiteRow[]> {
    return this.manager.query<ActiveSiteRow[]>(
      'SELECT id, name, daily_capacity FROM study_sites WHERE active ORDER BY position, name',
    );
  }

  countPhotos(siteId: string): Promise<number> {
    return this.manager.getRepository(StudySitePhoto).count({ where: { siteId } });
  }

  savePhoto(photo: Partial<StudySitePhoto>): Promise<StudySitePhoto> {
    return this.manager.getRepository(StudySitePhoto).save(photo);
  }

  findPhoto(siteId: string, photoId: string): Promise<StudySitePhoto | null> {
    return this.manager.getRepository(StudySitePhoto).findOneBy({ id: photoId, siteId });
  }

  async deletePhoto(id: string): Promise<void> {
    await this.manager.getRepository(StudySitePhoto).delete({ id });
  }

  photosOf(siteIds: string[]): Promise<StudySitePhoto[]> {
    return this.manager
      .getRepository(StudySitePhoto)
      .find({ where: { siteId: In(siteIds) }, order: { createdAt: 'ASC' } });
  }

  /** A transaction lock on the tenant's day: bookings of one day line up behind it. */
  async lockDay(tenantId: string, day: string): Promise<void> {
    await this.manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('study_bookings:' || $1::text || ':' || $2::text, 0))`,
      [tenantId, day],
    );
  }

  /** People booked for the route on `day`: the sum of the day's live bookings. */
  async bookedOn(day: string): Promise<number> {
    const [row] = await this.manager.query<{ booked: number }[]>(
      `SELECT COALESCE(sum(group_size), 0)::int AS booked FROM study_bookings WHERE visit_on = $1 AND status = 'booked'`,
      [day],
    );
    return row.booked;
  }

  saveBooking(booking: Partial<StudyBooking>): Promise<StudyBooking> {
    return this.manager.getRepository(StudyBooking).save(booking);
  }

  findBooking(id: string): Promise<StudyBooking | null> {
    return this.manager.getRepository(StudyBooking).findOneBy({ id });
  }

  findBookingForUpdate(id: string): Promise<StudyBooking | null> {
    return this.manager.getRepository(StudyBooking).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async setBookingStatus(id: string, status: StudyBookingStatus): Promise<void> {
    await this.manager.getRepository(StudyBooking).update({ id }, { status });
  }

  /** A page of bookings by visit day, from `from` on; `scope` keeps those of a person and their organisation. */
  bookingsPage(
    filter: { from?: string; scope: BookerScope | null },
    page: { limit?: number; cursor?: string },
  ): Promise<Page<StudyBooking>> {
    const qb = this.manager.getRepository(StudyBooking).createQueryBuilder('b');
    if (filter.from) qb.andWhere('b.visit_on >= :from', { from: filter.from });
    if (filter.scope) {
      qb.andWhere(
        '(b.booker_user_id = :user OR (b.booker_organization_id IS NOT NULL AND b.booker_organization_id = :org))',
        { user: filter.scope.userId, org: filter.scope.organizationId },
      );
    }
    return keysetPage(qb, { column: 'b.visit_on', kind: 'date', idColumn: 'b.id', direction: 'ASC' }, page);
  }

  /** The day's live bookings of a person or their organisation, and the outside groups when `withOutside`. */
  async bookingIdsOn(day: string, scope: BookerScope, withOutside: boolean): Promise<string[]> {
    const rows = await this.manager.query<{ id: string }[]>(
      `SELECT id FROM study_bookings WHERE visit_on = $1 AND status = 'booked'
          AND (booker_user_id = $2 OR (booker_organization_id IS NOT NULL AND booker_organization_id = $3) OR (outside_group AND $4))
       ORDER BY created_at LIMIT 20`,
      [day, scope.userId, scope.organizationId, withOutside],
    );
    return rows.map((r) => r.id);
  }

  /** The first live booking of a person's or their organisation's group (not an outside one) on `day`. */
  async firstGroupBookingOn(day: string, scope: BookerScope): Promise<StudyBooking | null> {
    const [booking] = await this.manager
      .getRepository(StudyBooking)
      .createQueryBuilder('b')
      .where(`b.visit_on = :today AND b.status = 'booked' AND NOT b.outside_group`, { today: day })
      .andWhere(
        '(b.booker_user_id = :user OR (b.booker_organization_id IS NOT NULL AND b.booker_organization_id = :org))',
        { user: scope.userId, org: scope.organizationId },
      )
      .orderBy('b.created_at')
      .limit(1)
      .getMany();
    return booking ?? null;
  }

  /** Records a visit once per site and booking (a second one changes nothing) and returns the recorded one. */
  async recordVisit(visit: {
    tenantId: string;
    siteId: string;
    bookingId: string;
    people: number;
    visitedAt: Date;
    recordedById: string;
  }): Promise<SiteVisitRow> {
    await this.manager.query(
      `INSERT INTO study_site_visits (tenant_id, site_id, booking_id, people, visited_at, recorded_by_id) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (site_id, booking_id) DO NOTHING`,
      [visit.tenantId, visit.siteId, visit.bookingId, visit.people, visit.visitedAt, visit.recordedById],
    );
    const [row] = await this.manager.query<SiteVisitRow[]>(
      'SELECT id, people, visited_at FROM study_site_visits WHERE site_id = $1 AND booking_id = $2',
      [visit.siteId, visit.bookingId],
    );
    return row;
  }

  /** Visits and people per site and month of `year`, in `timeZone`. */
  visitStats(year: number, timeZone: string): Promise<VisitStatsRow[]> {
    return this.manager.query<VisitStatsRow[]>(
      `SELECT s.id AS "siteId", s.name AS "siteName", to_char(v.visited_at AT TIME ZONE $2, 'YYYY-MM') AS month,
              count(*)::int AS visits, sum(v.people)::int AS people
         FROM study_site_visits v JOIN study_sites s ON s.id = v.site_id
        WHERE extract(year FROM v.visited_at AT TIME ZONE $2) = $1
        GROUP BY s.id, s.name, s.position, month ORDER BY month, s.position`,
      [year, timeZone],
    );
  }

  async tenantTimeZone(tenantId: string): Promise<string | null> {
    const [tenant] = await this.manager.query<{ time_zone: string }[]>('SELECT time_zone FROM tenants WHERE id = $1', [
      tenantId,
    ]);
    return tenant?.time_zone ?? null;
  }

  bookingRows(ids: string[]): Promise<StudyBookingRow[]> {
    return this.manager.query<StudyBookingRow[]>(
      `SELECT b.*, to_char(b.visit_on, 'YYYY-MM-DD') AS visit_day, u.display_name AS booker_name, o.name AS organization_name,
              COALESCE((SELECT array_agg(v.site_id) FROM study_site_visits v WHERE v.booking_id = b.id), '{}') AS visited
         FROM study_bookings b JOIN people_directory u ON u.id = b.booker_user_id LEFT JOIN organization_directory o ON o.id = b.booker_organization_id
        WHERE b.id = ANY($1) ORDER BY b.visit_on, b.id`,
      [ids],
    );
  }

  /**
   * The visits recorded in [from, to) (the township's days) by groups booked by any of the
   * organisations, by site in route order: visits, groups and people; for the alliance's ledger.
   */
  visitsBySite(
    organizationIds: string[],
    from: string,
    to: string,
  ): Promise<{ site: string; visits: number; groups: number; people: number }[]> {
    return this.manager.query(
      `SELECT s.name AS site, count(*)::int AS visits, count(DISTINCT v.booking_id)::int AS groups, sum(v.people)::int AS people
         FROM study_site_visits v JOIN study_sites s ON s.id = v.site_id JOIN study_bookings b ON b.id = v.booking_id
        WHERE b.booker_organization_id = ANY($1)
          AND v.visited_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
          AND v.visited_at < ($3::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
        GROUP BY s.id, s.name, s.position ORDER BY s.position, s.id`,
      [organizationIds, from, to],
    );
  }
}
