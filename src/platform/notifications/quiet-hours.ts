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

/**
 * One formatter per time zone, kept for the life of the process: building an Intl.DateTimeFormat
 * costs about a hundred times more than using one, and nextSendTime asks minute by minute (a
 * notification at night took ~50 ms of CPU, at a weekend several hundred). Formatters are immutable
 * and the same in every process, so a per-process cache shares nothing that could go stale.
 */
const FORMATS = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = FORMATS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    FORMATS.set(timeZone, format);
  }
  return format;
}

function localTime(instant: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(
    formatFor(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { weekday: WEEKDAYS[parts.weekday], minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function isQuiet(instant: Date, hours: QuietHours): boolean {
  const { weekday, minutes } = localTime(instant, hours.timeZone);
  if (hours.weekends && (weekday === 0 || weekday === 6)) return true;
  const start = toMinutes(hours.start);
  const end = toMinutes(hours.end);
  if (start === end) return false;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/**
 * The first moment at or after `instant` outside quiet hours: `instant` itself when it is not quiet.
 * Walks forward minute-aligned in steps, which is exact for any zone and cheap (at most a few days).
 */
export function nextSendTime(instant: Date, hours: QuietHours): Date {
  if (!isQuiet(instant, hours)) return instant;
  const step = 60_000;
  let candidate = new Date(Math.ceil(instant.getTime() / step) * step);
  for (let i = 0; i < 4 * 24 * 60 && isQuiet(candidate, hours); i++) {
    candidate = new Date(candidate.getTime() + step);
  }
  return candidate;
}
