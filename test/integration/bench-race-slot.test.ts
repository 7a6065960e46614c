import { raceSlot, type Slot } from '../../bench/scenarios/meetings';
import { addWorkingTime, type CalendarOverrides } from '../../src/platform/calendar/working-calendar';
import { freeSlots } from '../../src/modules/meetings/scheduling/free-slots.service';
import type { Occurrence } from '../../src/modules/meetings/scheduling/occurrences';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const HALF_HOUR = 30 * 60_000;
const shanghai = (local: string) => new Date(`${local}+08:00`);

const calendar: CalendarOverrides = {
  timeZone: 'Asia/Shanghai',
  holidays: new Set(['2027-01-01']),
  workdays: new Set(),
};

/** The API's free-slot search (FreeSlotsService.find) over a fixed busy list: the first free hour. */
function search(busy: Occurrence[], calls: [Date, Date][] = []) {
  return async (from: Date, to: Date): Promise<Slot[]> => {
    calls.push([from, to]);
    const start = new Date(
      Math.ceil(addWorkingTime(from, 0, 'working_hours', calendar).getTime() / HALF_HOUR) * HALF_HOUR,
    );
    return freeSlots(start, to, 60, busy, calendar, 1).map((s) => ({
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
    }));
  };
}

/** The room, as the large seed books the demo room, and the people taken every office hour of `days` days. */
function fullyBooked(from: Date, days: number): Occurrence[] {
  const day0 = Date.parse(`${from.toISOString().slice(0, 10)}T00:00:00Z`);
  return Array.from({ length: days + 1 }, (_, d) => ({
    startsAt: new Date(day0 + d * DAY + HOUR), // 09:00 in Shanghai
    endsAt: new Date(day0 + d * DAY + 9.5 * HOUR), // 17:30
  }));
}

/** As the scenario: from the next hour after "now". */
const nextHour = (now: Date) => new Date(Math.ceil((now.getTime() + 1) / HOUR) * HOUR);

describe('the benchmark race slot', () => {
  it.each([
    [
      '31 December, half an hour before a new year that starts with a holiday and a weekend',
      '2026-12-31T23:30:00',
      '2027-01-04T09:00:00',
    ],
    ['a Friday evening', '2026-12-04T18:00:00', '2026-12-07T09:00:00'],
    ['a Friday half an hour before the offices close', '2026-12-04T17:00:00', '2026-12-07T09:00:00'],
    ['28 February of a common year (a Sunday)', '2027-02-28T10:00:00', '2027-03-01T09:00:00'],
    ['28 February of a leap year, late afternoon', '2028-02-28T16:45:00', '2028-02-29T09:00:00'],
    ['29 February, after hours', '2028-02-29T17:00:00', '2028-03-01T09:00:00'],
    ['the last evening of a month (a Friday)', '2027-04-30T20:00:00', '2027-05-03T09:00:00'],
  ])('on %s is the first free working hour', async (_name, now, expected) => {
    const slot = await raceSlot(search([]), nextHour(shanghai(now)));
    expect(slot).toEqual({
      startsAt: shanghai(expected).toISOString(),
      endsAt: new Date(shanghai(expected).getTime() + HOUR).toISOString(),
    });
  });

  it.each([
    ['31 December', '2026-12-31T23:30:00'],
    ['a Friday evening', '2026-12-04T18:00:00'],
    ['28 February', '2027-02-28T10:00:00'],
    ['29 February', '2028-02-29T17:00:00'],
  ])('on %s searches on past a fully booked quarter, and gives the same slot twice', async (_name, now) => {
    const from = nextHour(shanghai(now));
    const busy = fullyBooked(from, 91);
    const calls: [Date, Date][] = [];
    const slot = await raceSlot(search(busy, calls), from);
    const start = new Date(slot.startsAt);
    expect(start.getTime()).toBeGreaterThan(from.getTime() + 91 * DAY);
    expect(start.getTime()).toBeLessThan(from.getTime() + 100 * DAY);
    expect(busy.some((b) => b.startsAt < new Date(slot.endsAt) && b.endsAt > start)).toBe(false);
    // One fortnight after another, each window starting where the one before ended.
    expect(calls.length).toBeGreaterThan(6);
    for (let i = 1; i < calls.length; i++) expect(calls[i][0]).toEqual(calls[i - 1][1]);
    expect(await raceSlot(search(busy), from)).toEqual(slot);
  });

  it('takes the first slot the scenario already found without asking again, and fails plainly when there is none', async () => {
    const calls: [Date, Date][] = [];
    const found = { startsAt: '2026-12-07T01:00:00.000Z', endsAt: '2026-12-07T02:00:00.000Z' };
    expect(await raceSlot(search([], calls), shanghai('2026-12-07T08:00:00'), [found])).toEqual(found);
    expect(calls).toHaveLength(0);
    const from = shanghai('2026-12-07T08:00:00');
    await expect(raceSlot(search(fullyBooked(from, 40)), from, [], 28)).rejects.toThrow(/no free hour/);
  });
});
