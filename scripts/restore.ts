import 'reflect-metadata';
// Every feature's queue, for the queues' job-id sequences.
import '../src/queues';
import path from 'node:path';
import { requireBackupKey, runBackupCommand } from '../src/platform/backup/backup-command';
import { BackupError } from '../src/platform/backup/backup-error';
import { commandDatabase } from '../src/platform/backup/built-in-database';
import { restoreBackup } from '../src/platform/backup/restore-backup';
import { loadEnvironment } from '../src/platform/config/environment';
import { checkPostgres } from '../src/platform/startup/dependency-check';
import { fileStorageFromEnvironment } from '../src/platform/storage/file-storage-from-environment';

const ROOT = path.resolve(__dirname, '../..');

/**
 * `npm run restore -- <backup file> [--force]`: into the database of DATABASE_ADMIN_URL and the
 * configured store. With DATABASE_URL unset, into the built-in PostgreSQL: the one npm run serve
 * runs, or one started (and made, on a new server) for the restore and stopped after it.
 */
runBackupCommand('restore', async () => {
  const args = process.argv.slice(2);
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length !== 1)
    throw new BackupError(
      'Name one backup file: npm run restore -- var/backups/lianmeng-2026-12-07T020000Z.lmbackup [--force]',
    );
  const env = loadEnvironment();
  const passphrase = requireBackupKey(env);
  const database = await commandDatabase(env, process.env, ROOT, { create: true });
  if (database.note) process.stdout.write(`${database.note}\n`);
  let result: Awaited<ReturnType<typeof restoreBackup>>;
  try {
    await checkPostgres(new URL('/postgres', database.adminUrl).toString(), 'DATABASE_ADMIN_URL');
    result = await restoreBackup({
      path: files[0],
      passphrase,
      adminUrl: database.adminUrl,
      appUrl: database.appUrl,
      storage: fileStorageFromEnvironment(env),
      force: args.includes('--force'),
    });
  } finally {
    await database.release();
  }
  const { manifest } = result;
  const lines = [
    `Restored ${files[0]} (made ${manifest.createdAt}, schema ${manifest.schemaVersion}):`,
    `  ${result.tables} tables, ${result.rows} rows; ${result.files} attachments, ${result.fileBytes} bytes`,
    "  Checked: every table's row count and checksum, every attachment's SHA-256, as the backup recorded them.",
  ];
  if (result.laterMigrations.length > 0)
    lines.push(`  Then applied this release's newer migrations: ${result.laterMigrations.join(', ')}`);
  if (result.replaced)
    lines.push(
      `  The database it replaced is kept as ${result.replaced}: drop it (DROP DATABASE ${result.replaced}) once you no longer need it.`,
    );
  if (manifest.missingFiles.length > 0)
    lines.push(
      `  Warning: ${manifest.missingFiles.length} attachments were already missing from the store when the backup was made.`,
    );
  if (database.shared)
    lines.push(
      'Restart npm run serve (Ctrl+C, then start it again) so the API and the worker start afresh on the restored data.',
    );
  process.stdout.write(`${lines.join('\n')}\n`);
});
