import { Injectable, Logger } from '@nestjs/common';
import { HandlesJob, type JobContext, type JobHandler } from '../../queue/handles-job.decorator';
import { JobName, type JobPayloads } from '../../queue/queue.constants';
import { BackupAlerts } from './backup-alerts.service';
import { BackupOperations } from './backup-operations.service';

/** `repeat:<scheduler>:<ms>`: the tick a scheduled job was made for. */
export function scheduledTick(jobId: string | undefined): Date | undefined {
  const match = /^repeat:.+:(\d+)$/.exec(jobId ?? '');
  return match ? new Date(Number(match[1])) : undefined;
}

@Injectable()
@HandlesJob(JobName.TakeBackup)
export class TakeBackupHandler implements JobHandler<JobName.TakeBackup> {
  private readonly logger = new Logger(TakeBackupHandler.name);

  constructor(private readonly operations: BackupOperations) {}

  async handle(payload: JobPayloads[JobName.TakeBackup], context: JobContext): Promise<void> {
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
@HandlesJob(JobName.CheckBackups)
export class CheckBackupsHandler implements JobHandler<JobName.CheckBackups> {
  constructor(private readonly alerts: BackupAlerts) {}

  handle(): Promise<unknown> {
    return this.alerts.check();
  }
}
