import type { Queue } from 'bullmq';
import { Client } from 'pg';
import { SERVICE_REQUESTS_QUEUE } from '../../src/modules/service-requests/service-requests.jobs';
import { describeEachBackend } from './support/backends';
import { eventually, FaultStack, requestBody, sleep, Submission } from './support/fault-stack';
import { requestEffects } from './support/invariants';

/** BullMQ's service-requests queue on the stack's backend; close it when done. */
function serviceRequests(stack: FaultStack) {
  const { queues, close } = stack.openQueues();
  return {
    queue: queues.find((queue) => queue.name === SERVICE_REQUESTS_QUEUE) as Queue<{ requestId?: string }>,
    close,
  };
}

describeEachBackend('the API and the worker as processes, queues on %s', (backend) => {
  let stack: FaultStack;

  beforeAll(async () => {
    stack = await FaultStack.create({ backend });
  }, 180_000);
  afterAll(() => stack?.destroy(), 60_000);

  /** Fault 8: a client (or a proxy) retrying one submission a hundred times at once. */
  it('turns 100 concurrent identical submissions with one Idempotency-Key into exactly one request and one job', async () => {
    const api = await stack.startApi({ DATABASE_POOL_SIZE: '20' });
    const token = await api.token();
    const body = await requestBody(stack, '并发幂等');
    const key = `fault-idem-${Date.now()}`;
    // Each client does what a 503 asks (its database connections were all busy): tries again a moment later.
    const submitOnce = async (): Promise<Submission> => {
      for (let tries = 1; ; tries++) {
        const result = await api.submit(token, body, { key, timeoutMs: 60_000 });
        if (result.status !== 503 || tries === 10) return result;
        await sleep(1000);
      }
    };
    const results = await Promise.all(Array.from({ length: 100 }, submitOnce));
    expect(results.filter((r) => r.status !== 200 && r.status !== 201)).toEqual([]);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);

    const worker = await stack.startWorker();
    const rows = await eventually(
      () => requestEffects(stack, key),
      (r) => r.length === 1 && r[0].status === 'routed',
      60_000,
    );
    expect(rows[0]).toMatchObject({
      id: results[0].id,
      submitted: 1,
      routed: 1,
      route_events: 1,
      audit_inserts: 1,
      assigned_events: 1,
    });
    const { queue, close } = serviceRequests(stack);
    try {
      const jobs = await queue.getJobs(['completed', 'active', 'waiting', 'delayed', 'failed']);
      expect(
        jobs.filter((j) => j.name === 'route-service-request' && j.data.requestId === rows[0].id).map((j) => j.id),
      ).toEqual([`route-${rows[0].id}`]);
    } finally {
      await close();
    }
    await Promise.all([api.stop('SIGTERM'), worker.stop('SIGTERM')]);
  }, 240_000);

  /** Fault 2: SIGTERM the API and the worker while requests are in flight and a job is active. */
  it('lets accepted requests and the active job finish, then both processes exit cleanly and promptly', async () => {
    // A pool larger than the load, so every request below is inside the API (accepted) at SIGTERM.
    const api = await stack.startApi({ DATABASE_POOL_SIZE: '30' });
    const token = await api.token();
    const body = await requestBody(stack, '优雅停机');
    const first = await api.submit(token, body);
    expect(first.status).toBe(201);

    const blocker = new Client({ connectionString: stack.databaseAdminUrl });
    await blocker.connect();
    const { queue, close } = serviceRequests(stack);
    try {
      // The first request's routing job blocks on its row: it is the worker's active job at SIGTERM.
      await blocker.query('BEGIN');
      await blocker.query('SELECT id FROM service_requests WHERE id = $1 FOR UPDATE', [first.id]);
      const worker = await stack.startWorker();
      await eventually(
        () => queue.getActiveCount(),
        (n) => n === 1,
        60_000,
        50,
      );

      // New submissions block on their category (the foreign key's check of the new row, as the
      // numbers come from a sequence that locks nothing): they are in flight at SIGTERM.
      await blocker.query(`SELECT 1 FROM service_categories FOR UPDATE`);
      const inFlight: Promise<Submission>[] = Array.from({ length: 20 }, () =>
        api.submit(token, body, { timeoutMs: 60_000 }),
      );
      await eventually(
        () =>
          stack.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = 'lianmeng'`,
          ),
        (rows) => rows[0].n >= 21,
        60_000,
        50,
      );

      const apiStopped = api.stop('SIGTERM', 60_000);
      const workerStopped = worker.stop('SIGTERM', 60_000);
      await api.waitForOutput(/Shutting down on SIGTERM/, 10_000);
      await worker.waitForOutput(/Shutting down on SIGTERM/, 10_000);
      // Both wait for their work: neither exits while it is still blocked.
      await sleep(1000);
      expect(api.running).toBe(true);
      expect(worker.running).toBe(true);
      // A newcomer is not accepted any more (the listener is closed, or a 503 says so).
      const late = await api.submit(token, body, { timeoutMs: 5000 });
      expect(late.status === 503 || late.error !== undefined).toBe(true);

      const released = Date.now();
      await blocker.query('ROLLBACK');
      const results = await Promise.all(inFlight);
      expect(results.filter((r) => r.status !== 201)).toEqual([]);

      const [apiExit, workerExit] = await Promise.all([apiStopped, workerStopped]);
      const promptly = Date.now() - released;
      for (const [process, exit] of [
        [api, apiExit],
        [worker, workerExit],
      ] as const) {
        expect({ name: process.name, ...exit, ms: undefined }).toEqual({
          name: process.name,
          code: 0,
          signal: null,
          ms: undefined,
        });
        expect(process.output()).toContain('Stopped cleanly');
      }
      expect(promptly).toBeLessThan(15_000);

      // The active job finished in the stopping worker: routed once, and completed (not left to be retried).
      const [routed] = (await requestEffects(stack)).filter((r) => r.id === first.id);
      expect(routed).toMatchObject({ status: 'routed', routed: 1 });
      expect(await (await queue.getJob(`route-${first.id}`))?.getState()).toBe('completed');
      // Every accepted request is stored with its routing event, waiting for the next worker.
      const stored = await requestEffects(stack);
      for (const result of results)
        expect(stored.find((r) => r.id === result.id)).toMatchObject({ submitted: 1, route_events: 1 });
    } finally {
      await blocker.end().catch(() => undefined);
      await close();
    }
  }, 240_000);

  /** A rolling update: browsers hold notification streams open, which never end by themselves. */
  it('ends open notification streams at SIGTERM, so the API still exits cleanly and promptly', async () => {
    const api = await stack.startApi();
    const token = await api.token();
    const controller = new AbortController();
    const streams = await Promise.all(
      Array.from({ length: 3 }, async () => {
        const issued = await fetch(`${api.url}/api/v1/notifications/stream-ticket`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
        });
        const { ticket } = (await issued.json()) as { ticket: string };
        const response = await fetch(`${api.url}/api/v1/notifications/stream?ticket=${ticket}`, {
          signal: controller.signal,
        });
        const reader = response.body!.getReader();
        await reader.read(); // the first count: the stream is open
        // Wrapped, or Promise.all would wait for the stream's end.
        return {
          end: (async () => {
            for (;;) if ((await reader.read()).done) return 'ended';
          })().catch((error: Error) => `failed: ${error.message}`),
        };
      }),
    );
    try {
      const exit = await api.stop('SIGTERM', 20_000);
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(exit.ms).toBeLessThan(5000);
      expect(api.output()).toContain('Stopped cleanly');
      expect(await Promise.all(streams.map((stream) => stream.end))).toEqual(['ended', 'ended', 'ended']);
    } finally {
      controller.abort();
    }
  }, 120_000);
});
