import { dateTimeFormat } from './date-format';

/** The calendar date (YYYY-MM-DD) of an instant in a time zone, e.g. today in Asia/Shanghai. */
export function localDate(instant: Date, timeZone = 'Asia/Shanghai'): string {
  return dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** A date and time as people there read it, e.g. 2026/12/01 09:30 (without the year when `withYear` is false). */
export function localDateTime(instant: Date, timeZone = 'Asia/Shanghai', { withYear = true } = {}): string {
  return dateTimeFormat('zh-CN', {
    timeZone,
    ...(withYear ? { year: 'numeric' } : {}),
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}
