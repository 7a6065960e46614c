import { ApiProperty } from '@nestjs/swagger';

export class BackupRunView {
  id: string;
  @ApiProperty({ enum: ['schedule', 'manual'] })
  trigger: 'schedule' | 'manual';
  @ApiProperty({ enum: ['queued', 'running', 'succeeded', 'failed'] })
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  failureReason: string | null;
  scheduledFor: Date | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  fileName: string | null;
  /** A path on the worker's machine, or s3://bucket/backups/... */
  location: string | null;
  bytes: number | null;
  schemaVersion: string | null;
  tables: number | null;
  rows: number | null;
  attachments: number | null;
  attachmentBytes: number | null;
  @ApiProperty({ enum: ['ok', 'failed'], nullable: true })
  verifyStatus: 'ok' | 'failed' | null;
  verifiedAt: Date | null;
  verifyDetail: string | null;
  /** When the retention removed its file. */
  prunedAt: Date | null;
}

export class BackupRunPage {
  items: BackupRunView[];
  nextCursor: string | null;
}

export class BackupStatusView {
  /** BACKUP_KEY is set. */
  configured: boolean;
  /** The worker takes backups on `schedule` (configured, and the schedule is not off). */
  enabled: boolean;
  /** The cron (Asia/Shanghai), or off. */
  schedule: string;
  timeZone: string;
  @ApiProperty({ enum: ['local', 's3'] })
  store: 'local' | 's3';
  @ApiProperty({ enum: ['ok', 'stale', 'failed', 'not_configured', 'off', 'pending'] })
  state: 'ok' | 'stale' | 'failed' | 'not_configured' | 'off' | 'pending';
  /** The last good backup is older than `staleAfterHours` (or none was ever taken in that long). */
  stale: boolean;
  staleAfterHours: number;
  lastGoodAt: Date | null;
  lastRun: BackupRunView | null;
}
