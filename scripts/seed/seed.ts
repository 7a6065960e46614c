import 'reflect-metadata';
import * as argon2 from 'argon2';
import { Client } from 'pg';
import { EnvironmentError, loadEnvironment } from '../../src/platform/config/environment';
import { checkPostgres, DependencyUnavailableError } from '../../src/platform/startup/dependency-check';
import { runProcess } from '../../src/platform/startup/run-process';
import { SystemClock } from '../../src/platform/clock/clock';
import { seedVenuesStudyRouteAndPairing } from './venues-seed';
import { CHINA_2026 } from '../../src/platform/calendar/china-holidays-2026';
import { DemoDates } from './demo-dates';
import { nextRequestNumbers, requestNumber } from './request-numbers';
import {
  ACTIVITY_CENTRE,
  DEMO_CALL,
  DEMO_CASES,
  DEMO_LISTINGS,
  DEMO_PASSWORD,
  DEMO_TALENTS,
  INDICATOR_FIELDS,
  INDICATOR_ROUNDS,
  DEMO_REQUESTS,
  ROUTING_RULES,
  SERVICE_CATEGORIES,
  STAFF,
  DEMO_USERS,
  DEPARTMENTS,
  FOOD_ALLIANCE,
  FOOD_MEMBERS,
  FORMER_MEMBER,
  LEAD,
  MEMBERS,
  SeedEnterprise,
  SMART_EQUIPMENT_ALLIANCE,
  TENANT,
} from './anhai-data';
import { seedThinkTank } from './think-tank-seed';
import { seedHistory } from './history';

/**
 * Demo data for the Anhai township, dated from `now` (the seed reads no clock of its own). Idempotent:
 * every row is keyed on a natural key, so running it again changes nothing; passwords of existing
 * users are left alone.
 */
export interface SeedOptions {
  /** A year of the alliance's history before today (meetings, requests, reviews, visits); default true. */
  history?: boolean;
}

export async function seed(adminUrl: string, now: Date, options: SeedOptions = {}): Promise<void> {
  const dates = new DemoDates(now);
  const db = new Client({ connectionString: adminUrl });
  await db.connect();
  const one = async <T>(sql: string, params: unknown[]): Promise<T> => (await db.query(sql, params)).rows[0] as T;
  try {
    await db.query('BEGIN');
    const { id: tenantId } = await one<{ id: string }>(
      `INSERT INTO tenants (name, slug, time_zone) VALUES ($1, $2, $3)
       ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [TENANT.name, TENANT.slug, TENANT.timeZone],
    );

    const upsertEnterprise = async (ent: SeedEnterprise): Promise<string> => {
      const { id } = await one<{ id: string }>(
        `INSERT INTO organizations (tenant_id, name, kind, unified_code, industry, chain_position, product_tags, address, contacts)
         VALUES ($1, $2, 'enterprise', $3, '智能装备制造', $4, $5, '福建省晋江市安海镇', $6)
         ON CONFLICT (tenant_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
        [
          tenantId,
          ent.name,
          ent.code,
          ent.chain,
          ent.tags,
          JSON.stringify([{ name: ent.contact, title: '党建联络员', phone: ent.phone }]),
        ],
      );
      await db.query(
        `INSERT INTO party_organizations (tenant_id, organization_id, type, name, secretary, member_count, founded_on)
         VALUES ($1, $2, $3, $4, $5, $6, '2015-07-01') ON CONFLICT (organization_id) DO NOTHING`,
        [
          tenantId,
          id,
          ent.party,
          `${ent.name}${ent.party === 'committee' ? '党委' : ent.party === 'general_branch' ? '党总支' : '党支部'}`,
          ent.secretary,
          ent.members,
        ],
      );
      return id;
    };
    const upsertAlliance = async (alliance: typeof SMART_EQUIPMENT_ALLIANCE): Promise<string> =>
      (
        await one<{ id: string }>(
          `INSERT INTO alliances (tenant_id, name, industry, description) VALUES ($1, $2, $3, $4)
           ON CONFLICT (tenant_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
          [tenantId, alliance.name, alliance.industry, alliance.description],
        )
      ).id;
    const join = async (allianceId: string, organizationId: string, role: string, joinedOn: string) => {
      await db.query(
        `INSERT INTO alliance_memberships (tenant_id, alliance_id, organization_id, role, joined_on)
         SELECT $1, $2, $3, $4, $5
          WHERE NOT EXISTS (SELECT 1 FROM alliance_memberships WHERE alliance_id = $2 AND organization_id = $3)`,
        [tenantId, allianceId, organizationId, role, joinedOn],
      );
    };

    const smart = await upsertAlliance(SMART_EQUIPMENT_ALLIANCE);
    const food = await upsertAlliance(FOOD_ALLIANCE);
    const organizations = new Map<string, string>();
    organizations.set(LEAD.name, await upsertEnterprise(LEAD));
    await join(smart, organizations.get(LEAD.name)!, 'lead', '2023-03-01');
    for (const [i, member] of MEMBERS.entries()) {
      organizations.set(member.name, await upsertEnterprise(member));
      await join(smart, organizations.get(member.name)!, 'member', i < 10 ? '2023-03-01' : '2023-09-15');
    }
    for (const dept of DEPARTMENTS) {
      const { id } = await one<{ id: string }>(
        `INSERT INTO organizations (tenant_id, name, kind, industry, product_tags, address, contacts)
         VALUES ($1, $2, 'department', '政府部门', $3, '福建省晋江市安海镇', $4)
         ON CONFLICT (tenant_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
        [tenantId, dept.name, dept.tags, JSON.stringify([{ name: dept.contact, phone: dept.phone }])],
      );
      organizations.set(dept.name, id);
      await join(smart, id, 'department', '2023-03-01');
    }
    for (const member of FOOD_MEMBERS) {
      organizations.set(member.name, await upsertEnterprise(member));
      await join(food, organizations.get(member.name)!, 'member', '2024-01-10');
    }
    await join(food, organizations.get('嘉信电气')!, 'member', '2024-01-10');
    await join(food, organizations.get('安海镇经济发展办公室')!, 'department', '2024-01-10');

    const formerId = await upsertEnterprise(FORMER_MEMBER);
    await db.query(
      `INSERT INTO alliance_memberships (tenant_id, alliance_id, organization_id, role, joined_on, left_on, leave_reason)
       SELECT $1, $2, $3, 'member', '2023-03-01', '2024-06-30', '企业整体搬迁至外省'
        WHERE NOT EXISTS (SELECT 1 FROM alliance_memberships WHERE alliance_id = $2 AND organization_id = $3)`,
      [tenantId, smart, formerId],
    );

    const hash = await argon2.hash(DEMO_PASSWORD, {
      type: argon2.argon2id,
      memoryCost: 19_456,
      timeCost: 2,
      parallelism: 1,
    });
    for (const user of DEMO_USERS) {
      await db.query(
        `INSERT INTO users (tenant_id, email, display_name, role, organization_id, status, password_hash)
         VALUES ($1, $2, $3, $4, $5, 'active', $6) ON CONFLICT (email) DO NOTHING`,
        [
          user.tenant ? tenantId : null,
          user.email,
          user.displayName,
          user.role,
          user.organization ? organizations.get(user.organization) : null,
          hash,
        ],
      );
    }
    for (const person of STAFF) {
      await db.query(
        `INSERT INTO users (tenant_id, email, display_name, role, organization_id, status, password_hash, is_leader)
         VALUES ($1, $2, $3, 'department_staff', $4, 'active', $5, $6) ON CONFLICT (email) DO NOTHING`,
        [tenantId, person.email, person.displayName, organizations.get(person.organization), hash, person.leader],
      );
    }
    await db.query(`UPDATE users SET is_leader = true WHERE email = 'official@anhai.demo'`);

    for (const category of SERVICE_CATEGORIES) {
      await db.query(
        `INSERT INTO service_categories (tenant_id, alliance_id, code, name, description, provider_organization_id, accept_within, accept_unit, resolve_within, resolve_unit)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (alliance_id, code) DO NOTHING`,
        [
          tenantId,
          smart,
          category.code,
          category.name,
          category.description,
          organizations.get(category.provider),
          category.accept[0],
          category.accept[1],
          category.resolve[0],
          category.resolve[1],
        ],
      );
    }
    for (const rule of ROUTING_RULES) {
      await db.query(
        `INSERT INTO routing_rules (tenant_id, alliance_id, priority, keywords, target_organization_id)
         SELECT $1, $2, $3, $4, $5 WHERE NOT EXISTS (SELECT 1 FROM routing_rules WHERE alliance_id = $2 AND priority = $3)`,
        [tenantId, smart, rule.priority, rule.keywords, organizations.get(rule.target)],
      );
    }
    for (const day of CHINA_2026) {
      await db.query(
        `INSERT INTO working_day_overrides (tenant_id, date, kind, name) VALUES ($1, $2, $3, $4) ON CONFLICT (tenant_id, date) DO NOTHING`,
        [tenantId, day.date, day.kind, day.name],
      );
    }
    const {
      rows: [venue],
    } = await db.query<{ id: string }>(
      `INSERT INTO venues (tenant_id, name, address) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, name) DO UPDATE SET address = EXCLUDED.address RETURNING id`,
      [tenantId, ACTIVITY_CENTRE.name, ACTIVITY_CENTRE.address],
    );
    for (const zone of ACTIVITY_CENTRE.zones) {
      await db.query(
        `INSERT INTO venue_zones (tenant_id, venue_id, name, kind, capacity) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (venue_id, name) DO NOTHING`,
        [tenantId, venue.id, zone.name, zone.kind, zone.capacity],
      );
    }
    await seedThinkTank(db, tenantId, smart, organizations, hash, dates);
    await seedVenuesStudyRouteAndPairing(db, tenantId, venue.id, dates);
    await seedAllianceServices(db, tenantId, smart, organizations, dates);
    if (options.history ?? true) await seedHistory(db, tenantId, smart, organizations, dates);
    // After the history, so the numbers follow the order the requests were made in.
    await seedRequests(db, tenantId, smart, dates);
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}

/** Demo requests with their timelines; the worker's SLA sweep computes their supervision state. */
async function seedRequests(db: Client, tenantId: string, allianceId: string, dates: DemoDates): Promise<void> {
  for (const [index, demo] of DEMO_REQUESTS.entries()) {
    const {
      rows: [user],
    } = await db.query<{ id: string; organization_id: string }>(
      'SELECT id, organization_id FROM users WHERE email = $1',
      [demo.requester],
    );
    const {
      rows: [handler],
    } = await db.query<{ id: string; organization_id: string }>(
      'SELECT id, organization_id FROM users WHERE email = $1',
      [demo.handler],
    );
    const { rows: exists } = await db.query(
      'SELECT 1 FROM service_requests WHERE requester_user_id = $1 AND idempotency_key = $2',
      [user.id, demo.key],
    );
    if (exists.length > 0) continue;
    const {
      rows: [category],
    } = await db.query<{ id: string }>('SELECT id FROM service_categories WHERE alliance_id = $1 AND code = $2', [
      allianceId,
      demo.category,
    ]);
    // Numbered as the product numbers them: per township and the year the request was made in.
    const year = dates.day(-demo.daysAgo).slice(0, 4);
    const [counter] = await nextRequestNumbers(db, tenantId, year, 1);
    const createdAt = (now: string) => `${now}::timestamptz - interval '${demo.daysAgo} days'`;
    const created = createdAt('$14');
    const reached = (status: string) =>
      ['accepted', 'in_progress', 'resolved', 'closed'].indexOf(status) <=
      ['accepted', 'in_progress', 'resolved', 'closed'].indexOf(demo.status);
    const {
      rows: [request],
    } = await db.query<{ id: string }>(
      `INSERT INTO service_requests (tenant_id, number, alliance_id, requester_organization_id, requester_user_id, category_id, title, description,
                                     status, assigned_organization_id, handler_id, routed_at, accept_due_at, resolve_due_at, accepted_at, resolved_at, closed_at,
                                     rating, idempotency_key, next_sla_check_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, ${created} + interval '1 minute', ${created} + interval '1 day', ${created} + interval '7 days',
               ${reached('accepted') ? `${created} + interval '2 hours'` : 'NULL'}, ${reached('resolved') ? `${created} + interval '2 days'` : 'NULL'},
               ${demo.status === 'closed' ? `${created} + interval '3 days'` : 'NULL'}, $12, $13, $14, ${created}, $14)
       RETURNING id`,
      [
        tenantId,
        requestNumber(year, counter),
        allianceId,
        user.organization_id,
        user.id,
        category.id,
        demo.title,
        `${demo.title}，请相关部门协助办理。`,
        demo.status,
        handler.organization_id,
        handler.id,
        demo.rating,
        demo.key,
        dates.now,
      ],
    );
    const steps = [
      'submitted',
      'routed',
      ...(reached('accepted') ? ['accepted'] : []),
      ...(reached('in_progress') ? ['started'] : []),
      ...(reached('resolved') ? ['resolved'] : []),
      ...(demo.status === 'closed' ? ['rated'] : []),
    ];
    for (const [step, type] of steps.entries()) {
      await db.query(
        `INSERT INTO service_request_events (tenant_id, request_id, type, actor_user_id, body, data, created_at)
         VALUES ($1, $2, $3, $4, $5, '{}', ${createdAt('$7')} + $6 * interval '1 hour')`,
        [
          tenantId,
          request.id,
          type,
          type === 'submitted' || type === 'rated' ? user.id : type === 'routed' ? null : handler.id,
          type === 'resolved' ? '已按要求办理完毕。' : null,
          step + index,
          dates.now,
        ],
      );
    }
  }
}

/**
 * "Now" for the seed: the clock's, or with `--today YYYY-MM-DD` (or `--today=YYYY-MM-DD`) 10:00 that
 * day in the township, so the whole demo, its year of history included, is dated as if seeded then.
 */
export function seedNow(args: string[], clock: { now(): Date }): Date {
  const index = args.findIndex((a) => a === '--today' || a.startsWith('--today='));
  if (index < 0) return clock.now();
  const value = args[index].startsWith('--today=') ? args[index].slice('--today='.length) : args[index + 1];
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.toISOString().slice(0, 10) !== value) {
    throw new EnvironmentError(
      `--today must be a real date written YYYY-MM-DD, e.g. --today 2027-03-01 (got ${value === undefined ? 'nothing' : JSON.stringify(value)}).`,
    );
  }
  return new Date(`${value}T10:00:00+08:00`);
}

if (require.main === module) {
  runProcess('seed', async () => {
    const now = seedNow(process.argv.slice(2), new SystemClock());
    const env = loadEnvironment();
    if (env.NODE_ENV === 'production')
      throw new EnvironmentError('The demo seed refuses to run with NODE_ENV=production.');
    await checkPostgres(env.DATABASE_ADMIN_URL, 'DATABASE_ADMIN_URL');
    await seed(env.DATABASE_ADMIN_URL, now).catch((error: unknown) => {
      // undefined_table: the server answers, but the schema is not there yet.
      if ((error as { code?: string }).code === '42P01') {
        throw new DependencyUnavailableError(
          `The database of DATABASE_ADMIN_URL has no tables yet (${(error as Error).message}).\nCreate them with: npm run migration:run`,
        );
      }
      throw error;
    });
    process.stdout.write(`Demo data is in place. Sign in with any demo account and the password ${DEMO_PASSWORD}.\n`);
  });
}

/** Resource sharing, a project call, typical cases and indicator rounds; each keyed so a rerun adds nothing. */
async function seedAllianceServices(
  db: Client,
  tenantId: string,
  allianceId: string,
  organizations: Map<string, string>,
  dates: DemoDates,
): Promise<void> {
  const userId = async (email: string): Promise<string> =>
    (await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email])).rows[0].id;
  const official = await userId('official@anhai.demo');
  const contactOf = async (organization: string): Promise<string> =>
    (
      await db.query<{ id: string }>(`SELECT id FROM users WHERE organization_id = $1 ORDER BY created_at LIMIT 1`, [
        organizations.get(organization),
      ])
    ).rows[0]?.id ?? official;

  for (const listing of DEMO_LISTINGS) {
    await db.query(
      `INSERT INTO listings (tenant_id, alliance_id, organization_id, kind, category, tags, title, description, created_by_id)
       SELECT $1::uuid, $2, $3, $4, $5, $6, $7::text, $8, $9 WHERE NOT EXISTS (SELECT 1 FROM listings WHERE tenant_id = $1::uuid AND title = $7::text)`,
      [
        tenantId,
        allianceId,
        organizations.get(listing.organization),
        listing.kind,
        listing.category,
        listing.tags,
        listing.title,
        listing.description,
        await contactOf(listing.organization),
      ],
    );
  }
  for (const talent of DEMO_TALENTS) {
    await db.query(
      `INSERT INTO talents (tenant_id, organization_id, name, title, category, skills, summary, created_by_id)
       SELECT $1, $2::uuid, $3::text, $4, $5, $6, $7, $8 WHERE NOT EXISTS (SELECT 1 FROM talents WHERE organization_id = $2::uuid AND name = $3::text)`,
      [
        tenantId,
        organizations.get(talent.organization),
        talent.name,
        talent.title,
        talent.category,
        talent.skills,
        talent.summary,
        await contactOf(talent.organization),
      ],
    );
  }

  const jingong = await userId('jingong@anhai.demo');
  const callName = `${dates.year} ${DEMO_CALL.name}`;
  await db.query(
    `INSERT INTO project_calls (tenant_id, alliance_id, name, issuing_body, deadline, eligibility_tags, description, created_by_id)
     SELECT $1::uuid, $2, $3::text, $4, $5, $6, $7, $8 WHERE NOT EXISTS (SELECT 1 FROM project_calls WHERE tenant_id = $1::uuid AND name = $3::text)`,
    [
      tenantId,
      allianceId,
      callName,
      DEMO_CALL.issuingBody,
      `${dates.year + 1}-${DEMO_CALL.deadline}`,
      DEMO_CALL.eligibilityTags,
      DEMO_CALL.description,
      jingong,
    ],
  );
  const {
    rows: [call],
  } = await db.query<{ id: string }>('SELECT id FROM project_calls WHERE tenant_id = $1 AND name = $2', [
    tenantId,
    callName,
  ]);
  const {
    rows: [application],
  } = await db.query<{ id: string }>(
    `INSERT INTO project_applications (tenant_id, call_id, organization_id, step, created_by_id) VALUES ($1, $2, $3, 'materials_submitted', $4)
     ON CONFLICT (call_id, organization_id) DO NOTHING RETURNING id`,
    [tenantId, call.id, organizations.get(DEMO_CALL.applicant), await contactOf(DEMO_CALL.applicant)],
  );
  for (const [i, note] of (application ? DEMO_CALL.notes : []).entries()) {
    await db.query(
      `INSERT INTO project_application_notes (tenant_id, application_id, step, author_id, note, created_at) VALUES ($1, $2, $3, $4, $5, $7::timestamptz - make_interval(days => $6))`,
      [
        tenantId,
        application.id,
        note.step,
        await userId(note.author),
        note.note,
        DEMO_CALL.notes.length - i,
        dates.now,
      ],
    );
  }

  for (const item of DEMO_CASES) {
    await db.query(
      `INSERT INTO typical_cases (tenant_id, alliance_id, organization_id, title, summary, body, status, nominated_by_id, reviewed_by_id, published_at, created_at, updated_at)
       SELECT $1::uuid, $2, $3, $4::text, $5, $6, 'published', $7::uuid, $7::uuid, $8, $8::timestamptz - interval '14 days', $8
        WHERE NOT EXISTS (SELECT 1 FROM typical_cases WHERE tenant_id = $1::uuid AND title = $4::text)`,
      [
        tenantId,
        allianceId,
        organizations.get(item.organization),
        item.title,
        item.summary,
        item.body,
        official,
        `${dates.lastOn(item.publishedOn)}T${item.publishedTime}:00+08:00`,
      ],
    );
  }
  // The showcase's address is random; the officials' page shows it.
  await db.query(
    `INSERT INTO alliance_showcases (tenant_id, alliance_id, slug, enabled) VALUES ($1, $2, replace(gen_random_uuid()::text, '-', ''), true)
     ON CONFLICT (alliance_id) DO NOTHING`,
    [tenantId, allianceId],
  );

  const collecting = dates.today >= `${dates.year}-02-01` ? dates.year : dates.year - 1;
  for (const template of INDICATOR_ROUNDS) {
    const period = collecting - template.yearsBack;
    const round = { ...template, period: String(period), deadline: `${period + 1}-01-31` };
    await db.query(
      `INSERT INTO indicator_rounds (tenant_id, alliance_id, period, year, deadline, fields, status, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (tenant_id, alliance_id, period) DO NOTHING`,
      [
        tenantId,
        allianceId,
        round.period,
        Number(round.period),
        round.deadline,
        JSON.stringify(INDICATOR_FIELDS),
        round.status,
        official,
      ],
    );
    const {
      rows: [saved],
    } = await db.query<{ id: string }>('SELECT id FROM indicator_rounds WHERE alliance_id = $1 AND period = $2', [
      allianceId,
      round.period,
    ]);
    for (const submission of round.submissions) {
      const by = await contactOf(submission.organization);
      await db.query(
        `INSERT INTO indicator_submissions (tenant_id, round_id, organization_id, values, status, submitted_at, submitted_by_id)
         VALUES ($1, $2, $3, $4, $5::indicator_submission_status, CASE WHEN $5::indicator_submission_status = 'submitted' THEN least($8::timestamptz, ($6::date - 5)::timestamptz) END, CASE WHEN $5::indicator_submission_status = 'submitted' THEN $7::uuid END)
         ON CONFLICT (round_id, organization_id) DO NOTHING`,
        [
          tenantId,
          saved.id,
          organizations.get(submission.organization),
          JSON.stringify(submission.values),
          submission.status,
          round.deadline,
          by,
          dates.now,
        ],
      );
    }
  }
}
