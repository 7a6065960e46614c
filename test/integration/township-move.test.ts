import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { to as copyTo } from 'pg-copy-streams';
import { encodeJsonRecord, encodeRecord, parseJsonRecord, RecordType } from '../../src/platform/backup/archive-records';
import { encryptChunks, newBackupKeys } from '../../src/platform/backup/backup-cipher';
import { encodePreamble } from '../../src/platform/backup/backup-preamble';
import { openBackup } from '../../src/platform/backup/backup-reader';
import { createBackup } from '../../src/platform/backup/create-backup';
import { restoreBackup } from '../../src/platform/backup/restore-backup';
import { exportTownship } from '../../src/platform/backup/township-export';
import { importTownship } from '../../src/platform/backup/township-import';
import { dataSourceOptions } from '../../src/platform/database/data-source-options';
import type { TownshipManifest } from '../../src/platform/backup/township-manifest';
import { SecretBox } from '../../src/platform/notifications/secret-box';
import { SystemClock } from '../../src/platform/clock/clock';
import { LocalDiskStorage } from '../../src/platform/storage/local-disk.storage';
import { Http } from '../support/http';
import { createOtherTenant } from '../support/tenants';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import '../../src/queues';

const ROOT = join(__dirname, '../..');
const KEY = randomBytes(24).toString('hex');
const NOW = new Date('2026-11-20T10:00:00+08:00');
const WEBHOOK = 'https://oapi.dingtalk.com/robot/send?access_token=moved';
/** The target deployment's own SECRETS_KEY. */
const TARGET_SECRETS_KEY = randomBytes(32).toString('hex');

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A township's rows of every table that holds any, computed here (not by the product): the count
 * and the SHA-256 of the COPY text of its rows in the order of all their columns. The audit log's
 * id is left out: the target numbers the moved entries afresh from its own sequence; so are values
 * sealed with SECRETS_KEY, which the target seals again with its own (checked on their own).
 */
async function townshipFingerprints(url: string, tenantId: string): Promise<Record<string, string>> {
  return withClient(url, async (client) => {
    await client.query("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET extra_float_digits = 3");
    const { rows: tables } = await client.query<{ name: string; columns: string[] }>(
      `SELECT c.relname AS name, array_agg(quote_ident(a.attname) ORDER BY a.attnum) AS columns
         FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
          AND (c.relname = 'tenants' OR EXISTS (SELECT 1 FROM pg_attribute t WHERE t.attrelid = c.oid AND t.attname = 'tenant_id'))
          AND NOT (c.relname = 'audit_log' AND a.attname = 'id') AND a.attname NOT LIKE '%\\_encrypted'
        GROUP BY c.relname ORDER BY c.relname`,
    );
    const result: Record<string, string> = {};
    for (const { name, columns } of tables) {
      const owner = name === 'tenants' ? 'id' : 'tenant_id';
      const hash = createHash('sha256');
      let rows = 0;
      const stream = client.query(
        copyTo(
          `COPY (SELECT ${columns.join(', ')} FROM "${name}" WHERE ${owner} = '${tenantId}' ORDER BY ${columns.join(', ')}) TO STDOUT`,
        ),
      );
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        hash.update(chunk);
        rows += chunk.toString('utf8').split('\n').length - 1;
      }
      if (rows > 0) result[name] = `${rows}:${hash.digest('hex')}`;
    }
    return result;
  });
}

/** Row counts of every table, to see that a refused import wrote nothing. */
async function allCounts(url: string): Promise<Record<string, number>> {
  return withClient(url, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relpersistence = 'p' ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables)
      counts[name] = (await client.query(`SELECT count(*)::int AS n FROM "${name}"`)).rows[0].n;
    return counts;
  });
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

/** The same archive as if made at another schema version (its rows unchanged), re-encrypted. */
async function withSchemaVersion(path: string, version: string): Promise<string> {
  const backup = await openBackup(path, KEY);
  const keys = await newBackupKeys(KEY);
  const preamble = encodePreamble({ ...backup.preamble, schemaVersion: version, encryption: keys.parameters });
  async function* records() {
    for await (const record of backup.records()) {
      if (record.type !== RecordType.Manifest) yield encodeRecord(record.type, record.payload);
      else
        yield encodeJsonRecord(RecordType.Manifest, {
          ...parseJsonRecord<TownshipManifest>(record),
          schemaVersion: version,
        });
    }
  }
  const out = `${path}.${version}`;
  const output = createWriteStream(out);
  output.write(preamble);
  await pipeline(records(), encryptChunks(keys, preamble), output);
  return out;
}

/** How many things a list route answered: its total, or its items, or (a summary) the whole answer. */
function sizeOf(body: unknown): string {
  if (Array.isArray(body)) return `${body.length} items`;
  const object = body as { total?: number; items?: unknown[] };
  if (typeof object?.total === 'number') return `total ${object.total}`;
  if (Array.isArray(object?.items)) return `${object.items.length} items`;
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

describe('a township moves (迁移): the move drill', () => {
  let source: TestApp;
  let target: TestApp;
  let sourceStore: string;
  let targetStore: string;
  let archive: string;
  let anhai: string;
  let dongshi: { tenantId: string; email: string };
  let sourceRows: Record<string, string>;
  const work = mkdtempSync(join(tmpdir(), 'lianmeng-township-'));
  const scratch: TestDatabase[] = [];

  beforeAll(async () => {
    source = await startTestApp({ history: true, now: NOW });
    sourceStore = process.env.STORAGE_DIR!;
    [{ id: anhai }] = (await source.db.admin.query(`SELECT id FROM tenants WHERE slug = 'anhai'`)).rows;
    // A group robot, its webhook and signing secret sealed with the source's SECRETS_KEY.
    const box = new SecretBox(process.env.SECRETS_KEY!);
    await source.db.admin.query(
      `INSERT INTO group_robots (tenant_id, kind, name, webhook_url_encrypted, secret_encrypted, types) VALUES ($1, 'dingtalk', '联盟群', $2, $3, '{service-request.escalated}')`,
      [anhai, box.seal(WEBHOOK), box.seal('SEC-signing')],
    );
    await source.db.admin.query(
      `INSERT INTO notification_preferences (tenant_id, user_id, type, email)
       SELECT tenant_id, id, 'service-request.assigned', false FROM users WHERE email = 'dept@anhai.demo'`,
    );
    sourceRows = await townshipFingerprints(source.db.adminUrl, anhai);
    target = await startTestApp({ seed: false, now: NOW });
    targetStore = process.env.STORAGE_DIR!;
    dongshi = await createOtherTenant(target.db.admin, 'dongshi');
  });

  afterAll(async () => {
    await source?.close();
    await target?.close();
    for (const db of scratch) await db.drop();
    rmSync(work, { recursive: true, force: true });
  });

  function run(script: string, args: string[], db: TestDatabase, store: string) {
    const secrets = db === target.db ? { SECRETS_KEY: TARGET_SECRETS_KEY } : {};
    const env = {
      ...process.env,
      ...secrets,
      DATABASE_ADMIN_URL: db.adminUrl,
      DATABASE_URL: db.appUrl,
      STORAGE_DIR: store,
      BACKUP_KEY: KEY,
      BACKUP_DIR: work,
      LOG_LEVEL: 'silent',
    };
    return spawnSync(process.execPath, [join(ROOT, `dist/scripts/${script}.js`), ...args], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
  }

  it('exports Anhai and imports it beside another township, every row and attachment as it was', async () => {
    archive = join(work, 'anhai.lmbackup');
    const exported = run('township-export', ['anhai', '--out', archive], source.db, sourceStore);
    expect(exported.stderr).toBe('');
    const rows = Object.values(sourceRows).reduce((sum, v) => sum + Number(v.split(':')[0]), 0);
    expect(exported.stdout).toContain(`Township archive written: ${archive}`);
    expect(exported.stdout).toMatch(new RegExp(`township tables hold its rows, ${rows} rows; \\d+ attachments`));
    expect(readFileSync(archive).includes(Buffer.from('official@anhai.demo'))).toBe(false);

    const imported = run('township-import', [archive], target.db, targetStore);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain(`${rows} rows`);
    expect(imported.stdout).toContain("Checked before committing: the township's rows of every table");
    expect(imported.stdout).toContain(
      "Sealed 2 values (robots' webhooks, SMTP password) again with this deployment's SECRETS_KEY",
    );
    const [robot] = (
      await target.db.admin.query(
        `SELECT webhook_url_encrypted AS webhook, secret_encrypted AS secret FROM group_robots WHERE tenant_id = $1`,
        [anhai],
      )
    ).rows;
    expect(new SecretBox(TARGET_SECRETS_KEY).open(robot.webhook)).toBe(WEBHOOK);
    expect(new SecretBox(TARGET_SECRETS_KEY).open(robot.secret)).toBe('SEC-signing');

    const moved = await townshipFingerprints(target.db.adminUrl, anhai);
    expect(Object.keys(moved)).toEqual(Object.keys(sourceRows));
    expect(moved).toEqual(sourceRows);
    expect(Number(sourceRows.audit_log.split(':')[0])).toBeGreaterThan(100);
    expect(Object.keys(fileHashes(sourceStore)).length).toBeGreaterThan(1);
    expect(fileHashes(targetStore)).toEqual(fileHashes(sourceStore));
    // The other township is as it was.
    expect((await target.db.admin.query(`SELECT slug FROM tenants ORDER BY slug`)).rows.map((r) => r.slug)).toEqual([
      'anhai',
      'dongshi',
    ]);
  });

  it("keeps the two townships apart under the target's row-level security", async () => {
    const seen = async (tenantId: string, table: string, of: string) =>
      withClient(target.db.appUrl, async (client) => {
        await client.query('BEGIN');
        await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
        const { rows } = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`,
          [of],
        );
        await client.query('ROLLBACK');
        return rows[0].n;
      });
    for (const table of ['service_requests', 'organizations', 'users', 'meetings', 'audit_log']) {
      expect(await seen(dongshi.tenantId, table, anhai)).toBe(0);
      expect(await seen(anhai, table, dongshi.tenantId)).toBe(0);
    }
    expect(await seen(anhai, 'service_requests', anhai)).toBe(Number(sourceRows.service_requests.split(':')[0]));
    const http = new Http(target.api);
    const other = await http.token(dongshi.email);
    const organizations = await http.get('/api/v1/organizations', { token: other });
    expect(organizations.status).toBe(200);
    expect(JSON.stringify(organizations.body)).not.toContain('晋工');
    expect((await http.get('/api/v1/service-requests', { token: other })).body.items).toEqual([]);
  });

  it("signs the moved township's users in on the target, whose pages answer as the source's did", async () => {
    const [sourceHttp, targetHttp] = [new Http(source.api), new Http(target.api)];
    const [alliance] = (
      await source.db.admin.query(`SELECT id FROM alliances WHERE tenant_id = $1 ORDER BY name LIMIT 1`, [anhai])
    ).rows;
    const walk: [string, string][] = [
      ['official@anhai.demo', '/api/v1/organizations'],
      ['official@anhai.demo', '/api/v1/alliances'],
      ['official@anhai.demo', '/api/v1/users'],
      ['official@anhai.demo', '/api/v1/service-requests'],
      ['official@anhai.demo', '/api/v1/service-requests/supervision'],
      ['official@anhai.demo', `/api/v1/service-requests/statistics?allianceId=${alliance.id}`],
      ['official@anhai.demo', '/api/v1/meetings?from=2025-11-01&to=2027-01-01'],
      [
        'official@anhai.demo',
        `/api/v1/meetings/attendance-statistics?allianceId=${alliance.id}&from=2025-11-01&to=2026-11-30`,
      ],
      ['official@anhai.demo', '/api/v1/action-items'],
      ['official@anhai.demo', '/api/v1/think-tank/reports'],
      ['official@anhai.demo', '/api/v1/think-tank/experts'],
      ['official@anhai.demo', '/api/v1/venues'],
      ['official@anhai.demo', '/api/v1/venue-bookings'],
      ['official@anhai.demo', '/api/v1/pairing/pairs'],
      ['official@anhai.demo', '/api/v1/typical-cases'],
      ['official@anhai.demo', '/api/v1/indicator-rounds'],
      ['official@anhai.demo', '/api/v1/study-route'],
      ['official@anhai.demo', '/api/v1/listings'],
      ['official@anhai.demo', '/api/v1/audit-log'],
      ['official@anhai.demo', '/api/v1/notifications'],
      ['official@anhai.demo', `/api/v1/alliances/${alliance.id}/dashboard`],
      ['official@anhai.demo', '/api/v1/workbench'],
      ['dept@anhai.demo', '/api/v1/service-requests/serving'],
      ['dept@anhai.demo', '/api/v1/workbench'],
      ['jingong@anhai.demo', '/api/v1/service-requests'],
      ['jingong@anhai.demo', '/api/v1/workbench'],
      ['expert@anhai.demo', '/api/v1/think-tank/experts/me/reviews'],
    ];
    const tokens = new Map<string, [string, string]>();
    for (const email of new Set(walk.map(([e]) => e)))
      tokens.set(email, [await sourceHttp.token(email), await targetHttp.token(email)]);
    const answers = { source: [] as string[], target: [] as string[] };
    for (const [email, url] of walk) {
      const [sourceToken, targetToken] = tokens.get(email)!;
      const [before, after] = [
        await sourceHttp.get(url, { token: sourceToken }),
        await targetHttp.get(url, { token: targetToken }),
      ];
      answers.source.push(`${email} ${url}: ${before.status} ${sizeOf(before.body)}`);
      answers.target.push(`${email} ${url}: ${after.status} ${sizeOf(after.body)}`);
    }
    expect(answers.source.filter((a) => !/: 200 /.test(a))).toEqual([]);
    expect(answers.target).toEqual(answers.source);
    expect(answers.source.filter((a) => /: 200 (total [1-9]|[1-9]\d* items)/.test(a)).length).toBeGreaterThan(15);
  });

  it('refuses the same archive again, naming what is already here, and writes nothing', async () => {
    const before = await allCounts(target.db.adminUrl);
    const again = run('township-import', [archive], target.db, targetStore);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(
      'township:import refused: The township anhai cannot be imported here, nothing was imported',
    );
    expect(again.stderr).toContain(`the township anhai (id ${anhai}) is already here`);
    expect(again.stderr).toMatch(/rows of \d+ tables have ids that rows here already have: users 38/);
    expect(await allCounts(target.db.adminUrl)).toEqual(before);
  });

  async function emptyTarget(): Promise<{ db: TestDatabase; store: string }> {
    const db = await createTestDatabase();
    scratch.push(db);
    return { db, store: mkdtempSync(join(work, 'store-')) };
  }

  it("refuses a township whose users' emails belong to users here", async () => {
    const { db, store } = await emptyTarget();
    await createOtherTenant(db.admin, 'dongshi');
    await db.admin.query(`UPDATE users SET email = 'official@anhai.demo'`);
    const before = await allCounts(db.adminUrl);
    await expect(
      importTownship({ path: archive, passphrase: KEY, adminUrl: db.adminUrl, storage: new LocalDiskStorage(store) }),
    ).rejects.toThrow("1 of the township's users have emails that users here already have: official@anhai.demo");
    expect(await allCounts(db.adminUrl)).toEqual(before);
    expect(readdirSync(store)).toEqual([]);
  });

  it('refuses an archive naming notification types this release never registered, by name', async () => {
    const { db, store } = await emptyTarget();
    // As if the source ran a module this release lacks: the robot's type, and one its notifications use.
    await db.admin.query(
      `DELETE FROM notification_types WHERE name IN ('service-request.escalated', 'service-request.assigned')`,
    );
    const before = await allCounts(db.adminUrl);
    await expect(
      importTownship({ path: archive, passphrase: KEY, adminUrl: db.adminUrl, storage: new LocalDiskStorage(store) }),
    ).rejects.toThrow(
      /notification types this deployment does not know \(.*\): service-request\.assigned, service-request\.escalated$/m,
    );
    expect(await allCounts(db.adminUrl)).toEqual(before);
  });

  it('refuses an archive from a newer schema, one cut short and a whole-database backup, and writes nothing', async () => {
    const { db, store } = await emptyTarget();
    const before = await allCounts(db.adminUrl);
    const newer = await withSchemaVersion(archive, 'FromTheFuture1999999999999');
    await expect(
      importTownship({ path: newer, passphrase: KEY, adminUrl: db.adminUrl, storage: new LocalDiskStorage(store) }),
    ).rejects.toThrow(
      /made at schema version FromTheFuture1999999999999, newer than this database's \w+\d{13}: nothing was imported/,
    );
    const short = join(work, 'short.lmbackup');
    const bytes = readFileSync(archive);
    writeFileSync(short, bytes.subarray(0, bytes.length - 100));
    await expect(
      importTownship({ path: short, passphrase: KEY, adminUrl: db.adminUrl, storage: new LocalDiskStorage(store) }),
    ).rejects.toThrow(/cut short/);
    // A whole database's backup is not a township's archive, nor the other way round.
    const whole = await createBackup({
      adminUrl: source.db.adminUrl,
      storage: new LocalDiskStorage(sourceStore),
      passphrase: KEY,
      directory: work,
      now: NOW,
    });
    await expect(
      importTownship({
        path: whole.path,
        passphrase: KEY,
        adminUrl: db.adminUrl,
        storage: new LocalDiskStorage(store),
      }),
    ).rejects.toThrow(
      /is a backup of a whole database, not one township's archive: nothing was imported. Restore it with npm run restore/,
    );
    await expect(
      restoreBackup({
        path: archive,
        passphrase: KEY,
        adminUrl: db.adminUrl,
        appUrl: db.appUrl,
        storage: new LocalDiskStorage(store),
        force: true,
      }),
    ).rejects.toThrow(
      /holds one township, not a whole database: nothing was restored. Import it with npm run township:import/,
    );
    expect(await allCounts(db.adminUrl)).toEqual(before);
    expect(readdirSync(store)).toEqual([]);
  });

  it('brings an archive of an older schema forward through a scratch database, then imports it', async () => {
    // A truly older archive: the township imported into a scratch database, its last migration
    // undone there (its columns gone), and exported again at the previous schema.
    const older = join(work, 'anhai-older.lmbackup');
    const { db: past, store: pastStore } = await emptyTarget();
    await importTownship({
      path: archive,
      passphrase: KEY,
      adminUrl: past.adminUrl,
      storage: new LocalDiskStorage(pastStore),
      secretsKey: process.env.SECRETS_KEY,
    });
    const tablesOf = async () =>
      (
        await past.admin.query<{ name: string }>(
          `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`,
        )
      ).rows.map((r) => r.name);
    const tablesBefore = await tablesOf();
    const undo = new DataSource(dataSourceOptions(past.adminUrl, 1));
    await undo.initialize();
    await undo.undoLastMigration({ transaction: 'each' });
    await undo.destroy();
    // An archive of the previous schema cannot hold rows of the tables the undone migration creates:
    // they come back as that migration derives them (its own tests check what it derives), the rest row for row.
    const tablesAfter = new Set(await tablesOf());
    const undoneTables = tablesBefore.filter((name) => !tablesAfter.has(name));
    const withoutUndone = (rows: Record<string, string>) =>
      Object.fromEntries(Object.entries(rows).filter(([name]) => !undoneTables.includes(name)));
    const [previous] = (
      await past.admin.query<{ name: string }>(`SELECT name FROM schema_migrations ORDER BY timestamp DESC LIMIT 1`)
    ).rows.map((r) => r.name);
    await exportTownship({
      adminUrl: past.adminUrl,
      storage: new LocalDiskStorage(pastStore),
      passphrase: KEY,
      secretsKey: process.env.SECRETS_KEY,
      township: 'anhai',
      out: older,
      directory: work,
      now: new SystemClock().now(),
    });

    const { db, store } = await emptyTarget();
    const [latest] = (
      await db.admin.query<{ name: string }>(`SELECT name FROM schema_migrations ORDER BY timestamp DESC LIMIT 1`)
    ).rows.map((r) => r.name);
    expect(latest).not.toBe(previous);
    const result = await importTownship({
      path: older,
      passphrase: KEY,
      adminUrl: db.adminUrl,
      storage: new LocalDiskStorage(store),
      secretsKey: TARGET_SECRETS_KEY,
    });
    expect(result.migratedFrom).toBe(previous);
    expect(result.resealed).toBe(2);
    expect(undoneTables.length).toBeLessThan(tablesBefore.length);
    expect(withoutUndone(await townshipFingerprints(db.adminUrl, anhai))).toEqual(withoutUndone(sourceRows));
    expect(fileHashes(store)).toEqual(fileHashes(sourceStore));
    const left = await db.admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `${db.name}_township_%`,
    ]);
    expect(left.rows).toEqual([]);
  });
});
