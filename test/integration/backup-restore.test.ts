import { spawnSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createBackup, type BackupResult } from '../../src/platform/backup/create-backup';
import { restoreBackup } from '../../src/platform/backup/restore-backup';
import type { FileStorage } from '../../src/platform/storage/file-storage';
import { LocalDiskStorage } from '../../src/platform/storage/local-disk.storage';
import { databaseUrl, TEST_ADMIN_URL, TEST_APP_USER } from '../support/test-environment';
import { startTestApp, type TestApp } from '../support/test-app';
import '../../src/queues';

const ROOT = join(__dirname, '../..');
const KEY = randomBytes(24).toString('hex');
const NOW = new Date('2026-11-20T10:00:00+08:00');

/** An empty database of this run (dropped by the test, and by the run's teardown if it is not). */
async function emptyDatabase(): Promise<{ name: string; adminUrl: string; appUrl: string; drop(): Promise<void> }> {
  const name = `lianmeng_test_${process.env.TEST_RUN_ID}_restore_${randomBytes(3).toString('hex')}`;
  const server = new Client({ connectionString: TEST_ADMIN_URL });
  await server.connect();
  await server.query(`CREATE DATABASE ${name}`);
  await server.end();
  return {
    name,
    adminUrl: databaseUrl(TEST_ADMIN_URL, name),
    appUrl: databaseUrl(TEST_ADMIN_URL, name, TEST_APP_USER),
    async drop() {
      const dropper = new Client({ connectionString: TEST_ADMIN_URL });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * Every table's row count and a checksum of its rows, computed here (not by the product): the md5
 * of all rows' text, sorted. Unlogged tables hold short-lived state a backup leaves out.
 */
async function tableFingerprints(url: string): Promise<Record<string, string>> {
  const tables = await query<{ name: string }>(
    url,
    `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relpersistence = 'p' AND relname <> 'schema_migrations' ORDER BY 1`,
  );
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await query<{ rows: string; sum: string | null }>(
      url,
      `SELECT count(*)::text AS rows, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS sum FROM "${name}" t`,
    );
    result[name] = `${row.rows}:${row.sum ?? '-'}`;
  }
  return result;
}

function fileHashes(directory: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of readdirSync(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    result[path.slice(directory.length + 1)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return result;
}

async function publicTableCount(url: string): Promise<number> {
  const [row] = await query<{ n: number }>(
    url,
    `SELECT count(*)::int AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`,
  );
  return row.n;
}

describe('backup and restore: the restore drill', () => {
  let app: TestApp;
  let sourceStore: string;
  let backupDir: string;
  let backup: BackupResult;
  const cleanups: (() => Promise<void> | void)[] = [];

  beforeAll(async () => {
    app = await startTestApp({ history: true, now: NOW });
    sourceStore = process.env.STORAGE_DIR!;
    backupDir = mkdtempSync(join(tmpdir(), 'lianmeng-backups-'));
    cleanups.push(() => rmSync(backupDir, { recursive: true, force: true }));
    // An attachment of a service request, stored as the product stores one.
    const [request] = await query<{ id: string; tenant_id: string; requester_user_id: string }>(
      app.db.adminUrl,
      'SELECT id, tenant_id, requester_user_id FROM service_requests ORDER BY id LIMIT 1',
    );
    const content = Buffer.from('%PDF-1.4\n% the drill attachment\n%%EOF\n');
    const key = `${request.tenant_id}/${request.id}/${randomUUID()}`;
    const source: FileStorage = new LocalDiskStorage(sourceStore);
    await source.put(key, content, 'application/pdf');
    await app.db.admin.query(
      `INSERT INTO service_request_attachments (tenant_id, request_id, file_name, content_type, size, storage_key, sha256, uploaded_by_id)
       VALUES ($1, $2, 'drill.pdf', 'application/pdf', $3, $4, $5, $6)`,
      [
        request.tenant_id,
        request.id,
        content.length,
        key,
        createHash('sha256').update(content).digest('hex'),
        request.requester_user_id,
      ],
    );
    // A value a migration added to an enum (ALTER TYPE ... ADD VALUE): PostgreSQL refuses it in the
    // transaction that added it, so the restore must commit the schema before loading the rows.
    await app.db.admin.query(
      `INSERT INTO notification_events (tenant_id, type, payload, dedupe_key) VALUES ($1, 'service-request.sla-warning', '{"title": "演练"}', 'restore-drill')`,
      [request.tenant_id],
    );
    const [warning] = await query<{ n: number }>(
      app.db.adminUrl,
      `SELECT count(*)::int AS n FROM notification_events WHERE type = 'service-request.sla-warning'`,
    );
    expect(warning.n).toBeGreaterThan(0);
    backup = await createBackup({
      adminUrl: app.db.adminUrl,
      storage: new LocalDiskStorage(sourceStore),
      passphrase: KEY,
      directory: backupDir,
      now: NOW,
    });
  });

  afterAll(async () => {
    await app?.close();
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  function newStore(): string {
    const directory = mkdtempSync(join(tmpdir(), 'lianmeng-restored-'));
    cleanups.push(() => rmSync(directory, { recursive: true, force: true }));
    return directory;
  }

  it('writes one encrypted file, named with its time, with the schema version and every attachment', () => {
    expect(backup.path).toBe(join(backupDir, 'lianmeng-2026-11-20T020000Z.lmbackup'));
    expect(readdirSync(backupDir)).toEqual(['lianmeng-2026-11-20T020000Z.lmbackup']);
    const bytes = readFileSync(backup.path);
    expect(bytes.subarray(0, 8).toString()).toBe('LMBACKUP');
    expect(bytes.includes(Buffer.from('official@anhai.demo'))).toBe(false);
    expect(bytes.includes(Buffer.from('the drill attachment'))).toBe(false);
    expect(backup.manifest.schemaVersion).toMatch(/\d{13}$/);
    expect(backup.manifest.files.map((f) => f.key).sort()).toEqual(Object.keys(fileHashes(sourceStore)).sort());
    expect(backup.manifest.files.length).toBeGreaterThan(1);
    expect(backup.manifest.missingFiles).toEqual([]);
  });

  it('restores into an empty database every row and attachment, as the backup recorded them', async () => {
    const target = await emptyDatabase();
    cleanups.push(() => target.drop());
    const store = newStore();
    const result = await restoreBackup({
      path: backup.path,
      passphrase: KEY,
      adminUrl: target.adminUrl,
      appUrl: target.appUrl,
      storage: new LocalDiskStorage(store),
    });
    expect(result.rows).toBe(backup.manifest.tables.reduce((sum, t) => sum + t.rows, 0));
    expect(result.files).toBe(backup.manifest.files.length);
    expect(result.laterMigrations).toEqual([]);
    const [source, restored] = [await tableFingerprints(app.db.adminUrl), await tableFingerprints(target.adminUrl)];
    expect(Object.keys(restored)).toEqual(Object.keys(source));
    expect(restored).toEqual(source);
    expect(Number(source.audit_log.split(':')[0])).toBeGreaterThan(100);
    expect(fileHashes(store)).toEqual(fileHashes(sourceStore));
    // The application's role can sign in to it and sees rows through row-level security as before.
    const [tenant] = await query<{ id: string }>(target.adminUrl, `SELECT id FROM tenants WHERE slug = 'anhai'`);
    const application = new Client({ connectionString: target.appUrl });
    await application.connect();
    await application.query('BEGIN');
    await application.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.id]);
    const { rows } = await application.query<{ n: number }>('SELECT count(*)::int AS n FROM service_requests');
    await application.query('ROLLBACK');
    await application.end();
    expect(rows[0].n).toBe(Number(source.service_requests.split(':')[0]));

    // A database that holds data is refused, unchanged, unless --force.
    await expect(
      restoreBackup({
        path: backup.path,
        passphrase: KEY,
        adminUrl: target.adminUrl,
        appUrl: target.appUrl,
        storage: new LocalDiskStorage(newStore()),
      }),
    ).rejects.toThrow(/is not empty .* add --force to replace everything in it/s);
    expect(await tableFingerprints(target.adminUrl)).toEqual(source);
    await query(target.adminUrl, `UPDATE tenants SET name = name || ' (changed after the backup)'`);
    expect(await tableFingerprints(target.adminUrl)).not.toEqual(source);
    const forced = await restoreBackup({
      path: backup.path,
      passphrase: KEY,
      adminUrl: target.adminUrl,
      appUrl: target.appUrl,
      storage: new LocalDiskStorage(store),
      force: true,
    });
    expect(forced.rows).toBe(result.rows);
    expect(await tableFingerprints(target.adminUrl)).toEqual(source);
    // The database it replaced is kept under another name until the operator drops it.
    expect(forced.replaced).toMatch(/_replaced$/);
    const [kept] = await query<{ name: string }>(
      databaseUrl(TEST_ADMIN_URL, forced.replaced!),
      `SELECT name FROM tenants WHERE slug = 'anhai'`,
    );
    expect(kept.name).toMatch(/\(changed after the backup\)$/);
    cleanups.push(() =>
      query(TEST_ADMIN_URL, `DROP DATABASE IF EXISTS "${forced.replaced}" WITH (FORCE)`).then(() => undefined),
    );

    // A database in use (the API or the worker still running) is not replaced.
    const session = new Client({ connectionString: target.adminUrl });
    await session.connect();
    try {
      await expect(
        restoreBackup({
          path: backup.path,
          passphrase: KEY,
          adminUrl: target.adminUrl,
          storage: new LocalDiskStorage(store),
          force: true,
        }),
      ).rejects.toThrow(/has 1 open connection\(s\): stop the API and the worker/);
    } finally {
      await session.end();
    }
  });

  it.each([
    ['cut short inside a chunk', (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 2)), /cut short/],
    ['cut short by its last bytes', (bytes: Buffer) => bytes.subarray(0, bytes.length - 3), /cut short/],
    ['with one byte flipped', (bytes: Buffer) => flip(bytes, Math.floor(bytes.length * 0.7)), /altered or damaged/],
    [
      'with a header byte flipped',
      (bytes: Buffer) => flip(bytes, 40),
      /altered or damaged|header is damaged|not the key/,
    ],
  ])('refuses a backup %s, and writes nothing', async (_label, damage, message) => {
    const path = join(backupDir, `damaged-${randomBytes(3).toString('hex')}.lmbackup`);
    writeFileSync(path, damage(readFileSync(backup.path)));
    const target = await emptyDatabase();
    cleanups.push(() => target.drop());
    const store = newStore();
    await expect(
      restoreBackup({
        path,
        passphrase: KEY,
        adminUrl: target.adminUrl,
        appUrl: target.appUrl,
        storage: new LocalDiskStorage(store),
      }),
    ).rejects.toThrow(message);
    expect(await publicTableCount(target.adminUrl)).toBe(0);
    expect(readdirSync(store)).toEqual([]);
  });

  it('refuses the wrong BACKUP_KEY, and writes nothing', async () => {
    const target = await emptyDatabase();
    cleanups.push(() => target.drop());
    const store = newStore();
    await expect(
      restoreBackup({
        path: backup.path,
        passphrase: `${KEY}-not-it`,
        adminUrl: target.adminUrl,
        appUrl: target.appUrl,
        storage: new LocalDiskStorage(store),
      }),
    ).rejects.toThrow(/BACKUP_KEY is not the key this backup was made with/);
    expect(await publicTableCount(target.adminUrl)).toBe(0);
    expect(readdirSync(store)).toEqual([]);
  });

  it('npm run backup refuses to run without BACKUP_KEY, and backs up with it', () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_ADMIN_URL: app.db.adminUrl,
      DATABASE_URL: app.db.appUrl,
      BACKUP_DIR: backupDir,
      STORAGE_DIR: sourceStore,
      LOG_LEVEL: 'silent',
    };
    delete env.BACKUP_KEY;
    const refused = spawnSync(process.execPath, [join(ROOT, 'dist/scripts/backup.js')], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('backup refused: BACKUP_KEY is not set');
    const made = spawnSync(
      process.execPath,
      [join(ROOT, 'dist/scripts/backup.js'), '--now', '2026-11-21T02:00:00+08:00'],
      { cwd: ROOT, env: { ...env, BACKUP_KEY: KEY }, encoding: 'utf8' },
    );
    expect(made.stderr).toBe('');
    expect(made.stdout).toMatch(
      /^Backup written: .*lianmeng-2026-11-20T180000Z\.lmbackup\n {2}\d+ bytes in [\d.]+ s; schema \w+\d{13}\n {2}\d+ tables, \d+ rows; \d+ attachments, \d+ bytes\n$/,
    );
  });

  it('npm run restore restores a backup into an empty database and says what it restored', async () => {
    const target = await emptyDatabase();
    cleanups.push(() => target.drop());
    const store = newStore();
    const env = {
      ...process.env,
      DATABASE_ADMIN_URL: target.adminUrl,
      DATABASE_URL: target.appUrl,
      STORAGE_DIR: store,
      BACKUP_KEY: KEY,
      LOG_LEVEL: 'silent',
    };
    const restored = spawnSync(process.execPath, [join(ROOT, 'dist/scripts/restore.js'), backup.path], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    expect(restored.stderr).toBe('');
    const rows = backup.manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    const bytes = backup.manifest.files.reduce((sum, f) => sum + f.bytes, 0);
    expect(restored.stdout).toContain(
      `  ${backup.manifest.tables.length} tables, ${rows} rows; ${backup.manifest.files.length} attachments, ${bytes} bytes\n`,
    );
    expect(restored.stdout).toContain("Checked: every table's row count and checksum, every attachment's SHA-256");
    expect(await tableFingerprints(target.adminUrl)).toEqual(await tableFingerprints(app.db.adminUrl));
    const again = spawnSync(process.execPath, [join(ROOT, 'dist/scripts/restore.js'), backup.path], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/restore refused: The database lianmeng_test_\w+ is not empty/);
  });
});

function flip(bytes: Buffer, position: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[position] ^= 0x20;
  return copy;
}
