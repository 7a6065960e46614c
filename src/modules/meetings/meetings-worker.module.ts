import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { JobDispatcher } from '../../platform/queue/job-dispatcher';
import { JobSchedulerKeeper } from '../../platform/queue/job-schedulers';
import { MEETINGS_QUEUE, MeetingJob } from './meetings.jobs';
import { workerOptions } from '../../platform/queue/worker-options';
import { MeetingFiguresModule } from './figures/meeting-figures.module';
import { MeetingFiguresHandler } from './jobs/meeting-figures.handler';
import { SendMeetingReminderHandler, SyncMeetingRemindersHandler } from './jobs/meeting-reminders.handler';
import { MeetingRemindersRepository } from './jobs/meeting-reminders.repository';

@Processor(MEETINGS_QUEUE, workerOptions(5))
export class MeetingsProcessor extends WorkerHost {
  constructor(private readonly dispatcher: JobDispatcher) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return this.dispatcher.dispatch(job);
  }
}

/** The meeting figures' sums every 15 s: one schedule, however many workers. */
@Injectable()
export class MeetingSchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly keeper: JobSchedulerKeeper;

  constructor(@InjectQueue(MEETINGS_QUEUE) queue: Queue) {
    this.keeper = new JobSchedulerKeeper(queue, [{ name: MeetingJob.RefreshMeetingFigures, every: 15_000 }]);
  }

  onApplicationBootstrap(): Promise<void> {
    return this.keeper.start();
  }

  onApplicationShutdown(): void {
    this.keeper.stop();
  }
}

@Module({
  imports: [MeetingFiguresModule],
  providers: [
    MeetingsProcessor,
    MeetingSchedules,
    SyncMeetingRemindersHandler,
    SendMeetingReminderHandler,
    MeetingRemindersRepository,
    MeetingFiguresHandler,
  ],
})
export class MeetingsWorkerModule {}
