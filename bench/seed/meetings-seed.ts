import { ACTIVITY_CENTRE } from '../../scripts/seed/anhai-data';
import { BENCH_EMAIL_DOMAIN } from './people-seed';
import { localDate } from './registry-seed';
import { bucketBounds, count, primeAtMost, SeedContext, sqlArray, timed } from './seed-context';
import { CANCEL_REASONS, MEETING_SLOTS, MEETING_TOPICS, MORE_VENUES } from './vocabulary';
import { MEETING_PARTICIPANTS_SQL, MEETING_STAGE_SQL } from './meeting-stage';

/** Meetings run from this many days ago to FUTURE_DAYS ahead, on working days only. */
const PAST_DAYS = 3 * 365;
const FUTURE_DAYS = 90;
/** The demo centre's meeting room is booked densely (4 of 5 slots a day) from a year ago to FUTURE_DAYS ahead. */
const DENSE_ROOM = '第一会议室';
const DENSE_FROM_DAYS = 365;

/** The activity centres of the other alliances, so rooms spread over twenty zones. */
export async function seedVenues(ctx: SeedContext): Promise<void> {
  const t = ctx.tenantId;
  await timed(
    ctx,
    'venues',
    `INSERT INTO venues (tenant_id, name, address) SELECT $1, x.name, x.address FROM unnest($2::text[], $3::text[]) AS x(name, address)
     ON CONFLICT (tenant_id, name) DO NOTHING`,
    [t, MORE_VENUES.map((v) => v.name), MORE_VENUES.map((v) => v.address)],
  );
  const zones = MORE_VENUES.flatMap((v) => v.zones.map((z) => ({ venue: v.name, ...z })));
  await timed(
    ctx,
    'venue zones',
    `INSERT INTO venue_zones (tenant_id, venue_id, name, kind, capacity)
     SELECT $1, v.id, z.name, z.kind::zone_kind, z.capacity
       FROM unnest($2::text[], $3::text[], $4::text[], $5::int[]) AS z(venue, name, kind, capacity) JOIN venues v ON v.tenant_id = $1 AND v.name = z.venue
     ON CONFLICT (venue_id, name) DO NOTHING`,
    [t, zones.map((z) => z.venue), zones.map((z) => z.name), zones.map((z) => z.kind), zones.map((z) => z.capacity)],
  );
}

/**
 * Joint meetings of the alliances. Meeting k falls on working day k·D/M in slot k mod 5; a chair
 * is chairs[k mod C] with C a prime other than 5, so two meetings of one slot share a chair only
 * if their k differ by 5·C, more than a day holds: nobody required is double-booked. A fifth of
 * the meetings (k / 5 a multiple of 5) take a room, zones[(k / 25) mod Z], which for the same
 * reason never overlaps another.
 */
export async function seedMeetings(ctx: SeedContext, target: number): Promise<void> {
  const t = ctx.tenantId;
  const add = target - (await count(ctx, 'SELECT count(*) AS n FROM meetings WHERE tenant_id = $1', [t]));
  if (add <= 0) return ctx.log('  meetings: none added');
  const today = localDate(ctx.now);
  const firstDay = localDate(new Date(ctx.now.getTime() - PAST_DAYS * 86_400_000));
  const lastDay = localDate(new Date(ctx.now.getTime() + FUTURE_DAYS * 86_400_000));

  const people = async (sql: string) => (await ctx.db.query<{ id: string }>(sql, [t])).rows.map((r) => r.id);
  const officials = await people(
    `SELECT id FROM users WHERE tenant_id = $1 AND role = 'township_admin' AND status = 'active' ORDER BY email`,
  );
  const leaders = await people(
    `SELECT id FROM users WHERE tenant_id = $1 AND role = 'department_staff' AND status = 'active' AND is_leader ORDER BY email`,
  );
  const staff = await people(
    `SELECT id FROM users WHERE tenant_id = $1 AND role = 'department_staff' AND status = 'active' AND NOT is_leader ORDER BY email`,
  );
  const chairs = [...officials, ...leaders];
  const chairCount = primeAtMost(chairs.length, 5);
  const staffCount = primeAtMost(staff.length, 5);
  const zones = await people(
    `SELECT z.id FROM venue_zones z JOIN venues v ON v.id = z.venue_id
      WHERE z.tenant_id = $1 AND NOT (v.name = '${ACTIVITY_CENTRE.name}' AND z.name = '${DENSE_ROOM}') ORDER BY v.name, z.name`,
  );
  const [denseZone] = await people(
    `SELECT z.id FROM venue_zones z JOIN venues v ON v.id = z.venue_id WHERE z.tenant_id = $1 AND v.name = '${ACTIVITY_CENTRE.name}' AND z.name = '${DENSE_ROOM}'`,
  );

  await createMeetingPools(ctx);
  await ctx.db.query('DROP TABLE IF EXISTS bench_day');
  await ctx.db.query(
    `CREATE TEMP TABLE bench_day AS
     SELECT (row_number() OVER (ORDER BY day) - 1)::int AS d, day::date AS day
       FROM generate_series($1::date, $2::date, interval '1 day') AS day WHERE extract(isodow FROM day) < 6`,
    [firstDay, lastDay],
  );
  const days = await count(ctx, 'SELECT count(*) AS n FROM bench_day');
  const perDay = Math.ceil(add / days);
  if (5 * Math.min(chairCount, staffCount) <= perDay || 25 * zones.length <= perDay) {
    ctx.log(
      `  warning: ${perDay} meetings a day for ${chairCount} chairs, ${staffCount} staff and ${zones.length} zones; some may be double-booked`,
    );
  }
  const shares = (
    await ctx.db.query<{ n: string }>('SELECT members AS n FROM bench_meeting_alliance ORDER BY k')
  ).rows.map((r) => Number(r.n));

  await ctx.db.query('DROP TABLE IF EXISTS bench_mt');
  await timed(
    ctx,
    'plan meetings',
    MEETING_STAGE_SQL(MEETING_SLOTS, sqlArray(MEETING_TOPICS), sqlArray(CANCEL_REASONS)),
    [
      ctx.now,
      add,
      days,
      bucketBounds(shares),
      chairs.slice(0, chairCount),
      officials,
      staff.slice(0, staffCount),
      zones,
      denseZone ?? null,
      today,
      DENSE_FROM_DAYS,
    ],
  );
  // A zone already reserved (the demo's venue bookings) at a generated meeting's time: meet elsewhere.
  await timed(
    ctx,
    'meetings moved off booked rooms',
    `UPDATE bench_mt m SET zone_id = NULL, place_kind = 'address', address = '安海镇人民政府三楼会议室'
      WHERE m.zone_id IS NOT NULL AND EXISTS (SELECT 1 FROM room_reservations r WHERE r.zone_id = m.zone_id AND r.starts_at < m.ends_at AND r.ends_at > m.starts_at)`,
  );

  await ctx.db.query('BEGIN');
  try {
    // As for the requests: no audit rows for the generated history (see requests-seed.ts); meetings
    // and participants have no foreign keys. room_reservations has no trigger, and its exclusion
    // constraint is checked as always.
    await ctx.db.query('SET LOCAL session_replication_role = replica');
    await timed(
      ctx,
      'meetings',
      `INSERT INTO meetings (id, tenant_id, created_at, updated_at, alliance_id, title, convener_id, chair_id, recorder_id, place_kind, zone_id,
                             address, online_url, starts_at, ends_at, status, cancel_reason)
       SELECT m.id, $1, m.created_at, m.updated_at, a.id, m.title, m.convener_id, m.chair_id, m.recorder_id, m.place_kind::meeting_place_kind, m.zone_id,
              m.address, m.online_url, m.starts_at, m.ends_at, m.status::meeting_status, m.cancel_reason
         FROM bench_mt m JOIN bench_alliance a ON a.k = m.ak ORDER BY m.starts_at`,
      [t],
    );
    // Hash the small pools rather than probe them once per meeting.
    await ctx.db.query('SET LOCAL enable_nestloop = off');
    await timed(ctx, 'meeting participants', MEETING_PARTICIPANTS_SQL, [t, ctx.now]);
    await timed(
      ctx,
      'room reservations',
      `INSERT INTO room_reservations (tenant_id, zone_id, starts_at, ends_at, meeting_id, created_at)
       SELECT $1, m.zone_id, m.starts_at, m.ends_at, m.id, m.created_at
         FROM bench_mt m WHERE m.zone_id IS NOT NULL AND m.status = 'scheduled' ORDER BY m.starts_at`,
      [t],
    );
    await ctx.db.query('COMMIT');
  } catch (error) {
    await ctx.db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  await ctx.db.query('DROP TABLE IF EXISTS bench_mt, bench_day');
}

/** Per alliance: its lead and how many members and departments it has, and both ranked by name, to invite. */
async function createMeetingPools(ctx: SeedContext): Promise<void> {
  await ctx.db.query('DROP TABLE IF EXISTS bench_first_person, bench_mpool, bench_dpool, bench_meeting_alliance');
  // The person an organisation names: a demo user if it has one (jingong@, dept@), else its first
  // active contact or member of staff by email.
  await ctx.db.query(
    `CREATE TEMP TABLE bench_first_person AS
     SELECT DISTINCT ON (organization_id) organization_id, id FROM users
      WHERE tenant_id = $1 AND organization_id IS NOT NULL AND status = 'active' AND role IN ('enterprise_contact', 'department_staff')
      ORDER BY organization_id, email LIKE '%@${BENCH_EMAIL_DOMAIN}', email`,
    [ctx.tenantId],
  );
  const pool = (name: string, role: string) =>
    ctx.db.query(
      `CREATE TEMP TABLE ${name} AS
       SELECT a.k, (row_number() OVER (PARTITION BY a.k ORDER BY o.name) - 1)::int AS rank, o.id AS org_id, f.id AS person
         FROM alliance_memberships m JOIN bench_alliance a ON a.id = m.alliance_id JOIN organizations o ON o.id = m.organization_id
         LEFT JOIN bench_first_person f ON f.organization_id = o.id
        WHERE m.tenant_id = $1 AND m.role = '${role}' AND m.left_on IS NULL`,
      [ctx.tenantId],
    );
  await pool('bench_mpool', 'member');
  await pool('bench_dpool', 'department');
  await ctx.db.query('CREATE INDEX ON bench_mpool (k, rank); CREATE INDEX ON bench_dpool (k, rank)');
  await ctx.db.query(
    `CREATE TEMP TABLE bench_meeting_alliance AS
     SELECT a.k, a.founded, a.short,
            (SELECT count(*) FROM bench_mpool p WHERE p.k = a.k)::int AS members,
            (SELECT count(*) FROM bench_dpool p WHERE p.k = a.k)::int AS departments,
            l.organization_id AS lead,
            (SELECT f.id FROM bench_first_person f WHERE f.organization_id = l.organization_id) AS lead_person,
            (SELECT o.name FROM organizations o WHERE o.id = l.organization_id) AS lead_name
       FROM bench_alliance a LEFT JOIN alliance_memberships l ON l.alliance_id = a.id AND l.role = 'lead' AND l.left_on IS NULL`,
  );
  await ctx.db.query('ANALYZE bench_mpool; ANALYZE bench_dpool; ANALYZE bench_meeting_alliance');
}
