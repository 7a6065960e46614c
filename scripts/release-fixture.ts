import 'reflect-metadata';
// Every feature's queue, for the queues' job-id sequences.
import '../src/queues';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createBackup } from '../src/platform/backup/create-backup';
import { SystemClock } from '../src/platform/clock/clock';
import { EnvironmentError, loadEnvironment } from '../src/platform/config/environment';
import { ensureDatabase, runMigrations } from '../src/platform/database/database-setup';
import { migrateQueueSchemaAt } from '../src/platform/queue/queue-schema';
import { checkPostgres } from '../src/platform/startup/dependency-check';
import { runProcess } from '../src/platform/startup/run-process';
import { LocalDiskStorage } from '../src/platform/storage/local-disk.storage';
import { seed, seedNow } from './seed/seed';

// From dist/scripts when built, from scripts/ when a test imports this file.
const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
export const RELEASE_FIXTURES_DIR = path.join(ROOT, 'test/fixtures/releases');
export const MIGRATIONS_DIR = path.join(ROOT, 'migrations');

/**
 * The key the release fixtures are encrypted with. TEST ONLY: it is public, in this repository, and
 * protects nothing; the fixtures hold the demo's made-up township and nothing else. Never use it
 * as anyone's BACKUP_KEY.
 */
export const RELEASE_FIXTURE_TEST_ONLY_KEY = 'test-only-release-fixture-key:protects-nothing:never-a-real-BACKUP_KEY';

/** test/fixtures/releases/<release>/release.json */
export interface ReleaseRecord {
  release: string;
  /** The git tag the release commit carries (or is to carry). */
  tag: string;
  commit: string;
  /** The demo's "today" when the fixture was cut. */
  date: string;
  /** The schema version of the backup: the name of the release's newest migration. */
  lastMigration: string;
  /** Every migration file of the release (migrations/<file>) with its SHA-256: released, never to be edited. */
  migrations: Record<string, string>;
}

/** SHA-256 of every migration file in migrations/, by file name. */
export function migrationHashes(directory = MIGRATIONS_DIR): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const file of readdirSync(directory)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    hashes[file] = createHash('sha256')
      .update(readFileSync(path.join(directory, file)))
      .digest('hex');
  }
  return hashes;
}

function argument(args: string[], name: string): string | undefined {
  const index = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (index < 0) return undefined;
  return args[index].includes('=') ? args[index].slice(args[index].indexOf('=') + 1) : args[index + 1];
}

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
}

/**
 * `npm run release:fixture -- --release 0.1.0 [--today 2026-12-07]`: on a release's commit, seeds the
 * demo into a scratch database of DATABASE_ADMIN_URL's server, backs it up with the test-only key
 * into test/fixtures/releases/<release>/demo.lmbackup and records the release beside it (see the
 * README there). The scratch database and attachment store are removed afterwards.
 */
if (require.main === module) {
  runProcess('release:fixture', async () => {
    const args = process.argv.slice(2);
    const release = argument(args, 'release');
    if (!release || !/^[0-9A-Za-z][0-9A-Za-z._-]*$/.test(release)) {
      throw new EnvironmentError('Name the release: npm run release:fixture -- --release 0.1.0 [--today 2026-12-07]');
    }
    const changed = git('status', '--porcelain', '--', 'migrations');
    if (changed)
      throw new EnvironmentError(
        `migrations/ has uncommitted changes; cut the fixture from the release's commit as it was released:\n${changed}`,
      );
    const now = seedNow(args, new SystemClock());
    const env = loadEnvironment();
    const server = new URL(env.DATABASE_ADMIN_URL);
    server.pathname = '/postgres';
    await checkPostgres(server.toString(), 'DATABASE_ADMIN_URL');
    const scratch = `lianmeng_release_fixture_${randomBytes(4).toString('hex')}`;
    const scratchUrl = new URL(server.toString());
    scratchUrl.pathname = `/${scratch}`;
    const store = mkdtempSync(path.join(tmpdir(), 'lianmeng-release-fixture-'));
    // The seed's report PDFs go where loadEnvironment says: this run's own store.
    Object.assign(process.env, { STORAGE_DRIVER: 'local', STORAGE_DIR: store });
    const directory = path.join(RELEASE_FIXTURES_DIR, release);
    try {
      await ensureDatabase(scratchUrl.toString());
      await runMigrations(scratchUrl.toString());
      await migrateQueueSchemaAt(scratchUrl.toString());
      await seed(scratchUrl.toString(), now);
      mkdirSync(directory, { recursive: true });
      const made = await createBackup({
        adminUrl: scratchUrl.toString(),
        storage: new LocalDiskStorage(store),
        passphrase: RELEASE_FIXTURE_TEST_ONLY_KEY,
        directory,
        now,
      });
      renameSync(made.path, path.join(directory, 'demo.lmbackup'));
      const record: ReleaseRecord = {
        release,
        tag: `v${release}`,
        commit: git('rev-parse', 'HEAD'),
        date: now.toISOString().slice(0, 10),
        lastMigration: made.manifest.schemaVersion,
        migrations: migrationHashes(),
      };
      writeFileSync(path.join(directory, 'release.json'), `${JSON.stringify(record, null, 2)}\n`);
      const rows = made.manifest.tables.reduce((sum, t) => sum + t.rows, 0);
      process.stdout.write(
        `Release fixture written: ${path.relative(ROOT, directory)}/demo.lmbackup (${made.bytes} bytes; ${rows} rows, ${made.manifest.files.length} attachments; schema ${record.lastMigration})\n` +
          `and release.json (${Object.keys(record.migrations).length} migrations, commit ${record.commit}).\n`,
      );
    } finally {
      const admin = new Client({ connectionString: server.toString() });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
      await admin.end();
      rmSync(store, { recursive: true, force: true });
    }
  });
}
