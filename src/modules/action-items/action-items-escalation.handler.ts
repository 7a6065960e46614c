import { Injectable } from '@nestjs/common';
import { CalendarService } from '../../platform/calendar/calendar.service';
import { addWorkingTime } from '../../platform/calendar/working-calendar';
import { Clock } from '../../platform/clock/clock';
import { ActionItemNotification } from './action-items.notifications';
import { Notifier } from '../../platform/notifications/notifier.service';
import { HandlesJob, JobHandler } from '../../platform/queue/handles-job.decorator';
import { ActionItemJob } from './action-items.jobs';
import { systemActor } from '../../platform/tenancy/request-actor';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { ActionItemsRepository } from './action-items.repository';
import { ActionItemsService } from './action-items.service';
import { ActionItemStatus } from './entities/action-item-status';
import { dateTimeFormat } from '../../platform/clock/date-format';
import { PeopleDirectory } from '../users/people-directory.service';

/**
 * Overdue action items escalate like late service requests: the owner at the end of the due day,
 * the owner's head a working day later, the township leader the day after; each level once.
 */
@Injectable()
@HandlesJob(ActionItemJob.EscalateActionItems)
export class ActionItemsEscalationHandler implements JobHandler<ActionItemJob.EscalateActionItems> {
  constructor(
    private readonly peopleDirectory: PeopleDirectory,
    private readonly tenant: TenantContext,
    private readonly items: ActionItemsService,
    private readonly calendars: CalendarService,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly repository: ActionItemsRepository,
  ) {}

  async handle(): Promise<number> {
    const tenants = await this.tenant.tenantIds();
    let escalated = 0;
    for (const id of tenants) escalated += await this.forTenant(id);
    return escalated;
  }

  async forTenant(tenantId: string): Promise<number> {
    return this.tenant.run(systemActor(tenantId), async () => {
      const calendar = await this.calendars.forTenant(tenantId);
      const now = this.clock.now();
      const overdue = await this.repository.overdue(
        [ActionItemStatus.Open, ActionItemStatus.InProgress],
        dateTimeFormat('en-CA', { timeZone: calendar.timeZone }).format(now),
      );
      let count = 0;
      for (const item of overdue) {
        const dueEnd = new Date(`${item.dueOn}T17:30:00+08:00`);
        const levelAt = [
          dueEnd,
          addWorkingTime(dueEnd, 1, 'working_days', calendar),
          addWorkingTime(dueEnd, 2, 'working_days', calendar),
        ];
        const level = levelAt.filter((at) => at <= now).length;
        if (level <= item.escalationLevel) continue;
        const recipients =
          level === 1
            ? await this.items.owners(item)
            : level === 2
              ? await this.peopleDirectory.activeStaff(item.ownerOrganizationId, { leadersOnly: true })
              : await this.peopleDirectory.activeOfficials();
        await this.repository.update(item.id, { escalationLevel: level });
        await this.notifier.notify(
          { userIds: recipients.length > 0 ? recipients : await this.items.owners(item) },
          ActionItemNotification.ActionItemOverdue,
          { actionItemId: item.id, title: item.title, dueOn: item.dueOn, level },
          { urgent: true, dedupeKey: `action-item-overdue:${item.id}:${level}:${item.dueOn}` },
        );
        count++;
      }
      return count;
    });
  }
}
