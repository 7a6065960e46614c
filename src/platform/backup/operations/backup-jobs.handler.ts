import { Injectable, Logger } from '@nestjs/common';
import { HandlesJob, type JobContext, type JobHandler } from '../../queue/handles-job.decorator';
import type { JobPayloads } from '../../queue/job-registry';
import { BackupJob } from '../backup.jobs';
import { BackupAlerts } from './backup-alerts.service';
import { BackupOperations } from './backup-operations.service';

/** `repeat:<scheduler>:<ms>`: the tick a scheduled job was made for. */
export function scheduledTick(jobId: string | undefined): Date | undefined {
  const match = /^repeat:.+:(\d+)$/.exec(jobId ?? '');
  return match ? new Date(Number(match[1])) : undefined;
}

@Injectable()
@HandlesJob(BackupJob.TakeBackup)
export class TakeBackupHandler implements JobHandler<BackupJob.TakeBackup> {
  private readonly logger = new Logger(TakeBackupHandler.name);

  constructor(private readonly operations: BackupOperations) {}

  async handle(payload: JobPayloads[BackupJob.TakeBackup], context: JobContext): Promise<void> {
    if (payload.runId) return this.operations.takeRequested(payload.runId);
    const tick = scheduledTick(context.jobId);
    if (!tick) {
      this.logger.warn({ jobId: context.jobId }, 'A backup job with neither a run nor a schedule tick: ignored');
      return;
    }
    await this.operations.takeScheduled(tick);
  }
}

/** Hourly: fails runs whose worker died, and tells platform admins once when backups went stale. */
@Injectable()
@HandlesJob(BackupJob.CheckBackups)
export class CheckBackupsHandler implements JobHandler<BackupJob.CheckBackups> {
  constructor(private readonly alerts: BackupAlerts) {}

  handle(): Promise<unknown> {
    return this.alerts.check();
  }
}
