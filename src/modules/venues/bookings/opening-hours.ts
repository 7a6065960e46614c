import type { FieldProblem } from '../../../platform/errors/domain.exception';
import type { OpeningHours } from '../entities/venue-zone.entity';
import { dateTimeFormat } from '../../../platform/clock/date-format';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The problems of opening hours as given by an official: seven days, each null or open < close as HH:MM. */
export function openingHoursProblems(hours: unknown, field = 'openingHours'): FieldProblem[] {
  if (hours === null || hours === undefined) return [];
  if (!Array.isArray(hours) || hours.length !== 7) return [{ field, reason: 'sevenDays' }];
  const problems: FieldProblem[] = [];
  hours.forEach((day: unknown, index) => {
    if (day === null) return;
    const d = day as { open?: unknown; close?: unknown };
    if (typeof d !== 'object' || typeof d.open !== 'string' || !HHMM.test(d.open))
      problems.push({ field: `${field}[${index}].open`, reason: 'isTime' });
    else if (typeof d.close !== 'string' || !HHMM.test(d.close))
      problems.push({ field: `${field}[${index}].close`, reason: 'isTime' });
    else if (d.close <= d.open) problems.push({ field: `${field}[${index}].close`, reason: 'endsAfterStart' });
  });
  return problems;
}

/** Only the two keys we keep, so nothing else a client sends is stored. */
export function cleanOpeningHours(hours: OpeningHours | null | undefined): OpeningHours | null {
  if (!hours) return null;
  return hours.map((d) => (d ? { open: d.open, close: d.close } : null));
}

function localParts(instant: Date, timeZone: string): { date: string; weekday: number; time: string } {
  const parts = Object.fromEntries(
    dateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS.indexOf(parts.weekday),
    time: `${parts.hour}:${parts.minute}`,
  };
}

/**
 * Whether [start, end) lies within one day's opening hours in the township's time zone. Returns the
 * day's hours as text for the message when it does not ("closed" when the zone is closed that day).
 */
export function outsideOpeningHours(
  hours: OpeningHours | null,
  start: Date,
  end: Date,
  timeZone: string,
): string | null {
  if (!hours) return null;
  const s = localParts(start, timeZone);
  const e = localParts(new Date(end.getTime() - 1), timeZone);
  const day = hours[s.weekday];
  if (!day) return 'closed';
  const endTime = localParts(end, timeZone);
  const endsAt = endTime.date === s.date ? endTime.time : '24:00';
  if (e.date !== s.date || s.time < day.open || endsAt > day.close) return `${day.open}–${day.close}`;
  return null;
}
