import { Module } from '@nestjs/common';
import { ExportJobsModule } from '../registry-transfer/export-jobs.module';
import { AttachmentsRepository } from './attachments.repository';
import { AttachmentsService } from './attachments.service';
import { CatalogueController } from './catalogue.controller';
import { CatalogueRepository } from './catalogue.repository';
import { CatalogueService } from './catalogue.service';
import { FollowUpsRepository } from './lifecycle/follow-ups.repository';
import { RequestAnnouncer } from './lifecycle/request-announcer.service';
import { RequestSteps } from './lifecycle/request-steps.service';
import { ServiceRequestActions } from './lifecycle/service-request-actions.service';
import { RouteRequest } from './routing/route-request';
import { RequestRouter } from './routing/router.service';
import { RoutingRepository } from './routing/routing.repository';
import { ServiceRequestsController } from './service-requests.controller';
import { ServiceRequestsRepository } from './service-requests.repository';
import { ServiceRequestViewsRepository } from './service-request-views.repository';
import { ServiceRequestsService } from './service-requests.service';
import { ServingController } from './serving/serving.controller';
import { ServingRepository } from './serving/serving.repository';
import { ServiceStatisticsModule } from './statistics/service-statistics.module';
import { StatisticsExports } from './statistics/statistics-exports.service';
import { SlaEvaluator } from './sla/sla-evaluator.service';
import { SlaPlanner } from './sla/sla-planner.service';
import { SlaRepository } from './sla/sla.repository';
import { PeopleDirectoryModule } from '../users/people-directory.module';
import { OrganizationDirectoryModule } from '../organizations/organization-directory.module';
import { IntakeRoutingModule } from '../intake/intake-routing.module';

/** The pieces both processes use. */
export const SERVICE_REQUEST_CORE = [
  RequestAnnouncer,
  ServiceRequestsRepository,
  ServiceRequestViewsRepository,
  ServiceRequestsService,
  RequestSteps,
  ServiceRequestActions,
  RouteRequest,
  RequestRouter,
  SlaEvaluator,
  SlaPlanner,
  SlaRepository,
  RoutingRepository,
  AttachmentsRepository,
  FollowUpsRepository,
];

@Module({
  imports: [
    PeopleDirectoryModule,
    OrganizationDirectoryModule,
    ExportJobsModule,
    ServiceStatisticsModule,
    IntakeRoutingModule,
  ],
  controllers: [ServingController, ServiceRequestsController, CatalogueController],
  providers: [
    ...SERVICE_REQUEST_CORE,
    CatalogueService,
    CatalogueRepository,
    StatisticsExports,
    AttachmentsService,
    ServingRepository,
  ],
  /** Statistics for the dashboard; the service for features that file requests, e.g. pairing visits. */
  exports: [ServiceStatisticsModule, ServiceRequestsService],
})
export class ServiceRequestsModule {}
