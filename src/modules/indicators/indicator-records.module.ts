import { Module } from '@nestjs/common';
import { IndicatorRecords } from './indicator-records.service';
import { IndicatorsRepository } from './indicators.repository';

/** The enterprise indicators, as other features' documents (the alliance's ledger) record them. */
@Module({ providers: [IndicatorRecords, IndicatorsRepository], exports: [IndicatorRecords] })
export class IndicatorRecordsModule {}
