import { Client } from 'pg';
import { describeEachBackend } from './support/backends';
import { ApiProcess, eventually, FaultStack, requestBody, sleep } from './support/fault-stack';
import { expectRoutedOnce, requestEffects } from './support/invariants';

const IDLE_IN_TRANSACTION_TIMEOUT_MS = 3000;

/** Server pids of the application's sessions (API and workers) in the given state. */
const sessions = (stack: FaultStack, condition: string) =>
  stack
    .query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = 'lianmeng' AND application_name = 'lianmeng' AND ${condition}`,
    )
    .then((rows) => rows.map((r) => r.pid));

/**
 * Fault 7: a worker frozen (SIGSTOP) inside routing jobs, past its queue lock. BullMQ hands the
 * stalled jobs to another worker, but the frozen worker's sessions sit "idle in transaction" on the
 * requests' row locks; the server must end them, or the new attempts wait forever.
 */
describeEachBackend('a worker frozen in the middle of routing, longer than its queue lock, queues on %s', (backend) => {
  let stack: FaultStack;
  let api: ApiProcess;

  beforeAll(async () => {
    stack = await FaultStack.create({
      backend,
      env: { DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: String(IDLE_IN_TRANSACTION_TIMEOUT_MS) },
    });
    api = await stack.startApi();
  }, 180_000);
  afterAll(() => stack?.destroy(), 60_000);

  it('lets another worker route its requests exactly once, and wakes up without crashing or routing them again', async () => {
    const token = await api.token();
    const body = await requestBody(stack, '冻结的工作进程');
    const submissions = await Promise.all(Array.from({ length: 20 }, () => api.submit(token, body)));
    expect(submissions.map((s) => s.status)).toEqual(Array(20).fill(201));

    // Hold five rows so that the first worker's routing jobs for them are certainly inside their
    // transaction, waiting for the row, when it freezes.
    const held = submissions.slice(0, 5).map((s) => s.id!);
    const blocker = new Client({ connectionString: stack.databaseAdminUrl });
    await blocker.connect();
    const first = await (async () => {
      try {
        await blocker.query('BEGIN');
        await blocker.query('SELECT id FROM service_requests WHERE id = ANY($1) FOR UPDATE', [held]);
        const [{ pid: blockerPid }] = (await blocker.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
        const worker = await stack.startWorker({}, 'worker-1');
        // Waiting on the blocker itself, not on any lock: two other routing jobs can wait on each
        // other for a moment (figure-change rows), and counting those would freeze the worker
        // before it has taken every held job.
        await eventually(
          () => sessions(stack, `${Number(blockerPid)} = ANY(pg_blocking_pids(pid))`),
          (pids) => pids.length === held.length,
          60_000,
          50,
        );
        worker.signal('SIGSTOP');
        return worker;
      } finally {
        await blocker.query('ROLLBACK').catch(() => undefined);
        await blocker.end();
      }
    })();
    // Each frozen job now holds its request's row lock, in a transaction nobody will finish.
    const frozen = await eventually(
      () => sessions(stack, `state = 'idle in transaction'`),
      (pids) => pids.length >= held.length,
      10_000,
      50,
    );

    const second = await stack.startWorker({}, 'worker-2');
    const routed = await eventually(
      () => requestEffects(stack),
      (rows) => rows.length === 20 && rows.every((r) => r.status === 'routed'),
      45_000,
      250,
    );
    // The server ended the frozen sessions, which freed the rows for the second worker.
    expect(await stack.query('SELECT pid, state FROM pg_stat_activity WHERE pid = ANY($1)', [frozen])).toEqual([]);
    // A held request may have been routed as another job's companion (ROUTING_COMPANIONS) before the
    // second worker took its own stalled job; that job still comes to the second worker, and finds
    // it routed.
    for (const id of held) await second.waitForOutput(new RegExp(`route-${id}`), 45_000);
    expectRoutedOnce(routed);

    // The first worker wakes to dead sessions: its attempts fail, it neither crashes nor routes again.
    first.signal('SIGCONT');
    for (const id of held)
      await first.waitForOutput(new RegExp(`"jobId":"route-${id}".*"msg":"Job attempt failed"`), 15_000);
    await sleep(2000);
    expect(first.running).toBe(true);
    expect(first.output()).not.toMatch(/uncaught|unhandled/i);
    const after = await requestEffects(stack);
    expectRoutedOnce(after);
    expect(
      after.every(
        (r) =>
          r.assigned_events === 1 &&
          r.max_assigned_per_user === 1 &&
          r.audit_inserts === 1 &&
          r.published_route_events >= 1,
      ),
    ).toBe(true);

    // Its pool dropped the dead connections: alone again, it routes a new request.
    expect((await second.stop('SIGTERM')).code).toBe(0);
    const late = await api.submit(token, body);
    expect(late.status).toBe(201);
    const [lateEffects] = await eventually(
      () => requestEffects(stack, late.key),
      (rows) => rows.length === 1 && rows[0].status === 'routed',
      30_000,
      250,
    );
    expect(lateEffects).toMatchObject({ submitted: 1, routed: 1, assigned_events: 1, audit_inserts: 1 });
    const exit = await first.stop('SIGTERM');
    expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
  }, 150_000);
});
