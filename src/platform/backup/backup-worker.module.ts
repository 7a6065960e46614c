import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobDispatcher } from '../queue/job-dispatcher';
import { BACKUPS_QUEUE } from './backup.jobs';
import { workerOptions } from '../queue/worker-options';
import { BackupAlerts } from './operations/backup-alerts.service';
import { CheckBackupsHandler, TakeBackupHandler } from './operations/backup-jobs.handler';
import { BackupOperations } from './operations/backup-operations.service';
import { BackupRunsRepository } from './operations/backup-runs.repository';
import { BackupSchedules } from './operations/backup-schedules';

/** One backup at a time per worker: it reads the whole database and store. */
@Processor(BACKUPS_QUEUE, workerOptions(1))
export class BackupsProcessor extends WorkerHost {
  constructor(private readonly dispatcher: JobDispatcher) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return this.dispatcher.dispatch(job);
  }
}

@Module({
  providers: [
    BackupsProcessor,
    BackupSchedules,
    BackupRunsRepository,
    BackupOperations,
    BackupAlerts,
    TakeBackupHandler,
    CheckBackupsHandler,
  ],
})
export class BackupWorkerModule {}
