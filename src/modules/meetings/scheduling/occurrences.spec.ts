import { expandOccurrences, InvalidRecurrence } from './occurrences';

const at = (local: string) => new Date(`${local}+08:00`);

describe('expandOccurrences', () => {
  it('expands the quarterly joint meeting at the same local time (Asia/Shanghai has no daylight saving)', () => {
    const occurrences = expandOccurrences('FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15;COUNT=4', {
      startsAt: at('2026-01-15T09:30:00'),
      endsAt: at('2026-01-15T11:30:00'),
    });
    expect(occurrences.map((o) => [o.startsAt, o.endsAt])).toEqual([
      [at('2026-01-15T09:30:00'), at('2026-01-15T11:30:00')],
      [at('2026-04-15T09:30:00'), at('2026-04-15T11:30:00')],
      [at('2026-07-15T09:30:00'), at('2026-07-15T11:30:00')],
      [at('2026-10-15T09:30:00'), at('2026-10-15T11:30:00')],
    ]);
  });

  it('caps an endless rule at a hundred occurrences within two years', () => {
    expect(
      expandOccurrences('FREQ=DAILY', { startsAt: at('2026-01-01T09:00:00'), endsAt: at('2026-01-01T10:00:00') }),
    ).toHaveLength(100);
    expect(
      expandOccurrences('RRULE:FREQ=YEARLY', {
        startsAt: at('2026-01-01T09:00:00'),
        endsAt: at('2026-01-01T10:00:00'),
      }),
    ).toHaveLength(3);
  });

  it('refuses what is not an RRULE', () => {
    for (const rule of ['', 'FREQ=SOMETIMES', 'DTSTART:20260101T000000Z', 'FREQ=DAILY\nX-INJECT:1']) {
      expect(() =>
        expandOccurrences(rule, { startsAt: at('2026-01-01T09:00:00'), endsAt: at('2026-01-01T10:00:00') }),
      ).toThrow(InvalidRecurrence);
    }
  });
});
