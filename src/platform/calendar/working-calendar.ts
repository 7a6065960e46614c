import { dateTimeFormat } from '../clock/date-format';
/**
 * Working time for SLAs: working days are Monday to Friday, except public holidays, plus the
 * make-up working days (调休) that fall on a weekend. Working hours are 09:00–12:00 and 13:30–17:30
 * local time (7 hours a day), as township offices keep them.
 */
export interface CalendarOverrides {
  /** YYYY-MM-DD of public holidays (days off even on a weekday). */
  holidays: ReadonlySet<string>;
  /** YYYY-MM-DD of make-up working days (working even on a weekend). */
  workdays: ReadonlySet<string>;
  timeZone: string;
}

export type SlaUnit = 'working_hours' | 'working_days';

const PERIODS = [
  [9 * 60, 12 * 60],
  [13 * 60 + 30, 17 * 60 + 30],
] as const;
const MINUTES_PER_DAY = PERIODS.reduce((sum, [start, end]) => sum + end - start, 0);
const DAY_MS = 24 * 3600_000;

interface LocalParts {
  date: string;
  weekday: number;
  minutes: number;
}

function localParts(instant: Date, timeZone: string): LocalParts {
  const parts = Object.fromEntries(
    dateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday,
    minutes: Number(parts.hour) * 60 + Number(parts.minute) + Number(parts.second) / 60,
  };
}

/** The instant of local midnight of `date` in the zone (exact for zones without a DST jump at midnight). */
function localMidnight(date: string, timeZone: string): Date {
  const guess = new Date(`${date}T00:00:00Z`);
  const { minutes, date: seen } = localParts(guess, timeZone);
  const offsetMinutes = seen === date ? minutes : minutes - 24 * 60;
  return new Date(guess.getTime() - offsetMinutes * 60_000);
}

function nextDate(date: string): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + DAY_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, weekday: number, calendar: CalendarOverrides): boolean {
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  return weekday >= 1 && weekday <= 5;
}

function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** `start` plus `amount` of working time; a deadline in working days ends at the close of that day. */
export function addWorkingTime(start: Date, amount: number, unit: SlaUnit, calendar: CalendarOverrides): Date {
  let remaining = unit === 'working_hours' ? amount * 60 : amount * MINUTES_PER_DAY;
  const first = localParts(start, calendar.timeZone);
  let date = first.date;
  let fromMinute = first.minutes;
  for (let guard = 0; guard < 3660; guard++) {
    if (isWorkingDay(date, weekdayOf(date), calendar)) {
      for (const [open, close] of PERIODS) {
        const begin = Math.max(open, fromMinute);
        if (begin >= close) continue;
        const available = close - begin;
        if (remaining <= available) {
          return new Date(localMidnight(date, calendar.timeZone).getTime() + (begin + remaining) * 60_000);
        }
        remaining -= available;
      }
    }
    date = nextDate(date);
    fromMinute = 0;
  }
  throw new Error('The working calendar has no working time within ten years');
}

/** Working minutes between two instants (0 when `end` is not after `start`). */
export function workingMinutesBetween(start: Date, end: Date, calendar: CalendarOverrides): number {
  if (end <= start) return 0;
  const from = localParts(start, calendar.timeZone);
  const to = localParts(end, calendar.timeZone);
  let total = 0;
  let date = from.date;
  for (let guard = 0; guard < 3660; guard++) {
    if (isWorkingDay(date, weekdayOf(date), calendar)) {
      const lower = date === from.date ? from.minutes : 0;
      const upper = date === to.date ? to.minutes : 24 * 60;
      for (const [open, close] of PERIODS) total += Math.max(0, Math.min(close, upper) - Math.max(open, lower));
    }
    if (date === to.date) break;
    date = nextDate(date);
  }
  return Math.round(total);
}
