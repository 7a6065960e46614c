import { readdirSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { SERVICE_REQUESTS_QUEUE } from '../../src/modules/service-requests/service-requests.jobs';
import { PRODUCTION_RUNTIME_ENV } from '../../src/platform/startup/runtime-settings';
import type { AppProcess } from './support/app-process';
import { describeEachBackend } from './support/backends';
import { ApiProcess, eventually, FaultStack, requestBody, Submission } from './support/fault-stack';
import { expectRoutedOnce, requestEffects } from './support/invariants';

// SCALE_OUT_REQUESTS: a smaller run while working on this test; the suite runs the full 10,000.
const TOTAL = Number(process.env.SCALE_OUT_REQUESTS ?? 10_000);
const CONCURRENCY = 20;

interface LogEntry {
  msg?: string;
  job?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
}

/** Counts the lines of a process's JSON log that `match` accepts. */
function logLines(process: AppProcess, match: (entry: LogEntry) => boolean): number {
  let n = 0;
  for (const line of process.output().split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      if (match(JSON.parse(line) as LogEntry)) n++;
    } catch {
      // not a log line of ours
    }
  }
  return n;
}

/** CPU seconds used so far and peak resident memory (MB) of a process, from Linux's /proc. */
function usage(pid: number): { cpuSeconds: number; peakMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime, in 1/100 s
  const peakKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return { cpuSeconds: Math.round(ticks) / 100, peakMb: Math.round(peakKb / 1024) };
}

/** CPU seconds used so far by a PostgreSQL server: the postmaster and its backends. */
function postgresCpuSeconds(postmaster: number): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(entry) === postmaster || Number(fields[1]) === postmaster)
        ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return Math.round(ticks) / 100;
}

/**
 * Issue 9: the API and the worker are stateless, so copies of each share the load. Two API and two
 * worker processes on one PostgreSQL and one Redis take 10,000 submissions from two enterprises.
 */
describeEachBackend('two API and two worker processes sharing one PostgreSQL and Redis, queues on %s', (backend) => {
  let stack: FaultStack;
  let apis: ApiProcess[];
  let workers: AppProcess[];

  beforeAll(async () => {
    stack = await FaultStack.create({
      backend,
      env: {
        // The production lock (30 s): with six processes on two cores a busy event loop must not let
        // a running job look stalled and run twice.
        QUEUE_LOCK_DURATION_MS: '30000',
        // The runtime settings of the image and the Kubernetes manifests (heap caps, glibc's mmap
        // threshold), to see the processes live within them.
        ...PRODUCTION_RUNTIME_ENV,
      },
    });
    apis = await Promise.all([stack.startApi(), stack.startApi()]);
    workers = await Promise.all([stack.startWorker({}, 'worker-1'), stack.startWorker({}, 'worker-2')]);
  }, 180_000);
  afterAll(() => stack?.destroy(), 60_000);

  it('routes each of 10,000 requests sent through both APIs exactly once, with both workers sharing the jobs', async () => {
    const body = await requestBody(stack, '横向扩展');
    // Both enterprises sign in on both APIs: the tokens and sessions are good on either.
    const tokens = await Promise.all(
      apis.map(async (api) =>
        Promise.all(['jingong@anhai.demo', 'xingyi@anhai.demo'].map((email) => api.token(email))),
      ),
    );

    const results: (Submission & { api: number })[] = [];
    let next = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = next++; i < TOTAL; i = next++) {
          const api = i % 2;
          const token = tokens[api][Math.floor(i / 2) % 2];
          results.push({
            api,
            ...(await apis[api].submit(token, body, { key: `scale-${String(i).padStart(5, '0')}`, timeoutMs: 60_000 })),
          });
        }
      }),
    );
    const submittedMs = Date.now() - started;
    process.stdout.write(`\nscale-out: ${TOTAL} submissions answered after ${submittedMs} ms\n`);
    const refused = results.filter((r) => r.status !== 201);
    if (refused.length > 0) {
      const errors = apis.flatMap((api) =>
        api
          .output()
          .split('\n')
          .filter((line) => line.includes('"level":50'))
          .slice(0, 3),
      );
      process.stdout.write(`\nscale-out: ${refused.length} submissions refused; API errors:\n${errors.join('\n')}\n`);
    }
    expect(refused).toEqual([]);
    expect(new Set(results.map((r) => r.id)).size).toBe(TOTAL);

    const pending = () =>
      stack.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM service_requests WHERE idempotency_key LIKE 'scale-%' AND status = 'submitted'`,
      );
    await eventually(pending, ([row]) => row.n === 0, 300_000, 1000);
    const routedMs = Date.now() - started;
    // A routing job also routes other waiting requests of its township (ROUTING_COMPANIONS), so every
    // request can be routed while some of their own jobs still wait in the queue: let those run too.
    const routeJobsStarted = () =>
      workers.map((worker) => logLines(worker, (e) => e.msg === 'Job started' && e.job === 'route-service-request'));
    await eventually(
      () => Promise.resolve(routeJobsStarted()),
      (started) => started.reduce((a, b) => a + b, 0) >= TOTAL,
      300_000,
      1000,
    );

    const effects = await requestEffects(stack, 'scale-');
    expect(effects).toHaveLength(TOTAL);
    expectRoutedOnce(effects);
    expect(effects.filter((r) => r.route_events !== 1 || r.audit_inserts !== 1 || r.assigned_events !== 1)).toEqual([]);

    // No job failed in any queue, and nothing is left in the outbox.
    const { queues, close } = stack.openQueues();
    try {
      const failed = await Promise.all(
        queues.map(async (queue) => [queue.name, await queue.getFailedCount()] as const),
      );
      expect(failed.filter(([, n]) => n > 0)).toEqual([]);
      const [{ unpublished }] = await stack.query(
        `SELECT count(*)::int AS unpublished FROM outbox_events WHERE published_at IS NULL AND job_name = 'route-service-request'`,
      );
      expect(unpublished).toBe(0);

      // Both workers ran routing jobs: each logs every job it starts, and BullMQ records the worker
      // (host:pid) on each job it keeps.
      const routedBy = routeJobsStarted();
      expect(routedBy.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(TOTAL);
      for (const n of routedBy) expect(n).toBeGreaterThan(TOTAL / 10);
      const serviceRequests = queues.find((q) => q.name === SERVICE_REQUESTS_QUEUE)!;
      const kept = (await serviceRequests.getJobs(['completed'], 0, -1)).filter(
        (job) => job.name === 'route-service-request',
      );
      const keptBy = new Map<string, number>();
      for (const job of kept)
        keptBy.set(job.processedBy ?? 'unknown', (keptBy.get(job.processedBy ?? 'unknown') ?? 0) + 1);
      expect([...keptBy.keys()].sort()).toEqual(workers.map((w) => `${hostname()}:${w.pid}`).sort());

      // Both APIs served submissions: each logged a 201 for every one sent to it.
      const servedBy = apis.map((api) =>
        logLines(
          api,
          (e) => e.req?.method === 'POST' && e.req?.url === '/api/v1/service-requests' && e.res?.statusCode === 201,
        ),
      );
      expect(servedBy).toEqual([TOTAL / 2, TOTAL / 2]);
      const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
      process.stdout.write(
        `\nscale-out: ${TOTAL} submissions through 2 APIs in ${submittedMs} ms (${Math.round(TOTAL / (submittedMs / 1000))}/s, ` +
          `p50 ${latencies[Math.floor(TOTAL * 0.5)]} ms, p99 ${latencies[Math.floor(TOTAL * 0.99)]} ms, concurrency ${CONCURRENCY}); ` +
          `all routed after ${routedMs} ms; routing jobs started per worker ${routedBy.join(' / ')}; ` +
          `kept completed routing jobs per worker ${[...keptBy.values()].join(' / ')}; 201s logged per API ${servedBy.join(' / ')}\n` +
          [...apis, ...workers].map((p) => `  ${p.name} ${p.pid}: ${JSON.stringify(usage(p.pid))}`).join('\n') +
          `\n  postgres: ${postgresCpuSeconds(stack.pg.pid()!)} CPU seconds` +
          '\n',
      );
    } finally {
      await close();
    }

    // Both copies of each stop cleanly.
    const exits = await Promise.all([...apis, ...workers].map((p) => p.stop('SIGTERM', 60_000)));
    expect(exits.map((e) => e.code)).toEqual([0, 0, 0, 0]);
    // About 3 minutes on an idle 2-core machine; the limit leaves room for a busy one.
  }, 1_800_000);
});
