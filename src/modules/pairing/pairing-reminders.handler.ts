import { Injectable } from '@nestjs/common';
import { Clock } from '../../platform/clock/clock';
import { localDate } from '../../platform/clock/local-date';
import { PairingNotification } from './pairing.notifications';
import { Notifier } from '../../platform/notifications/notifier.service';
import { HandlesJob, JobHandler } from '../../platform/queue/handles-job.decorator';
import { PairingJob } from './pairing.jobs';
import { systemActor } from '../../platform/tenancy/request-actor';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { PAIR_STATUS_SQL } from './pairing.service';

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
      const due = await this.tenant.manager.query<
        { id: string; official_user_id: string; organization_name: string; due_on: string; interval_days: number }[]
      >(
        `SELECT s.id, s.official_user_id, s.organization_name, s.due_on, s.interval_days FROM (${PAIR_STATUS_SQL}) s
          WHERE s.active AND s.due_on < $1 AND (s.overdue_notified_for IS NULL OR to_char(s.overdue_notified_for, 'YYYY-MM-DD') <> s.due_on)
`,
        [today],
      );
      for (const pair of due) {
        await this.tenant.manager.query('UPDATE pairing_pairs SET overdue_notified_for = $2 WHERE id = $1', [
          pair.id,
          pair.due_on,
        ]);
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
