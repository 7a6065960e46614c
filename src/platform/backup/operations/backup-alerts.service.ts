import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock } from '../../clock/clock';
import type { Environment } from '../../config/environment';
import { Notifier } from '../../notifications/notifier.service';
import { BackupNotification } from '../backup.notifications';
import { TenantContext } from '../../tenancy/tenant-context.service';
import { ABANDONED_AFTER_MS } from './backup-run';
import { BackupRunsRepository } from './backup-runs.repository';
import { isStale, readBackupFreshness } from './backup-status';

/**
 * The hourly check: runs whose worker died are failed, and when the last good backup is older than
 * 26 hours every active platform admin is told, in the app and by email, once per stale episode
 * (an episode is named by the last good run, so the next good backup starts a new one).
 */
@Injectable()
export class BackupAlerts {
  private readonly logger = new Logger(BackupAlerts.name);

  constructor(
    private readonly runs: BackupRunsRepository,
    private readonly tenant: TenantContext,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async check(): Promise<{ abandoned: number; alerted: boolean }> {
    const now = this.clock.now();
    return this.runs.asPlatform(async () => {
      const abandoned = await this.runs.failAbandoned(new Date(now.getTime() - ABANDONED_AFTER_MS), now);
      if (!this.config.get('BACKUP_KEY', { infer: true })) return { abandoned, alerted: false };
      const freshness = await readBackupFreshness(this.tenant.manager);
      if (!isStale(freshness, now)) return { abandoned, alerted: false };
      const lastGood = await this.runs.latestGood();
      if (!(await this.runs.claimAlert(`stale:${lastGood?.id ?? 'never'}`, now))) return { abandoned, alerted: false };
      const admins = await this.tenant.manager.query<{ id: string }[]>(
        `SELECT id FROM users WHERE role = 'platform_admin' AND status = 'active' AND tenant_id IS NULL`,
      );
      await this.notifier.notify(
        { userIds: admins.map((a) => a.id) },
        BackupNotification.BackupStale,
        {
          lastGoodAt: lastGood?.finishedAt?.toISOString() ?? null,
          lastFailure: (await this.runs.latest())?.failureReason ?? null,
        },
        { urgent: true, dedupeKey: `backup-stale:${lastGood?.id ?? 'never'}` },
      );
      this.logger.warn(
        { lastGoodAt: lastGood?.finishedAt ?? null, admins: admins.length },
        'Backups are stale: platform admins told',
      );
      return { abandoned, alerted: true };
    });
  }
}
