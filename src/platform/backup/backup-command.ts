import type { Environment } from '../config/environment';
import { runProcess } from '../startup/run-process';
import { MIN_KEY_LENGTH } from './backup-cipher';
import { BackupError } from './backup-error';

/** runProcess, with a refused backup or restore ending on its message alone. */
export function runBackupCommand(name: string, work: () => Promise<void>): void {
  runProcess(name, () =>
    work().catch((error: unknown) => {
      if (!(error instanceof BackupError)) throw error;
      process.stderr.write(`\n${name} refused: ${error.message}\n\n`);
      process.exit(1);
    }),
  );
}

export function requireBackupKey(env: Pick<Environment, 'BACKUP_KEY'>): string {
  const key = env.BACKUP_KEY;
  if (!key || key.length < MIN_KEY_LENGTH) {
    throw new BackupError(
      `BACKUP_KEY is not set. Backups are encrypted with a key of your own (at least ${MIN_KEY_LENGTH} characters, e.g. from: openssl rand -hex 32), ` +
        'not SECRETS_KEY; keep a copy away from this server, since a backup cannot be restored without it.',
    );
  }
  return key;
}

/** `--now 2026-12-07T02:00:00Z` (or `--now=...`): the backup's time; otherwise the clock's. */
export function backupNow(args: string[], clock: { now(): Date }): Date {
  const index = args.findIndex((a) => a === '--now' || a.startsWith('--now='));
  if (index < 0) return clock.now();
  const value = args[index].startsWith('--now=') ? args[index].slice('--now='.length) : args[index + 1];
  const time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value ?? '')
    ? new Date(value)
    : undefined;
  if (!time || Number.isNaN(time.getTime()))
    throw new BackupError(
      `--now must be a time with its offset, e.g. --now 2026-12-07T02:00:00+08:00 (got ${JSON.stringify(value ?? null)})`,
    );
  return time;
}
