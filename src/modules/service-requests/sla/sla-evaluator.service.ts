import { Injectable } from '@nestjs/common';
import { Clock } from '../../../platform/clock/clock';
import { localDateTime } from '../../../platform/clock/local-date';
import { ServiceRequestNotification } from '../service-requests.notifications';
import { Notifier } from '../../../platform/notifications/notifier.service';
import { Outbox, type OutboxRow } from '../../../platform/outbox/outbox.service';
import { ServiceRequestJob } from '../service-requests.jobs';
import { TimelineEntryType } from '../entities/service-request-event.entity';
import type { ServiceRequest } from '../entities/service-request.entity';
import { ServiceRequestsRepository } from '../service-requests.repository';
import { CalendarService } from '../../../platform/calendar/calendar.service';
import { Milestone, milestones } from './sla-milestones';
import { PeopleDirectory } from '../../users/people-directory.service';

/** A request's timer: a delayed check-sla job at its next milestone (job id: Outbox's timerJobId). */
export const slaTimerKey = (requestId: string) => `sla-timer-${requestId}`;

export type SlaColumns = Pick<ServiceRequest, 'slaState' | 'escalationLevel' | 'nextSlaCheckAt'>;

/** What settling changes: the request's SLA columns and the rows that move its timer (none when it stays). */
export interface SlaSettlement {
  columns: SlaColumns;
  timer: OutboxRow[];
}

/**
 * Applies the SLA milestones that are due: a warning at 80 %, then escalation level by level, each
 * on the timeline and told to the right people once (the milestone's key deduplicates). The
 * database is the authority: timers only make this run on time, and the sweep catches up if one
 * is lost. Runs inside the caller's transaction, with the request locked.
 */
@Injectable()
export class SlaEvaluator {
  constructor(
    private readonly peopleDirectory: PeopleDirectory,
    private readonly requests: ServiceRequestsRepository,
    private readonly calendars: CalendarService,
    private readonly notifier: Notifier,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async evaluate(request: ServiceRequest): Promise<void> {
    const { columns, timer } = await this.settle(request);
    await this.requests.write(request.id, columns, { timer });
  }

  /**
   * Applies the milestones that are due and answers the request's SLA columns and its timer's
   * outbox rows for the caller to write with its own changes (ServiceRequestsRepository.write: one
   * statement instead of three); `request` is updated in place.
   */
  async settle(request: ServiceRequest): Promise<SlaSettlement> {
    const calendar = await this.calendars.forTenant(request.tenantId);
    const now = this.clock.now();
    const all = milestones(request, calendar);
    let { slaState, escalationLevel } = request;
    for (const milestone of all.filter((m) => m.at <= now)) {
      const applied = await this.apply(request, milestone, calendar.timeZone);
      if (milestone.level === 0 && slaState === 'on_track') slaState = 'at_risk';
      if (milestone.level > 0) slaState = 'breached';
      if (applied || milestone.level > escalationLevel) escalationLevel = Math.max(escalationLevel, milestone.level);
    }
    if (all.length === 0) slaState = request.slaState === 'breached' ? 'breached' : 'on_track';
    const next = all.find((m) => m.at > now)?.at ?? null;
    const previous = request.nextSlaCheckAt;
    const columns: SlaColumns = { slaState, escalationLevel, nextSlaCheckAt: next };
    Object.assign(request, columns);
    const timer =
      next?.getTime() === previous?.getTime()
        ? []
        : this.outbox.timerRows(
            { name: ServiceRequestJob.CheckSla, payload: { tenantId: request.tenantId, requestId: request.id } },
            slaTimerKey(request.id),
            previous,
            next,
          );
    return { columns, timer };
  }

  private async apply(request: ServiceRequest, milestone: Milestone, timeZone: string): Promise<boolean> {
    const added = await this.requests.addEvent({
      tenantId: request.tenantId,
      requestId: request.id,
      type:
        milestone.level === 0
          ? TimelineEntryType.SlaWarning
          : milestone.level === 1
            ? TimelineEntryType.SlaBreached
            : TimelineEntryType.Escalated,
      internal: true,
      data: { phase: milestone.phase, level: milestone.level, dueAt: this.dueOf(request, milestone) },
      dedupeKey: milestone.key,
    });
    if (!added) return false;
    const dueAt = this.dueOf(request, milestone);
    const payload = {
      requestId: request.id,
      number: request.number,
      title: request.title,
      phase: milestone.phase,
      level: milestone.level,
      dueAtLocal: dueAt ? localDateTime(dueAt, timeZone) : '',
    };
    const handlerAndStaff = [
      request.handlerId,
      ...(request.assignedOrganizationId ? await this.peopleDirectory.activeStaff(request.assignedOrganizationId) : []),
    ].filter((id): id is string => !!id);
    if (milestone.level === 0) {
      await this.notifier.notify({ userIds: handlerAndStaff }, ServiceRequestNotification.RequestSlaWarning, payload, {
        dedupeKey: milestone.key,
      });
      return true;
    }
    const recipients =
      milestone.level === 1
        ? handlerAndStaff
        : milestone.level === 2
          ? request.assignedOrganizationId
            ? await this.peopleDirectory.activeStaff(request.assignedOrganizationId, { leadersOnly: true })
            : []
          : await this.peopleDirectory.activeOfficials({ leadersOrAll: true });
    await this.notifier.notify(
      {
        userIds: recipients.length > 0 ? recipients : handlerAndStaff,
        organizationIds: request.assignedOrganizationId ? [request.assignedOrganizationId] : [],
      },
      ServiceRequestNotification.RequestEscalated,
      payload,
      { urgent: true, dedupeKey: milestone.key },
    );
    return true;
  }

  private dueOf(request: ServiceRequest, milestone: Milestone): Date | null {
    return milestone.phase === 'accept' ? request.acceptDueAt : request.resolveDueAt;
  }
}
