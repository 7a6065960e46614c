import { Module } from '@nestjs/common';
import { ExportJobsModule } from '../registry-transfer/export-jobs.module';
import { ServiceStatisticsModule } from '../service-requests/statistics/service-statistics.module';
import { DashboardRepository } from './dashboard.repository';
import { DashboardService } from './dashboard.service';
import { DashboardExportHandler } from './export/dashboard-export.handler';

@Module({
  imports: [ExportJobsModule, ServiceStatisticsModule],
  providers: [DashboardService, DashboardRepository, DashboardExportHandler],
})
export class DashboardWorkerModule {}
