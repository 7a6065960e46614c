import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock } from '../../clock/clock';
import type { Environment } from '../../config/environment';
import { DomainException } from '../../errors/domain.exception';
import { ErrorCode } from '../../errors/error-code';
import { Outbox } from '../../outbox/outbox.service';
import { DEFAULT_PAGE_SIZE } from '../../pagination/page.dto';
import { BackupJob } from '../backup.jobs';
import { TenantContext } from '../../tenancy/tenant-context.service';
import { STALE_AFTER_MS, type BackupRun } from './backup-run';
import { BackupRunsRepository } from './backup-runs.repository';
import { BACKUP_TIME_ZONE } from './backup-schedules';
import { backupState, isStale, readBackupFreshness } from './backup-status';
import type { BackupRunPage, BackupRunView, BackupStatusView } from './dto/backup-run.dto';

/** The platform admin's view of backups: the runs, the state, and "back up now" (the worker does it). */
@Injectable()
export class BackupRunsService {
  constructor(
    private readonly runs: BackupRunsRepository,
    private readonly tenant: TenantContext,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async list(page: { limit?: number; cursor?: string }): Promise<BackupRunPage> {
    const { items, nextCursor } = await this.runs.list({ limit: page.limit ?? DEFAULT_PAGE_SIZE, cursor: page.cursor });
    return { items: items.map(toView), nextCursor };
  }

  async status(): Promise<BackupStatusView> {
    const configured = Boolean(this.config.get('BACKUP_KEY', { infer: true }));
    const schedule = this.config.get('BACKUP_SCHEDULE', { infer: true });
    const freshness = await readBackupFreshness(this.tenant.manager);
    const now = this.clock.now();
    const lastRun = await this.runs.latest();
    return {
      configured,
      enabled: configured && schedule !== 'off',
      schedule,
      timeZone: BACKUP_TIME_ZONE,
      store: this.config.get('BACKUP_STORE', { infer: true }),
      state: backupState(freshness, configured, schedule !== 'off', now),
      stale: configured && isStale(freshness, now),
      staleAfterHours: STALE_AFTER_MS / 3600_000,
      lastGoodAt: freshness.lastGoodAt,
      lastRun: lastRun ? toView(lastRun) : null,
    };
  }

  /** A queued run and its job, in the request's transaction; refused while one is queued or running. */
  async requestNow(): Promise<BackupRunView> {
    if (!this.config.get('BACKUP_KEY', { infer: true }))
      throw DomainException.conflict(ErrorCode.Conflict, [{ field: 'BACKUP_KEY', reason: 'backupsNotConfigured' }]);
    const latest = await this.runs.latest();
    if (latest && (latest.status === 'queued' || latest.status === 'running')) {
      throw DomainException.conflict(ErrorCode.Conflict, [{ field: 'status', reason: 'backupInProgress' }]);
    }
    const run = await this.runs.insertRequested(this.tenant.actor.userId, this.clock.now());
    await this.outbox.enqueue(
      { name: BackupJob.TakeBackup, payload: { runId: run.id } },
      { jobId: `backup-${run.id}` },
    );
    return toView(run);
  }
}

/** A run as the API shows it: without who asked for it, nor the list's cursor. */
function toView(run: BackupRun & { cursorAt?: string }): BackupRunView {
  const view: Omit<BackupRun, 'requestedById'> & { requestedById?: string | null; cursorAt?: string } = { ...run };
  delete view.requestedById;
  delete view.cursorAt;
  return view;
}
