import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { seed } from '../../scripts/seed/seed';
import { runMigrations } from '../../src/platform/database/database-setup';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/platform/database/embedded-postgres';
import { builtInAdminUrl } from '../../src/platform/database/embedded-postgres-location';
import { migrateQueueSchemaAt } from '../../src/platform/queue/queue-schema';
import '../../src/queues';

const ROOT = resolve(__dirname, '../..');
const KEY = randomBytes(24).toString('hex');
const NOW = new Date('2026-12-07T10:00:00+08:00');

/**
 * npm run backup and npm run restore with DATABASE_URL unset, as on one server: they use the built-in
 * PostgreSQL that npm run serve runs, or start it for themselves and stop it afterwards.
 */
describe('backup and restore of the built-in PostgreSQL (DATABASE_URL unset)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lianmeng-built-in-backup-'));
  const first = join(dir, 'first', 'postgres', 'data');
  const second = join(dir, 'second', 'postgres', 'data');
  const backups = join(dir, 'backups');
  const running: EmbeddedDatabase[] = [];
  let served: EmbeddedDatabase;

  /** The command as npm runs it, with nothing configured but where things are and the key. */
  const run = async (script: 'backup' | 'restore', dataDir: string, args: string[] = []) => {
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      NODE_ENV: 'development',
      EMBEDDED_DATABASE_DIR: dataDir,
      STORAGE_DIR: join(dataDir, '..', '..', 'storage'),
      BACKUP_DIR: backups,
      BACKUP_KEY: KEY,
      JWT_SECRET: 'j'.repeat(64),
      SECRETS_KEY: 's'.repeat(64),
      LOG_LEVEL: 'silent',
    };
    return promisify(execFile)(process.execPath, [join(ROOT, `dist/scripts/${script}.js`), ...args], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        stdout: error.stdout,
        stderr: error.stderr,
      }),
    );
  };
  const start = async (dataDir: string) => {
    const db = await startEmbeddedPostgres({ dataDir });
    running.push(db);
    return db;
  };
  const count = async (db: EmbeddedDatabase, table: string) => {
    const client = new Client({ connectionString: builtInAdminUrl(db.adminUrl) });
    await client.connect();
    try {
      return (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    // As root the server runs as `postgres`, which must be able to enter the folder.
    chmodSync(dir, 0o711);
    // The seed's attachment goes to the first server's store, which its backups read.
    Object.assign(process.env, { STORAGE_DRIVER: 'local', STORAGE_DIR: join(first, '..', '..', 'storage') });
    process.env.JWT_SECRET ??= randomBytes(32).toString('hex');
    process.env.SECRETS_KEY ??= randomBytes(32).toString('hex');
    // The first server, as npm run serve would leave it: migrated and seeded (without the year of history).
    served = await start(first);
    const server = new Client({ connectionString: served.adminUrl });
    await server.connect();
    await server.query('CREATE DATABASE lianmeng');
    await server.end();
    const adminUrl = builtInAdminUrl(served.adminUrl);
    await runMigrations(adminUrl);
    await migrateQueueSchemaAt(adminUrl);
    await seed(adminUrl, NOW, { history: false });
  });

  afterAll(async () => {
    await Promise.all(running.map((db) => db.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up the server npm run serve runs, and leaves it running', async () => {
    const made = await run('backup', first, ['--now', '2026-12-07T02:00:00Z']);
    expect(made.stderr).toBe('');
    expect(made.stdout).toContain(`Using the built-in PostgreSQL running on 127.0.0.1:${served.port}`);
    expect(made.stdout).toContain(`Backup written: ${join(backups, 'lianmeng-2026-12-07T020000Z.lmbackup')}`);
    expect(await count(served, 'users')).toBeGreaterThan(5);
  });

  it('starts the server for a backup when nothing runs, and stops it afterwards', async () => {
    const users = await count(served, 'users');
    await served.stop();
    const made = await run('backup', first, ['--now', '2026-12-07T03:00:00Z']);
    expect(made.stderr).toBe('');
    expect(made.stdout).toMatch(
      /^Started the built-in PostgreSQL for this command on 127\.0\.0\.1:\d+ .*it stops when done\.\nBackup written: .*lianmeng-2026-12-07T030000Z\.lmbackup\n/,
    );
    expect(existsSync(join(first, 'postmaster.pid'))).toBe(false);
    served = await start(first);
    expect(await count(served, 'users')).toBe(users);
    await served.stop();
  });

  it('restores onto a new server: makes the built-in database, restores into it, and stops it', async () => {
    const restored = await run('restore', second, [join(backups, 'lianmeng-2026-12-07T030000Z.lmbackup')]);
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toContain('Created and started the built-in PostgreSQL for this command');
    expect(restored.stdout).toMatch(/\nRestored .*\n {2}\d+ tables, \d+ rows; [1-9]\d* attachments, \d+ bytes\n/);
    expect(restored.stdout).not.toContain('missing');
    expect(existsSync(join(second, 'postmaster.pid'))).toBe(false);
    const [original, copy] = [await start(first), await start(second)];
    expect(await count(copy, 'service_requests')).toBe(await count(original, 'service_requests'));
    expect(await count(copy, 'users')).toBe(await count(original, 'users'));
    // Into the running server, which holds data now: refused without --force, as any restore.
    const again = await run('restore', second, [join(backups, 'lianmeng-2026-12-07T030000Z.lmbackup')]);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain(`Using the built-in PostgreSQL running on 127.0.0.1:${copy.port}`);
    expect(again.stderr).toMatch(/restore refused: The database lianmeng is not empty/);
  });

  it('says so when the built-in database has no data to back up yet', async () => {
    const none = join(dir, 'none', 'postgres', 'data');
    const refused = await run('backup', none);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'backup refused: DATABASE_URL is not set and the built-in database has no data yet',
    );
    expect(refused.stderr).toContain('npm run serve');
    expect(existsSync(none)).toBe(false);
  });
});
