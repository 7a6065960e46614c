import { Module } from '@nestjs/common';
import { MemberFiguresModule } from '../alliances/figures/member-figures.module';
import { MeetingFiguresModule } from '../meetings/figures/meeting-figures.module';
import { ExportJobsModule } from '../registry-transfer/export-jobs.module';
import { ServiceStatisticsModule } from '../service-requests/statistics/service-statistics.module';
import { DashboardRepository } from './dashboard.repository';
import { DashboardService } from './dashboard.service';
import { DashboardExportHandler } from './export/dashboard-export.handler';

@Module({
  imports: [ExportJobsModule, ServiceStatisticsModule, MeetingFiguresModule, MemberFiguresModule],
  providers: [DashboardService, DashboardRepository, DashboardExportHandler],
  // The ledger's figures are the dashboard's (modules/ledger).
  exports: [DashboardService],
})
export class DashboardWorkerModule {}
