import { scheduledTick } from './backup-jobs.handler';
import { backupState, isStale } from './backup-status';

const NOW = new Date('2026-12-07T10:00:00+08:00');
const hoursBefore = (hours: number) => new Date(NOW.getTime() - hours * 3600_000);

describe('backup state', () => {
  it('is stale once the last good backup is more than 26 hours old, whatever else', () => {
    expect(
      backupState(
        { lastGoodAt: hoursBefore(25), lastStatus: 'succeeded', firstRunAt: hoursBefore(100) },
        true,
        true,
        NOW,
      ),
    ).toBe('ok');
    expect(
      backupState(
        { lastGoodAt: hoursBefore(27), lastStatus: 'succeeded', firstRunAt: hoursBefore(100) },
        true,
        true,
        NOW,
      ),
    ).toBe('stale');
    expect(
      backupState(
        { lastGoodAt: hoursBefore(27), lastStatus: 'failed', firstRunAt: hoursBefore(100) },
        true,
        false,
        NOW,
      ),
    ).toBe('stale');
  });

  it('without any good backup: pending at first, stale 26 hours after the first run', () => {
    expect(backupState({ lastGoodAt: null, lastStatus: null, firstRunAt: null }, true, true, NOW)).toBe('pending');
    expect(isStale({ lastGoodAt: null, lastStatus: null, firstRunAt: null }, NOW)).toBe(false);
    expect(backupState({ lastGoodAt: null, lastStatus: 'failed', firstRunAt: hoursBefore(2) }, true, true, NOW)).toBe(
      'failed',
    );
    expect(backupState({ lastGoodAt: null, lastStatus: 'failed', firstRunAt: hoursBefore(30) }, true, true, NOW)).toBe(
      'stale',
    );
  });

  it('says not configured without BACKUP_KEY, and off without a schedule', () => {
    expect(backupState({ lastGoodAt: hoursBefore(30), lastStatus: 'failed', firstRunAt: null }, false, true, NOW)).toBe(
      'not_configured',
    );
    expect(
      backupState({ lastGoodAt: hoursBefore(1), lastStatus: 'succeeded', firstRunAt: null }, true, false, NOW),
    ).toBe('off');
  });
});

describe('scheduledTick', () => {
  it('reads the tick from a scheduled job id, and nothing from any other', () => {
    expect(scheduledTick('repeat:take-backup:1796623452000')).toEqual(new Date(1796623452000));
    expect(scheduledTick('backup-0a49c78f-e6b5-4dc0-9416-fa2f52617f8b')).toBeUndefined();
    expect(scheduledTick(undefined)).toBeUndefined();
  });
});
