import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  migrationHashes,
  RELEASE_FIXTURE_TEST_ONLY_KEY,
  RELEASE_FIXTURES_DIR,
  type ReleaseRecord,
} from '../../scripts/release-fixture';
import { openBackup, verifyBackup } from '../../src/platform/backup/backup-reader';
import { migrationTimestamp } from '../../src/platform/backup/migrate-to-version';
import { restoreBackup, type RestoreResult } from '../../src/platform/backup/restore-backup';
import { LocalDiskStorage } from '../../src/platform/storage/local-disk.storage';
import { Http } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';
import '../../src/queues';

/**
 * Upgrading from a release: each test/fixtures/releases/<release> holds the demo backed up by that
 * release (see the README there). Its migrations must still be in migrations/ unedited, and its backup
 * must restore (migrating to its schema, loading its rows, applying every newer migration) into a
 * database this release's API then serves.
 */
const releases: [string, ReleaseRecord][] = readdirSync(RELEASE_FIXTURES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => [
    entry.name,
    JSON.parse(readFileSync(join(RELEASE_FIXTURES_DIR, entry.name, 'release.json'), 'utf8')) as ReleaseRecord,
  ]);

it('has at least one release fixture', () => {
  expect(releases.length).toBeGreaterThan(0);
});

describe.each(releases)('upgrading from release %s', (name, release) => {
  const backupPath = join(RELEASE_FIXTURES_DIR, name, 'demo.lmbackup');

  it('keeps every migration the release shipped, unedited, and adds new ones only after them', () => {
    const now = migrationHashes();
    const edited = Object.entries(release.migrations)
      .filter(([file, hash]) => now[file] !== hash)
      .map(([file]) => `${file} (${now[file] ? 'edited' : 'removed'})`);
    expect(edited).toEqual([]);
    const last = migrationTimestamp(release.lastMigration);
    const insertedBefore = Object.keys(now).filter(
      (file) => !(file in release.migrations) && Number(file.split('-')[0]) <= last,
    );
    expect(insertedBefore).toEqual([]);
  });

  it("recorded the backup it holds: the release's last migration is its schema version", async () => {
    const manifest = await verifyBackup(await openBackup(backupPath, RELEASE_FIXTURE_TEST_ONLY_KEY));
    expect(manifest.schemaVersion).toBe(release.lastMigration);
    expect(
      Object.keys(release.migrations).some((file) => file.startsWith(`${migrationTimestamp(release.lastMigration)}-`)),
    ).toBe(true);
  });

  describe('restored into a fresh database and served by this release', () => {
    let app: TestApp;
    let http: Http;
    let restored: RestoreResult;
    let official: string;

    beforeAll(async () => {
      app = await startTestApp({
        now: new Date(`${release.date}T10:00:00+08:00`),
        prepare: async (db) => {
          restored = await restoreBackup({
            path: backupPath,
            passphrase: RELEASE_FIXTURE_TEST_ONLY_KEY,
            adminUrl: db.adminUrl,
            appUrl: db.appUrl,
            storage: new LocalDiskStorage(process.env.STORAGE_DIR!),
          });
        },
      });
      http = new Http(app.api);
      official = (await http.login('official@anhai.demo')).accessToken;
    });

    afterAll(async () => {
      await app?.close();
    });

    it("migrated from the release's schema to this one's, after loading the release's rows", async () => {
      const newer = Object.keys(migrationHashes()).filter((file) => !(file in release.migrations));
      expect(restored.laterMigrations.length).toBe(newer.length);
      expect(restored.rows).toBeGreaterThan(1000);
      const { rows } = await app.db.admin.query<{ name: string }>(
        'SELECT name FROM schema_migrations ORDER BY timestamp DESC LIMIT 1',
      );
      const latest = Object.keys(migrationHashes()).at(-1)!;
      expect(migrationTimestamp(rows[0].name)).toBe(Number(latest.split('-')[0]));
    });

    it('signs the township official in, with the workbench, the service requests and the meetings', async () => {
      const workbench = await http.get('/api/v1/workbench', { token: official });
      expect(workbench.status).toBe(200);
      expect(JSON.stringify(workbench.body).length).toBeGreaterThan(100);

      const requests = await http.get('/api/v1/service-requests?limit=100', { token: official });
      expect(requests.status).toBe(200);
      expect(requests.body.items.length).toBeGreaterThan(10);
      const {
        rows: [count],
      } = await app.db.admin.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM service_requests r JOIN tenants t ON t.id = r.tenant_id WHERE t.slug = 'anhai'`,
      );
      expect(count.n).toBeGreaterThan(10);
      const first = requests.body.items[0];
      const detail = await http.get(`/api/v1/service-requests/${first.id}`, { token: official });
      expect(detail.status).toBe(200);
      expect(detail.body.title).toBe(first.title);

      // The release's last three months of meetings, as the calendar asks for them.
      const today = new Date(`${release.date}T10:00:00+08:00`);
      const window = `from=${new Date(today.getTime() - 90 * 86_400_000).toISOString()}&to=${today.toISOString()}`;
      const meetings = await http.get(`/api/v1/meetings?${window}&limit=100`, { token: official });
      expect(meetings.status).toBe(200);
      expect(meetings.body.items.length).toBeGreaterThan(0);
    });
  });
});
