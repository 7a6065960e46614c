import { Injectable } from '@nestjs/common';
import { CalendarService } from '../../../platform/calendar/calendar.service';
import { dateTimeFormat } from '../../../platform/clock/date-format';
import { addWorkingTime, type CalendarOverrides, isWorkingDay } from '../../../platform/calendar/working-calendar';
import { decodeCursorParts, pageOfRows } from '../../../platform/pagination/keyset';
import { DEFAULT_PAGE_SIZE, type Page, type PageQueryDto } from '../../../platform/pagination/page.dto';
import type { Occurrence } from './occurrences';
import { busyQuery, SchedulingRepository } from './scheduling.repository';

const STEP_MS = 30 * 60_000;
const OFFICE_PERIODS = [
  [9 * 60, 12 * 60],
  [13 * 60 + 30, 17 * 60 + 30],
];

function formatter(timeZone: string): Intl.DateTimeFormat {
  return dateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}

interface LocalTime {
  date: string;
  /** Minutes since the local midnight. */
  minutes: number;
}

function localTime(instant: Date, timeZone: string): LocalTime {
  const p = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((x) => [x.type, x.value]),
  );
  return { date: `${p.year}-${p.month}-${p.day}`, minutes: Number(p.hour) * 60 + Number(p.minute) };
}

const FIRST_OPEN = OFFICE_PERIODS[0][0];
const LAST_CLOSE = OFFICE_PERIODS[OFFICE_PERIODS.length - 1][1];

/**
 * The first `limit` half-hour starts from `start` (on a half-hour) where `[t, t + duration)` lies
 * in one office period of a working day and clashes with nothing busy. Nights, weekends and
 * holidays are stepped over whole, rather than tried half-hour by half-hour.
 */
export function freeSlots(
  start: Date,
  to: Date,
  durationMinutes: number,
  busy: Occurrence[],
  calendar: CalendarOverrides,
  limit: number,
): Occurrence[] {
  const slots: Occurrence[] = [];
  const duration = durationMinutes * 60_000;
  const steps = (minutes: number) => Math.max(1, Math.ceil(minutes / 30)) * STEP_MS;
  let cursor = start.getTime();
  while (cursor + duration <= to.getTime() && slots.length < limit) {
    const at = new Date(cursor);
    const local = localTime(at, calendar.timeZone);
    const working = isWorkingDay(local.date, new Date(`${local.date}T00:00:00Z`).getUTCDay(), calendar);
    if (!working || local.minutes + durationMinutes > LAST_CLOSE) {
      cursor += steps(24 * 60 - local.minutes); // nothing more fits today: to the next local midnight
      continue;
    }
    if (local.minutes < FIRST_OPEN) {
      cursor += steps(FIRST_OPEN - local.minutes);
      continue;
    }
    const end = new Date(cursor + duration);
    const last = localTime(end, calendar.timeZone);
    const inPeriod =
      last.date === local.date &&
      OFFICE_PERIODS.some(([open, close]) => local.minutes >= open && last.minutes <= close);
    if (inPeriod && !busy.some((b) => b.startsAt < end && b.endsAt > at)) slots.push({ startsAt: at, endsAt: end });
    cursor += STEP_MS;
  }
  return slots;
}

/** The earliest times, in office hours on working days, when the room and every person are free. */
@Injectable()
export class FreeSlotsService {
  constructor(
    private readonly scheduling: SchedulingRepository,
    private readonly calendars: CalendarService,
  ) {}

  async find(
    from: Date,
    to: Date,
    durationMinutes: number,
    zoneId: string | null,
    userIds: string[],
    page: PageQueryDto,
  ): Promise<Page<Occurrence>> {
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    // A page goes on half an hour after the last slot of the one before.
    const after = page.cursor
      ? new Date(decodeCursorParts(page.cursor, ['timestamp'])[0] as string).getTime() + STEP_MS
      : -Infinity;
    const busy = await this.busy(from, to, zoneId, userIds);
    const calendar = await this.calendars.forTenant();
    // Start at the first working minute at or after `from`, on a half-hour.
    const first = Math.ceil(addWorkingTime(from, 0, 'working_hours', calendar).getTime() / STEP_MS) * STEP_MS;
    const start = new Date(Math.max(first, Math.ceil(after / STEP_MS) * STEP_MS));
    const slots = freeSlots(start, to, durationMinutes, busy, calendar, limit + 1);
    return pageOfRows(slots, limit, (slot) => [slot.startsAt.toISOString()]);
  }

  private busy(from: Date, to: Date, zoneId: string | null, userIds: string[]): Promise<Occurrence[]> {
    const query = busyQuery(from, to, zoneId, userIds);
    return query ? this.scheduling.busy(query) : Promise.resolve([]);
  }
}
