import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { JobSchedulerKeeper } from '../../platform/queue/job-schedulers';
import { workerOptions } from '../../platform/queue/worker-options';
import { JobDispatcher } from '../../platform/queue/job-dispatcher';
import { SERVICE_REQUESTS_QUEUE, ServiceRequestJob } from './service-requests.jobs';
import { RouteRequestHandler } from './jobs/route-request.handler';
import { RoutingReconciler } from './routing/routing-reconciler.service';
import { DailyFiguresHandler } from './jobs/daily-figures.handler';
import { StatisticsExportHandler } from './jobs/statistics-export.handler';
import { ExportJobsModule } from '../registry-transfer/export-jobs.module';
import { AutoCloseHandler, CheckSlaHandler, SweepSlaHandler } from './jobs/sla-jobs.handler';
import { SERVICE_REQUEST_CORE } from './service-requests.module';
import { ServiceStatisticsModule } from './statistics/service-statistics.module';
import { PeopleDirectoryModule } from '../users/people-directory.module';
import { OrganizationDirectoryModule } from '../organizations/organization-directory.module';
import { IntakeRoutingModule } from '../intake/intake-routing.module';

/** Routing and SLA jobs wait on the database far more than they compute: ten share a worker well. */
export const SERVICE_REQUESTS_CONCURRENCY = 10;

@Processor(SERVICE_REQUESTS_QUEUE, workerOptions(SERVICE_REQUESTS_CONCURRENCY))
export class ServiceRequestsProcessor extends WorkerHost {
  constructor(private readonly dispatcher: JobDispatcher) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return this.dispatcher.dispatch(job);
  }
}

/**
 * The SLA sweep every minute, the auto-close every ten and the statistics' sums every 15 s: one schedule per queue, however many
 * workers, recreated if Redis loses it (the sweep is what catches lost SLA timers).
 */
@Injectable()
export class ServiceRequestSchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly keeper: JobSchedulerKeeper;

  constructor(@InjectQueue(SERVICE_REQUESTS_QUEUE) queue: Queue) {
    this.keeper = new JobSchedulerKeeper(queue, [
      { name: ServiceRequestJob.SweepSla, every: 60_000 },
      { name: ServiceRequestJob.AutoCloseResolved, every: 10 * 60_000 },
      { name: ServiceRequestJob.RefreshServiceStatistics, every: 15_000 },
    ]);
  }

  onApplicationBootstrap(): Promise<void> {
    return this.keeper.start();
  }

  onApplicationShutdown(): void {
    this.keeper.stop();
  }
}

@Module({
  imports: [
    PeopleDirectoryModule,
    OrganizationDirectoryModule,
    ExportJobsModule,
    ServiceStatisticsModule,
    IntakeRoutingModule,
  ],
  providers: [
    ...SERVICE_REQUEST_CORE,
    ServiceRequestsProcessor,
    ServiceRequestSchedules,
    RouteRequestHandler,
    RoutingReconciler,
    CheckSlaHandler,
    SweepSlaHandler,
    AutoCloseHandler,
    StatisticsExportHandler,
    DailyFiguresHandler,
  ],
})
export class ServiceRequestsWorkerModule {}
