import 'reflect-metadata';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { backupNow, requireBackupKey, runBackupCommand } from '../src/platform/backup/backup-command';
import { commandDatabase } from '../src/platform/backup/built-in-database';
import { createBackup } from '../src/platform/backup/create-backup';
import { pruneBackups } from '../src/platform/backup/prune-backups';
import { SystemClock } from '../src/platform/clock/clock';
import { loadEnvironment } from '../src/platform/config/environment';
import { checkPostgres } from '../src/platform/startup/dependency-check';
import { fileStorageFromEnvironment } from '../src/platform/storage/file-storage-from-environment';

const ROOT = path.resolve(__dirname, '../..');

/**
 * `npm run backup [-- --now <time>] [-- --prune]`: one encrypted backup into BACKUP_DIR; --prune then
 * applies the retention. With DATABASE_URL unset, of the built-in PostgreSQL: the one npm run serve
 * runs, or one started for the backup and stopped after it.
 */
runBackupCommand('backup', async () => {
  const args = process.argv.slice(2);
  const env = loadEnvironment();
  const passphrase = requireBackupKey(env);
  const now = backupNow(args, new SystemClock());
  const database = await commandDatabase(env, process.env, ROOT, { create: false });
  if (database.note) process.stdout.write(`${database.note}\n`);
  let made: Awaited<ReturnType<typeof createBackup>>;
  const started = performance.now();
  try {
    await checkPostgres(database.adminUrl, 'DATABASE_ADMIN_URL');
    made = await createBackup({
      adminUrl: database.adminUrl,
      storage: fileStorageFromEnvironment(env),
      passphrase,
      directory: env.BACKUP_DIR,
      now,
    });
  } finally {
    await database.release();
  }
  const { path: written, bytes, manifest } = made;
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  const fileBytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
  const lines = [
    `Backup written: ${written}`,
    `  ${bytes} bytes in ${((performance.now() - started) / 1000).toFixed(1)} s; schema ${manifest.schemaVersion}`,
    `  ${manifest.tables.length} tables, ${rows} rows; ${manifest.files.length} attachments, ${fileBytes} bytes`,
  ];
  if (manifest.missingFiles.length > 0) {
    lines.push(
      `  Warning: ${manifest.missingFiles.length} attachments the database names were not in the store: ${manifest.missingFiles.slice(0, 5).join(', ')}`,
    );
  }
  if (args.includes('--prune')) {
    const { kept, removed } = await pruneBackups(env.BACKUP_DIR, {
      daily: env.BACKUP_KEEP_DAILY,
      weekly: env.BACKUP_KEEP_WEEKLY,
      monthly: env.BACKUP_KEEP_MONTHLY,
    });
    lines.push(
      `Retention: kept ${kept.length} backups, removed ${removed.length}${removed.length ? `: ${removed.join(', ')}` : ''}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
});
