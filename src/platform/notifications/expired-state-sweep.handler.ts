import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HandlesJob, JobHandler } from '../queue/handles-job.decorator';
import { NotificationJob } from './notifications.jobs';

/** Every minute: deletes the throttling counters and stream tickets that expired (PostgreSQL's TTL). */
@Injectable()
@HandlesJob(NotificationJob.SweepExpiredState)
export class ExpiredStateSweepHandler implements JobHandler<NotificationJob.SweepExpiredState> {
  private readonly logger = new Logger(ExpiredStateSweepHandler.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async handle(): Promise<{ counters: number; tickets: number }> {
    const [swept] = await this.dataSource.query<{ counters: number; tickets: number }[]>(
      'SELECT counters, tickets FROM sweep_expired_state()',
    );
    if (swept.counters + swept.tickets > 0) this.logger.debug(swept, 'Expired short-lived state deleted');
    return swept;
  }
}
