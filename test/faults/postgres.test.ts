import { describeEachBackend } from './support/backends';
import { ApiProcess, eventually, FaultStack, requestBody, sleep, Submission } from './support/fault-stack';
import { expectRoutedOnce, requestEffects } from './support/invariants';

/** Fault 5: PostgreSQL restarted (a crash, then recovery) while requests keep arriving. */
describeEachBackend('PostgreSQL restart under load, queues on %s', (backend) => {
  let stack: FaultStack;
  let api: ApiProcess;
  let token: string;
  let body: Record<string, unknown>;

  beforeAll(async () => {
    stack = await FaultStack.create({ backend });
    [api] = await Promise.all([stack.startApi(), stack.startWorker()]);
    token = await api.token();
    body = await requestBody(stack, 'PostgreSQL 故障');
  }, 180_000);
  afterAll(() => stack?.destroy(), 60_000);

  it('reports the outage on /health, recovers its pool by itself within 10 s, and leaves no half-written request', async () => {
    expect((await api.health()).status).toBe(200);
    const results: Submission[] = [];
    let running = true;
    const load = (async () => {
      for (let n = 0; running; n++) {
        results.push(await api.submit(token, body, { key: `fault-pg-${n}-${Date.now()}`, timeoutMs: 15_000 }));
        await sleep(100);
      }
    })();
    await sleep(2000);
    await stack.pg.stop('immediate');

    const outage = await eventually(
      () => api.health(3000),
      (h) => h.status !== 200,
      15_000,
    );
    expect(outage.status).toBe(503);
    expect(JSON.stringify(outage.body)).toContain('database');
    await sleep(5000);

    await stack.pg.start();
    const back = Date.now();
    await eventually(
      () => api.health(3000),
      (h) => h.status === 200,
      10_000,
      250,
    );
    const recoveredInMs = Date.now() - back;
    // The pool reconnects by itself: a submission after recovery succeeds without restarting anything.
    await eventually(
      () => api.submit(token, body, { key: `fault-pg-after-${Date.now()}` }),
      (s) => s.status === 201,
      10_000,
      250,
    );
    running = false;
    await load;

    expect(recoveredInMs).toBeLessThan(10_000);
    // During the outage submissions fail cleanly (503 or 500 in the error shape), never hang.
    expect(results.filter((r) => r.status === null)).toEqual([]);
    expect(Math.max(...results.map((r) => r.ms))).toBeLessThan(15_000);

    // Every 201 has its row, its outbox event and its audit row; no request without its outbox event.
    const accepted = new Set(results.filter((r) => r.status === 201).map((r) => r.id));
    const effects = await eventually(
      () => requestEffects(stack, 'fault-pg-'),
      (rows) => rows.every((r) => r.status !== 'submitted'),
      // Jobs whose every attempt fell in the outage have failed; the minute's sweep hands them back.
      150_000,
      1000,
    );
    for (const id of accepted) expect(effects.map((e) => e.id)).toContain(id);
    expect(effects.filter((e) => e.route_events < 1 || e.audit_inserts !== 1)).toEqual([]);
    expectRoutedOnce(effects);
    const orphans =
      await stack.query(`SELECT count(*)::int AS n FROM outbox_events o WHERE o.job_name = 'route-service-request'
      AND NOT EXISTS (SELECT 1 FROM service_requests r WHERE r.id::text = o.payload->>'requestId')`);
    expect(orphans[0].n).toBe(0);
  }, 300_000);
});
