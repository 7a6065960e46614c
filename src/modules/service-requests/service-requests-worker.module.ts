import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { workerOptions } from '../../platform/queue/worker-options';
import { JobDispatcher } from '../../platform/queue/job-dispatcher';
import { JobName, QueueName } from '../../platform/queue/queue.constants';
import { RouteRequestHandler } from './jobs/route-request.handler';
import { StatisticsExportHandler } from './jobs/statistics-export.handler';
import { TransferJobsRepository } from '../registry-transfer/transfer-jobs.repository';
import { AutoCloseHandler, CheckSlaHandler, ScheduleSlaTimerHandler, SweepSlaHandler } from './jobs/sla-jobs.handler';
import { SERVICE_REQUEST_CORE } from './service-requests.module';

@Processor(QueueName.ServiceRequests, workerOptions(5))
export class ServiceRequestsProcessor extends WorkerHost {
  constructor(private readonly dispatcher: JobDispatcher) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return this.dispatcher.dispatch(job);
  }
}

/** The SLA sweep every minute and the auto-close every ten: one schedule per queue, however many workers. */
@Injectable()
export class ServiceRequestSchedules implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.ServiceRequests) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(JobName.SweepSla, { every: 60_000 }, { name: JobName.SweepSla, data: {} });
    await this.queue.upsertJobScheduler(JobName.AutoCloseResolved, { every: 10 * 60_000 }, { name: JobName.AutoCloseResolved, data: {} });
  }
}

@Module({
  providers: [
    ...SERVICE_REQUEST_CORE,
    ServiceRequestsProcessor,
    ServiceRequestSchedules,
    RouteRequestHandler,
    ScheduleSlaTimerHandler,
    CheckSlaHandler,
    SweepSlaHandler,
    AutoCloseHandler,
    StatisticsExportHandler,
    TransferJobsRepository,
  ],
})
export class ServiceRequestsWorkerModule {}
