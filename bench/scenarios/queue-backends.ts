import { createPostgresBackend, createRedisBackend, withBackend } from 'bullmq';
import { Pool } from 'pg';
import type { StateBackend } from '../../src/platform/config/environment';
import { SystemClock } from '../../src/platform/clock/clock';
import { QUEUE_SCHEMA } from '../../src/platform/queue/queue-schema';
import { SUBMISSION_BODY } from '../baseline/submit-transaction';
import type { BenchContext } from '../context';
import { load } from '../load';
import { adminUrl, sleep, waitUntil } from '../stack';

const SINGLE_ADDS = 2_000;
const PRODUCERS = 10;
const BULK_ADDS = 10_000;
const BULK = 1_000;
const CONCURRENCY = 10;
const BACKLOG = 1_000;
/** A township's realistic peak: 100 submissions a minute, for a minute. */
const TOWNSHIP_PEAK_RPS = 100 / 60;

/**
 * The same figures on both queue backends, in one run: BullMQ's own add and process rates, then the
 * product (API and worker restarted on each backend) draining a backlog of submissions and routing
 * a township's peak. Redis is the baseline; the target is PostgreSQL at 70 % of its routing rate.
 */
export async function queueBackendsScenario(ctx: BenchContext): Promise<void> {
  const raw: Record<StateBackend, BullmqRates> = {
    redis: await bullmqRates(ctx, 'redis'),
    postgres: await bullmqRates(ctx, 'postgres'),
  };
  for (const backend of ['redis', 'postgres'] as const) {
    const r = raw[backend];
    ctx.record({
      scenario: 'Queue backends',
      metric: `BullMQ add, one job a call, ${PRODUCERS} producers · ${backend}`,
      value: r.add,
      unit: 'jobs/s',
    });
    ctx.record({
      scenario: 'Queue backends',
      metric: `BullMQ addBulk, ${BULK} a call · ${backend}`,
      value: r.addBulk,
      unit: 'jobs/s',
    });
    ctx.record({
      scenario: 'Queue backends',
      metric: `BullMQ process, empty jobs, concurrency ${CONCURRENCY} · ${backend}`,
      value: r.process,
      unit: 'jobs/s',
    });
  }
  const product: Record<StateBackend, ProductRates> = {
    redis: await productRates(ctx, 'redis'),
    postgres: await productRates(ctx, 'postgres'),
  };
  for (const backend of ['redis', 'postgres'] as const) {
    const p = product[backend];
    ctx.record({
      scenario: 'Queue backends',
      metric: `submit rate, ${BACKLOG} as fast as answered · ${backend}`,
      value: p.submitRps,
      unit: 'req/s',
    });
    ctx.record({
      scenario: 'Queue backends',
      metric: `routing rate, draining ${BACKLOG} queued · ${backend}`,
      value: p.routingRps,
      unit: 'req/s',
    });
    ctx.record({
      scenario: 'Queue backends',
      metric: `submit→routed p50 at 100 a minute · ${backend}`,
      value: p.p50,
      unit: 'ms',
    });
    ctx.record({
      scenario: 'Queue backends',
      metric: `submit→routed p99 at 100 a minute · ${backend}`,
      value: p.p99,
      unit: 'ms',
      target: '< 1000 ms',
      met: p.p99 < 1000,
    });
  }
  const ratio = (100 * product.postgres.routingRps) / product.redis.routingRps;
  ctx.record({
    scenario: 'Queue backends',
    metric: 'routing rate, PostgreSQL ÷ Redis',
    value: ratio,
    unit: '%',
    target: '≥ 70 %',
    met: ratio >= 70,
  });
  ctx.record({
    scenario: 'Queue backends',
    metric: 'BullMQ process rate, PostgreSQL ÷ Redis',
    value: (100 * raw.postgres.process) / raw.redis.process,
    unit: '%',
  });
}

interface BullmqRates {
  add: number;
  addBulk: number;
  process: number;
}

async function bullmqRates(ctx: BenchContext, backend: StateBackend): Promise<BullmqRates> {
  const name = `bench-raw-${backend}`;
  const pool =
    backend === 'postgres'
      ? new Pool({ connectionString: adminUrl(ctx.database), max: 20, options: `-c search_path=${QUEUE_SCHEMA}` })
      : null;
  const { Queue, Worker } = pool ? withBackend(createPostgresBackend) : withBackend(createRedisBackend);
  const connection = (pool ?? { host: '127.0.0.1', port: 6379 }) as never;
  const options = { connection, ...(pool ? {} : { prefix: `{${ctx.database}}` }) };
  const queue = new Queue(name, options);
  try {
    let next = 0;
    let started = performance.now();
    await Promise.all(
      Array.from({ length: PRODUCERS }, async () => {
        for (let i = next++; i < SINGLE_ADDS; i = next++) await queue.add('noop', { i }, { removeOnComplete: true });
      }),
    );
    const add = SINGLE_ADDS / ((performance.now() - started) / 1000);
    started = performance.now();
    for (let i = 0; i < BULK_ADDS; i += BULK) {
      await queue.addBulk(
        Array.from({ length: BULK }, (_, j) => ({
          name: 'noop',
          data: { i: i + j },
          opts: { removeOnComplete: true },
        })),
      );
    }
    const addBulk = BULK_ADDS / ((performance.now() - started) / 1000);
    const total = SINGLE_ADDS + BULK_ADDS;
    let done = 0;
    let finished!: () => void;
    const all = new Promise<void>((resolve) => (finished = resolve));
    started = performance.now();
    const worker = new Worker(name, () => Promise.resolve(undefined), { ...options, concurrency: CONCURRENCY });
    worker.on('completed', () => {
      if (++done === total) finished();
    });
    await all;
    const process = total / ((performance.now() - started) / 1000);
    await worker.close();
    await queue.obliterate({ force: true });
    return { add, addBulk, process };
  } finally {
    await queue.close();
    await pool?.end();
  }
}

interface ProductRates {
  submitRps: number;
  routingRps: number;
  p50: number;
  p99: number;
}

async function productRates(ctx: BenchContext, backend: StateBackend): Promise<ProductRates> {
  const extra: Record<string, string> = backend === 'postgres' ? { REDIS_URL: '' } : {};
  await ctx.stopWorker();
  await ctx.api.stop();
  await ctx.startApi(extra);
  const s = ctx.submitter;
  const request = {
    url: `${ctx.apiUrl}/api/v1/service-requests`,
    method: 'POST' as const,
    headers: { authorization: `Bearer ${await ctx.token(ctx.submitterEmail)}` },
    body: JSON.stringify({ allianceId: s.allianceId, categoryId: s.categoryId, ...SUBMISSION_BODY }),
  };

  // A backlog while no worker runs, then one worker drains it.
  const backlogSince = new SystemClock().now();
  const submitted = await load({ ...request, connections: 10, amount: BACKLOG });
  await ctx.startWorker(extra, `worker-${backend}.log`);
  await routedSince(ctx, backlogSince);
  const [span] = await ctx.query<{ seconds: number; n: string }>(
    `SELECT extract(epoch FROM max(routed_at) - min(routed_at))::float AS seconds, count(*) AS n FROM service_requests WHERE created_at >= $1`,
    [backlogSince],
  );
  const routingRps = Number(span.n) / span.seconds;
  // Follow-up jobs of the drain (SLA timers, deliveries) settle before latency is measured.
  await sleep(10_000);

  const peakSince = new SystemClock().now();
  await load({ ...request, connections: 4, rate: TOWNSHIP_PEAK_RPS, durationSeconds: 60 });
  await routedSince(ctx, peakSince);
  const [latency] = await ctx.query<{ p50: number; p99: number }>(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99
       FROM (SELECT extract(epoch FROM routed_at - created_at) * 1000 AS ms FROM service_requests WHERE created_at >= $1) t`,
    [peakSince],
  );
  await ctx.stopWorker();
  return { submitRps: submitted.rps, routingRps, p50: latency.p50, p99: latency.p99 };
}

function routedSince(ctx: BenchContext, since: Date): Promise<void> {
  return waitUntil(
    async () =>
      (
        await ctx.query(`SELECT 1 FROM service_requests WHERE created_at >= $1 AND status = 'submitted' LIMIT 1`, [
          since,
        ])
      ).length === 0,
    300_000,
  );
}
