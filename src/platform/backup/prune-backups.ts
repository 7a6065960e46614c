import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { backupTimeOf } from './backup-names';
import { applyRetention, type RetentionPolicy } from './retention';

/** Deletes the backups in `directory` that the retention policy does not keep; other files are left alone. */
export async function pruneBackups(
  directory: string,
  policy: RetentionPolicy,
  timeZone?: string,
): Promise<{ kept: string[]; removed: string[] }> {
  const names = await readdir(directory).catch(() => [] as string[]);
  const backups = names.flatMap((name) => {
    const createdAt = backupTimeOf(name);
    return createdAt ? [{ name, createdAt }] : [];
  });
  const { keep, remove } = applyRetention(backups, policy, timeZone);
  for (const backup of remove) await rm(join(directory, backup.name), { force: true });
  return { kept: keep.map((b) => b.name), removed: remove.map((b) => b.name) };
}
