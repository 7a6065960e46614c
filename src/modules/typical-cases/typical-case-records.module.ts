import { Module } from '@nestjs/common';
import { TypicalCaseRecords } from './typical-case-records.service';
import { TypicalCasesRepository } from './typical-cases.repository';

/** Typical cases, as other features' documents (the alliance's ledger) record them. */
@Module({ providers: [TypicalCaseRecords, TypicalCasesRepository], exports: [TypicalCaseRecords] })
export class TypicalCaseRecordsModule {}
