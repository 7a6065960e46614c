import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Queue } from 'bullmq';
import type { Environment } from '../../config/environment';
import { JobSchedulerKeeper, type ScheduleSpec } from '../../queue/job-schedulers';
import { BACKUPS_QUEUE, BackupJob } from '../backup.jobs';

export const BACKUP_TIME_ZONE = 'Asia/Shanghai';
const CHECK_EVERY_MS = 3600_000;

/**
 * The backup on BACKUP_SCHEDULE (a cron in Shanghai time) when BACKUP_KEY is set, and the hourly
 * check: BullMQ job schedulers, one per queue however many workers declare them, so each tick
 * makes one job (and the run's unique tick in backup_runs holds even if it made two). A schedule
 * turned off, or a key removed, removes the backup's scheduler.
 */
@Injectable()
export class BackupSchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BackupSchedules.name);
  private keeper?: JobSchedulerKeeper;

  constructor(
    @InjectQueue(BACKUPS_QUEUE) private readonly queue: Queue,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const schedule = this.config.get('BACKUP_SCHEDULE', { infer: true });
    const enabled = Boolean(this.config.get('BACKUP_KEY', { infer: true })) && schedule !== 'off';
    const specs: ScheduleSpec[] = [{ name: BackupJob.CheckBackups, every: CHECK_EVERY_MS }];
    if (enabled) specs.push({ name: BackupJob.TakeBackup, pattern: schedule, tz: BACKUP_TIME_ZONE });
    else if (await this.queue.removeJobScheduler(BackupJob.TakeBackup)) this.logger.log('Scheduled backups turned off');
    this.keeper = new JobSchedulerKeeper(this.queue, specs);
    await this.keeper.start();
  }

  onApplicationShutdown(): void {
    this.keeper?.stop();
  }
}
