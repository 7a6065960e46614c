import { Client } from 'pg';
import { describeEachBackend } from './support/backends';
import { ApiProcess, eventually, FaultStack, requestBody } from './support/fault-stack';
import { expectRoutedOnce, requestEffects } from './support/invariants';

/** Fault 1: SIGKILL the worker in the middle of routing. */
describeEachBackend('a worker killed with SIGKILL in the middle of routing 50 requests, queues on %s', (backend) => {
  let stack: FaultStack;
  let api: ApiProcess;

  beforeAll(async () => {
    stack = await FaultStack.create({ backend });
    api = await stack.startApi();
  }, 180_000);
  afterAll(() => stack?.destroy(), 60_000);

  it('leaves every request routed exactly once after a new worker starts: one timeline entry, one notification each', async () => {
    const token = await api.token();
    const body = await requestBody(stack, '崩溃恢复');
    const submissions = await Promise.all(Array.from({ length: 50 }, () => api.submit(token, body)));
    expect(submissions.map((s) => s.status)).toEqual(Array(50).fill(201));

    // Hold some rows so their routing jobs are certainly active (inside their transaction) at the kill.
    const held = submissions.slice(0, 5).map((s) => s.id!);
    const blocker = new Client({ connectionString: stack.databaseAdminUrl });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT id FROM service_requests WHERE id = ANY($1) FOR UPDATE', [held]);

      const first = await stack.startWorker({}, 'worker-1');
      const waiting = await eventually(
        () =>
          stack.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = 'lianmeng'`,
          ),
        (rows) => rows[0].n >= 1,
        60_000,
        50,
      );
      expect(waiting[0].n).toBeGreaterThanOrEqual(1);
      const exit = await first.stop('SIGKILL');
      expect(exit.signal).toBe('SIGKILL');
    } finally {
      await blocker.query('ROLLBACK').catch(() => undefined);
      await blocker.end();
    }
    const before = await requestEffects(stack);
    expect(before.filter((r) => held.includes(r.id)).every((r) => r.status === 'submitted')).toBe(true);

    const second = await stack.startWorker({}, 'worker-2');
    const after = await eventually(
      () => requestEffects(stack),
      (rows) => rows.length === 50 && rows.every((r) => r.status === 'routed'),
      90_000,
      250,
    );
    expectRoutedOnce(after);
    expect(after.every((r) => r.assigned_events === 1 && r.max_assigned_per_user === 1)).toBe(true);

    // Nothing is left behind in the outbox, and the second worker stops cleanly.
    const [{ pending }] = await stack.query(
      `SELECT count(*)::int AS pending FROM outbox_events WHERE published_at IS NULL AND job_name = 'route-service-request'`,
    );
    expect(pending).toBe(0);
    const exit = await second.stop('SIGTERM');
    expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
  }, 240_000);
});
