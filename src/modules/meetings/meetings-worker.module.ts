import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobDispatcher } from '../../platform/queue/job-dispatcher';
import { MEETINGS_QUEUE } from './meetings.jobs';
import { workerOptions } from '../../platform/queue/worker-options';
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

@Module({
  providers: [MeetingsProcessor, SyncMeetingRemindersHandler, SendMeetingReminderHandler, MeetingRemindersRepository],
})
export class MeetingsWorkerModule {}
