import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client, Pool, type PoolClient } from 'pg';
import { rowsOf, submissionStatements, type Submitter } from '../../bench/baseline/submit-transaction';
import { createBackup } from '../../src/platform/backup/create-backup';
import { restoreBackup } from '../../src/platform/backup/restore-backup';
import { exportTownship } from '../../src/platform/backup/township-export';
import { importTownship } from '../../src/platform/backup/township-import';
import { LocalDiskStorage } from '../../src/platform/storage/local-disk.storage';
import { nextRequestNumbers } from '../../scripts/seed/request-numbers';
import { Http } from '../support/http';
import { createOtherTenant } from '../support/tenants';
import { createEmptyTestDatabase, createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';

// 2026-11-25 10:00 in Anhai (Asia/Shanghai).
const NOW = new Date('2026-11-25T02:00:00Z');
const KEY = 'request-numbers-drill-passphrase';

/**
 * Request numbers (FW-<year>-<number>) come from one sequence per township and year, not from a
 * counter row that every submission locks: unique and increasing under concurrency, independent
 * per township, a gap (only) after a rollback, refused for another township, the year turning in
 * Asia/Shanghai, and carried by backups and township moves.
 */
describe('request numbers: a sequence per township and year', () => {
  let app: TestApp;
  let http: Http;
  let pool: Pool;
  let anhai: Submitter;
  const work = mkdtempSync(join(tmpdir(), 'lianmeng-numbers-'));
  const scratch: TestDatabase[] = [];

  beforeAll(async () => {
    app = await startTestApp({ now: NOW });
    http = new Http(app.api);
    pool = new Pool({ connectionString: app.db.appUrl, max: 20 });
    const { rows } = await app.db.admin.query(
      `SELECT u.tenant_id, u.id AS user_id, u.organization_id, m.alliance_id, c.id AS category_id
         FROM users u
         JOIN alliance_memberships m ON m.organization_id = u.organization_id AND m.left_on IS NULL AND m.role IN ('lead', 'member')
         JOIN service_categories c ON c.alliance_id = m.alliance_id AND c.active
        WHERE u.email = 'xingyi@anhai.demo' ORDER BY m.created_at, c.created_at LIMIT 1`,
    );
    const [r] = rows;
    anhai = {
      tenantId: r.tenant_id,
      userId: r.user_id,
      organizationId: r.organization_id,
      allianceId: r.alliance_id,
      categoryId: r.category_id,
    };
  });

  afterAll(async () => {
    await pool?.end();
    await app?.close();
    for (const db of scratch) await db.drop();
    rmSync(work, { recursive: true, force: true });
  });

  /** One submission as the API sends it (the same statements), committed or rolled back. */
  async function submit(end: 'COMMIT' | 'ROLLBACK' = 'COMMIT', at = NOW): Promise<string> {
    const client = await pool.connect();
    try {
      const statements = submissionStatements(anhai, randomUUID(), at);
      let number = '';
      for (const [sql, params] of statements.slice(0, -1)) {
        const [row] = rowsOf(await client.query<{ number?: string }>(sql, params));
        number = row?.number ?? number;
      }
      await client.query(end);
      return number;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  const suffix = (number: string) => Number(number.split('-')[2]);

  async function stored(): Promise<string[]> {
    const { rows } = await app.db.admin.query<{ number: string }>(
      `SELECT number FROM service_requests WHERE tenant_id = $1 AND number LIKE 'FW-2026-%'`,
      [anhai.tenantId],
    );
    return rows.map((r) => r.number);
  }

  /** Runs `work` in one committed transaction on the application's role as the given township. */
  async function asTenant<T>(tenantId: string | null, work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      if (tenantId) await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  it('numbers 200 concurrent submissions of one township 200 distinct, increasing numbers, after the seeded ones', async () => {
    const before = await stored();
    const highest = Math.max(...before.map(suffix));
    expect(before.length).toBeGreaterThan(0);
    const numbers = await Promise.all(Array.from({ length: 200 }, () => submit()));
    expect(numbers.every((n) => /^FW-2026-\d{6}$/.test(n))).toBe(true);
    expect(new Set(numbers).size).toBe(200);
    const sorted = numbers.map(suffix).sort((a, b) => a - b);
    // No rollback among them: exactly the next 200 numbers.
    expect(sorted).toEqual(Array.from({ length: 200 }, (_, i) => highest + 1 + i));
    // One after another, each is higher than the last.
    const [a, b] = [await submit(), await submit()];
    expect(suffix(b)).toBe(suffix(a) + 1);
    expect(suffix(a)).toBe(highest + 201);
    const all = await stored();
    expect(new Set(all).size).toBe(all.length);
  });

  it('numbers what the seed adds from the same sequence, after live submissions, and live ones after it', async () => {
    const live = await submit();
    const [seeded] = await nextRequestNumbers(app.db.admin, anhai.tenantId, '2026', 1);
    const after = await submit();
    const value = (number: string) => Number(number.slice('FW-2026-'.length));
    expect(seeded).toBeGreaterThan(value(live));
    expect(value(after)).toBeGreaterThan(seeded);
    const { rows } = await app.db.admin.query<{ tenant: string }>(
      `SELECT current_setting('app.tenant_id', true) AS tenant`,
    );
    expect(rows[0].tenant).toBe('');
  });

  it('leaves a gap, and only a gap, after a rolled-back submission', async () => {
    const first = await submit();
    const rolledBack = await submit('ROLLBACK');
    const next = await submit();
    expect(suffix(rolledBack)).toBe(suffix(first) + 1);
    expect(suffix(next)).toBe(suffix(first) + 2);
    expect(await stored()).not.toContain(rolledBack);
  });

  it("numbers each township on its own, and refuses to advance another township's numbers", async () => {
    const dongshi = await createOtherTenant(app.db.admin, 'dongshi');
    const next = (tenantId: string, as: string | null = tenantId, year = 2026) =>
      asTenant(as, async (c) =>
        Number((await c.query(`SELECT next_request_number($1, $2) AS n`, [tenantId, year])).rows[0].n),
      );
    expect(await next(dongshi.tenantId)).toBe(1);
    expect(await next(dongshi.tenantId)).toBe(2);
    const anhaiBefore = Math.max(...(await stored()).map(suffix));
    expect(suffix(await submit())).toBe(anhaiBefore + 1);
    expect(await next(dongshi.tenantId)).toBe(3);

    // Dongshi's official's session (app.tenant_id = Dongshi) cannot draw Anhai's numbers, nor can a
    // session of no township; the application's role cannot touch the sequences themselves (nor
    // needs their names: next_request_number names them as its owner).
    await expect(next(anhai.tenantId, dongshi.tenantId)).rejects.toMatchObject({ code: '42501' });
    await expect(next(anhai.tenantId, null)).rejects.toMatchObject({ code: '42501' });
    const {
      rows: [{ sequence }],
    } = await app.db.admin.query(`SELECT request_number_sequence($1, 2026) AS sequence`, [anhai.tenantId]);
    await expect(
      asTenant(anhai.tenantId, (c) => c.query(`SELECT request_number_sequence($1, 2026)`, [anhai.tenantId])),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(asTenant(anhai.tenantId, (c) => c.query(`SELECT nextval($1)`, [sequence]))).rejects.toMatchObject({
      code: '42501',
    });
    await expect(asTenant(anhai.tenantId, (c) => c.query(`SELECT setval($1, 1)`, [sequence]))).rejects.toMatchObject({
      code: '42501',
    });
    expect(suffix(await submit())).toBe(anhaiBefore + 2);
  });

  it('turns the year at midnight in Asia/Shanghai: FW-2026-… at 23:59:59, FW-2027-000001 at 00:00:00', async () => {
    const token = await http.token('xingyi@anhai.demo');
    const body = {
      allianceId: anhai.allianceId,
      categoryId: anhai.categoryId,
      title: '跨年申请',
      description: '跨年夜提交的服务请求。',
    };
    const highest = Math.max(...(await stored()).map(suffix));
    app.clock.set(new Date('2026-12-31T15:59:59Z')); // 2026-12-31 23:59:59 in Anhai
    const last = await http.post('/api/v1/service-requests', body, { token });
    app.clock.set(new Date('2026-12-31T16:00:00Z')); // 2027-01-01 00:00:00
    const first = await http.post('/api/v1/service-requests', body, { token });
    const second = await http.post('/api/v1/service-requests', body, { token });
    app.clock.set(NOW);
    expect([last.status, first.status, second.status]).toEqual([201, 201, 201]);
    expect(last.body.number).toBe(`FW-2026-${String(highest + 1).padStart(6, '0')}`);
    expect(first.body.number).toBe('FW-2027-000001');
    expect(second.body.number).toBe('FW-2027-000002');
  });

  it('a restored backup and a moved township go on after the last number handed out, rolled-back ones included', async () => {
    // The last number handed out was rolled back: no row holds it, only the sequence's position.
    const handedOut = suffix(await submit('ROLLBACK'));
    expect(Math.max(...(await stored()).map(suffix))).toBe(handedOut - 1);
    const storage = new LocalDiskStorage(process.env.STORAGE_DIR!);

    const backup = await createBackup({
      adminUrl: app.db.adminUrl,
      storage,
      passphrase: KEY,
      directory: work,
      now: NOW,
    });
    const restored = await createEmptyTestDatabase();
    scratch.push(restored);
    await restoreBackup({
      path: backup.path,
      passphrase: KEY,
      adminUrl: restored.adminUrl,
      appUrl: restored.appUrl,
      storage: new LocalDiskStorage(mkdtempSync(join(work, 'restored-'))),
    });

    const archive = join(work, 'anhai.lmbackup');
    await exportTownship({
      adminUrl: app.db.adminUrl,
      storage,
      passphrase: KEY,
      township: 'anhai',
      out: archive,
      directory: work,
      now: NOW,
    });
    const moved = await createTestDatabase();
    scratch.push(moved);
    await importTownship({
      path: archive,
      passphrase: KEY,
      adminUrl: moved.adminUrl,
      storage: new LocalDiskStorage(mkdtempSync(join(work, 'moved-'))),
    });

    for (const db of [restored, moved]) {
      const client = new Client({ connectionString: db.appUrl });
      await client.connect();
      try {
        await client.query('BEGIN');
        await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [anhai.tenantId]);
        const { rows } = await client.query(
          `SELECT next_request_number($1, 2026) AS n, next_request_number($1, 2027) AS m`,
          [anhai.tenantId],
        );
        await client.query('COMMIT');
        expect({ db: db.name, n: Number(rows[0].n), m: Number(rows[0].m) }).toEqual({
          db: db.name,
          n: handedOut + 1,
          m: 3,
        });
      } finally {
        await client.end();
      }
    }
  });
});
