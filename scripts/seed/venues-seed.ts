import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { DEMO_PAIRS, DEMO_VENUE_BOOKINGS, STUDY_SITES, ZONE_DETAILS } from './anhai-data';
import type { DemoDates } from './demo-dates';

/** Zone details, a few bookings, the study route with a past group's visits, and pairing visits. Idempotent. */
export async function seedVenuesStudyRouteAndPairing(
  db: Client,
  tenantId: string,
  venueId: string,
  dates: DemoDates,
): Promise<void> {
  const shanghaiDate = (daysFromNow: number) => dates.day(daysFromNow);
  for (const [name, details] of Object.entries(ZONE_DETAILS)) {
    await db.query(
      `UPDATE venue_zones SET description = $3, opening_hours = $4, requires_approval = $5 WHERE venue_id = $1 AND name = $2 AND opening_hours IS NULL`,
      [venueId, name, details.description, JSON.stringify(details.openingHours), details.requiresApproval],
    );
  }
  await db.query(`UPDATE venues SET description = $2 WHERE id = $1 AND description IS NULL`, [
    venueId,
    '由鸿安机械提供闲置厂房改建，设企业展示区、共享办公区、党员活动区和事务共商区，供联盟成员预约使用。',
  ]);
  for (const demo of DEMO_VENUE_BOOKINGS) {
    const {
      rows: [user],
    } = await db.query<{ id: string; organization_id: string }>(
      'SELECT id, organization_id FROM users WHERE email = $1',
      [demo.booker],
    );
    const {
      rows: [zone],
    } = await db.query<{ id: string }>('SELECT id FROM venue_zones WHERE venue_id = $1 AND name = $2', [
      venueId,
      demo.zone,
    ]);
    const day = dates.weekday(demo.weekdaysAhead);
    const {
      rows: [booking],
    } = await db.query<{ id: string; starts_at: Date; ends_at: Date }>(
      `INSERT INTO venue_bookings (tenant_id, venue_id, zone_id, booker_user_id, booker_organization_id, starts_at, ends_at, purpose, attendees, status)
       SELECT $1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6::timestamptz, $7::timestamptz, $8::varchar, $9::int, $10::venue_booking_status
        WHERE NOT EXISTS (SELECT 1 FROM venue_bookings WHERE zone_id = $3::uuid AND purpose = $8::varchar) RETURNING id, starts_at, ends_at`,
      [
        tenantId,
        venueId,
        zone.id,
        user.id,
        user.organization_id,
        `${day}T14:00:00+08:00`,
        `${day}T16:00:00+08:00`,
        demo.purpose,
        demo.attendees,
        demo.status,
      ],
    );
    if (booking) {
      await db.query(
        `INSERT INTO room_reservations (tenant_id, zone_id, starts_at, ends_at, booking_id) VALUES ($1, $2, $3, $4, $5)`,
        [tenantId, zone.id, booking.starts_at, booking.ends_at, booking.id],
      );
    }
  }

  const siteIds: string[] = [];
  for (const [index, site] of STUDY_SITES.entries()) {
    await db.query(
      `INSERT INTO study_sites (tenant_id, name, description, address, daily_capacity, position, qr_token)
       SELECT $1::uuid, $2::varchar, $3::text, $4::varchar, $5::int, $6::int, $7::varchar WHERE NOT EXISTS (SELECT 1 FROM study_sites WHERE tenant_id = $1::uuid AND name = $2::varchar)`,
      [
        tenantId,
        site.name,
        site.description,
        site.address,
        site.dailyCapacity,
        index + 1,
        randomBytes(24).toString('base64url'),
      ],
    );
    const {
      rows: [row],
    } = await db.query<{ id: string }>('SELECT id FROM study_sites WHERE tenant_id = $1 AND name = $2', [
      tenantId,
      site.name,
    ]);
    siteIds.push(row.id);
  }
  const {
    rows: [official],
  } = await db.query<{ id: string }>(`SELECT id FROM users WHERE email = 'official@anhai.demo'`);
  const {
    rows: [xingyi],
  } = await db.query<{ id: string; organization_id: string }>(
    `SELECT id, organization_id FROM users WHERE email = 'xingyi@anhai.demo'`,
  );
  const groups = [
    {
      name: '泉州市机关党员研学团',
      size: 30,
      daysFromNow: -20,
      user: official.id,
      organization: null,
      outside: true,
      contact: '陈老师',
      phone: '0595-22000000',
    },
    {
      name: '兴翼机械党支部',
      size: 15,
      daysFromNow: 5,
      user: xingyi.id,
      organization: xingyi.organization_id,
      outside: false,
      contact: '黄丽娟',
      phone: null,
    },
  ];
  for (const group of groups) {
    const day = shanghaiDate(group.daysFromNow);
    const {
      rows: [booking],
    } = await db.query<{ id: string }>(
      `INSERT INTO study_bookings (tenant_id, visit_on, group_name, contact_name, contact_phone, group_size, booker_user_id, booker_organization_id, outside_group)
       SELECT $1::uuid, $2::date, $3::varchar, $4::varchar, $5::varchar, $6::int, $7::uuid, $8::uuid, $9::boolean WHERE NOT EXISTS (SELECT 1 FROM study_bookings WHERE tenant_id = $1::uuid AND group_name = $3::varchar) RETURNING id`,
      [
        tenantId,
        day,
        group.name,
        group.contact,
        group.phone,
        group.size,
        group.user,
        group.organization,
        group.outside,
      ],
    );
    if (!booking) continue;
    if (group.daysFromNow >= 0) continue;
    for (const siteId of siteIds) {
      await db.query(
        `INSERT INTO study_site_visits (tenant_id, site_id, booking_id, people, visited_at, recorded_by_id) VALUES ($1, $2, $3, $4, $5::timestamptz, $6)`,
        [tenantId, siteId, booking.id, group.size, `${day}T10:00:00+08:00`, official.id],
      );
    }
  }

  for (const demo of DEMO_PAIRS) {
    const {
      rows: [user],
    } = await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [demo.official]);
    const {
      rows: [organization],
    } = await db.query<{ id: string }>('SELECT id FROM organizations WHERE tenant_id = $1 AND name = $2', [
      tenantId,
      demo.organization,
    ]);
    const {
      rows: [pair],
    } = await db.query<{ id: string }>(
      `INSERT INTO pairing_pairs (tenant_id, official_user_id, organization_id, interval_days, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5::timestamptz - interval '90 days', $5::timestamptz - interval '90 days')
       ON CONFLICT (tenant_id, official_user_id, organization_id) DO NOTHING RETURNING id`,
      [tenantId, user.id, organization.id, demo.intervalDays, dates.now],
    );
    if (!pair) continue;
    if (demo.visitDaysAgo === null) {
      // Paired recently: not due yet.
      await db.query(`UPDATE pairing_pairs SET created_at = $2 WHERE id = $1`, [pair.id, dates.now]);
      continue;
    }
    const {
      rows: [visit],
    } = await db.query<{ id: string }>(
      `INSERT INTO pairing_visits (tenant_id, pair_id, visited_on, people_met, notes, recorded_by_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [tenantId, pair.id, shanghaiDate(-demo.visitDaysAgo), demo.peopleMet, demo.notes, user.id],
    );
    for (const [position, description] of demo.problems.entries()) {
      await db.query(
        `INSERT INTO pairing_visit_problems (tenant_id, visit_id, position, description) VALUES ($1, $2, $3, $4)`,
        [tenantId, visit.id, position, description],
      );
    }
  }
}
