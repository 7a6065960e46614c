import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { RegistryTransferProcessor } from '../../src/modules/registry-transfer/registry-transfer.processor';
import { SweepTransferJobsHandler } from '../../src/modules/registry-transfer/transfer-job-sweeper';
import { REGISTRY_QUEUE } from '../../src/modules/registry-transfer/registry-transfer.jobs';
import { Http } from '../support/http';
import { idOf } from '../support/tenants';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_REDIS_URL } from '../support/test-environment';
import { waitFor } from '../support/wait-for';
import { describeWithRedis } from '../support/with-redis';

const ATTEMPTS = 2;

function multipart(fileName: string, content: Buffer): { body: Buffer; headers: Record<string, string> } {
  const boundary = '----transfer-failure';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * A job that fails on every attempt (here a trigger stands for a dependency that keeps failing) must
 * end as `failed` with a reason its user can read, not sit at `running` after BullMQ gave up.
 */
describeWithRedis('transfer jobs that fail for good', () => {
  let app: TestApp;
  let http: Http;
  let token: string;
  let allianceId: string;

  beforeAll(async () => {
    app = await startTestApp({ worker: true, env: { QUEUE_ATTEMPTS: String(ATTEMPTS), QUEUE_BACKOFF_MS: '50' } });
    http = new Http(app.api);
    token = await http.token('official@anhai.demo');
    allianceId = await idOf(app.db.admin, 'alliances', '安海镇智能装备制造产业集群党建联盟');
    await app.db.admin.query(
      `CREATE FUNCTION test_breakdown() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated breakdown'; END $$`,
    );
  });
  afterAll(() => app.close());

  /** Until the job leaves queued and running; before the fix it stayed running and this timed out. */
  const settled = (id: string, language: 'zh-CN' | 'en' = 'zh-CN') =>
    waitFor(
      () => http.get(`/api/v1/jobs/${id}`, { token, language }),
      (reply) => ['succeeded', 'failed'].includes(reply.body.status),
      20_000,
    ).then((reply) => reply.body);

  /** The attempts BullMQ made of the job it gave up (the row is written just before BullMQ records it). */
  const attemptsOf = async (id: string) => {
    const queue = new Queue(REGISTRY_QUEUE, { connection: { url: TEST_REDIS_URL }, prefix: app.prefix });
    try {
      const failed = await waitFor(
        async () => (await queue.getJobs(['failed'])).filter((j) => j.data.transferJobId === id),
        (jobs) => jobs.length > 0,
      );
      return failed.map((j) => j.attemptsMade);
    } finally {
      await queue.close();
    }
  };

  it('fails a member import whose every attempt breaks, says why, tells the official and frees the upload', async () => {
    await app.db.admin.query(
      `CREATE TRIGGER test_breakdown BEFORE INSERT ON alliance_memberships FOR EACH ROW EXECUTE FUNCTION test_breakdown()`,
    );
    try {
      const form = multipart('成员.csv', Buffer.from('企业名称,党组织类型\n失败测试企业,党支部\n'));
      const started = await http.request('POST', `/api/v1/alliances/${allianceId}/imports`, {
        token,
        body: form.body,
        headers: form.headers,
      });
      expect(started.status).toBe(202);
      const job = await settled(started.body.id);
      expect(job).toMatchObject({
        status: 'failed',
        acceptedRows: 0,
        error: `系统内部出错，已尝试 ${ATTEMPTS} 次仍未完成：请稍后重新发起，如仍失败请联系系统管理员`,
        finishedAt: expect.any(String),
      });
      // The database's own words stay in the log, not on the page.
      expect(job.error).not.toContain('simulated');
      // Every attempt was made: the failure is final, not a retry still to come.
      expect(await attemptsOf(started.body.id)).toEqual([ATTEMPTS]);
      const { rows } = await app.db.admin.query(`SELECT file IS NULL AS freed FROM transfer_jobs WHERE id = $1`, [
        started.body.id,
      ]);
      expect(rows[0].freed).toBe(true);
      const inbox = await waitFor(
        () => http.get('/api/v1/notifications', { token }),
        (reply) => reply.body.items.some((n: { title: string }) => n.title === '导入失败：成员.csv'),
      );
      expect(inbox.body.items.find((n: { title: string }) => n.title === '导入失败：成员.csv').body).toContain(
        '系统内部出错',
      );
    } finally {
      await app.db.admin.query(`DROP TRIGGER test_breakdown ON alliance_memberships`);
    }
  });

  it.each([
    [
      'registry-export',
      () => http.post(`/api/v1/alliances/${allianceId}/exports`, undefined, { token, language: 'en' }),
    ],
    [
      'service-statistics-export',
      () =>
        http.post(
          '/api/v1/service-requests/statistics/exports',
          { allianceId, from: '2026-11-01', to: '2026-12-01' },
          { token, language: 'en' },
        ),
    ],
    [
      'dashboard-export',
      () =>
        http.post(`/api/v1/alliances/${allianceId}/dashboard/exports`, { format: 'xlsx' }, { token, language: 'en' }),
    ],
  ])('fails a %s whose every attempt breaks, with the reason in the language it was asked in', async (kind, start) => {
    await app.db.admin.query(
      `CREATE TRIGGER test_breakdown BEFORE UPDATE ON transfer_jobs FOR EACH ROW WHEN (NEW.status = 'succeeded') EXECUTE FUNCTION test_breakdown()`,
    );
    try {
      const started = await start();
      expect([started.status, started.body.kind]).toEqual([kind === 'dashboard-export' ? 201 : 202, kind]);
      const job = await settled(started.body.id, 'en');
      expect(job).toMatchObject({
        status: 'failed',
        error: `an internal error stopped it after ${ATTEMPTS} attempts: start it again later, and if it fails again, contact the administrator`,
        finishedAt: expect.any(String),
      });
      expect(await attemptsOf(started.body.id)).toEqual([ATTEMPTS]);
      expect((await http.get(`/api/v1/jobs/${started.body.id}/download`, { token })).status).toBe(409);
    } finally {
      await app.db.admin.query(`DROP TRIGGER test_breakdown ON transfer_jobs`);
    }
  });

  /**
   * BullMQ fails a job whose worker died more often than its stalled limit allows in another worker's
   * stalled check, which runs none of our code; Redis may lose a job. The sweep ends both rows.
   * Last in this file: it stops the worker's registry queue, so that nothing but the test moves the jobs.
   */
  it('ends a job its queue failed without our processor, and one its queue lost; leaves alone those in hand and the recent', async () => {
    await app.worker!.get(RegistryTransferProcessor).worker.close();
    const queue = new Queue(REGISTRY_QUEUE, { connection: { url: TEST_REDIS_URL }, prefix: app.prefix });
    const stand = new Worker(REGISTRY_QUEUE, null, {
      connection: { url: TEST_REDIS_URL },
      prefix: app.prefix,
      autorun: false,
    });
    try {
      const inQueue = (id: string) =>
        waitFor(
          () => queue.getJob(`transfer-${id}`),
          (job) => job !== undefined,
        );
      const stalled = (await http.post(`/api/v1/alliances/${allianceId}/exports`, undefined, { token, language: 'en' }))
        .body.id as string;
      await inQueue(stalled);
      const form = multipart('丢失.csv', Buffer.from('企业名称,党组织类型\n丢失测试企业,党支部\n'));
      const lost = (
        await http.request('POST', `/api/v1/alliances/${allianceId}/imports`, {
          token,
          body: form.body,
          headers: form.headers,
        })
      ).body.id as string;
      const inHand = (await http.post(`/api/v1/alliances/${allianceId}/exports`, undefined, { token })).body
        .id as string;
      const recent = (await http.post(`/api/v1/alliances/${allianceId}/exports`, undefined, { token })).body
        .id as string;
      for (const id of [lost, inHand, recent]) await inQueue(id);

      // The first export is taken by a worker that dies; BullMQ's stalled check gives it up for good.
      const taken = (await stand.getNextJob('dead-worker'))!;
      expect(taken.id).toBe(`transfer-${stalled}`);
      await taken.moveToFailed(new UnrecoverableError('job stalled more than allowable limit'), 'dead-worker');
      // The import's job is lost from Redis, as is the recent export's.
      await queue.remove(`transfer-${lost}`);
      await queue.remove(`transfer-${recent}`);
      await app.db.admin.query(
        `UPDATE transfer_jobs SET created_at = created_at - interval '5 minutes' WHERE id = ANY($1)`,
        [[stalled, lost, inHand]],
      );

      expect(await app.worker!.get(SweepTransferJobsHandler).handle()).toBe(2);
      const status = async (id: string, language: 'zh-CN' | 'en' = 'zh-CN') =>
        (await http.get(`/api/v1/jobs/${id}`, { token, language })).body;
      expect(await status(stalled, 'en')).toMatchObject({
        status: 'failed',
        error: 'it stopped when its worker or the job queue went down, and did not finish: start it again',
      });
      expect(await status(lost)).toMatchObject({
        status: 'failed',
        error: '任务在执行中断（处理进程或任务队列停止）后未能完成：请重新发起',
        finishedAt: expect.any(String),
      });
      expect(await status(inHand)).toMatchObject({ status: 'queued', error: null });
      expect(await status(recent)).toMatchObject({ status: 'queued', error: null });
      const inbox = await waitFor(
        () => http.get('/api/v1/notifications', { token }),
        (reply) => reply.body.items.some((n: { title: string }) => n.title === '导入失败：丢失.csv'),
      );
      expect(inbox.body.items.find((n: { title: string }) => n.title === '导入失败：丢失.csv').body).toContain(
        '任务在执行中断',
      );
      // A second sweep finds nothing more to end.
      expect(await app.worker!.get(SweepTransferJobsHandler).handle()).toBe(0);
    } finally {
      await stand.close();
      await queue.close();
    }
  });
});
