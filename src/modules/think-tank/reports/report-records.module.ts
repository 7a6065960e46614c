import { Module } from '@nestjs/common';
import { ReportRecords } from './report-records.service';
import { ReportsRepository } from './reports.repository';

/** The think tank's reports, as other features' documents (the alliance's ledger) record them. */
@Module({ providers: [ReportRecords, ReportsRepository], exports: [ReportRecords] })
export class ReportRecordsModule {}
