import { readFile } from 'node:fs/promises';
import type { Environment } from '../config/environment';
import { MIN_KEY_LENGTH } from './backup-cipher';
import { requireBackupKey } from './backup-command';
import { BackupError } from './backup-error';
import type { TownshipManifest } from './township-manifest';

/** The value after `--name` (or in `--name=value`); undefined when absent. */
export function optionValue(args: string[], name: string): string | undefined {
  const index = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (index < 0) return undefined;
  const value = args[index].includes('=') ? args[index].slice(name.length + 1) : args[index + 1];
  if (!value || value.startsWith('--')) throw new BackupError(`${name} needs a value`);
  return value;
}

/** The arguments that are neither options nor the values of `valued` options. */
export function positionalArgs(args: string[], valued: string[]): string[] {
  return args.filter((a, i) => !a.startsWith('--') && !valued.includes(args[i - 1]));
}

/**
 * The archive's passphrase: the first line of `--passphrase-file` (one the operator hands to the
 * receiving deployment, kept out of the process list), else BACKUP_KEY.
 */
export async function townshipPassphrase(args: string[], env: Pick<Environment, 'BACKUP_KEY'>): Promise<string> {
  const file = optionValue(args, '--passphrase-file');
  if (!file) return requireBackupKey(env);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new BackupError(`Cannot read the passphrase file ${file}: ${error.code ?? error.message}`);
  });
  const passphrase = text.split(/\r?\n/)[0];
  if (passphrase.length < MIN_KEY_LENGTH)
    throw new BackupError(
      `The passphrase in ${file} is shorter than ${MIN_KEY_LENGTH} characters (e.g. from: openssl rand -hex 32)`,
    );
  return passphrase;
}

/** What an archive holds, table by table (the tables with rows), for the commands to print. */
export function describeTownship(manifest: TownshipManifest): string[] {
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  const bytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
  const filled = manifest.tables.filter((t) => t.rows > 0);
  const width = Math.max(...filled.map((t) => t.name.length));
  return [
    `  township ${manifest.township.slug} (${manifest.township.name}, id ${manifest.township.id}); schema ${manifest.schemaVersion}`,
    `  ${filled.length} of ${manifest.tables.length} township tables hold its rows, ${rows} rows; ${manifest.files.length} attachments, ${bytes} bytes`,
    ...filled.map(
      (t) =>
        `    ${t.name.padEnd(width)}  ${String(t.rows).padStart(7)}${t.renumbered.length ? `  (${t.renumbered.join(', ')} numbered afresh by the target)` : ''}`,
    ),
  ];
}
