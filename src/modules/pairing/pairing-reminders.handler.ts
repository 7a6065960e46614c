import { Injectable } from '@nestjs/common';
import { Clock } from '../../platform/clock/clock';
import { localDate } from '../../platform/clock/local-date';
import { PairingNotification } from './pairing.notifications';
import { Notifier } from '../../platform/notifications/notifier.service';
import { HandlesJob, JobHandler } from '../../platform/queue/handles-job.decorator';
import { PairingJob } from './pairing.jobs';
import { systemActor } from '../../platform/tenancy/request-actor';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { PairingRepository } from './pairing.repository';

/**
 * Every day, tells each official about their pairs that have gone too long without a visit; once per
 * overdue period: the pair remembers the due date it was told about, and a new visit moves that date.
 */
@Injectable()
@HandlesJob(PairingJob.RemindOverduePairings)
export class PairingRemindersHandler implements JobHandler<PairingJob.RemindOverduePairings> {
  constructor(
    private readonly tenant: TenantContext,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly repository: PairingRepository,
  ) {}

  async handle(): Promise<number> {
    const tenants = await this.tenant.tenantIds();
    let told = 0;
    for (const id of tenants) told += await this.forTenant(id);
    return told;
  }

  async forTenant(tenantId: string): Promise<number> {
    return this.tenant.run(systemActor(tenantId), async () => {
      const today = localDate(this.clock.now());
      const due = await this.repository.overdueUntold(today);
      for (const pair of due) {
        await this.repository.markOverdueNotified(pair.id, pair.due_on);
        await this.notifier.notify(
          { userIds: [pair.official_user_id] },
          PairingNotification.PairingVisitOverdue,
          {
            pairId: pair.id,
            organizationName: pair.organization_name,
            dueOn: pair.due_on,
            intervalDays: pair.interval_days,
          },
          { dedupeKey: `pairing-overdue:${pair.id}:${pair.due_on}` },
        );
      }
      return due.length;
    });
  }
}
