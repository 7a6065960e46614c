import { Module } from '@nestjs/common';
import { StudyRouteRecords } from './study-route-records.service';
import { StudyRouteRepository } from './study-route.repository';

/** Study-route visits, as other features' documents (the alliance's ledger) record them. */
@Module({ providers: [StudyRouteRecords, StudyRouteRepository], exports: [StudyRouteRecords] })
export class StudyRouteRecordsModule {}
