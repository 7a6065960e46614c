import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { JobDispatcher } from '../../platform/queue/job-dispatcher';
import { JobSchedulerKeeper } from '../../platform/queue/job-schedulers';
import { workerOptions } from '../../platform/queue/worker-options';
import { INTAKE_QUEUE, IntakeJob } from './intake.jobs';
import { IntakeRepository } from './intake.repository';
import { IntakeTrainingQueue } from './intake-training-queue.service';
import { IndexResolvedHandler } from './jobs/index-resolved.handler';
import { SimilarRequests } from './similar-requests.service';
import { SimilarRequestsRepository } from './similar-requests.repository';
import { TrainAllHandler } from './jobs/train-all.handler';
import { IntakeTextModule } from './intake-text.module';
import { TrainModelHandler } from './jobs/train-model.handler';

/** Training is CPU work: one at a time per worker, so routing and SLA jobs keep their share. */
@Processor(INTAKE_QUEUE, workerOptions(1))
export class IntakeProcessor extends WorkerHost {
  constructor(private readonly dispatcher: JobDispatcher) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return this.dispatcher.dispatch(job);
  }
}

/** Every township's model retrains at 02:30 Shanghai time, when nobody submits. */
@Injectable()
export class IntakeSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly keeper: JobSchedulerKeeper;

  constructor(@InjectQueue(INTAKE_QUEUE) queue: Queue) {
    this.keeper = new JobSchedulerKeeper(queue, [
      { name: IntakeJob.TrainIntakeModels, pattern: '30 2 * * *', tz: 'Asia/Shanghai' },
      { name: IntakeJob.IndexResolvedRequests, pattern: '* * * * *', tz: 'Asia/Shanghai' },
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
  imports: [IntakeTextModule],
  providers: [
    IndexResolvedHandler,
    SimilarRequests,
    SimilarRequestsRepository,
    IntakeProcessor,
    IntakeSchedule,
    IntakeRepository,
    IntakeTrainingQueue,
    TrainModelHandler,
    TrainAllHandler,
  ],
})
export class IntakeWorkerModule {}
