import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { createBackup } from '../../src/platform/backup/create-backup';
import { restoreBackup } from '../../src/platform/backup/restore-backup';
import { SystemClock } from '../../src/platform/clock/clock';
import { LocalDiskStorage } from '../../src/platform/storage/local-disk.storage';
import type { BenchContext } from '../context';
import { adminUrl, appUrl } from '../stack';
import '../../src/queues';

const BACKUP_TARGET_S = 300;

/**
 * A backup of the whole benchmark database (npm run backup's code, with its encryption and its
 * manifest of checksums), timed while nothing else runs; then a restore of that file into a scratch
 * database, timed too (it reads the file twice: once to check it whole, once to load it), for the
 * operator's planning. The attachments the seed names but never wrote are counted as missing.
 */
export async function backupScenario(ctx: BenchContext): Promise<void> {
  const directory = await mkdtemp(join(tmpdir(), 'lianmeng-bench-backup-'));
  const storage = new LocalDiskStorage(join(directory, 'files'));
  const passphrase = randomBytes(24).toString('hex');
  const scratch = `${ctx.database}_restore`;
  try {
    const started = performance.now();
    const backup = await createBackup({
      adminUrl: adminUrl(ctx.database),
      storage,
      passphrase,
      directory,
      now: new SystemClock().now(),
    });
    const seconds = (performance.now() - started) / 1000;
    const rows = backup.manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    const [{ bytes }] = await ctx.query<{ bytes: string }>(
      'SELECT pg_database_size(current_database())::text AS bytes',
    );
    ctx.record({
      scenario: 'Backup',
      metric: `backup of the whole database (${(rows / 1e6).toFixed(2)} M rows, ${megabytes(Number(bytes))} MB on disk)`,
      value: seconds,
      unit: 's',
      target: `≤ ${BACKUP_TARGET_S} s`,
      met: seconds <= BACKUP_TARGET_S,
    });
    ctx.record({ scenario: 'Backup', metric: 'backup file, encrypted', value: megabytes(backup.bytes), unit: 'MB' });
    ctx.record({ scenario: 'Backup', metric: 'backup rate', value: rows / seconds, unit: 'rows/s' });

    await withPostgres((client) => client.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`));
    const restoreStarted = performance.now();
    const restored = await restoreBackup({
      path: backup.path,
      passphrase,
      adminUrl: adminUrl(scratch),
      appUrl: appUrl(scratch),
      storage: new LocalDiskStorage(join(directory, 'restored-files')),
    });
    const restoreSeconds = (performance.now() - restoreStarted) / 1000;
    ctx.record({
      scenario: 'Backup',
      metric: `restore into an empty database, checked against the manifest (${restored.tables} tables)`,
      value: restoreSeconds,
      unit: 's',
    });
  } finally {
    await withPostgres((client) => client.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`)).catch(
      () => undefined,
    );
    await rm(directory, { recursive: true, force: true });
  }
}

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function withPostgres<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
