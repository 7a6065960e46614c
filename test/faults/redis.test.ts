import { describeWithRedis } from './support/backends';
import { ApiProcess, eventually, FaultStack, requestBody, sleep, Submission } from './support/fault-stack';
import { expectRoutedOnce, requestEffects } from './support/invariants';

/** Keeps submitting, one request at a time with a small pause, until stopped. */
function steadyLoad(api: ApiProcess, token: string, body: Record<string, unknown>, keyPrefix: string, pauseMs = 150) {
  const results: Submission[] = [];
  let running = true;
  const done = (async () => {
    let n = 0;
    while (running) {
      results.push(await api.submit(token, body, { key: `${keyPrefix}${n++}-${Date.now()}`, timeoutMs: 15_000 }));
      await sleep(pauseMs);
    }
  })();
  return {
    results,
    stop: async () => {
      running = false;
      await done;
      return results;
    },
  };
}

describeWithRedis('Redis faults', () => {
  let stack: FaultStack;
  let api: ApiProcess;
  let token: string;
  let body: Record<string, unknown>;

  beforeAll(async () => {
    stack = await FaultStack.create();
    [api] = await Promise.all([stack.startApi(), stack.startWorker()]);
    token = await api.token();
    body = await requestBody(stack, 'Redis 故障');
  }, 180_000);
  afterAll(() => stack?.destroy(), 60_000);

  /** Fault 3. */
  it('accepts and stores every submission while Redis is down for 60 s, none hangs, and routes them all once it is back', async () => {
    const load = steadyLoad(api, token, body, 'fault-redis-down-');
    await sleep(2000);
    await stack.redis.stop();
    const outageStarted = load.results.length;
    await sleep(60_000);
    const duringOutage = load.results.length - outageStarted;
    await stack.redis.start();
    await sleep(2000);
    const results = await load.stop();

    expect(duringOutage).toBeGreaterThan(20);
    expect(results.filter((r) => r.status !== 201)).toEqual([]);
    // Producers never wait for Redis: the outbox row is written in the request's transaction.
    expect(Math.max(...results.map((r) => r.ms))).toBeLessThan(5000);

    const effects = await eventually(
      () => requestEffects(stack, 'fault-redis-down-'),
      (rows) => rows.length === results.length && rows.every((r) => r.status === 'routed'),
      120_000,
      500,
    );
    expectRoutedOnce(effects);
    expect(effects.every((r) => r.audit_inserts === 1)).toBe(true);
  }, 300_000);

  /** Fault 4. */
  it('still escalates on time when Redis restarts under load and its delayed jobs (timers and schedules) are deleted', async () => {
    const routed = await eventually(
      () => requestEffects(stack, 'fault-redis-down-'),
      (rows) => rows.length >= 5,
      10_000,
    );
    const ids = routed.slice(0, 5).map((r) => r.id);
    const load = steadyLoad(api, token, body, 'fault-redis-restart-');
    await sleep(1000);
    await stack.redis.stop();
    await sleep(3000);
    await stack.redis.start();
    await sleep(1000);

    // Every pending delayed job goes: the SLA timers and the schedulers' next runs.
    const redis = stack.redis.client();
    try {
      const delayed = await redis.zcard('{lm-faults}:service-requests:delayed');
      expect(delayed).toBeGreaterThan(0);
      await redis.flushall();
    } finally {
      redis.disconnect();
    }
    // The database says these five are due in 20 s; no timer in Redis knows it.
    const [{ due }] = await stack.query<{ due: Date }>(
      `UPDATE service_requests SET accept_due_at = now() + interval '20 seconds', next_sla_check_at = now() + interval '20 seconds'
        WHERE id = ANY($1) RETURNING accept_due_at AS due`,
      [ids],
    );
    await sleep(3000);
    const results = await load.stop();
    expect(results.filter((r) => r.status !== 201)).toEqual([]);

    const breached = await eventually(
      () =>
        stack.query<{ request_id: string; at: Date }>(
          `SELECT request_id, created_at AS at FROM service_request_events WHERE type = 'sla_breached' AND request_id = ANY($1)`,
          [ids],
        ),
      (rows) => rows.length === ids.length,
      120_000,
      500,
    );
    const lateness = breached.map((r) => r.at.getTime() - due.getTime());
    expect(Math.min(...lateness)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...lateness)).toBeLessThan(75_000);
    // The requests submitted around the restart are routed too, those whose job the flush deleted
    // by the minute's reconciliation (a request still waiting after a minute gets its job again).
    const effects = await eventually(
      () => requestEffects(stack, 'fault-redis-restart-'),
      (rows) => rows.every((r) => r.status === 'routed'),
      180_000,
      500,
    );
    expect(effects).toHaveLength(results.length);
    expectRoutedOnce(effects);
  }, 420_000);

  /** Fault 6. */
  it('refuses to start a worker on a Redis that may evict keys, and says the policy must be noeviction', async () => {
    const redis = stack.redis.client();
    try {
      await redis.config('SET', 'maxmemory-policy', 'allkeys-lru');
      const worker = stack.spawnWorker({}, 'worker-on-lru');
      const exit = await worker.exited;
      expect(exit.code).toBe(1);
      expect(worker.output()).toContain('maxmemory-policy "allkeys-lru"');
      expect(worker.output()).toContain('noeviction');
      expect(worker.output()).not.toMatch(/\n\s+at /);
    } finally {
      await redis.config('SET', 'maxmemory-policy', 'noeviction');
      redis.disconnect();
    }
  }, 120_000);
});
