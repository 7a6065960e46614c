import { defineJobs } from '../queue/job-registry';

export const BACKUPS_QUEUE = 'backups';

export enum BackupJob {
  TakeBackup = 'take-backup',
  CheckBackups = 'check-backups',
}

declare module '../queue/job-registry' {
  interface JobMap {
    /** A run asked for by a platform admin names its row; a scheduled one has none (its tick names it). */
    [BackupJob.TakeBackup]: { runId?: string };
    [BackupJob.CheckBackups]: Record<string, never>;
  }
}

defineJobs(BACKUPS_QUEUE, Object.values(BackupJob));
