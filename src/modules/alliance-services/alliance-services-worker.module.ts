import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { JobDispatcher } from '../../platform/queue/job-dispatcher';
import { ProjectCallJob } from '../project-calls/project-calls.jobs';
import { IndicatorJob } from '../indicators/indicators.jobs';
import { workerOptions } from '../../platform/queue/worker-options';
import { IndicatorsWorkerModule } from '../indicators/indicators.module';
import { ProjectCallsWorkerModule } from '../project-calls/project-calls.module';

/** The queue of the alliance's services: project-call deadlines and indicator rounds (see their jobs files). */
export const ALLIANCE_SERVICES_QUEUE = 'alliance-services';

@Processor(ALLIANCE_SERVICES_QUEUE, workerOptions(2))
export class AllianceServicesProcessor extends WorkerHost {
  constructor(private readonly dispatcher: JobDispatcher) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return this.dispatcher.dispatch(job);
  }
}

/** Looks for reminders due every hour (one schedule per queue, however many workers). */
@Injectable()
export class AllianceServicesSchedule implements OnApplicationBootstrap {
  constructor(@InjectQueue(ALLIANCE_SERVICES_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const name of [ProjectCallJob.RemindProjectDeadlines, IndicatorJob.RemindIndicatorRounds]) {
      await this.queue.upsertJobScheduler(name, { every: 3600_000 }, { name, data: {} });
    }
  }
}

@Module({
  imports: [ProjectCallsWorkerModule, IndicatorsWorkerModule],
  providers: [AllianceServicesProcessor, AllianceServicesSchedule],
})
export class AllianceServicesWorkerModule {}
