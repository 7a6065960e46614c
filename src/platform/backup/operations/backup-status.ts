import { STALE_AFTER_MS } from './backup-run';

export interface BackupFreshness {
  lastGoodAt: Date | null;
  /** The status of the newest finished run. */
  lastStatus: string | null;
  firstRunAt: Date | null;
}

export type BackupState = 'ok' | 'stale' | 'failed' | 'not_configured' | 'off' | 'pending';

/**
 * What platform admins and /health are told: `not_configured` without BACKUP_KEY, `off` with the
 * schedule off, `stale` when the last good backup is older than 26 h (or there is none, 26 h after
 * the first run), `failed` when the newest finished run failed, `pending` before the first good one.
 */
export function backupState(
  freshness: BackupFreshness,
  configured: boolean,
  scheduled: boolean,
  now: Date,
): BackupState {
  if (!configured) return 'not_configured';
  const since = freshness.lastGoodAt ?? freshness.firstRunAt;
  if (since && now.getTime() - since.getTime() > STALE_AFTER_MS) return 'stale';
  if (freshness.lastStatus === 'failed') return 'failed';
  if (!freshness.lastGoodAt) return scheduled ? 'pending' : 'off';
  return scheduled ? 'ok' : 'off';
}

export function isStale(freshness: BackupFreshness, now: Date): boolean {
  const since = freshness.lastGoodAt ?? freshness.firstRunAt;
  return since !== null && now.getTime() - since.getTime() > STALE_AFTER_MS;
}

/** Through backup_freshness() (security definer), so /health reads it as no one in particular. */
export async function readBackupFreshness(db: {
  query<T>(sql: string, parameters?: unknown[]): Promise<T>;
}): Promise<BackupFreshness> {
  const [row] = await db.query<{ last_good_at: Date | null; last_status: string | null; first_run_at: Date | null }[]>(
    'SELECT last_good_at, last_status, first_run_at FROM backup_freshness()',
  );
  return {
    lastGoodAt: row?.last_good_at ?? null,
    lastStatus: row?.last_status ?? null,
    firstRunAt: row?.first_run_at ?? null,
  };
}
