import { performance } from 'node:perf_hooks';
import { seed, seedNow } from '../../scripts/seed/seed';
import { CHINA_2026 } from '../../src/platform/calendar/china-holidays-2026';
import { milestones } from '../../src/modules/service-requests/sla/sla-milestones';
import { AutoCloseHandler, SweepSlaHandler } from '../../src/modules/service-requests/jobs/sla-jobs.handler';
import { Http } from '../support/http';
import { idOf } from '../support/tenants';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const shanghai = (local: string) => new Date(`${local}+08:00`);
const TODAY = shanghai('2026-12-06T10:00:00');
const LATER = shanghai('2027-03-01T10:00:00');
const HISTORY = `r.idempotency_key LIKE 'history-%'`;

/** What the seed wrote that a rerun must not change, counted per table. */
async function counts(db: TestDatabase): Promise<Record<string, number>> {
  const tables = [
    'service_requests',
    'service_request_events',
    'follow_up_tasks',
    'users',
    'audit_log',
    'service_request_figure_changes',
  ];
  const {
    rows: [row],
  } = await db.admin.query(
    `SELECT ${tables.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')}, (SELECT sum(value)::int FROM tenant_counters) AS counters`,
  );
  return row;
}

/** The history as people read it, without the ids a database makes: the same today must give the same. */
async function readable(db: TestDatabase): Promise<unknown[]> {
  const { rows } = await db.admin.query(
    `SELECT r.number, r.title, r.description, r.status, r.urgency, ro.name AS requester, ao.name AS serving, h.email AS handler,
            r.created_at, r.routed_at, r.accepted_at, r.resolved_at, r.closed_at, r.accept_due_at, r.resolve_due_at, r.next_sla_check_at,
            r.sla_state, r.escalation_level, r.rating, r.rating_comment, r.updated_at,
            (SELECT json_agg(json_build_array(e.type, e.created_at, u.email, e.body, e.data - 'handlerId' - 'organizationId' - 'ruleId', e.dedupe_key,
                                               (SELECT name FROM organizations WHERE id = (e.data->>'organizationId')::uuid)) ORDER BY e.created_at, e.type)
               FROM service_request_events e LEFT JOIN users u ON u.id = e.actor_user_id WHERE e.request_id = r.id) AS timeline
       FROM service_requests r JOIN organizations ro ON ro.id = r.requester_organization_id
       LEFT JOIN organizations ao ON ao.id = r.assigned_organization_id LEFT JOIN users h ON h.id = r.handler_id
      WHERE ${HISTORY} ORDER BY r.number`,
  );
  return rows;
}

describe('the demo’s year of service requests (企业点单、部门服务)', () => {
  const databases: TestDatabase[] = [];
  const fresh = async () => {
    const db = await createTestDatabase();
    databases.push(db);
    return db;
  };
  afterAll(async () => {
    for (const db of databases) await db.drop();
  });

  let db: TestDatabase;
  beforeAll(async () => {
    db = await fresh();
    const started = performance.now();
    await seed(db.adminUrl, TODAY);
    process.stdout.write(`Seed with history on an empty database: ${Math.round(performance.now() - started)} ms\n`);
  });

  it('adds nothing when seeded again, and the same today gives the same year', async () => {
    const before = await counts(db);
    const started = performance.now();
    await seed(db.adminUrl, TODAY);
    process.stdout.write(`Second seed: ${Math.round(performance.now() - started)} ms\n`);
    expect(await counts(db)).toEqual(before);
    // Even on another day: the township keeps the year it has.
    await seed(db.adminUrl, shanghai('2026-12-20T10:00:00'));
    expect((await counts(db)).service_requests).toBe(before.service_requests);

    const twin = await fresh();
    await seed(twin.adminUrl, TODAY);
    expect(await readable(twin)).toEqual(await readable(db));
  });

  it('covers every category and serving organisation, month by month, with the mix a year has', async () => {
    const {
      rows: [mix],
    } = await db.admin.query(
      `SELECT count(*)::int AS total,
              count(DISTINCT category_id)::int AS categories, count(DISTINCT assigned_organization_id)::int AS serving,
              count(DISTINCT requester_organization_id)::int AS requesters,
              count(DISTINCT to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'))::int AS months,
              min(created_at AT TIME ZONE 'Asia/Shanghai')::date::text AS first, max(created_at AT TIME ZONE 'Asia/Shanghai')::date::text AS last,
              count(*) FILTER (WHERE status = 'closed')::int AS closed, count(*) FILTER (WHERE status IN ('routed', 'accepted', 'in_progress', 'returned'))::int AS open,
              count(*) FILTER (WHERE resolved_at > resolve_due_at OR (resolved_at IS NULL AND resolve_due_at < $1))::int AS late,
              count(*) FILTER (WHERE escalation_level >= 2)::int AS escalated,
              count(*) FILTER (WHERE rating IS NOT NULL)::int AS rated, count(*) FILTER (WHERE rating <= 2)::int AS low,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM service_request_events e WHERE e.request_id = r.id AND e.type = 'transferred'))::int AS transferred,
              avg(rating)::float AS satisfaction
         FROM service_requests r WHERE ${HISTORY}`,
      [TODAY],
    );
    process.stdout.write(`History: ${JSON.stringify(mix)}\n`);
    const { rows: byStatus } = await db.admin.query(
      `SELECT status, count(*)::int FROM service_requests r WHERE ${HISTORY} GROUP BY 1 ORDER BY 1`,
    );
    process.stdout.write(`By status: ${JSON.stringify(byStatus)}\n`);
    expect(mix).toMatchObject({ categories: 10, serving: 8, months: 13 });
    expect([
      mix.first >= '2025-12-01',
      mix.first <= '2025-12-07',
      mix.last >= '2026-12-01',
      mix.last <= '2026-12-05',
    ]).toEqual([true, true, true, true]);
    expect(mix.total).toBeGreaterThan(250);
    expect(mix.total).toBeLessThan(500);
    expect(mix.requesters).toBeGreaterThanOrEqual(20);
    expect(mix.closed / mix.total).toBeGreaterThan(0.8);
    expect(mix.open).toBeGreaterThan(5);
    expect(mix.late / mix.total).toBeGreaterThan(0.03);
    expect(mix.late / mix.total).toBeLessThan(0.25);
    expect(mix.escalated).toBeGreaterThan(3);
    expect(mix.low).toBeGreaterThan(0);
    const {
      rows: [followUps],
    } = await db.admin.query(
      `SELECT count(*) FILTER (WHERE status = 'open')::int AS open, count(*) FILTER (WHERE status = 'done' AND outcome IS NOT NULL)::int AS done FROM follow_up_tasks`,
    );
    expect(followUps.open).toBeGreaterThan(0);
    expect(followUps.done).toBeGreaterThan(0);
    expect(mix.transferred).toBeGreaterThan(3);
    expect(mix.satisfaction).toBeGreaterThan(4);
    // Fewer around the Spring Festival (17 February 2026) than in March.
    const { rows: months } = await db.admin.query(
      `SELECT to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*)::int FROM service_requests r WHERE ${HISTORY} GROUP BY 1 ORDER BY 1`,
    );
    const of = (month: string) => months.find((m) => m.month === month)?.count ?? 0;
    expect(of('2026-02')).toBeLessThan(of('2026-03'));
  });

  it('writes what the product writes: times in order, numbers per year, ratings only when closed, a call-back after each low rating', async () => {
    const { rows: broken } = await db.admin.query(
      `SELECT r.number,
              NOT (r.routed_at >= r.created_at AND coalesce(r.accepted_at >= r.routed_at, true) AND coalesce(r.resolved_at >= r.accepted_at, r.resolved_at IS NULL)
                   AND coalesce(r.closed_at >= coalesce(r.resolved_at, r.routed_at), true)) AS times,
              r.created_at >= $1 OR r.updated_at > $1 OR r.updated_at < r.created_at AS future,
              (r.rating IS NOT NULL) <> (r.status = 'closed' AND EXISTS (SELECT 1 FROM service_request_events e WHERE e.request_id = r.id AND e.type = 'rated')) AS rating,
              r.number NOT LIKE 'FW-' || to_char(r.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-%' AS number,
              coalesce(r.rating <= 2, false) IS DISTINCT FROM EXISTS (SELECT 1 FROM follow_up_tasks f WHERE f.request_id = r.id) AS follow_up,
              EXISTS (SELECT 1 FROM service_request_events e WHERE e.request_id = r.id AND (e.created_at > $1 OR e.created_at < r.created_at)) AS events,
              (SELECT array_agg(e.type ORDER BY e.created_at, e.id) FROM service_request_events e WHERE e.request_id = r.id)::text[] AS types,
              h.organization_id IS DISTINCT FROM r.assigned_organization_id AS handler,
              (SELECT e.actor_user_id FROM service_request_events e WHERE e.request_id = r.id AND e.type = 'submitted') <> r.requester_user_id AS submitter
         FROM service_requests r LEFT JOIN users h ON h.id = r.handler_id WHERE ${HISTORY}`,
      [TODAY],
    );
    const problems = broken.filter(
      (r) =>
        r.times ||
        r.future ||
        r.rating ||
        r.number ||
        r.follow_up ||
        r.events ||
        r.handler ||
        r.submitter ||
        r.types[0] !== 'submitted' ||
        r.types[1] !== 'routed',
    );
    expect(problems).toEqual([]);
    const {
      rows: [numbers],
    } = await db.admin.query(
      `SELECT count(*)::int AS n, count(DISTINCT number)::int AS distinct_numbers,
              (SELECT count(*)::int FROM service_requests) AS total,
              bool_and(s.last_value >= split_part(r.number, '-', 3)::int) AS sequence_ahead
         FROM service_requests r
         JOIN pg_sequences s ON s.schemaname = 'public'
          AND s.sequencename = request_number_sequence(r.tenant_id, split_part(r.number, '-', 2)::int)`,
    );
    // Numbered from the sequence the product numbers submissions with, so the next one follows them.
    expect(numbers.n).toBe(numbers.total);
    expect(numbers.n).toBe(numbers.distinct_numbers);
    expect(numbers.sequence_ahead).toBe(true);
    // Numbered in the order the requests were made, within each year.
    const {
      rows: [order],
    } = await db.admin.query(
      `SELECT count(*)::int AS out_of_order FROM (
         SELECT created_at < lag(created_at) OVER (PARTITION BY split_part(number, '-', 2) ORDER BY number) AS before_previous FROM service_requests r WHERE ${HISTORY}) x
        WHERE before_previous`,
    );
    expect(order.out_of_order).toBe(0);
  });

  it('keeps the SLA columns where the product’s own evaluation leaves them', async () => {
    const {
      rows: [tenant],
    } = await db.admin.query(`SELECT id FROM tenants WHERE slug = 'anhai'`);
    const calendar = {
      holidays: new Set(CHINA_2026.filter((d) => d.kind === 'holiday').map((d) => d.date)),
      workdays: new Set(CHINA_2026.filter((d) => d.kind === 'workday').map((d) => d.date)),
      timeZone: 'Asia/Shanghai',
    };
    const { rows } = await db.admin.query(
      `SELECT r.number, r.status, r.created_at AS "createdAt", r.routed_at AS "routedAt", r.accept_due_at AS "acceptDueAt", r.resolve_due_at AS "resolveDueAt",
              r.next_sla_check_at AS "nextSlaCheckAt", r.sla_state AS "slaState", r.escalation_level AS "escalationLevel",
              (SELECT array_agg(e.dedupe_key) FROM service_request_events e WHERE e.request_id = r.id AND e.dedupe_key LIKE 'sla:%') AS keys
         FROM service_requests r WHERE r.tenant_id = $1 AND ${HISTORY}`,
      [tenant.id],
    );
    for (const r of rows) {
      const due = milestones(r, calendar).filter((m) => m.at <= TODAY);
      const next = milestones(r, calendar).find((m) => m.at > TODAY)?.at ?? null;
      // Every milestone that has fallen is on the timeline, and the next one is where the sweep will look.
      expect({
        number: r.number,
        missing: due.filter((m) => !(r.keys ?? []).includes(m.key)).map((m) => m.key),
        next: r.nextSlaCheckAt,
      }).toEqual({ number: r.number, missing: [], next });
      if (due.some((m) => m.level > 0)) expect([r.number, r.slaState]).toEqual([r.number, 'breached']);
      expect(r.escalationLevel).toBe(Math.max(0, ...((r.keys ?? []) as string[]).map((k) => Number(k.split(':')[2]))));
    }
    // The open ones wait for their next milestone: the supervision board and the sweep read these.
    const open = rows.filter((r) => ['routed', 'accepted', 'in_progress'].includes(r.status));
    process.stdout.write(
      `Open: ${JSON.stringify(open.map((r) => [r.number, r.status, r.slaState, r.escalationLevel, r.nextSlaCheckAt]))}\n`,
    );
    expect(open.filter((r) => r.nextSlaCheckAt).length).toBeGreaterThan(0);
  });

  it('seeds as if today were another day: --today 2027-03-01 puts the year in March 2026 to February 2027', async () => {
    expect(seedNow(['--today', '2027-03-01'], { now: () => TODAY })).toEqual(LATER);
    expect(seedNow(['--today=2027-03-01'], { now: () => TODAY })).toEqual(LATER);
    expect(seedNow([], { now: () => TODAY })).toEqual(TODAY);
    for (const bad of [['--today', '2027-02-30'], ['--today', '2027-3-1'], ['--today'], ['--today', 'tomorrow']]) {
      expect(() => seedNow(bad, { now: () => TODAY })).toThrow(/--today must be a real date written YYYY-MM-DD/);
    }
    const later = await fresh();
    await seed(later.adminUrl, LATER);
    const {
      rows: [span],
    } = await later.admin.query(
      `SELECT min(created_at AT TIME ZONE 'Asia/Shanghai')::date::text AS first, max(created_at AT TIME ZONE 'Asia/Shanghai')::date::text AS last,
              count(*)::int AS n, count(*) FILTER (WHERE number LIKE 'FW-2027-%')::int AS in_2027,
              bool_and(coalesce(resolve_due_at > created_at, true)) AS dues
         FROM service_requests r WHERE ${HISTORY}`,
    );
    expect(span.dues).toBe(true);
    expect([
      span.first >= '2026-03-01',
      span.first <= '2026-03-07',
      span.last >= '2027-02-21',
      span.last <= '2027-02-28',
    ]).toEqual([true, true, true, true]);
    expect(span.in_2027).toBeGreaterThan(10);
    // 2027 has no holiday calendar seeded: its deadlines skip weekends only, and never end on one.
    const { rows: weekend } = await later.admin.query(
      `SELECT number FROM service_requests r WHERE ${HISTORY} AND extract(isodow FROM resolve_due_at AT TIME ZONE 'Asia/Shanghai') > 5 AND resolve_due_at >= '2027-01-01'`,
    );
    expect(weekend).toEqual([]);
  });

  describe('as the product reads it', () => {
    let app: TestApp;
    let http: Http;
    beforeAll(async () => {
      app = await startTestApp({ worker: true, history: true, now: TODAY });
      http = new Http(app.api);
    });
    afterAll(() => app.close());

    it('gives the worker nothing to catch up on, and the statistics and dashboard something true to say', async () => {
      // The sweep and the auto-close find nothing of the history's to do (the base demo's few requests leave theirs to the sweep).
      const history = async () =>
        (
          await app.db.admin.query(
            `SELECT count(*)::int AS n, max(r.updated_at) AS changed FROM service_request_events e JOIN service_requests r ON r.id = e.request_id WHERE ${HISTORY}`,
          )
        ).rows[0];
      const before = await history();
      await app.worker!.get(SweepSlaHandler).handle();
      await app.worker!.get(AutoCloseHandler).handle();
      expect(await history()).toEqual(before);

      const official = await http.token('official@anhai.demo');
      const alliance = await idOf(app.db.admin, 'alliances', '安海镇智能装备制造产业集群党建联盟');
      const statistics = await http.get(`/api/v1/service-requests/statistics?allianceId=${alliance}`, {
        token: official,
      });
      expect(statistics.status).toBe(200);
      const { totals, byDepartment, monthly } = statistics.body;
      process.stdout.write(
        `Statistics: ${JSON.stringify(totals)}; ranking ${byDepartment.map((d: { name: string; score: number }) => `${d.name} ${d.score}`).join(', ')}\n`,
      );
      expect(monthly).toHaveLength(13);
      expect(monthly.every((m: { submitted: number }) => m.submitted > 0)).toBe(true);
      expect(totals.responseRate).toBeGreaterThan(0.8);
      expect(totals.onTimeRate).toBeGreaterThan(0.8);
      expect(totals.onTimeRate).toBeLessThan(1);
      expect(totals.satisfaction).toBeGreaterThan(4);
      expect(byDepartment.length).toBeGreaterThanOrEqual(8);
      expect(
        byDepartment.every((d: { submitted: number; averageResolveHours: number | null }) => d.submitted > 0),
      ).toBe(true);

      const dashboard = await http.get(`/api/v1/alliances/${alliance}/dashboard`, { token: official });
      expect(dashboard.status).toBe(200);
      expect(dashboard.body.serviceRequests.monthly.filter((m: { submitted: number }) => m.submitted > 0)).toHaveLength(
        13,
      );
      expect(dashboard.body.serviceRequests.byStatus.map((s: { key: string }) => s.key)).toEqual(
        expect.arrayContaining(['closed', 'in_progress', 'resolved', 'routed']),
      );

      const board = await http.get('/api/v1/service-requests/supervision?limit=50', { token: official });
      expect(
        board.body.items.filter((r: { slaState: string }) => r.slaState === 'breached').length,
      ).toBeGreaterThanOrEqual(3);
    });
  });
});
