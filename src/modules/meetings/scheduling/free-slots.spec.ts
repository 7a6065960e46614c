import { isWorkingDay, type CalendarOverrides } from '../../../platform/calendar/working-calendar';
import { freeSlots } from './free-slots.service';
import type { Occurrence } from './occurrences';

const HALF_HOUR = 30 * 60_000;
const PERIODS = [
  [9 * 60, 12 * 60],
  [13 * 60 + 30, 17 * 60 + 30],
];

/** The search as it was: every half-hour tried in turn. */
function everyHalfHour(
  start: Date,
  to: Date,
  minutes: number,
  busy: Occurrence[],
  calendar: CalendarOverrides,
  limit: number,
): Occurrence[] {
  const local = (d: Date) => {
    const p = Object.fromEntries(
      new Intl.DateTimeFormat('en-CA', {
        timeZone: calendar.timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(d)
        .map((x) => [x.type, x.value]),
    );
    return { date: `${p.year}-${p.month}-${p.day}`, minutes: Number(p.hour) * 60 + Number(p.minute) };
  };
  const slots: Occurrence[] = [];
  for (let t = start.getTime(); t + minutes * 60_000 <= to.getTime() && slots.length < limit; t += HALF_HOUR) {
    const [s, e] = [new Date(t), new Date(t + minutes * 60_000)];
    const [a, b] = [local(s), local(e)];
    const open =
      a.date === b.date &&
      isWorkingDay(a.date, new Date(`${a.date}T00:00:00Z`).getUTCDay(), calendar) &&
      PERIODS.some(([o, c]) => a.minutes >= o && b.minutes <= c);
    if (open && !busy.some((x) => x.startsAt < e && x.endsAt > s)) slots.push({ startsAt: s, endsAt: e });
  }
  return slots;
}

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function random(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('freeSlots', () => {
  const shanghai: CalendarOverrides = {
    timeZone: 'Asia/Shanghai',
    holidays: new Set(['2026-10-01', '2026-10-02']),
    workdays: new Set(['2026-10-10']),
  };
  const berlin: CalendarOverrides = { timeZone: 'Europe/Berlin', holidays: new Set(), workdays: new Set() };

  it('finds what trying every half-hour finds, over nights, weekends, holidays, make-up days and a change of daylight saving', () => {
    const next = random(42);
    for (const calendar of [shanghai, berlin]) {
      for (let round = 0; round < 40; round++) {
        const start = new Date(
          Date.UTC(2026, 8, 24 + Math.floor(next() * 30), Math.floor(next() * 24), next() < 0.5 ? 0 : 30),
        );
        const to = new Date(start.getTime() + (3 + Math.floor(next() * 12)) * 86_400_000);
        const busy = Array.from({ length: Math.floor(next() * 60) }, () => {
          const s = start.getTime() + Math.floor((next() * (to.getTime() - start.getTime())) / HALF_HOUR) * HALF_HOUR;
          return { startsAt: new Date(s), endsAt: new Date(s + (1 + Math.floor(next() * 6)) * HALF_HOUR) };
        });
        const minutes = [30, 60, 90, 180, 240][Math.floor(next() * 5)];
        const limit = 1 + Math.floor(next() * 20);
        expect(freeSlots(start, to, minutes, busy, calendar, limit)).toEqual(
          everyHalfHour(start, to, minutes, busy, calendar, limit),
        );
      }
    }
  });

  it('skips the National Day holidays and takes the make-up Saturday', () => {
    const days = (from: string, to: string) => [
      ...new Set(
        freeSlots(new Date(from), new Date(to), 60, [], shanghai, 20).map((s) =>
          new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(s.startsAt),
        ),
      ),
    ];
    expect(days('2026-09-30T09:30:00Z', '2026-10-12T00:00:00Z')).toEqual(['2026-10-05', '2026-10-06']);
    expect(days('2026-10-09T09:30:00Z', '2026-10-14T00:00:00Z')).toEqual(['2026-10-10', '2026-10-12']);
  });
});
