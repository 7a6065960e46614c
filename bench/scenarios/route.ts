import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { SUBMISSION_BODY } from '../baseline/submit-transaction';
import { SERVICE_REQUESTS_CONCURRENCY } from '../../src/modules/service-requests/service-requests-worker.module';
import { shareOfBaseline, type BenchContext } from '../context';
import { load } from '../load';
import { appUrl, sleep, waitUntil } from '../stack';
import { SystemClock } from '../../src/platform/clock/clock';
import { registeredQueues } from '../../src/platform/queue/job-registry';
import '../../src/queues';

const REPLAYED = 1_000;
const DRAINED = 3_000;
/** The replay runs as many connections as the worker runs routing jobs at once. */
const WORKER_CONCURRENCY = SERVICE_REQUESTS_CONCURRENCY;

interface TracedStatement {
  runner: number;
  sql: string;
  parameters: unknown[];
}

/** A routing job's transaction as the worker ran it, and the request it routed. */
export interface RoutingTemplate {
  requestId: string;
  number: string;
  statements: TracedStatement[];
}

/**
 * Routes one request with the worker's statement trace on and keeps that job's transaction, so the
 * baseline can replay exactly the routing SQL. Runs before any backlog exists.
 */
export async function captureRouting(ctx: BenchContext): Promise<RoutingTemplate> {
  const traceFile = join(ctx.resultsDir, 'routing-trace.jsonl');
  rmSync(traceFile, { force: true });
  // One request's routing alone (no companions): the SQL the replay repeats for each request.
  await ctx.startWorker({ DB_STATEMENT_TRACE_FILE: traceFile, ROUTING_COMPANIONS: '0' }, 'worker-trace.log');
  try {
    const { id, number } = await submitOne(ctx);
    await waitUntil(
      async () =>
        (await ctx.query(`SELECT 1 FROM service_requests WHERE id = $1 AND status <> 'submitted'`, [id])).length > 0,
      30_000,
    );
    await sleep(500);
    const traced = readFileSync(traceFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as TracedStatement);
    const lock = traced.find((s) => /FOR (NO KEY )?UPDATE/.test(s.sql) && s.parameters.includes(id));
    if (!lock) throw new Error('The routing job did not show in the statement trace');
    return { requestId: id, number, statements: traced.filter((s) => s.runner === lock.runner) };
  } finally {
    await ctx.stopWorker();
  }
}

/**
 * Scenario 2: routing throughput against the same SQL replayed by a plain loop over pg, then
 * submit→routed latency with the worker running and submissions at half the peak rate.
 */
export async function routeScenario(
  ctx: BenchContext,
  template: RoutingTemplate,
  peakSubmitRps: number,
): Promise<void> {
  // Only requests whose routing job names them: pgbench's (the submit baseline) share one constant
  // job, so BullMQ keeps one of them and the reconciler alone would route the rest, minutes later.
  const backlog = await ctx.query<{ id: string; number: string }>(
    `SELECT r.id, r.number FROM service_requests r
      WHERE r.status = 'submitted'
        AND EXISTS (SELECT 1 FROM outbox_events o WHERE o.job_id = 'route-' || r.id)
      ORDER BY r.created_at`,
  );
  const unroutable = await ctx.query<{ id: string }>(
    `SELECT r.id FROM service_requests r
      WHERE r.status = 'submitted'
        AND NOT EXISTS (SELECT 1 FROM outbox_events o WHERE o.job_id = 'route-' || r.id)`,
  );
  if (backlog.length < REPLAYED + 100) throw new Error(`Only ${backlog.length} submitted requests to route`);
  const replayed = backlog.slice(0, REPLAYED);
  const drained = backlog.slice(REPLAYED, REPLAYED + DRAINED);
  const setAside = [...backlog.slice(REPLAYED + DRAINED), ...unroutable].map((r) => r.id);
  // The worker must not see the replayed requests, nor the backlog beyond what it is timed on.
  await ctx.query(`DELETE FROM outbox_events WHERE payload->>'requestId' = ANY($1::text[])`, [
    [...replayed.map((r) => r.id), ...setAside],
  ]);
  await ctx.query(`UPDATE service_requests SET status = 'closed', closed_at = now() WHERE id = ANY($1::uuid[])`, [
    setAside,
  ]);

  const baselineRate = await replay(ctx, template, replayed);
  await ctx.query(
    `DELETE FROM outbox_events WHERE published_at IS NULL AND NOT (payload->>'requestId' = ANY($1::text[]))`,
    [drained.map((r) => r.id)],
  );

  await ctx.startWorker();
  const ids = drained.map((r) => r.id);
  await waitUntil(
    async () =>
      Number(
        (
          await ctx.query<{ n: string }>(
            `SELECT count(*) AS n FROM service_requests WHERE id = ANY($1::uuid[]) AND status = 'submitted'`,
            [ids],
          )
        )[0].n,
      ) === 0,
    180_000,
  );
  const [span] = await ctx.query<{ seconds: number }>(
    `SELECT extract(epoch FROM max(routed_at) - min(routed_at))::float AS seconds FROM service_requests WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  const productRate = ids.length / span.seconds;

  // The drain leaves follow-up jobs (SLA timers, notification deliveries); latency is measured on an idle worker.
  await waitUntil(() => queuesIdle(ctx), 180_000);
  const since = new SystemClock().now();
  const s = ctx.submitter;
  const submitted = await load({
    url: `${ctx.apiUrl}/api/v1/service-requests`,
    method: 'POST',
    headers: { authorization: `Bearer ${await ctx.token(ctx.submitterEmail)}` },
    body: JSON.stringify({ allianceId: s.allianceId, categoryId: s.categoryId, ...SUBMISSION_BODY }),
    connections: 10,
    durationSeconds: 10,
    rate: Math.max(1, Math.round(peakSubmitRps / 2)),
  });
  await waitUntil(
    async () =>
      (
        await ctx.query(`SELECT 1 FROM service_requests WHERE created_at >= $1 AND status = 'submitted' LIMIT 1`, [
          since,
        ])
      ).length === 0,
    120_000,
  );
  const [latency] = await ctx.query<{ p50: number; p99: number; n: string }>(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99, count(*) AS n
       FROM (SELECT extract(epoch FROM routed_at - created_at) * 1000 AS ms FROM service_requests WHERE created_at >= $1) t`,
    [since],
  );

  ctx.record({
    scenario: 'Route',
    metric: `product routing rate (${ids.length} queued requests)`,
    value: productRate,
    unit: 'req/s',
  });
  ctx.record({
    scenario: 'Route',
    metric: `baseline: the same routing SQL replayed by a plain pg loop, ${WORKER_CONCURRENCY} connections`,
    value: baselineRate,
    unit: 'req/s',
  });
  ctx.record(shareOfBaseline('Route', 'baseline', productRate, baselineRate, 0.5));
  // A routing rate below the submit peak lets a sustained peak build a queue that only a lull drains.
  ctx.record({
    scenario: 'Route',
    metric: `product routing rate ÷ submit peak (${Math.round(peakSubmitRps)} req/s)`,
    value: (100 * productRate) / peakSubmitRps,
    unit: '%',
    target: '≥ 100 %',
    met: productRate >= peakSubmitRps,
  });
  ctx.record({
    scenario: 'Route',
    metric: 'statements per routing job, one request alone',
    value: template.statements.length,
    unit: '',
  });
  ctx.record({
    scenario: 'Route',
    metric: `submit→routed p50 at ${Math.round(submitted.rps)} req/s (half the peak), ${latency.n} requests`,
    value: latency.p50,
    unit: 'ms',
    target: '≤ 100 ms',
    met: latency.p50 <= 100,
  });
  ctx.record({
    scenario: 'Route',
    metric: 'submit→routed p99',
    value: latency.p99,
    unit: 'ms',
    target: '≤ 500 ms',
    met: latency.p99 <= 500,
  });
}

/** Replays the traced routing transaction for each request, with its id and number in place of the template's. */
async function replay(
  ctx: BenchContext,
  template: RoutingTemplate,
  requests: { id: string; number: string }[],
): Promise<number> {
  const queue = [...requests];
  const clients = await Promise.all(
    Array.from({ length: WORKER_CONCURRENCY }, async () => {
      const client = new Client({ connectionString: appUrl(ctx.database) });
      await client.connect();
      return client;
    }),
  );
  const started = process.hrtime.bigint();
  try {
    await Promise.all(
      clients.map(async (client) => {
        for (let request = queue.shift(); request; request = queue.shift()) {
          const swap = (text: string) =>
            text.replaceAll(template.requestId, request.id).replaceAll(template.number, request.number);
          for (const statement of template.statements) {
            const parameters = statement.parameters.map((p) =>
              typeof p === 'string'
                ? swap(p)
                : p !== null && typeof p === 'object'
                  ? (JSON.parse(swap(JSON.stringify(p))) as unknown)
                  : p,
            );
            await client.query(swap(statement.sql), parameters);
          }
        }
      }),
    );
    return requests.length / (Number(process.hrtime.bigint() - started) / 1e9);
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

async function submitOne(ctx: BenchContext): Promise<{ id: string; number: string }> {
  const s = ctx.submitter;
  const response = await fetch(`${ctx.apiUrl}/api/v1/service-requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await ctx.token(ctx.submitterEmail)}` },
    body: JSON.stringify({ allianceId: s.allianceId, categoryId: s.categoryId, ...SUBMISSION_BODY }),
  });
  if (response.status !== 201) throw new Error(`Submitting failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; number: string };
}

/** No job waiting or running in any queue (delayed ones, such as SLA timers, may wait). */
async function queuesIdle(ctx: BenchContext): Promise<boolean> {
  for (const name of registeredQueues()) {
    const queue = new Queue(name, { connection: { host: '127.0.0.1', port: 6379 }, prefix: `{${ctx.database}}` });
    try {
      const counts = await queue.getJobCounts('wait', 'active', 'prioritized');
      if (Object.values(counts).some((n) => n > 0)) return false;
    } finally {
      await queue.close();
    }
  }
  return true;
}
