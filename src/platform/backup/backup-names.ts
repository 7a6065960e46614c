import { join } from 'node:path';

const PATTERN = /^lianmeng-(\d{4})-(\d{2})-(\d{2})T(\d{2})(\d{2})(\d{2})Z\.lmbackup$/;

/** lianmeng-2026-12-07T020505Z.lmbackup: sorts by time, and says when it was made without opening it. */
export function backupFileName(createdAt: Date): string {
  const iso = createdAt.toISOString();
  return `lianmeng-${iso.slice(0, 10)}T${iso.slice(11, 19).replace(/:/g, '')}Z.lmbackup`;
}

/** When a backup file was made, from its name; undefined for any other file. */
export function backupTimeOf(fileName: string): Date | undefined {
  const match = PATTERN.exec(fileName);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match;
  const time = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}Z`);
  return Number.isNaN(time.getTime()) ? undefined : time;
}

/** The unfinished file a backup is written to before it is renamed to its name. */
export function partialPath(directory: string, name: string, pid: number): string {
  return join(directory, `.${name}.${pid}.partial`);
}
