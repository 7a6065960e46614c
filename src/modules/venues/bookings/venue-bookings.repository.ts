import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { keysetPage } from '../../../platform/pagination/keyset';
import type { Page } from '../../../platform/pagination/page.dto';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import type { CalendarEntryView } from '../dto/venue-booking.dto';
import { VenueBooking, VenueBookingStatus } from '../entities/venue-booking.entity';
import { earliestReservationStart } from '../exported-views';
import { VenueZone } from '../entities/venue-zone.entity';

/** What holds a zone's slot, and whether the viewer may see its title. */
export interface SlotHolderRow {
  meeting_id: string | null;
  title: string | null;
  starts_at: Date;
  ends_at: Date;
  visible: boolean;
}

/** A calendar entry, and whether the viewer may see what it is. */
export type CalendarRow = CalendarEntryView & { visible: boolean };

/** A booking with its venue's, zone's, booker's and organisation's names. */
export interface VenueBookingRow {
  id: string;
  venue_id: string;
  venue_name: string;
  zone_id: string;
  zone_name: string;
  starts_at: Date;
  ends_at: Date;
  purpose: string;
  attendees: number;
  status: VenueBookingStatus;
  booker_user_id: string;
  booker_name: string;
  booker_organization_id: string | null;
  /** Set when booker_organization_id is (a foreign key). */
  organization_name: string;
  decision_note: string | null;
  decided_at: Date | null;
}

/** Who looks: whose meetings and bookings they may see. */
export interface Viewer {
  userId: string;
  organizationId: string | null;
  official: boolean;
}

/** Members' bookings of zones, and the reservations they hold. Queries only. */
@Injectable()
export class VenueBookingsRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  findZone(id: string): Promise<VenueZone | null> {
    return this.manager.getRepository(VenueZone).findOneBy({ id });
  }

  findZoneOrFail(id: string): Promise<VenueZone> {
    return this.manager.getRepository(VenueZone).findOneByOrFail({ id });
  }

  async venueExists(id: string): Promise<boolean> {
    const [venue] = await this.manager.query<{ id: string }[]>('SELECT id FROM venues WHERE id = $1', [id]);
    return !!venue;
  }

  save(booking: Partial<VenueBooking>): Promise<VenueBooking> {
    return this.manager.getRepository(VenueBooking).save(booking);
  }

  findById(id: string): Promise<VenueBooking | null> {
    return this.manager.getRepository(VenueBooking).findOneBy({ id });
  }

  findForUpdate(id: string): Promise<VenueBooking | null> {
    return this.manager.getRepository(VenueBooking).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(id: string, changes: Partial<VenueBooking>): Promise<void> {
    await this.manager.getRepository(VenueBooking).update({ id }, changes);
  }

  /** A page of bookings by start; `bookerScope` keeps a person's own and their organisation's. */
  page(
    filter: {
      status?: VenueBookingStatus;
      venueId?: string;
      bookerScope: { userId: string; organizationId: string | null } | null;
    },
    page: { limit?: number; cursor?: string },
  ): Promise<Page<VenueBooking>> {
    const qb = this.manager.getRepository(VenueBooking).createQueryBuilder('b');
    if (filter.status) qb.andWhere('b.status = :status', { status: filter.status });
    if (filter.venueId) qb.andWhere('b.venue_id = :venue', { venue: filter.venueId });
    if (filter.bookerScope) {
      qb.andWhere(
        '(b.booker_user_id = :user OR (b.booker_organization_id IS NOT NULL AND b.booker_organization_id = :org))',
        { user: filter.bookerScope.userId, org: filter.bookerScope.organizationId },
      );
    }
    return keysetPage(qb, { column: 'b.starts_at', kind: 'timestamp', idColumn: 'b.id', direction: 'ASC' }, page);
  }

  /** The first reservation of the zone overlapping [startsAt, endsAt), and whether the viewer may see what it is. */
  async slotHolder(zoneId: string, startsAt: Date, endsAt: Date, viewer: Viewer): Promise<SlotHolderRow | null> {
    const [holder] = await this.manager.query<SlotHolderRow[]>(
      `SELECT r.meeting_id, COALESCE(m.title, b.purpose) AS title, r.starts_at, r.ends_at,
              ($4 OR b.booker_user_id = $5 OR EXISTS (SELECT 1 FROM meeting_participant_directory p WHERE p.meeting_id = m.id AND (p.attendee_id = $5 OR p.organization_id = $6))) AS visible
         FROM room_reservations r LEFT JOIN meeting_directory m ON m.id = r.meeting_id LEFT JOIN venue_bookings b ON b.id = r.booking_id
        WHERE r.zone_id = $1 AND r.starts_at < $3 AND r.ends_at > $2 AND r.starts_at > $7 ORDER BY r.starts_at LIMIT 1`,
      [
        zoneId,
        startsAt,
        endsAt,
        viewer.official,
        viewer.userId,
        viewer.organizationId,
        earliestReservationStart(startsAt),
      ],
    );
    return holder ?? null;
  }

  /** Bookings and meeting reservations of the venue's zones over [from, to), up to 1000. */
  calendar(venueId: string, from: Date, to: Date, viewer: Viewer): Promise<CalendarRow[]> {
    return this.manager.query<CalendarRow[]>(
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
      [venueId, from, to, viewer.userId, viewer.official, viewer.organizationId, earliestReservationStart(from)],
    );
  }

  async tenantTimeZone(tenantId: string): Promise<string | null> {
    const [row] = await this.manager.query<{ time_zone: string }[]>('SELECT time_zone FROM tenants WHERE id = $1', [
      tenantId,
    ]);
    return row?.time_zone ?? null;
  }

  rows(ids: string[]): Promise<VenueBookingRow[]> {
    return this.manager.query<VenueBookingRow[]>(
      `SELECT b.*, v.name AS venue_name, z.name AS zone_name, u.display_name AS booker_name, o.name AS organization_name
         FROM venue_bookings b JOIN venues v ON v.id = b.venue_id JOIN venue_zones z ON z.id = b.zone_id
         JOIN people_directory u ON u.id = b.booker_user_id LEFT JOIN organization_directory o ON o.id = b.booker_organization_id
        WHERE b.id = ANY($1) ORDER BY b.starts_at, b.id`,
      [ids],
    );
  }

  /**
   * The approved bookings starting in [from, to) (the township's days) by any of the organisations, by
   * venue: how many, the people expected and the hours held; for the alliance's ledger.
   */
  useByVenue(
    organizationIds: string[],
    from: string,
    to: string,
  ): Promise<{ venue: string; bookings: number; attendees: number; hours: number }[]> {
    return this.manager.query(
      `SELECT v.name AS venue, count(*)::int AS bookings, sum(b.attendees)::int AS attendees,
              round(sum(extract(epoch FROM b.ends_at - b.starts_at)) / 3600, 1)::float8 AS hours
         FROM venue_bookings b JOIN venues v ON v.id = b.venue_id
        WHERE b.booker_organization_id = ANY($1) AND b.status = 'approved'
          AND b.starts_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
          AND b.starts_at < ($3::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
        GROUP BY v.id, v.name ORDER BY v.name, v.id`,
      [organizationIds, from, to],
    );
  }
}
