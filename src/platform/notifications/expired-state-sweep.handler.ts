import { Injectable, Logger } from '@nestjs/common';
import { HandlesJob, JobHandler } from '../queue/handles-job.decorator';
import { NotificationJob } from './notifications.jobs';
import { NotificationsRepository } from './notifications.repository';

/** Every minute: deletes the throttling counters and stream tickets that expired (PostgreSQL's TTL). */
@Injectable()
@HandlesJob(NotificationJob.SweepExpiredState)
export class ExpiredStateSweepHandler implements JobHandler<NotificationJob.SweepExpiredState> {
  private readonly logger = new Logger(ExpiredStateSweepHandler.name);

  constructor(private readonly notifications: NotificationsRepository) {}

  async handle(): Promise<{ counters: number; tickets: number }> {
    const swept = await this.notifications.sweepExpiredState();
    if (swept.counters + swept.tickets > 0) this.logger.debug(swept, 'Expired short-lived state deleted');
    return swept;
  }
}
