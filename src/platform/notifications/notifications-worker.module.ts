import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { ExpiredStateSweepHandler } from './expired-state-sweep.handler';
import { workerOptions } from '../queue/worker-options';
import { JobDispatcher } from '../queue/job-dispatcher';
import { NOTIFICATIONS_QUEUE, NotificationJob } from './notifications.jobs';
import { NotificationDeliveryHandler } from './notification-delivery.handler';
import { NotificationDigestHandler } from './notification-digest.handler';
import { NotifierModule } from './notifications.module';

const DIGEST_EVERY_MS = 5 * 60_000;
const SWEEP_EVERY_MS = 60_000;

@Processor(NOTIFICATIONS_QUEUE, workerOptions(5))
export class NotificationsProcessor extends WorkerHost {
  constructor(private readonly dispatcher: JobDispatcher) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return this.dispatcher.dispatch(job);
  }
}

/**
 * Keeps the digest and the sweep of expired short-lived state on their schedules (BullMQ job
 * schedulers: one per queue, whatever the worker count).
 */
@Injectable()
export class NotificationSchedules implements OnApplicationBootstrap {
  constructor(@InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      NotificationJob.SendDigests,
      { every: DIGEST_EVERY_MS },
      { name: NotificationJob.SendDigests, data: {} },
    );
    await this.queue.upsertJobScheduler(
      NotificationJob.SweepExpiredState,
      { every: SWEEP_EVERY_MS },
      { name: NotificationJob.SweepExpiredState, data: {} },
    );
  }
}

@Module({
  imports: [NotifierModule],
  providers: [
    NotificationsProcessor,
    NotificationDeliveryHandler,
    NotificationDigestHandler,
    NotificationSchedules,
    ExpiredStateSweepHandler,
  ],
})
export class NotificationsWorkerModule {}
