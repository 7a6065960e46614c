import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { JobDispatcher } from '../../platform/queue/job-dispatcher';
import { THINK_TANK_QUEUE, ThinkTankJob } from './think-tank.jobs';
import { workerOptions } from '../../platform/queue/worker-options';
import { AssignmentsRepository } from './reviews/assignments.repository';
import { ReviewRemindersHandler } from './reviews/review-reminders.handler';

@Processor(THINK_TANK_QUEUE, workerOptions(2))
export class ThinkTankProcessor extends WorkerHost {
  constructor(private readonly dispatcher: JobDispatcher) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return this.dispatcher.dispatch(job);
  }
}

/** Looks for reminders to send every 15 minutes (one schedule per queue, however many workers). */
@Injectable()
export class ThinkTankSchedule implements OnApplicationBootstrap {
  constructor(@InjectQueue(THINK_TANK_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      ThinkTankJob.SendReviewReminders,
      { every: 15 * 60_000 },
      { name: ThinkTankJob.SendReviewReminders, data: {} },
    );
  }
}

@Module({ providers: [ThinkTankProcessor, AssignmentsRepository, ReviewRemindersHandler, ThinkTankSchedule] })
export class ThinkTankWorkerModule {}
