import { dateTimeFormat } from '../clock/date-format';

export interface QuietHours {
  /** HH:MM local time; the window may cross midnight (22:00–08:00). */
  start: string;
  end: string;
  weekends: boolean;
  timeZone: string;
}

export const DEFAULT_QUIET_HOURS: Omit<QuietHours, 'timeZone'> = { start: '22:00', end: '08:00', weekends: true };

interface LocalTime {
  weekday: number; // 0 Sunday … 6 Saturday
  minutes: number; // since local midnight
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function localTime(instant: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(
    dateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { weekday: WEEKDAYS[parts.weekday], minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function isQuiet(instant: Date, hours: QuietHours): boolean {
  return quietMinutesLeft(localTime(instant, hours.timeZone), hours) > 0;
}

/** How many local minutes of quiet remain from this local time (0: not quiet). */
function quietMinutesLeft({ weekday, minutes }: LocalTime, hours: QuietHours): number {
  if (hours.weekends && (weekday === 0 || weekday === 6)) return 24 * 60 - minutes;
  const start = toMinutes(hours.start);
  const end = toMinutes(hours.end);
  if (start === end) return 0;
  if (start < end) return minutes >= start && minutes < end ? end - minutes : 0;
  if (minutes >= start) return 24 * 60 - minutes + end;
  return minutes < end ? end - minutes : 0;
}

/**
 * The first moment at or after `instant` outside quiet hours: `instant` itself when it is not quiet.
 * Leaps over most of the quiet time by local-clock arithmetic, then walks the last hour a minute at
 * a time, so a daylight-saving change inside the window cannot make it overshoot.
 */
export function nextSendTime(instant: Date, hours: QuietHours): Date {
  if (!isQuiet(instant, hours)) return instant;
  const step = 60_000;
  let candidate = new Date(Math.ceil(instant.getTime() / step) * step);
  for (let walked = 0; walked < 4 * 24 * 60;) {
    const left = quietMinutesLeft(localTime(candidate, hours.timeZone), hours);
    if (left === 0) break;
    const leap = left > 60 ? left - 60 : 1;
    candidate = new Date(candidate.getTime() + leap * step);
    walked += leap;
  }
  return candidate;
}
