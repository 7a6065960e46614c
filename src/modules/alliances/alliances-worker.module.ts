import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { JobDispatcher } from '../../platform/queue/job-dispatcher';
import { JobSchedulerKeeper } from '../../platform/queue/job-schedulers';
import { workerOptions } from '../../platform/queue/worker-options';
import { ALLIANCES_QUEUE, AllianceJob } from './alliances.jobs';
import { MemberFiguresModule } from './figures/member-figures.module';
import { MemberFiguresHandler } from './jobs/member-figures.handler';

@Processor(ALLIANCES_QUEUE, workerOptions(1))
export class AlliancesProcessor extends WorkerHost {
  constructor(private readonly dispatcher: JobDispatcher) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return this.dispatcher.dispatch(job);
  }
}

/** The member figures' sums every 15 s, as the meeting figures': one schedule, however many workers. */
@Injectable()
export class AllianceSchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly keeper: JobSchedulerKeeper;

  constructor(@InjectQueue(ALLIANCES_QUEUE) queue: Queue) {
    this.keeper = new JobSchedulerKeeper(queue, [{ name: AllianceJob.RefreshMemberFigures, every: 15_000 }]);
  }

  onApplicationBootstrap(): Promise<void> {
    return this.keeper.start();
  }

  onApplicationShutdown(): void {
    this.keeper.stop();
  }
}

@Module({
  imports: [MemberFiguresModule],
  providers: [AlliancesProcessor, AllianceSchedules, MemberFiguresHandler],
})
export class AlliancesWorkerModule {}
