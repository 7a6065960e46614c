import { Module } from '@nestjs/common';
import { ExportJobsModule } from '../registry-transfer/export-jobs.module';
import { AttachmentsService } from './attachments.service';
import { CatalogueController } from './catalogue.controller';
import { CatalogueService } from './catalogue.service';
import { RequestAnnouncer } from './lifecycle/request-announcer.service';
import { RequestSteps } from './lifecycle/request-steps.service';
import { ServiceRequestActions } from './lifecycle/service-request-actions.service';
import { RouteRequest } from './routing/route-request';
import { RequestRouter } from './routing/router.service';
import { ServiceRequestsController } from './service-requests.controller';
import { ServiceRequestsRepository } from './service-requests.repository';
import { ServiceRequestsService } from './service-requests.service';
import { ServingController } from './serving/serving.controller';
import { ServingRepository } from './serving/serving.repository';
import { ServiceStatistics } from './statistics/service-statistics.service';
import { StatisticsExports } from './statistics/statistics-exports.service';
import { SlaEvaluator } from './sla/sla-evaluator.service';
import { SlaPlanner } from './sla/sla-planner.service';

/** The pieces both processes use. */
export const SERVICE_REQUEST_CORE = [
  RequestAnnouncer,
  ServiceRequestsRepository,
  ServiceRequestsService,
  RequestSteps,
  ServiceRequestActions,
  RouteRequest,
  RequestRouter,
  SlaEvaluator,
  SlaPlanner,
  ServiceStatistics,
];

@Module({
  imports: [ExportJobsModule],
  controllers: [ServingController, ServiceRequestsController, CatalogueController],
  providers: [...SERVICE_REQUEST_CORE, CatalogueService, StatisticsExports, AttachmentsService, ServingRepository],
  /** Statistics for the dashboard; the service for features that file requests, e.g. pairing visits. */
  exports: [ServiceStatistics, ServiceRequestsService],
})
export class ServiceRequestsModule {}
