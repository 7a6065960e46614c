import { Injectable } from '@nestjs/common';
import { Clock } from '../../../platform/clock/clock';
import { ThinkTankNotification } from '../think-tank.notifications';
import { Notifier } from '../../../platform/notifications/notifier.service';
import { HandlesJob, JobHandler } from '../../../platform/queue/handles-job.decorator';
import { ThinkTankJob } from '../think-tank.jobs';
import { systemActor } from '../../../platform/tenancy/request-actor';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { AssignmentsRepository } from './assignments.repository';

const HOUR = 3600_000;

/** When reviewers are reminded, before their deadlines: each reminder goes once. */
export const REMINDERS = [
  { key: 'respond-24h', status: 'invited', deadline: 'respond_by', before: 24 * HOUR },
  { key: 'review-72h', status: 'accepted', deadline: 'due_at', before: 72 * HOUR },
  { key: 'review-24h', status: 'accepted', deadline: 'due_at', before: 24 * HOUR },
] as const;

/**
 * Reminds reviewers before they must reply to an invitation and before their review is due. A
 * reminder whose moment has passed while a closer one is also due is skipped: nobody gets two at once.
 */
@Injectable()
@HandlesJob(ThinkTankJob.SendReviewReminders)
export class ReviewRemindersHandler implements JobHandler<ThinkTankJob.SendReviewReminders> {
  constructor(
    private readonly tenant: TenantContext,
    private readonly assignments: AssignmentsRepository,
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
    return this.tenant.run(systemActor(tenantId), async () => {
      const now = this.clock.now();
      const due = await this.assignments.dueReminders(now);
      let sent = 0;
      for (const a of due) {
        const reached = REMINDERS.filter(
          (r) => r.status === a.status && new Date(a[r.deadline]).getTime() - r.before <= now.getTime(),
        );
        const pending = reached.filter((r) => !a.reminders_sent.includes(r.key));
        if (pending.length === 0) continue;
        const closest = pending[pending.length - 1];
        const deadline = new Date(a[closest.deadline]);
        await this.assignments.markRemindersSent(
          a.id,
          pending.map((r) => r.key),
        );
        await this.notifier.notify(
          { userIds: [a.user_id] },
          ThinkTankNotification.ReviewReminder,
          {
            assignmentId: a.id,
            title: a.title,
            stage: a.status === 'invited' ? 'respond' : 'review',
            deadline: deadline.toISOString(),
          },
          { dedupeKey: `review-reminder:${a.id}:${closest.key}` },
        );
        sent++;
      }
      return sent;
    });
  }
}
