import { Module } from '@nestjs/common';
import { MemberFiguresModule } from '../alliances/figures/member-figures.module';
import { MeetingFiguresModule } from '../meetings/figures/meeting-figures.module';
import { ExportJobsModule } from '../registry-transfer/export-jobs.module';
import { ServiceRequestsModule } from '../service-requests/service-requests.module';
import { DashboardExports } from './dashboard-exports.service';
import { DashboardController } from './dashboard.controller';
import { DashboardRepository } from './dashboard.repository';
import { DashboardService } from './dashboard.service';

/** The alliance dashboard (联盟驾驶舱). */
@Module({
  imports: [ServiceRequestsModule, ExportJobsModule, MeetingFiguresModule, MemberFiguresModule],
  controllers: [DashboardController],
  providers: [DashboardService, DashboardRepository, DashboardExports],
})
export class DashboardModule {}
