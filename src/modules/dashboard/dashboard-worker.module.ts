import { Module } from '@nestjs/common';
import { ExportJobsModule } from '../registry-transfer/export-jobs.module';
import { ServiceStatistics } from '../service-requests/statistics/service-statistics.service';
import { DashboardService } from './dashboard.service';
import { DashboardExportHandler } from './export/dashboard-export.handler';

@Module({
  imports: [ExportJobsModule],
  providers: [DashboardService, ServiceStatistics, DashboardExportHandler],
})
export class DashboardWorkerModule {}
