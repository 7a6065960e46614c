import { Injectable } from '@nestjs/common';
import { Role } from '../../platform/auth/entities/role';
import { Clock } from '../../platform/clock/clock';
import { localDate } from '../../platform/clock/local-date';
import { NotificationType } from '../../platform/notifications/notification-types';
import { Notifier } from '../../platform/notifications/notifier.service';
import { HandlesJob, JobHandler } from '../../platform/queue/handles-job.decorator';
import { JobName } from '../../platform/queue/queue.constants';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { UNFINISHED_STEPS } from './project-calls.service';

/** Days before a call's deadline when members with an unfinished application are reminded. */
export const DEADLINE_REMINDER_DAYS = [7, 1];

/**
 * Reminds members whose application is still with them 7 days and 1 day before the call closes.
 * Each reminder goes once: its dedupe key names the application, the reminder and the deadline, so
 * a rerun (or a later run inside the same window) sends nothing, and a moved deadline reminds again.
 */
@Injectable()
@HandlesJob(JobName.RemindProjectDeadlines)
export class ProjectDeadlineRemindersHandler implements JobHandler<JobName.RemindProjectDeadlines> {
  constructor(
    private readonly tenant: TenantContext,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  async handle(): Promise<number> {
    const tenants = await this.tenant.tenantIds();
    let sent = 0;
    for (const id of tenants) sent += await this.forTenant(id);
    return sent;
  }

  async forTenant(tenantId: string): Promise<number> {
    return this.tenant.run({ userId: '', tenantId, role: Role.TownshipAdmin, organizationId: null }, async () => {
      const today = localDate(this.clock.now());
      const due = await this.tenant.manager.query<{ id: string; organization_id: string; call_id: string; name: string; deadline: string; days_left: number }[]>(
        `SELECT a.id, a.organization_id, c.id AS call_id, c.name, c.deadline::text AS deadline, (c.deadline - $1::date) AS days_left
           FROM project_applications a JOIN project_calls c ON c.id = a.call_id
          WHERE c.status = 'open' AND a.step = ANY($2::project_application_step[])
            AND c.deadline >= $1::date AND c.deadline - $1::date <= $3`,
        [today, UNFINISHED_STEPS, Math.max(...DEADLINE_REMINDER_DAYS)],
      );
      let sent = 0;
      for (const application of due) {
        // The nearest reminder whose day has come: 6 days left is the 7-day reminder, 0 the 1-day one.
        const reminder = Math.min(...DEADLINE_REMINDER_DAYS.filter((days) => days >= application.days_left));
        const users = await this.tenant.manager.query<{ id: string }[]>(`SELECT id FROM users WHERE organization_id = $1 AND status = 'active'`, [application.organization_id]);
        const event = await this.notifier.notify(
          { userIds: users.map((u) => u.id) },
          NotificationType.ProjectCallDeadline,
          { callId: application.call_id, name: application.name, deadline: application.deadline, daysLeft: application.days_left },
          { dedupeKey: `project-deadline:${application.id}:${reminder}:${application.deadline}` },
        );
        if (event) sent++;
      }
      return sent;
    });
  }
}
