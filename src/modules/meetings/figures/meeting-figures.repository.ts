import { Injectable } from '@nestjs/common';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { MEETING_MONTHS_SQL, REFRESH_MEETING_FIGURES_SQL, REFRESH_MEETING_LOCK_SQL } from './meeting-figures.sql';

/** A month's scheduled meetings, the organisations invited to them and those that checked in. */
export interface MeetingMonthFigures {
  month: string;
  held: number;
  invited: number;
  attended: number;
}

@Injectable()
export class MeetingFiguresRepository {
  constructor(private readonly tenant: TenantContext) {}

  /** The figures per month of the alliance's scheduled meetings starting in [from, to); `to` may be 'infinity'. */
  months(allianceId: string, from: Date | string, to: Date | string): Promise<MeetingMonthFigures[]> {
    return this.tenant.manager.query<MeetingMonthFigures[]>(MEETING_MONTHS_SQL, [allianceId, from, to]);
  }

  /** Folds the township's changed days into the daily sums, one refresh at a time; how many days it folded. */
  async refresh(): Promise<number> {
    await this.tenant.manager.query(REFRESH_MEETING_LOCK_SQL);
    const [{ days }] = await this.tenant.manager.query<{ days: number }[]>(REFRESH_MEETING_FIGURES_SQL);
    return days;
  }
}
