import { Client } from 'pg';
import { DEMO_PASSWORD, TENANT } from '../../scripts/seed/anhai-data';
import { REFRESH_MEMBER_FIGURES_SQL } from '../../src/modules/alliances/figures/member-figures.sql';
import { REFRESH_MEETING_FIGURES_SQL } from '../../src/modules/meetings/figures/meeting-figures.sql';
import { REFRESH_DAILY_FIGURES_SQL } from '../../src/modules/service-requests/statistics/daily-figures.sql';
import { PasswordHasher } from '../../src/platform/auth/password-hasher';
import { seedMeetings, seedVenues } from './meetings-seed';
import { seedUsers } from './people-seed';
import {
  loadAlliances,
  seedAlliances,
  seedCatalogue,
  seedDepartmentMemberships,
  seedOrganizations,
} from './registry-seed';
import { planRequests, seedRequestPart } from './requests-seed';
import { createHelpers, SeedContext } from './seed-context';
import { MORE_DEPARTMENTS } from './vocabulary';

export interface LargeTenantScale {
  alliances: number;
  organisations: number;
  users: number;
  requests: number;
  meetings: number;
}

/** Issue 9's large tenant. Totals include the demo seed's rows. */
export const FULL_SCALE: LargeTenantScale = {
  alliances: 5,
  organisations: 10_000,
  users: 20_000,
  requests: 1_000_000,
  meetings: 100_000,
};

/** FULL_SCALE times a factor (SCALE=0.01 for a quick run); the five alliances stay. */
export function scaleBy(factor: number): LargeTenantScale {
  const times = (n: number) => Math.max(1, Math.round(n * factor));
  return {
    alliances: FULL_SCALE.alliances,
    organisations: times(FULL_SCALE.organisations),
    users: times(FULL_SCALE.users),
    requests: times(FULL_SCALE.requests),
    meetings: times(FULL_SCALE.meetings),
  };
}

/** Tables the benchmark reads, vacuumed so the visibility map allows index-only scans, and analysed. */
const VACUUMED = [
  'organizations',
  'party_organizations',
  'alliance_memberships',
  'users',
  'experts',
  'service_categories',
  'routing_rules',
  'service_requests',
  'service_request_events',
  'follow_up_tasks',
  'tenant_counters',
  'meetings',
  'meeting_participants',
  'room_reservations',
  'venue_zones',
  'audit_log',
  'service_request_daily_figures',
  'service_request_figure_changes',
  'service_request_monthly_department_figures',
  'service_request_monthly_category_figures',
  'service_request_daily_statuses',
  'meeting_daily_figures',
  'meeting_figure_changes',
  'alliance_member_figures',
  'alliance_member_figure_changes',
  'organization_figure_changes',
];

/** What the result reports, per key: table and an optional condition, counted within the tenant. */
const COUNTED: Record<string, [string, string?]> = {
  alliances: ['alliances'],
  organisations: ['organizations'],
  departments: ['organizations', `kind = 'department'`],
  partyOrganisations: ['party_organizations'],
  allianceMemberships: ['alliance_memberships'],
  users: ['users'],
  serviceRequests: ['service_requests'],
  serviceRequestEvents: ['service_request_events'],
  followUpTasks: ['follow_up_tasks'],
  meetings: ['meetings'],
  meetingParticipants: ['meeting_participants'],
  roomReservations: ['room_reservations'],
  venueZones: ['venue_zones'],
};

/**
 * Grows the demo seed's Anhai tenant to `scale` with set-based SQL (INSERT ... SELECT over
 * generate_series, a handful of statements per table), as the database owner, which bypasses
 * row-level security. Every choice derives from a row's index, so runs are comparable; counts are
 * topped up to the totals, so a second run adds nothing.
 */
export async function seedLargeTenant(
  adminUrl: string,
  scale: LargeTenantScale,
  /** The seed's "now": meetings and requests are placed around it. */
  now: Date,
  log: (line: string) => void = () => undefined,
): Promise<{ tenantId: string; seconds: number; rows: Record<string, number> }> {
  const started = Date.now();
  const db = await openSession(adminUrl);
  let second: Client | undefined;
  try {
    const {
      rows: [tenant],
    } = await db.query<{ id: string }>('SELECT id FROM tenants WHERE slug = $1', [TENANT.slug]);
    if (!tenant) throw new Error(`The demo seed must run first: there is no tenant "${TENANT.slug}".`);
    const ctx: SeedContext = {
      db,
      tenantId: tenant.id,
      now: new Date(Math.floor(now.getTime() / 60_000) * 60_000),
      log,
    };
    await createHelpers(ctx);
    const passwordHash = await new PasswordHasher().hash(DEMO_PASSWORD);

    const phase = async (name: string, work: () => Promise<void>) => {
      const at = Date.now();
      log(`${name}:`);
      await work();
      log(`  (${name}: ${((Date.now() - at) / 1000).toFixed(1)} s)`);
    };
    await phase('registry', async () => {
      await db.query('BEGIN');
      try {
        await seedAlliances(ctx, scale.alliances);
        const departments = Math.min(7 + MORE_DEPARTMENTS.length, Math.round(scale.organisations * 0.004));
        await seedOrganizations(ctx, scale.organisations, departments);
        await seedCatalogue(ctx);
        await seedDepartmentMemberships(ctx);
        await seedUsers(ctx, scale.users, passwordHash);
        await seedVenues(ctx);
        await db.query('COMMIT');
      } catch (error) {
        await db.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
    // Two sessions, so the load uses both cores: one adds the older half of the requests, the other
    // the meetings and then the newer half. They write different rows (and different numbers).
    second = await openSession(adminUrl);
    const other: SeedContext = { ...ctx, db: second };
    await createHelpers(other);
    await loadAlliances(other);
    await phase('service requests and meetings', async () => {
      const plan = await planRequests(ctx, scale.requests);
      await Promise.all([
        plan && seedRequestPart(ctx, plan, 0, 2),
        (async () => {
          await seedMeetings(other, scale.meetings);
          if (plan) await seedRequestPart(other, plan, 1, 2);
        })(),
      ]);
    });
    // The requests went in with triggers off, so no day was recorded as changed: record them all,
    // then sum them by day and month as the worker does every few seconds (as the owner: every township at once).
    await phase('statistics daily sums', async () => {
      await db.query(`INSERT INTO service_request_figure_changes (tenant_id, alliance_id, day)
                      SELECT DISTINCT tenant_id, alliance_id, (created_at AT TIME ZONE 'Asia/Shanghai')::date FROM service_requests`);
      await db.query(REFRESH_DAILY_FIGURES_SQL);
    });
    // The meetings, invitations and check-ins too (the dashboard's meeting figures).
    await phase('meeting daily sums', async () => {
      await db.query(`INSERT INTO meeting_figure_changes (tenant_id, alliance_id, day)
                      SELECT DISTINCT tenant_id, alliance_id, (starts_at AT TIME ZONE 'Asia/Shanghai')::date FROM meetings`);
      await db.query(REFRESH_MEETING_FIGURES_SQL);
    });
    // And the members (every alliance summed again, so the organisations' changes go too).
    await phase('member sums', async () => {
      await db.query(`DELETE FROM organization_figure_changes`);
      await db.query(
        `INSERT INTO alliance_member_figure_changes (tenant_id, alliance_id) SELECT tenant_id, id FROM alliances`,
      );
      await db.query(REFRESH_MEMBER_FIGURES_SQL, [[]]);
    });
    await phase('vacuum analyze', async () => {
      for (const table of VACUUMED) await db.query(`VACUUM (ANALYZE) ${table}`);
    });
    // The seed dirtied gigabytes of pages: written out now, not by a checkpoint in the middle of a measurement.
    await phase('checkpoint', async () => {
      await db.query('CHECKPOINT');
    });

    const rows: Record<string, number> = {};
    for (const [key, [table, condition]] of Object.entries(COUNTED)) {
      const sql = `SELECT count(*) AS n FROM ${table} WHERE tenant_id = $1${condition ? ` AND ${condition}` : ''}`;
      rows[key] = Number((await db.query<{ n: string }>(sql, [tenant.id])).rows[0].n);
    }
    return { tenantId: tenant.id, seconds: (Date.now() - started) / 1000, rows };
  } finally {
    await second?.end();
    await db.end();
  }
}

/** An admin session with room for the bulk load; temp_buffers only counts before its first temporary table. */
async function openSession(adminUrl: string): Promise<Client> {
  const db = new Client({ connectionString: adminUrl });
  await db.connect();
  await db.query(
    `SET temp_buffers = '256MB'; SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'; SET synchronous_commit = off`,
  );
  return db;
}
