import { Injectable } from '@nestjs/common';
import { Clock } from '../../platform/clock/clock';
import { localDate } from '../../platform/clock/local-date';
import { IndicatorNotification } from './indicators.notifications';
import { Notifier } from '../../platform/notifications/notifier.service';
import { HandlesJob, JobHandler } from '../../platform/queue/handles-job.decorator';
import { IndicatorJob } from './indicators.jobs';
import { systemActor } from '../../platform/tenancy/request-actor';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { IndicatorsRepository } from './indicators.repository';
import { PeopleDirectory } from '../users/people-directory.service';

/** Days before a round's deadline when the members that have not submitted are chased. */
export const INDICATOR_REMINDER_DAYS = [7, 3, 1];

/** Chases the members that have not submitted a round's figures; each reminder once per member (dedupe key). */
@Injectable()
@HandlesJob(IndicatorJob.RemindIndicatorRounds)
export class IndicatorRemindersHandler implements JobHandler<IndicatorJob.RemindIndicatorRounds> {
  constructor(
    private readonly peopleDirectory: PeopleDirectory,
    private readonly tenant: TenantContext,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly repository: IndicatorsRepository,
  ) {}

  async handle(): Promise<number> {
    const tenants = await this.tenant.tenantIds();
    let sent = 0;
    for (const id of tenants) sent += await this.forTenant(id);
    return sent;
  }

  async forTenant(tenantId: string): Promise<number> {
    return this.tenant.run(systemActor(tenantId), async () => {
      const today = localDate(this.clock.now());
      const missing = await this.repository.missingSubmissions(today, Math.max(...INDICATOR_REMINDER_DAYS));
      let sent = 0;
      for (const row of missing) {
        const reminder = Math.min(...INDICATOR_REMINDER_DAYS.filter((days) => days >= row.days_left));
        const userIds = await this.peopleDirectory.activeStaff(row.organization_id);
        if (userIds.length === 0) continue;
        const event = await this.notifier.notify(
          { userIds },
          IndicatorNotification.IndicatorReminder,
          { roundId: row.round_id, period: row.period, deadline: row.deadline, daysLeft: row.days_left },
          { dedupeKey: `indicator-reminder:${row.round_id}:${row.organization_id}:${reminder}:${row.deadline}` },
        );
        if (event) sent++;
      }
      return sent;
    });
  }
}
