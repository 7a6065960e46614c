import { localDate } from '../../src/platform/clock/local-date';

const DAY_MS = 86_400_000;

/**
 * Every date of the demo, counted from the "today" it is seeded on, so the demo seeded on any day
 * (31 December, 29 February, a holiday) reads the same: requests days old, bookings days ahead.
 */
export class DemoDates {
  /** Today in the township (Asia/Shanghai), YYYY-MM-DD. */
  readonly today: string;
  readonly year: number;

  constructor(readonly now: Date) {
    this.today = localDate(now);
    this.year = Number(this.today.slice(0, 4));
  }

  /** The township's date `days` from today (negative: before). */
  day(days: number): string {
    return new Date(Date.parse(`${this.today}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
  }

  /** The `n`th Monday-to-Friday date after today (n ≥ 1): the demo's bookings fall on open days. */
  weekday(n: number): string {
    let date = this.today;
    for (let seen = 0; seen < n;) {
      date = new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
      const day = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (day !== 0 && day !== 6) seen++;
    }
    return date;
  }

  /** The latest date on or before today that falls on this month and day ('06-28'). */
  lastOn(monthDay: string): string {
    const thisYear = `${this.year}-${monthDay}`;
    return thisYear <= this.today ? thisYear : `${this.year - 1}-${monthDay}`;
  }
}
