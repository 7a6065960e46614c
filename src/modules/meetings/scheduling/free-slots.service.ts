import { Injectable } from '@nestjs/common';
import { CalendarService } from '../../../platform/calendar/calendar.service';
import { addWorkingTime, isWorkingDay } from '../../../platform/calendar/working-calendar';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import type { Occurrence } from './occurrences';
import { dateTimeFormat } from '../../../platform/clock/date-format';

const STEP_MS = 30 * 60_000;
const OFFICE_PERIODS = [
  [9 * 60, 12 * 60],
  [13 * 60 + 30, 17 * 60 + 30],
];

/** The earliest times, in office hours on working days, when the room and every person are free. */
@Injectable()
export class FreeSlotsService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly calendars: CalendarService,
  ) {}

  async find(from: Date, to: Date, durationMinutes: number, zoneId: string | null, userIds: string[], limit: number): Promise<Occurrence[]> {
    const busy = await this.busy(from, to, zoneId, userIds);
    const calendar = await this.calendars.forTenant();
    const slots: Occurrence[] = [];
    const duration = durationMinutes * 60_000;
    // Start at the first working minute at or after `from`, on a half-hour.
    let cursor = new Date(Math.ceil(addWorkingTime(from, 0, 'working_hours', calendar).getTime() / STEP_MS) * STEP_MS);
    while (cursor.getTime() + duration <= to.getTime() && slots.length < limit) {
      const end = new Date(cursor.getTime() + duration);
      if (this.inOfficeHours(cursor, end, calendar) && !busy.some((b) => b.startsAt < end && b.endsAt > cursor)) {
        slots.push({ startsAt: cursor, endsAt: end });
      }
      cursor = new Date(cursor.getTime() + STEP_MS);
    }
    return slots;
  }

  private inOfficeHours(start: Date, end: Date, calendar: Awaited<ReturnType<CalendarService['forTenant']>>): boolean {
    const parts = (d: Date) => {
      const p = Object.fromEntries(
        dateTimeFormat('en-CA', { timeZone: calendar.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
          .formatToParts(d)
          .map((x) => [x.type, x.value]),
      );
      return { date: `${p.year}-${p.month}-${p.day}`, minutes: Number(p.hour) * 60 + Number(p.minute) };
    };
    const a = parts(start);
    const b = parts(end);
    if (a.date !== b.date || !isWorkingDay(a.date, new Date(`${a.date}T00:00:00Z`).getUTCDay(), calendar)) return false;
    return OFFICE_PERIODS.some(([open, close]) => a.minutes >= open && b.minutes <= close);
  }

  private async busy(from: Date, to: Date, zoneId: string | null, userIds: string[]): Promise<Occurrence[]> {
    const rows = await this.tenant.manager.query<{ starts_at: Date; ends_at: Date }[]>(
      `SELECT m.starts_at, m.ends_at FROM meetings m
        WHERE m.status = 'scheduled' AND m.starts_at < $2 AND m.ends_at > $1
          AND (m.zone_id = $3 OR EXISTS (SELECT 1 FROM meeting_participants p WHERE p.meeting_id = m.id AND p.attendee_id = ANY($4::uuid[]) AND p.response <> 'declined'))`,
      [from, to, zoneId, userIds],
    );
    return rows.map((r) => ({ startsAt: r.starts_at, endsAt: r.ends_at }));
  }
}
