import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import S3rver from 's3rver';
import { backupFileName } from '../../src/platform/backup/backup-names';
import { BackupAlerts } from '../../src/platform/backup/operations/backup-alerts.service';
import { BackupOperations } from '../../src/platform/backup/operations/backup-operations.service';
import { S3BackupStore } from '../../src/platform/backup/operations/backup-store';
import { BACKUPS_QUEUE, BackupJob } from '../../src/platform/backup/backup.jobs';
import { WorkerModule } from '../../src/worker.module';
import { Http } from '../support/http';
import { SmtpSink } from '../support/smtp-sink';
import { TEST_ADMIN_URL } from '../support/test-environment';
import { STATE_BACKENDS, startTestApp, type TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

const KEY = randomBytes(24).toString('hex');

async function rows<T>(app: TestApp, sql: string, parameters: unknown[] = []): Promise<T[]> {
  return (await app.db.admin.query(sql, parameters)).rows as T[];
}

/** Databases named like this app's verification scratch databases (all must be dropped after each run). */
async function scratchDatabases(app: TestApp): Promise<string[]> {
  const client = new Client({ connectionString: TEST_ADMIN_URL });
  await client.connect();
  try {
    const name = new URL(app.db.adminUrl).pathname.slice(1);
    const { rows: found } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${name.slice(0, 40)}_verify_%`],
    );
    return found.map((r) => r.datname);
  } finally {
    await client.end();
  }
}

/**
 * A cron every 4 seconds and two workers: BullMQ keeps one scheduler for the queue, so each tick
 * makes one job and one backup, on either queue backend; each is verified right after.
 */
describe.each(STATE_BACKENDS)('scheduled backups with two workers, queues on %s', (backend) => {
  const WATCH_MS = 13_000;
  let app: TestApp;
  let second: INestApplicationContext;
  let backupDir: string;

  beforeAll(async () => {
    backupDir = mkdtempSync(join(tmpdir(), 'lianmeng-backups-'));
    app = await startTestApp({
      worker: true,
      seed: false,
      backend,
      env: { BACKUP_KEY: KEY, BACKUP_DIR: backupDir, BACKUP_SCHEDULE: '*/4 * * * * *' },
    });
    second = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await second.init();
  });
  afterAll(async () => {
    await second?.close();
    await app?.close();
    rmSync(backupDir, { recursive: true, force: true });
  });

  it("takes each tick's backup once, verified, and records it", async () => {
    await new Promise((resolve) => setTimeout(resolve, WATCH_MS));
    const queue = app.worker!.get<Queue>(getQueueToken(BACKUPS_QUEUE), { strict: false });
    expect(
      (await queue.getJobSchedulers()).filter((s) => s.key === BackupJob.TakeBackup || s.name === BackupJob.TakeBackup),
    ).toHaveLength(1);
    // The ticks of the watch, each taken and ended (later ticks go on meanwhile, and are not looked at).
    const cutoff = Date.now();
    const done = await waitFor(
      () =>
        rows<{
          scheduled_for: Date;
          status: string;
          verify_status: string | null;
          verify_detail: string | null;
          file_name: string;
        }>(
          app,
          `SELECT scheduled_for, status, verify_status, verify_detail, file_name FROM backup_runs WHERE trigger = 'schedule' AND scheduled_for <= $1 ORDER BY scheduled_for`,
          [new Date(cutoff)],
        ),
      (runs) => runs.length >= 2 && runs.every((r) => r.verify_status !== null || r.status === 'failed'),
      90_000,
    );
    const jobs = (await queue.getJobs(['completed', 'active', 'failed', 'waiting'], 0, -1)).filter(
      (job) => job.name === BackupJob.TakeBackup,
    );
    const ticks = jobs
      .map((job) => Number(String(job.id).split(':').pop()))
      .filter((tick) => tick <= cutoff)
      .sort((a, b) => a - b);
    expect(done.length).toBeLessThanOrEqual(Math.ceil(WATCH_MS / 4000) + 2);
    // Every one taken and verified (a failure shows its reason here).
    expect(
      done
        .filter((r) => r.status !== 'succeeded' || r.verify_status !== 'ok')
        .map((r) => `${r.status} ${r.verify_status}: ${r.verify_detail}`),
    ).toEqual([]);
    // One job and one run per tick: none taken twice, none skipped.
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(done.map((r) => r.scheduled_for.getTime())).toEqual(ticks);
    // The retention (7 days) keeps the newest of the day: the others are removed once verified, and say so.
    const files = readdirSync(backupDir).filter((name) => name.endsWith('.lmbackup'));
    const [newest] = await rows<{ file_name: string }>(
      app,
      `SELECT file_name FROM backup_runs WHERE pruned_at IS NULL AND status = 'succeeded' AND verify_status IS NOT NULL ORDER BY scheduled_for DESC LIMIT 1`,
    );
    expect(files).toContain(newest.file_name);
    const removed = await rows<{ file_name: string }>(
      app,
      `SELECT file_name FROM backup_runs WHERE pruned_at IS NOT NULL`,
    );
    for (const run of removed) expect(files).not.toContain(run.file_name);
    expect(removed.length).toBeGreaterThanOrEqual(done.length - 2);
  });
});

describe('backups: the record, retention, verification, the stale alert and the admin routes', () => {
  const NOW = new Date('2026-12-07T10:00:00+08:00');
  let app: TestApp;
  let http: Http;
  let backupDir: string;
  let smtp: SmtpSink;
  let platform: string;
  let official: string;

  beforeAll(async () => {
    backupDir = mkdtempSync(join(tmpdir(), 'lianmeng-backups-'));
    // Two older backups by name (the retention reads the time from the name): 3 and 5 days back.
    for (const daysBack of [3, 5])
      writeFileSync(join(backupDir, backupFileName(new Date(NOW.getTime() - daysBack * 86_400_000))), 'an old backup');
    smtp = new SmtpSink();
    const smtpUrl = await smtp.start();
    app = await startTestApp({
      worker: true,
      now: NOW,
      env: {
        BACKUP_KEY: KEY,
        BACKUP_DIR: backupDir,
        BACKUP_SCHEDULE: 'off',
        BACKUP_KEEP_DAILY: '2',
        BACKUP_KEEP_WEEKLY: '0',
        BACKUP_KEEP_MONTHLY: '0',
        SMTP_URL: smtpUrl,
      },
    });
    http = new Http(app.api);
    platform = (await http.login('platform@lianmeng.demo')).accessToken;
    official = (await http.login('official@anhai.demo')).accessToken;
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.stop();
    rmSync(backupDir, { recursive: true, force: true });
  });

  it('refuses every role but platform admins, and bad paging naming the field', async () => {
    for (const email of ['official@anhai.demo', 'dept@anhai.demo', 'jingong@anhai.demo', 'expert@anhai.demo']) {
      const token = (await http.login(email)).accessToken;
      expect((await http.get('/api/v1/admin/backups/runs', { token })).status).toBe(403);
      expect((await http.get('/api/v1/admin/backups/status', { token })).status).toBe(403);
      expect((await http.post('/api/v1/admin/backups/runs', undefined, { token })).status).toBe(403);
    }
    expect((await http.get('/api/v1/admin/backups/runs')).status).toBe(401);
    const badLimit = await http.get('/api/v1/admin/backups/runs?limit=0', { token: platform });
    expect(badLimit.status).toBe(400);
    expect(JSON.stringify(badLimit.body)).toContain('limit');
    const badCursor = await http.get('/api/v1/admin/backups/runs?cursor=nonsense', { token: platform });
    expect(badCursor.status).toBe(400);
    expect(JSON.stringify(badCursor.body)).toContain('cursor');
  });

  it('backs up now: 202, the worker takes, records and verifies it, and the retention prunes the store', async () => {
    const status = await http.get('/api/v1/admin/backups/status', { token: platform });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      configured: true,
      enabled: false,
      schedule: 'off',
      state: 'off',
      lastGoodAt: null,
    });
    const started = await http.post('/api/v1/admin/backups/runs', undefined, { token: platform });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ trigger: 'manual', status: 'queued' });
    expect((await http.post('/api/v1/admin/backups/runs', undefined, { token: platform })).status).toBe(409);
    const run = await waitFor(
      async () => (await http.get('/api/v1/admin/backups/runs?limit=1', { token: platform })).body.items[0],
      (item) => item?.verifyStatus !== null && item?.status !== 'running' && item?.status !== 'queued',
      120_000,
    );
    expect(run).toMatchObject({
      id: started.body.id,
      status: 'succeeded',
      verifyStatus: 'ok',
      fileName: backupFileName(NOW),
    });
    expect(run.tables).toBeGreaterThan(50);
    expect(run.rows).toBeGreaterThan(100);
    expect(run.bytes).toBeGreaterThan(1000);
    expect(run.verifyDetail).toMatch(/tables, \d+ rows/);
    // Daily 2: today's backup and the newest older day's; the one of five days back is removed.
    const kept = [backupFileName(new Date(NOW.getTime() - 3 * 86_400_000)), backupFileName(NOW)].sort();
    await waitFor(
      async () => readdirSync(backupDir).sort(),
      (names) => JSON.stringify(names) === JSON.stringify(kept),
      10_000,
    );
    expect((await http.get('/api/v1/admin/backups/status', { token: platform })).body).toMatchObject({
      state: 'off',
      stale: false,
      lastGoodAt: run.finishedAt,
    });
    expect(await scratchDatabases(app)).toEqual([]);
  });

  it("applies the retention to the S3 store's listing, under backups/", async () => {
    const dir = mkdtempSync(join(tmpdir(), 's3rver-'));
    const server = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: dir,
      configureBuckets: [{ name: 'lianmeng' }],
    });
    const { port } = await server.run();
    try {
      const store = new S3BackupStore({
        endpoint: `http://127.0.0.1:${port}`,
        region: 'us-east-1',
        bucket: 'lianmeng',
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
      });
      const names = [0, 3, 5].map((daysBack) => backupFileName(new Date(NOW.getTime() - daysBack * 86_400_000)));
      for (const name of names) {
        const work = await store.workDirectory();
        writeFileSync(join(work, name), `backup ${name}`);
        expect(await store.keep(join(work, name), name)).toBe(`s3://lianmeng/backups/${name}`);
      }
      const removed = await app.worker!.get(BackupOperations, { strict: false }).prune(store);
      expect(removed).toEqual([names[2]]);
      expect((await store.list()).map((b) => b.name).sort()).toEqual([names[0], names[1]].sort());
      const copy = await store.open(names[0]);
      expect(readFileSync(copy.path, 'utf8')).toBe(`backup ${names[0]}`);
      await copy.release();
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('records a failed verification for a damaged backup file', async () => {
    const [run] = await rows<{ id: string; file_name: string }>(
      app,
      `SELECT id, file_name FROM backup_runs WHERE status = 'succeeded' ORDER BY finished_at DESC LIMIT 1`,
    );
    const path = join(backupDir, run.file_name);
    const bytes = readFileSync(path);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    writeFileSync(path, bytes);
    const operations = app.worker!.get(BackupOperations, { strict: false });
    await expect(operations.verify(run.id, operations.store(), run.file_name)).resolves.toBe(false);
    const [after] = await rows<{ verify_status: string; verify_detail: string }>(
      app,
      'SELECT verify_status, verify_detail FROM backup_runs WHERE id = $1',
      [run.id],
    );
    expect(after.verify_status).toBe('failed');
    expect(after.verify_detail).toMatch(/altered or damaged/);
    expect(await scratchDatabases(app)).toEqual([]);
  });

  it('fails a run whose worker died, instead of leaving it running', async () => {
    app.clock.set(new Date(NOW.getTime() + 60_000));
    const [row] = await rows<{ id: string }>(
      app,
      `INSERT INTO backup_runs (trigger, status, created_at, started_at, heartbeat_at) VALUES ('manual', 'running', $1, $1, $1) RETURNING id`,
      [new Date(NOW.getTime() - 3600_000)],
    );
    await app.worker!.get(BackupAlerts, { strict: false }).check();
    const [after] = await rows<{ status: string; failure_reason: string }>(
      app,
      'SELECT status, failure_reason FROM backup_runs WHERE id = $1',
      [row.id],
    );
    expect(after.status).toBe('failed');
    expect(after.failure_reason).toMatch(/^Interrupted/);
  });

  it('after 26 hours without a good backup: /health warns (still 200), platform admins are told once, in the app and by email', async () => {
    const healthy = await http.get('/health');
    expect(healthy.status).toBe(200);
    // The last finished run (the one above) failed: a warning already, before it is stale.
    expect(healthy.body.warnings).toEqual({ backup: expect.objectContaining({ state: 'failed' }) });
    app.clock.set(new Date(NOW.getTime() + 27 * 3600_000));
    const stale = await http.get('/health');
    expect(stale.status).toBe(200);
    expect(stale.body.status).toBe('ok');
    expect(stale.body.warnings.backup.state).toBe('stale');
    expect((await http.get('/api/v1/admin/backups/status', { token: platform })).body).toMatchObject({
      stale: true,
      state: 'stale',
    });

    const alerts = app.worker!.get(BackupAlerts, { strict: false });
    await expect(alerts.check()).resolves.toMatchObject({ alerted: true });
    app.clock.set(new Date(NOW.getTime() + 28 * 3600_000));
    await expect(alerts.check()).resolves.toMatchObject({ alerted: false });
    const inbox = await http.get('/api/v1/notifications', { token: platform });
    const told = inbox.body.items.filter((n: { type: string }) => n.type === 'backup.stale');
    expect(told).toHaveLength(1);
    expect(told[0].title).toContain('26');
    // A township's people see nothing of it.
    expect(
      (await http.get('/api/v1/notifications', { token: official })).body.items.some(
        (n: { type: string }) => n.type === 'backup.stale',
      ),
    ).toBe(false);
    const mails = await waitFor(
      async () => smtp.to('platform@lianmeng.demo'),
      (m) => m.length > 0,
    );
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain('26');
  });
});
