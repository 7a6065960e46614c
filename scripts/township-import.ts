import 'reflect-metadata';
import path from 'node:path';
import { runBackupCommand } from '../src/platform/backup/backup-command';
import { BackupError } from '../src/platform/backup/backup-error';
import { commandDatabase } from '../src/platform/backup/built-in-database';
import { describeTownship, positionalArgs, townshipPassphrase } from '../src/platform/backup/township-command';
import { importTownship } from '../src/platform/backup/township-import';
import { loadEnvironment } from '../src/platform/config/environment';
import { checkPostgres } from '../src/platform/startup/dependency-check';
import { fileStorageFromEnvironment } from '../src/platform/storage/file-storage-from-environment';

const ROOT = path.resolve(__dirname, '../..');

/**
 * `npm run township:import -- <archive> [--passphrase-file <file>]`: a township joins this deployment,
 * beside those already here. With DATABASE_URL unset, into the built-in PostgreSQL (as npm run restore).
 */
runBackupCommand('township:import', async () => {
  const args = process.argv.slice(2);
  const files = positionalArgs(args, ['--passphrase-file']);
  if (files.length !== 1)
    throw new BackupError(
      'Name one township archive: npm run township:import -- township-anhai-2026-12-07T020000Z.lmbackup [--passphrase-file <file>]',
    );
  const env = loadEnvironment();
  const passphrase = await townshipPassphrase(args, env);
  const database = await commandDatabase(env, process.env, ROOT, { create: false });
  if (database.note) process.stdout.write(`${database.note}\n`);
  let result: Awaited<ReturnType<typeof importTownship>>;
  try {
    await checkPostgres(database.adminUrl, 'DATABASE_ADMIN_URL');
    result = await importTownship({
      path: files[0],
      passphrase,
      adminUrl: database.adminUrl,
      storage: fileStorageFromEnvironment(env),
      secretsKey: env.SECRETS_KEY,
    });
  } finally {
    await database.release();
  }
  const lines = [
    `Imported ${files[0]} (made ${result.manifest.createdAt}):`,
    ...describeTownship(result.manifest),
    `  Stored ${result.files} attachments, ${result.fileBytes} bytes.`,
    "  Checked before committing: the township's rows of every table (count and checksum) and every attachment's SHA-256, as the archive recorded them.",
  ];
  if (result.resealed > 0)
    lines.push(
      `  Sealed ${result.resealed} values (robots' webhooks, SMTP password) again with this deployment's SECRETS_KEY.`,
    );
  if (result.manifest.unreadableSecrets?.length > 0) {
    lines.push(
      `  Warning: ${result.manifest.unreadableSecrets.length} sealed values did not open on the source; enter them again here: ${result.manifest.unreadableSecrets.slice(0, 5).join('; ')}`,
    );
  }
  if (result.migratedFrom)
    lines.push(
      `  The archive's schema ${result.migratedFrom} was brought forward with this release's migrations first.`,
    );
  process.stdout.write(`${lines.join('\n')}\n`);
});
