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
});
