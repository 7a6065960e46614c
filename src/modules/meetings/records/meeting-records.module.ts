import { Module } from '@nestjs/common';
import { MeetingRecordsRepository } from './meeting-records.repository';
import { MeetingRecords } from './meeting-records.service';

/** The meetings held, as other features' documents (the alliance's ledger) record them. */
@Module({
  providers: [MeetingRecords, MeetingRecordsRepository],
  exports: [MeetingRecords],
})
export class MeetingRecordsModule {}
