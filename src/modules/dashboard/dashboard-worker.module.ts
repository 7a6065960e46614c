import { Module } from '@nestjs/common';
import { ExportJobsModule } from '../registry-transfer/export-jobs.module';
import { ServiceStatistics } from '../service-requests/statistics/service-statistics.service';
import { DashboardRepository } from './dashboard.repository';
import { DashboardService } from './dashboard.service';
import { DashboardExportHandler } from './export/dashboard-export.handler';

@Module({
  imports: [ExportJobsModule],
  providers: [DashboardService, DashboardRepository, ServiceStatistics, DashboardExportHandler],
})
export class DashboardWorkerModule {}
