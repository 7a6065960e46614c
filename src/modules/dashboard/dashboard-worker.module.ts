import { Module } from '@nestjs/common';
import { TransferJobsRepository } from '../registry-transfer/transfer-jobs.repository';
import { ServiceStatistics } from '../service-requests/statistics/service-statistics.service';
import { DashboardService } from './dashboard.service';
import { DashboardExportHandler } from './export/dashboard-export.handler';

@Module({ providers: [DashboardService, ServiceStatistics, TransferJobsRepository, DashboardExportHandler] })
export class DashboardWorkerModule {}
