import { Injectable } from '@nestjs/common';
import { Clock } from '../../platform/clock/clock';
import { localDate } from '../../platform/clock/local-date';
import { ProjectCallNotification } from './project-calls.notifications';
import { Notifier } from '../../platform/notifications/notifier.service';
import { HandlesJob, JobHandler } from '../../platform/queue/handles-job.decorator';
import { ProjectCallJob } from './project-calls.jobs';
import { systemActor } from '../../platform/tenancy/request-actor';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { ProjectCallsRepository } from './project-calls.repository';
import { UNFINISHED_STEPS } from './project-calls.service';

/** Days before a call's deadline when members who have not finished applying are reminded. */
export const DEADLINE_REMINDER_DAYS = [7, 1];

/**
 * Reminds members 7 days and 1 day before a call closes: those whose application is still with them,
 * and eligible members (product tags overlap, in the call's alliance) who have not applied at all.
 * Each reminder goes once: its dedupe key names the call, the organisation, the reminder and the
 * deadline (not the application, so a member who applies between two runs is not told twice), so a
 * rerun or a later run inside the same window sends nothing, and a moved deadline reminds again.
 */
@Injectable()
@HandlesJob(ProjectCallJob.RemindProjectDeadlines)
export class ProjectDeadlineRemindersHandler implements JobHandler<ProjectCallJob.RemindProjectDeadlines> {
  constructor(
    private readonly tenant: TenantContext,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly repository: ProjectCallsRepository,
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
      const due = await this.repository.deadlineReminders(today, UNFINISHED_STEPS, Math.max(...DEADLINE_REMINDER_DAYS));
      let sent = 0;
      for (const row of due) {
        if (row.user_ids.length === 0) continue;
        // The nearest reminder whose day has come: 6 days left is the 7-day reminder, 0 the 1-day one.
        const reminder = Math.min(...DEADLINE_REMINDER_DAYS.filter((days) => days >= row.days_left));
        const event = await this.notifier.notify(
          { userIds: row.user_ids },
          ProjectCallNotification.ProjectCallDeadline,
          {
            callId: row.call_id,
            name: row.name,
            deadline: row.deadline,
            daysLeft: row.days_left,
            applied: row.applied,
          },
          { dedupeKey: `project-deadline:${row.call_id}:${row.organization_id}:${reminder}:${row.deadline}` },
        );
        if (event) sent++;
      }
      return sent;
    });
  }
}
