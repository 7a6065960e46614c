import { applyRetention, DEFAULT_RETENTION, isoWeek } from './retention';

const at = (iso: string) => ({ name: iso, createdAt: new Date(iso) });
const names = (backups: { name: string }[]) => backups.map((b) => b.name);

/** One backup a day at 02:00 in Shanghai (18:00 UTC the day before), for `days` days up to `last`. */
function nightly(last: string, days: number) {
  const end = new Date(`${last}T02:00:00+08:00`).getTime();
  return Array.from({ length: days }, (_, i) => ({ name: String(i), createdAt: new Date(end - i * 86_400_000) }));
}

describe('backup retention', () => {
  it('keeps 7 daily, 4 weekly and 12 monthly backups of a year and a half of nightly ones', () => {
    const backups = nightly('2026-12-07', 550);
    const { keep, remove } = applyRetention(backups, DEFAULT_RETENTION);
    expect(keep.length + remove.length).toBe(550);
    const dates = keep.map((b) => b.createdAt.toISOString());
    // 2026-12-07 is a Monday. The last 7 days; the newest of the last 4 ISO weeks (Dec 7, then the
    // Sundays Dec 6, Nov 29, Nov 22); the newest of the last 12 months (Dec 7, then each month's last day).
    expect(dates.slice(0, 7)).toEqual(nightly('2026-12-07', 7).map((b) => b.createdAt.toISOString()));
    expect(dates).toContain('2026-11-28T18:00:00.000Z'); // Sunday 2026-11-29 in Shanghai
    expect(dates).toContain('2026-11-21T18:00:00.000Z'); // Sunday 2026-11-22
    expect(dates).not.toContain('2026-11-14T18:00:00.000Z'); // Sunday 2026-11-15, a fifth week
    expect(dates).toContain('2026-11-29T18:00:00.000Z'); // 2026-11-30, newest of November
    expect(dates).toContain('2026-10-30T18:00:00.000Z'); // 2026-10-31, newest of October
    expect(dates).toContain('2026-01-30T18:00:00.000Z'); // 2026-01-31, the 12th month back
    expect(dates).not.toContain('2025-12-30T18:00:00.000Z');
    // Weeks and months overlap the newest days: 7 days + 2 more weeks + 11 more months.
    expect(keep).toHaveLength(20);
  });

  it('reads days in the township time zone, not UTC', () => {
    // 23:30 and 16:30 UTC on Dec 6 are Dec 7 07:30 and 00:30 in Shanghai: one day, so one kept.
    const backups = [at('2026-12-06T23:30:00Z'), at('2026-12-06T16:30:00Z'), at('2026-12-06T15:30:00Z')];
    expect(names(applyRetention(backups, { daily: 2, weekly: 0, monthly: 0 }).keep)).toEqual([
      '2026-12-06T23:30:00Z',
      '2026-12-06T15:30:00Z',
    ]);
    expect(names(applyRetention(backups, { daily: 2, weekly: 0, monthly: 0 }, 'UTC').keep)).toEqual([
      '2026-12-06T23:30:00Z',
    ]);
  });

  it('always keeps the newest backup, and keeps everything it was not asked to drop', () => {
    expect(names(applyRetention([at('2026-01-01T00:00:00Z')], { daily: 0, weekly: 0, monthly: 0 }).keep)).toEqual([
      '2026-01-01T00:00:00Z',
    ]);
    expect(applyRetention([], DEFAULT_RETENTION)).toEqual({ keep: [], remove: [] });
    const two = [at('2026-01-01T00:00:00Z'), at('2026-01-02T00:00:00Z')];
    expect(names(applyRetention(two, DEFAULT_RETENTION).remove)).toEqual([]);
  });

  it('numbers ISO weeks across a year end', () => {
    expect(isoWeek('2026-12-31')).toBe('2026-W53');
    expect(isoWeek('2027-01-03')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2024-02-29')).toBe('2024-W09');
  });
});
