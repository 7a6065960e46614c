import { localDate } from '../clock/local-date';

export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12 };

export interface DatedBackup {
  createdAt: Date;
}

/**
 * Which backups to keep: the newest of each of the last `daily` days that have a backup, of the
 * last `weekly` ISO weeks and of the last `monthly` months (days as the township's calendar reads
 * them), and always the newest backup of all. Pure: the caller lists the backups and deletes.
 */
export function applyRetention<T extends DatedBackup>(
  backups: T[],
  policy: RetentionPolicy,
  timeZone = 'Asia/Shanghai',
): { keep: T[]; remove: T[] } {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const kept = new Set<T>(newestFirst.slice(0, 1));
  const periods: [number, (date: string) => string][] = [
    [policy.daily, (date) => date],
    [policy.weekly, isoWeek],
    [policy.monthly, (date) => date.slice(0, 7)],
  ];
  for (const [count, periodOf] of periods) {
    let last: string | undefined;
    let taken = 0;
    for (const backup of newestFirst) {
      if (taken >= count) break;
      const period = periodOf(localDate(backup.createdAt, timeZone));
      if (period === last) continue;
      last = period;
      kept.add(backup);
      taken++;
    }
  }
  return { keep: newestFirst.filter((b) => kept.has(b)), remove: newestFirst.filter((b) => !kept.has(b)) };
}

/** The ISO week of a YYYY-MM-DD date, e.g. 2026-W53 for 2026-12-31 and 2027-01-01. */
export function isoWeek(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7;
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
