import { Role } from '../../src/platform/auth/entities/role';
import type { Actor } from '../../src/platform/tenancy/request-actor';
import { ServiceRequestStatus } from '../../src/modules/service-requests/entities/service-request-status';
import { listQuery, supervisionQuery } from '../../src/modules/service-requests/service-request-views.repository';
import {
  statisticsPeriod,
  statisticsQueries,
} from '../../src/modules/service-requests/statistics/service-statistics.service';
import type { BenchContext } from '../context';
import { Explainer, recordPlan, settle, type Statement } from '../explain';
import { latencyBelowPeak, load, type LoadResult } from '../load';
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
}

/**
 * Scenario 3: the pages people open all day on the large tenant (the department inbox, an
 * enterprise's requests, the supervision board, the statistics dashboard), asked over HTTP as the
 * web app asks for them; beside each, the EXPLAIN (ANALYZE, BUFFERS) of the SQL it runs.
 */
export async function readPathsScenario(ctx: BenchContext): Promise<void> {
  const chosen = await readPaths(ctx);
  const explainer = new Explainer(ctx);
  await explainer.connect();
  try {
    for (const path of chosen) await measure(ctx, explainer, path);
  } finally {
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
  const paths: ReadPath[] = [
    {
      name: 'department inbox',
      email: 'dept@anhai.demo',
      path: `/service-requests?${qs(inbox)}`,
      targetMs: 20,
      statements: [listQuery(department, inbox, PAGE_SIZE + 1)],
    },
    {
      name: 'enterprise "my requests"',
      email: 'jingong@anhai.demo',
      path: `/service-requests?${qs(mine)}`,
      targetMs: 20,
      statements: [listQuery(enterprise, mine, PAGE_SIZE + 1)],
    },
    {
      name: 'supervision board',
      email: 'official@anhai.demo',
      path: `/service-requests/supervision?limit=${SUPERVISION_LIMIT}`,
      targetMs: 20,
      statements: [supervisionQuery(SUPERVISION_LIMIT + 1)],
    },
    {
      name: 'statistics dashboard',
      email: 'official@anhai.demo',
      path: `/service-requests/statistics?${qs({ allianceId })}`,
      targetMs: 100,
      statements: Object.values(statisticsQueries(allianceId, statisticsPeriod({}, new SystemClock().now()))),
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
          };
        },
      ),
    )),
    // The alliance dashboard: the statistics and more (members, meetings, think tank, indicators); issue 16's target.
    // Its statements one by one: bench/dashboard-profile.ts.
    {
      name: 'alliance dashboard',
      email: 'official@anhai.demo',
      path: `/alliances/${allianceId}/dashboard`,
      targetMs: 100,
      statements: [],
    },
  ];

  const only = process.env.BENCH_READ_PATHS?.split(',')
    .map((word) => word.trim())
    .filter(Boolean);
  return only?.length ? paths.filter((path) => only.some((word) => path.name.includes(word))) : paths;
}

async function measure(ctx: BenchContext, explainer: Explainer, path: ReadPath): Promise<void> {
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

  const once = async (rate?: number): Promise<LoadResult> => {
    const run = await load({ url, headers, connections: CONNECTIONS, durationSeconds: SECONDS, rate });
    await settle(ctx);
    if (run.errors > 0 || run.non2xx > 0)
      throw new Error(`${path.name}: ${run.non2xx} answers not 2xx and ${run.errors} errors in ${run.requests}`);
    return run;
  };
  const warm = await load({ url, headers, connections: CONNECTIONS, durationSeconds: 2 });
  await settle(ctx);
  const goal = (p99: number) =>
    path.contextOnly ? {} : { target: `≤ ${path.targetMs} ms`, met: p99 <= path.targetMs };
  if (warm.requests < 4 * CONNECTIONS) {
    // Too slow to load at a fraction of its peak: ten requests one at a time instead.
    const serial = await load({ url, headers, connections: 1, amount: 10 });
    await settle(ctx);
    const metric = `${path.name} p99, one request at a time (${warm.requests} answers in 2 s at ${CONNECTIONS} connections)`;
    ctx.record({ scenario: 'Read paths', metric, value: serial.p99, unit: 'ms', ...goal(serial.p99) });
  } else {
    const result = await latencyBelowPeak(RUNS, LOAD_FRACTION, once);
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
  }

  if (path.statements.length > 0) {
    const actor = await actorOf(ctx, path.email);
    const plan = await explainer.save(path.name, actor, path.statements);
    recordPlan(ctx, 'Read paths', path.name, plan);
    if (path.sqlTargetMs !== undefined) {
      const met = plan.executionMs <= path.sqlTargetMs;
      ctx.record({
        scenario: 'Read paths',
        metric: `${path.name} SQL, all ${path.statements.length} statements`,
        value: plan.executionMs,
        unit: 'ms',
        target: `≤ ${path.sqlTargetMs} ms`,
        met,
      });
    }
  }
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
