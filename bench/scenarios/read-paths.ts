import { Role } from '../../src/platform/auth/entities/role';
import type { Actor } from '../../src/platform/tenancy/request-actor';
import { ServiceRequestStatus } from '../../src/modules/service-requests/entities/service-request-status';
import { listQuery, supervisionQuery } from '../../src/modules/service-requests/service-request-views.repository';
import { type BenchContext, round } from '../context';
import { Explainer, recordPlan, settle, type Statement } from '../explain';
import { latencyBelowPeak, load, median, type LoadResult } from '../load';
import { dashboardService, recordStatements, serviceStatistics } from '../recorded-statements';
import { appUrl } from '../stack';
import { startReadBaseline } from './read-baseline';
import { SystemClock } from '../../src/platform/clock/clock';
import { localDate } from '../../src/platform/clock/local-date';
import { WEEK_SQL } from '../../src/modules/workbench/workbench.repository';
import { WORKBENCH_ITEMS } from '../../src/modules/workbench/workbench.service';
import { sectionsFor } from '../../src/modules/workbench/workbench-sections';

const CONNECTIONS = 10;
const SECONDS = 5;
const RUNS = 3;
/** Latency targets are read below saturation, where latency is the time a request takes rather than the queue. */
const LOAD_FRACTION = 0.5;
/** What the web app asks for a page (web/src/api/useCursorList.ts). */
const PAGE_SIZE = 50;
/** A page of the supervision board as the web reads it: the largest (web/src/api/allPages.ts). */
const SUPERVISION_LIMIT = 100;

export interface ReadPath {
  name: string;
  email: string;
  path: string;
  targetMs: number;
  /** Exactly the statements the endpoint runs, for EXPLAIN. */
  statements: Statement[];
  /** Shown for context, without a target. */
  contextOnly?: boolean;
  /** A target for the database's time of all its statements together (EXPLAIN ANALYZE). */
  sqlTargetMs?: number;
  /** Served from a read replica (@ReadsFromReplica): a read-only REPEATABLE READ transaction. */
  replica?: boolean;
  /** How the raw baseline's work differs from the endpoint's, when it does. */
  baselineNote?: string;
}

/** Issue 16: the read paths' p99 at half their peak within twice a raw Fastify + pg server's at the same rate. */
const RAW_RATIO_TARGET = 2;
/** Issue 16: the read paths' SQL, all statements of a request together. */
const SQL_TARGET_MS = 5;

/**
 * Scenario 3: the pages people open all day on the large tenant (the department inbox, an
 * enterprise's requests, the supervision board, the statistics dashboard), asked over HTTP as the
 * web app asks for them; beside each, the EXPLAIN (ANALYZE, BUFFERS) of the SQL it runs.
 */
export async function readPathsScenario(ctx: BenchContext): Promise<void> {
  const chosen = await readPaths(ctx);
  const explainer = new Explainer(ctx);
  await explainer.connect();
  const baseline = await startReadBaseline(ctx, chosen);
  try {
    for (const path of chosen) await measure(ctx, explainer, path, baseline.url(path));
  } finally {
    await baseline.server.stop();
    await explainer.end();
  }
}

/** The read paths as the web app asks for them now; BENCH_READ_PATHS="alliance dashboard,inbox" keeps the paths whose names hold one of these. */
export async function readPaths(ctx: BenchContext): Promise<ReadPath[]> {
  const official = await actorOf(ctx, 'official@anhai.demo');
  const department = await actorOf(ctx, 'dept@anhai.demo');
  const enterprise = await actorOf(ctx, 'jingong@anhai.demo');
  const allianceId = await busiestAlliance(ctx, official.tenantId!);

  // The inbox's first tab and an enterprise's list, as web/src/features/service-requests sends them.
  const inbox = {
    assignedOrganizationId: department.organizationId!,
    status: ServiceRequestStatus.Routed,
    limit: PAGE_SIZE,
  };
  const mine = { requesterOrganizationId: enterprise.organizationId!, limit: PAGE_SIZE };
  const clock = new SystemClock();
  const app = appUrl(ctx.database);
  const paths: ReadPath[] = [
    {
      name: 'department inbox',
      email: 'dept@anhai.demo',
      path: `/service-requests?${qs(inbox)}`,
      targetMs: 20,
      sqlTargetMs: SQL_TARGET_MS,
      statements: [listQuery(department, inbox, PAGE_SIZE + 1)],
    },
    {
      name: 'enterprise "my requests"',
      email: 'jingong@anhai.demo',
      path: `/service-requests?${qs(mine)}`,
      targetMs: 20,
      sqlTargetMs: SQL_TARGET_MS,
      statements: [listQuery(enterprise, mine, PAGE_SIZE + 1)],
    },
    {
      name: 'supervision board',
      email: 'official@anhai.demo',
      path: `/service-requests/supervision?limit=${SUPERVISION_LIMIT}`,
      targetMs: 20,
      sqlTargetMs: SQL_TARGET_MS,
      statements: [supervisionQuery(SUPERVISION_LIMIT + 1)],
    },
    {
      name: 'statistics dashboard',
      email: 'official@anhai.demo',
      path: `/service-requests/statistics?${qs({ allianceId })}`,
      targetMs: 100,
      sqlTargetMs: SQL_TARGET_MS,
      replica: true,
      // ServiceStatistics.compute's statements as it runs them: the alliance's existence, then the figures.
      statements: await recordStatements(app, official, (tenant) =>
        serviceStatistics(tenant, clock).compute({ allianceId }),
      ),
    },
    // 工作台, the home page: every section's count and first items, in one request; the SQL under 50 ms.
    ...(await Promise.all(
      (['dept@anhai.demo', 'jingong@anhai.demo', 'official@anhai.demo'] as const).map(
        async (email): Promise<ReadPath> => {
          const actor = {
            'dept@anhai.demo': department,
            'jingong@anhai.demo': enterprise,
            'official@anhai.demo': official,
          }[email];
          return {
            name: `workbench (${actor.role})`,
            email,
            path: '/workbench',
            targetMs: 50,
            sqlTargetMs: 50,
            statements: await workbenchStatements(ctx, actor),
            baselineNote: 'sections only, not the settings and week look-ups',
          };
        },
      ),
    )),
    // The alliance dashboard: the statistics and more (members, meetings, think tank, indicators); issue 16's target.
    // Its statements one by one, timed: bench/dashboard-profile.ts.
    {
      name: 'alliance dashboard',
      email: 'official@anhai.demo',
      path: `/alliances/${allianceId}/dashboard`,
      targetMs: 100,
      sqlTargetMs: SQL_TARGET_MS,
      replica: true,
      statements: await recordStatements(app, official, (tenant) =>
        dashboardService(tenant, clock).compute(allianceId, {}),
      ),
    },
  ];

  const only = process.env.BENCH_READ_PATHS?.split(',')
    .map((word) => word.trim())
    .filter(Boolean);
  return only?.length ? paths.filter((path) => only.some((word) => path.name.includes(word))) : paths;
}

async function measure(ctx: BenchContext, explainer: Explainer, path: ReadPath, rawUrl?: string): Promise<void> {
  const url = `${ctx.apiUrl}/api/v1${path.path}`;
  const headers = { authorization: `Bearer ${await ctx.token(path.email)}` };
  const first = await fetch(url, { headers });
  const body = (await first.json()) as { items?: unknown[]; totals?: { submitted: number } };
  if (first.status !== 200)
    throw new Error(`${path.name}: GET ${path.path} answered ${first.status} ${JSON.stringify(body).slice(0, 300)}`);
  const size = body.items
    ? `${body.items.length} items`
    : body.totals
      ? `${body.totals.submitted} requests counted`
      : 'answered';
  process.stdout.write(`  ${path.name}: GET ${path.path} → ${size}\n`);
  if (rawUrl) await checkBaseline(path, rawUrl, headers, body.items?.length ?? 1);

  const once = async (rate?: number, target = url): Promise<LoadResult> => {
    const run = await load({ url: target, headers, connections: CONNECTIONS, durationSeconds: SECONDS, rate });
    await settle(ctx);
    if (run.errors > 0 || run.non2xx > 0)
      throw new Error(`${path.name}: ${run.non2xx} answers not 2xx and ${run.errors} errors in ${run.requests}`);
    return run;
  };
  const warm = await load({ url, headers, connections: CONNECTIONS, durationSeconds: 2 });
  await settle(ctx);
  if (rawUrl) {
    await load({ url: rawUrl, headers, connections: CONNECTIONS, durationSeconds: 2 });
    await settle(ctx);
  }
  const goal = (p99: number) =>
    path.contextOnly ? {} : { target: `≤ ${path.targetMs} ms`, met: p99 <= path.targetMs };
  if (warm.requests < 4 * CONNECTIONS) {
    // Too slow to load at a fraction of its peak: ten requests one at a time instead.
    const serial = await load({ url, headers, connections: 1, amount: 10 });
    await settle(ctx);
    const metric = `${path.name} p99, one request at a time (${warm.requests} answers in 2 s at ${CONNECTIONS} connections)`;
    ctx.record({ scenario: 'Read paths', metric, value: serial.p99, unit: 'ms', ...goal(serial.p99) });
    if (rawUrl) {
      const raw = await load({ url: rawUrl, headers, connections: 1, amount: 10 });
      await settle(ctx);
      recordBaseline(ctx, path, 'one request at a time', serial.p99, raw);
    }
  } else {
    // Each paced run of the product is followed by the raw server's at the same rate, so a machine
    // that slows down part-way slows both alike.
    const raw: LoadResult[] = [];
    const paired = async (rate?: number): Promise<LoadResult> => {
      const run = await once(rate);
      if (rate !== undefined && rawUrl) raw.push(await once(rate, rawUrl));
      return run;
    };
    const result = await latencyBelowPeak(RUNS, LOAD_FRACTION, paired);
    ctx.record({
      scenario: 'Read paths',
      metric: `${path.name} p99 at ${Math.round(100 * LOAD_FRACTION)} % of peak (${result.rate} req/s)`,
      value: result.p99,
      unit: 'ms',
      ...goal(result.p99),
    });
    ctx.record({
      scenario: 'Read paths',
      metric: `${path.name} peak rate, ${CONNECTIONS} connections (p99 there ${Math.round(result.peak.p99)} ms)`,
      value: result.peak.rps,
      unit: 'req/s',
    });
    if (raw.length > 0) {
      const p99 = median(raw.map((r) => r.p99));
      const p50 = median(raw.map((r) => r.p50));
      recordBaseline(ctx, path, `the same ${result.rate} req/s`, result.p99, { p99, p50 });
    }
  }

  if (path.statements.length > 0) {
    const actor = await actorOf(ctx, path.email);
    const plan = await explainer.save(path.name, actor, path.statements);
    recordPlan(ctx, 'Read paths', path.name, plan);
    if (path.sqlTargetMs !== undefined) {
      const met = plan.executionMs <= path.sqlTargetMs;
      ctx.record({
        scenario: 'Read paths',
        metric: `${path.name} SQL, all ${path.statements.length} statements, steady state (cold first run ${round(plan.coldMs)} ms)`,
        value: plan.executionMs,
        unit: 'ms',
        target: `≤ ${path.sqlTargetMs} ms`,
        met,
      });
    }
  }
}

/**
 * The raw server's first answer: 200, and at least as many rows as the product's items (one, for a
 * path without a list): a baseline that reads nothing (a wrong tenant setting under row-level
 * security returns no rows, fast) would flatter it.
 */
async function checkBaseline(
  path: ReadPath,
  rawUrl: string,
  headers: Record<string, string>,
  expected: number,
): Promise<void> {
  const answer = await fetch(rawUrl, { headers });
  const rows = (await answer.json()) as unknown[];
  const count = path.statements.length === 1 ? rows.length : (rows as unknown[][]).flat().length;
  process.stdout.write(`  ${path.name}: raw baseline → ${count} rows from ${path.statements.length} statements\n`);
  if (answer.status !== 200 || count < expected)
    throw new Error(
      `${path.name}: the raw baseline answered ${answer.status} with ${count} rows (${expected} expected)`,
    );
}

/** The raw Fastify + pg server's p99 for the path's statements, and the product's p99 as a multiple of it. */
function recordBaseline(
  ctx: BenchContext,
  path: ReadPath,
  at: string,
  productP99: number,
  raw: { p99: number; p50: number },
): void {
  const note = path.baselineNote ? `; ${path.baselineNote}` : '';
  ctx.record({
    scenario: 'Read paths',
    metric: `${path.name}: raw Fastify + pg, same SQL at ${at}: p99 (p50 ${round(raw.p50)} ms${note})`,
    value: raw.p99,
    unit: 'ms',
  });
  const ratio = productP99 / raw.p99;
  ctx.record({
    scenario: 'Read paths',
    metric: `${path.name}: product p99 ÷ raw p99`,
    value: ratio,
    unit: '×',
    ...(path.contextOnly ? {} : { target: `≤ ${RAW_RATIO_TARGET} ×`, met: ratio <= RAW_RATIO_TARGET }),
  });
}

export async function actorOf(ctx: BenchContext, email: string): Promise<Actor> {
  const [user] = await ctx.query<{ id: string; tenant_id: string; role: Role; organization_id: string | null }>(
    'SELECT id, tenant_id, role, organization_id FROM users WHERE email = $1',
    [email],
  );
  if (!user) throw new Error(`No user ${email}`);
  return { userId: user.id, tenantId: user.tenant_id, role: user.role, organizationId: user.organization_id };
}

/** The statements GET /workbench runs for this person now (WorkbenchService.read), on the township's clock. */
async function workbenchStatements(ctx: BenchContext, actor: Actor): Promise<Statement[]> {
  const now = new SystemClock().now();
  const [{ time_zone: timeZone }] = await ctx.query<{ time_zone: string }>(
    'SELECT time_zone FROM tenants WHERE id = $1',
    [actor.tenantId],
  );
  const [week] = await ctx.query<{ week_start: Date; week_end: Date }>(WEEK_SQL, [now, timeZone]);
  const scope = {
    actor,
    now,
    today: localDate(now, timeZone),
    timeZone,
    weekStart: week.week_start,
    weekEnd: week.week_end,
    limit: WORKBENCH_ITEMS,
  };
  return sectionsFor(actor.role, () => Promise.reject(new Error('not run here'))).flatMap(({ section }) =>
    section.statements(scope),
  );
}

/** The alliance with the most requests: the heaviest statistics to compute. */
export async function busiestAlliance(ctx: BenchContext, tenantId: string): Promise<string> {
  const [row] = await ctx.query<{ id: string }>(
    `SELECT a.id FROM alliances a LEFT JOIN service_requests r ON r.alliance_id = a.id
      WHERE a.tenant_id = $1 GROUP BY a.id ORDER BY count(r.id) DESC, a.id LIMIT 1`,
    [tenantId],
  );
  return row.id;
}

function qs(values: Record<string, string | number>): string {
  return new URLSearchParams(Object.entries(values).map(([k, v]): [string, string] => [k, String(v)])).toString();
}
