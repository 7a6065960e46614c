import { Injectable } from '@nestjs/common';
import type { MeetingRecord } from './meeting-record.view';
import { MeetingRecordsRepository } from './meeting-records.repository';

/** The meetings an alliance held, each with its attendance, topics, decisions and approved minutes. */
@Injectable()
export class MeetingRecords {
  constructor(private readonly records: MeetingRecordsRepository) {}

  /**
   * The meetings held from `from` up to the earlier of `to` and `now`, as the dashboard counts them
   * (MeetingFigures.held): a meeting still to come is not in a ledger.
   */
  held(allianceId: string, period: { from: string; to: string }, now: Date): Promise<MeetingRecord[]> {
    const to = new Date(period.to) < now ? period.to : now;
    return this.records.held(allianceId, period.from, to);
  }
}
