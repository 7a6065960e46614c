import { Queue } from 'bullmq';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { Client } from 'pg';
import { Http } from '../support/http';
import { categoryId, smartAllianceId } from '../support/service-requests';
import { TEST_REDIS_URL } from '../support/test-environment';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import { describeWithRedis } from '../support/with-redis';

const ROOT = join(__dirname, '../..');

/** The built worker as a real child process, so it can be killed like in production. */
function startWorker(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [join(ROOT, 'dist/src/worker.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', NODE_NO_WARNINGS: '1', ...env },
    stdio: 'ignore',
  });
}

// Two workers start cold here; on a busy 2-core machine each can take most of a minute.
jest.setTimeout(180_000);

describeWithRedis('a worker killed in the middle of a routing job', () => {
  let app: TestApp;
  let env: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp();
    env = {
      DATABASE_URL: app.db.appUrl,
      DATABASE_ADMIN_URL: app.db.adminUrl,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: app.prefix,
      QUEUE_LOCK_DURATION_MS: '1000',
    };
  });
  afterAll(() => app.close());

  it('is recovered by another worker: the request is routed once, with one timeline entry and one set of notifications', async () => {
    const http = new Http(app.api);
    const xingyi = await http.token('xingyi@anhai.demo');
    const submitted = await http.post(
      '/api/v1/service-requests',
      {
        allianceId: await smartAllianceId(app),
        categoryId: await categoryId(app, 'policy'),
        title: '崩溃恢复测试',
        description: '路由途中工作进程被强行终止',
      },
      { token: xingyi },
    );
    expect(submitted.status).toBe(201);

    // Hold the request's row so the routing job blocks inside its transaction, then kill the worker there.
    const blocker = new Client({ connectionString: app.db.adminUrl });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('SELECT id FROM service_requests WHERE id = $1 FOR UPDATE', [submitted.body.id]);
    const queue = new Queue('service-requests', { connection: { url: TEST_REDIS_URL }, prefix: app.prefix });
    const first = startWorker(env);
    try {
      await waitFor(
        () => queue.getActiveCount(),
        (n) => n === 1,
        60_000,
      );
      first.kill('SIGKILL');
      await once(first, 'exit');
      await blocker.query('ROLLBACK');

      const second = startWorker(env);
      try {
        const routed = await waitFor(
          () => http.get(`/api/v1/service-requests/${submitted.body.id}`, { token: xingyi }),
          (r) => r.body.status === 'routed',
          90_000,
        );
        expect(routed.body.timeline.filter((e: { type: string }) => e.type === 'routed')).toHaveLength(1);
        const { rows } = await app.db.admin.query(
          `SELECT user_id, count(*)::int AS n FROM notifications WHERE type = 'service-request.assigned' GROUP BY user_id`,
        );
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.every((r) => r.n === 1)).toBe(true);
      } finally {
        second.kill('SIGTERM');
        await once(second, 'exit');
      }
    } finally {
      await blocker.end();
      await queue.close();
    }
  }, 60_000);
});
