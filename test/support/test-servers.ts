import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/platform/database/embedded-postgres';
import { checkPostgres, checkRedis } from '../../src/platform/startup/dependency-check';
import { REDIS_SUITES } from './redis-suites';

const SYSTEM_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

// Shared by globalSetup and globalTeardown, which jest runs in the same process.
const holder = globalThis as { lianmengTestPostgres?: { database: EmbeddedDatabase; dir: string } };

/**
 * The PostgreSQL server of a test run: TEST_DATABASE_ADMIN_URL when set; else the machine's at
 * 127.0.0.1:5432 when it answers (as CI makes sure); else (or with TEST_POSTGRES=embedded) a
 * built-in one of this run's own, in a temporary folder. The choice reaches the test files through
 * TEST_DATABASE_ADMIN_URL.
 */
export async function ensureTestPostgres(): Promise<void> {
  if (process.env.TEST_DATABASE_ADMIN_URL) return;
  const systemAnswers =
    process.env.TEST_POSTGRES !== 'embedded' &&
    (await checkPostgres(SYSTEM_POSTGRES).then(
      () => true,
      () => false,
    ));
  if (systemAnswers) {
    process.env.TEST_DATABASE_ADMIN_URL = SYSTEM_POSTGRES;
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'lianmeng-test-postgres-'));
  chmodSync(dir, 0o755); // as root the server runs as `postgres`, which must enter it
  const database = await startEmbeddedPostgres({ dataDir: join(dir, 'data') });
  holder.lianmengTestPostgres = { database, dir };
  process.env.TEST_DATABASE_ADMIN_URL = database.adminUrl;
  process.stdout.write(
    `\nNo PostgreSQL at 127.0.0.1:5432: the tests run on a built-in PostgreSQL ${database.majorVersion} on port ${database.port}.\n`,
  );
}

export async function stopTestPostgres(): Promise<void> {
  const started = holder.lianmengTestPostgres;
  if (!started) return;
  await started.database.stop();
  rmSync(started.dir, { recursive: true, force: true });
}

/**
 * Whether Redis answers at TEST_REDIS_URL. When it does not, the test files run their PostgreSQL
 * backend only and the suites that need Redis are skipped; this says which and why.
 */
export async function detectRedis(url: string): Promise<void> {
  try {
    await checkRedis(url);
    process.env.TEST_REDIS = 'available';
  } catch {
    process.env.TEST_REDIS = 'absent';
    process.stdout.write(
      `\nRedis does not answer at ${url} (TEST_REDIS_URL): the queues run on PostgreSQL in every test, and these need Redis and are skipped:\n` +
        REDIS_SUITES.map((suite) => `  - ${suite.file}: ${suite.why}`).join('\n') +
        `\n  - the Redis half of every suite that runs on both queue backends\n` +
        'Install and start Redis (Debian/Ubuntu: apt-get install redis-server) to run them; .ci/run does.\n\n',
    );
  }
}
