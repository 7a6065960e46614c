import 'reflect-metadata';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { backupNow, runBackupCommand } from '../src/platform/backup/backup-command';
import { BackupError } from '../src/platform/backup/backup-error';
import { commandDatabase } from '../src/platform/backup/built-in-database';
import {
  describeTownship,
  optionValue,
  positionalArgs,
  townshipPassphrase,
} from '../src/platform/backup/township-command';
import { exportTownship } from '../src/platform/backup/township-export';
import { SystemClock } from '../src/platform/clock/clock';
import { loadEnvironment } from '../src/platform/config/environment';
import { checkPostgres } from '../src/platform/startup/dependency-check';
import { fileStorageFromEnvironment } from '../src/platform/storage/file-storage-from-environment';

const VALUED = ['--out', '--passphrase-file', '--now'];
const ROOT = path.resolve(__dirname, '../..');

/**
 * `npm run township:export -- <slug or id> [--out <file>] [--passphrase-file <file>]`: one township as
 * one encrypted archive. With DATABASE_URL unset, of the built-in PostgreSQL (as npm run backup).
 */
runBackupCommand('township:export', async () => {
  const args = process.argv.slice(2);
  const [township, ...extra] = positionalArgs(args, VALUED);
  if (!township || extra.length > 0)
    throw new BackupError(
      'Name one township, by its slug or id: npm run township:export -- anhai [--out anhai.lmbackup] [--passphrase-file <file>]',
    );
  const env = loadEnvironment();
  const passphrase = await townshipPassphrase(args, env);
  const now = backupNow(args, new SystemClock());
  const database = await commandDatabase(env, process.env, ROOT, { create: false });
  if (database.note) process.stdout.write(`${database.note}\n`);
  const started = performance.now();
  let made: Awaited<ReturnType<typeof exportTownship>>;
  try {
    await checkPostgres(database.adminUrl, 'DATABASE_ADMIN_URL');
    made = await exportTownship({
      adminUrl: database.adminUrl,
      storage: fileStorageFromEnvironment(env),
      passphrase,
      secretsKey: env.SECRETS_KEY,
      township,
      out: optionValue(args, '--out'),
      directory: env.BACKUP_DIR,
      now,
    });
  } finally {
    await database.release();
  }
  const { path: written, bytes, manifest } = made;
  const lines = [
    `Township archive written: ${written}`,
    `  ${bytes} bytes in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    ...describeTownship(manifest),
  ];
  if (manifest.missingFiles.length > 0) {
    lines.push(
      `  Warning: ${manifest.missingFiles.length} attachments the township's rows name were not in the store: ${manifest.missingFiles.slice(0, 5).join(', ')}`,
    );
  }
  if (manifest.secrets.length > 0)
    lines.push(
      `  ${manifest.secrets.length} sealed values (robots' webhooks, SMTP password) opened with this SECRETS_KEY, for the target to seal with its own`,
    );
  if (manifest.unreadableSecrets.length > 0) {
    lines.push(
      `  Warning: ${manifest.unreadableSecrets.length} sealed values do not open with this SECRETS_KEY and will need entering again: ${manifest.unreadableSecrets.slice(0, 5).join('; ')}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
});
