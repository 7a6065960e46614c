import { isQuiet, nextSendTime, QuietHours } from './quiet-hours';

const shanghai: QuietHours = { start: '22:00', end: '08:00', weekends: true, timeZone: 'Asia/Shanghai' };

describe('quiet hours (Asia/Shanghai, UTC+8, no daylight saving)', () => {
  it('is quiet at night and at weekends, not on a weekday afternoon', () => {
    expect(isQuiet(new Date('2026-11-25T06:00:00Z'), shanghai)).toBe(false); // Wed 14:00
    expect(isQuiet(new Date('2026-11-25T14:30:00Z'), shanghai)).toBe(true); // Wed 22:30
  });

  it('treats 07:59 as quiet and 08:00 as not', () => {
    expect(isQuiet(new Date('2026-11-25T23:59:00Z'), shanghai)).toBe(true); // Thu 07:59
    expect(isQuiet(new Date('2026-11-26T00:00:00Z'), shanghai)).toBe(false); // Thu 08:00
  });

  it('moves a message written on Wednesday at 23:00 to Thursday 08:00', () => {
    expect(nextSendTime(new Date('2026-11-25T15:00:00Z'), shanghai).toISOString()).toBe('2026-11-26T00:00:00.000Z');
  });

  it('moves a message written on Friday night or Saturday to Monday 08:00', () => {
    expect(nextSendTime(new Date('2026-11-27T14:30:00Z'), shanghai).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(nextSendTime(new Date('2026-11-28T04:00:00Z'), shanghai).toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });

  it('leaves a message written in working hours alone', () => {
    const now = new Date('2026-11-25T03:17:42Z');
    expect(nextSendTime(now, shanghai)).toBe(now);
  });

  it('honours a window that does not cross midnight, and no weekend rule', () => {
    const lunch: QuietHours = { start: '12:00', end: '13:30', weekends: false, timeZone: 'Asia/Shanghai' };
    expect(nextSendTime(new Date('2026-11-28T04:10:00Z'), lunch).toISOString()).toBe('2026-11-28T05:30:00.000Z');
    expect(isQuiet(new Date('2026-11-28T02:00:00Z'), lunch)).toBe(false);
  });

  it('finds the same moment as walking minute by minute, across a daylight-saving change too', () => {
    const walk = (instant: Date, hours: QuietHours) => {
      let t = new Date(Math.ceil(instant.getTime() / 60_000) * 60_000);
      if (!isQuiet(instant, hours)) return instant;
      while (isQuiet(t, hours)) t = new Date(t.getTime() + 60_000);
      return t;
    };
    const newYork: QuietHours = { start: '21:00', end: '03:30', weekends: true, timeZone: 'America/New_York' };
    // Hourly through the autumn change in New York (1 November 2026) and a Shanghai week.
    for (let hour = 0; hour < 7 * 24; hour += 1) {
      for (const [base, hours] of [
        ['2026-10-29T00:07:30Z', newYork],
        ['2026-11-23T00:13:00Z', shanghai],
      ] as const) {
        const instant = new Date(new Date(base).getTime() + hour * 3600_000);
        expect(nextSendTime(instant, hours).toISOString()).toBe(walk(instant, hours).toISOString());
      }
    }
  });
});
