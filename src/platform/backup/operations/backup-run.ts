/** A run of the worker's backup as the record holds it (table backup_runs). */
export interface BackupRun {
  id: string;
  trigger: 'schedule' | 'manual';
  scheduledFor: Date | null;
  requestedById: string | null;
  status: BackupRunStatus;
  failureReason: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  fileName: string | null;
  location: string | null;
  bytes: number | null;
  schemaVersion: string | null;
  tables: number | null;
  rows: number | null;
  attachments: number | null;
  attachmentBytes: number | null;
  verifyStatus: 'ok' | 'failed' | null;
  verifiedAt: Date | null;
  verifyDetail: string | null;
  prunedAt: Date | null;
}

export type BackupRunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface BackupContents {
  fileName: string;
  location: string;
  bytes: number;
  schemaVersion: string;
  tables: number;
  rows: number;
  attachments: number;
  attachmentBytes: number;
}

/** The last good backup older than this is stale: a nightly one missed, with two hours' grace. */
export const STALE_AFTER_MS = 26 * 3600_000;
/** A running backup writes its heartbeat every minute; one silent for this long died with its worker. */
export const ABANDONED_AFTER_MS = 10 * 60_000;
export const HEARTBEAT_EVERY_MS = 60_000;
