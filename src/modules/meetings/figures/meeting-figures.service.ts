import { Injectable } from '@nestjs/common';
import { MeetingFiguresRepository, type MeetingMonthFigures } from './meeting-figures.repository';

/**
 * The meetings' figures for the alliance dashboard, from the daily sums (migration
 * MeetingDailyFigures), exact at every moment: what is not yet summed is counted live.
 */
@Injectable()
export class MeetingFigures {
  constructor(private readonly figures: MeetingFiguresRepository) {}

  /** Per month, the meetings held from `from` up to the earlier of `to` and `now`, the organisations invited and those that checked in. */
  held(allianceId: string, period: { from: string; to: string }, now: Date): Promise<MeetingMonthFigures[]> {
    const to = new Date(period.to) < now ? period.to : now;
    return this.figures.months(allianceId, period.from, to);
  }

  /** The scheduled meetings starting at `now` or later. */
  async upcoming(allianceId: string, now: Date): Promise<number> {
    const months = await this.figures.months(allianceId, now, 'infinity');
    return months.reduce((sum, m) => sum + m.held, 0);
  }

  refresh(): Promise<number> {
    return this.figures.refresh();
  }
}
