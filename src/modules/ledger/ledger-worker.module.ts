import { Module } from '@nestjs/common';
import { AlliancesModule } from '../alliances/alliances.module';
import { DashboardWorkerModule } from '../dashboard/dashboard-worker.module';
import { MeetingRecordsModule } from '../meetings/records/meeting-records.module';
import { ExportJobsModule } from '../registry-transfer/export-jobs.module';
import { ServiceStatisticsModule } from '../service-requests/statistics/service-statistics.module';
import { IndicatorRecordsModule } from '../indicators/indicator-records.module';
import { PairingRecordsModule } from '../pairing/pairing-records.module';
import { StudyRouteRecordsModule } from '../study-route/study-route-records.module';
import { ReportRecordsModule } from '../think-tank/reports/report-records.module';
import { TypicalCaseRecordsModule } from '../typical-cases/typical-case-records.module';
import { VenueRecordsModule } from '../venues/venue-records.module';
import { LedgerHandler } from './export/ledger.handler';
import { LedgerContentsService } from './ledger-contents.service';
import { LedgerRepository } from './ledger.repository';

/** The alliance's ledger (工作台账): the worker side, which builds the files. */
@Module({
  imports: [
    AlliancesModule,
    DashboardWorkerModule,
    MeetingRecordsModule,
    ExportJobsModule,
    ServiceStatisticsModule,
    ReportRecordsModule,
    VenueRecordsModule,
    StudyRouteRecordsModule,
    PairingRecordsModule,
    TypicalCaseRecordsModule,
    IndicatorRecordsModule,
  ],
  providers: [LedgerHandler, LedgerContentsService, LedgerRepository],
})
export class LedgerWorkerModule {}
