import { addWorkingTime, CalendarOverrides, workingMinutesBetween } from './working-calendar';

// 2026 (from the State Council's notice): National Day 10-01..10-07 off; Saturday 10-10 is a make-up working day.
const calendar: CalendarOverrides = {
  holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']),
  workdays: new Set(['2026-10-10']),
  timeZone: 'Asia/Shanghai',
};
const at = (local: string) => new Date(`${local}+08:00`);

describe('working calendar', () => {
  it('adds working hours within a day, skipping lunch', () => {
    // 10:00 + 2 h: two hours until 12:00, so 12:00 exactly
    expect(addWorkingTime(at('2026-11-25T10:00:00'), 2, 'working_hours', calendar)).toEqual(at('2026-11-25T12:00:00'));
    // 11:00 + 2 h: one hour until lunch, one after 13:30
    expect(addWorkingTime(at('2026-11-25T11:00:00'), 2, 'working_hours', calendar)).toEqual(at('2026-11-25T14:30:00'));
  });

  it('carries working hours over the night and the weekend', () => {
    // Friday 16:30 + 3 h = Friday 17:30 (1 h) then Monday 09:00 + 2 h = 11:00
    expect(addWorkingTime(at('2026-11-27T16:30:00'), 3, 'working_hours', calendar)).toEqual(at('2026-11-30T11:00:00'));
  });

  it('starts counting at opening time when submitted at night', () => {
    expect(addWorkingTime(at('2026-11-25T22:00:00'), 1, 'working_hours', calendar)).toEqual(at('2026-11-26T10:00:00'));
  });

  it('skips public holidays and works on the make-up Saturday', () => {
    // Wednesday 2026-09-30 17:00 + 1 working day: 30 min on 09-30, then 10-08 (Thursday) up to 17:00
    expect(addWorkingTime(at('2026-09-30T17:00:00'), 1, 'working_days', calendar)).toEqual(at('2026-10-08T17:00:00'));
    // Friday 10-09 17:30 + 2 working hours lands on the make-up Saturday 10-10
    expect(addWorkingTime(at('2026-10-09T17:30:00'), 2, 'working_hours', calendar)).toEqual(at('2026-10-10T11:00:00'));
  });

  it('measures working minutes between two instants', () => {
    expect(workingMinutesBetween(at('2026-11-27T16:30:00'), at('2026-11-30T11:00:00'), calendar)).toBe(180);
    expect(workingMinutesBetween(at('2026-10-01T09:00:00'), at('2026-10-07T17:30:00'), calendar)).toBe(0);
    expect(workingMinutesBetween(at('2026-11-25T11:00:00'), at('2026-11-25T10:00:00'), calendar)).toBe(0);
  });
});
