import { Injectable } from '@nestjs/common';
import { Clock } from '../../../platform/clock/clock';
import { DomainException } from '../../../platform/errors/domain.exception';
import { ServiceRequestNotification } from '../service-requests.notifications';
import { Notifier } from '../../../platform/notifications/notifier.service';
import type { Actor } from '../../../platform/tenancy/request-actor';
import type {
  MergeDto,
  ProvideInformationDto,
  RateDto,
  ReasonDto,
  ResolveDto,
  ServiceRequestDetailView,
} from '../dto/service-request.dto';
import { TimelineEntryType } from '../entities/service-request-event.entity';
import type { ServiceRequest } from '../entities/service-request.entity';
import { FollowUpsRepository } from './follow-ups.repository';
import { ServiceRequestsRepository } from '../service-requests.repository';
import { CalendarService } from '../../../platform/calendar/calendar.service';
import { addWorkingTime, workingMinutesBetween } from '../../../platform/calendar/working-calendar';
import { RequestSteps } from './request-steps.service';
import type { Action } from './transitions';
import { PeopleDirectory } from '../../users/people-directory.service';
import { OrganizationDirectory } from '../../organizations/organization-directory.service';

export const REOPEN_WINDOW_DAYS = 7;
export const LOW_RATING = 2;

/** Each step of the lifecycle: checked by the state machine, recorded on the timeline, told to those concerned. */
@Injectable()
export class ServiceRequestActions {
  constructor(
    private readonly organizationDirectory: OrganizationDirectory,
    private readonly peopleDirectory: PeopleDirectory,
    private readonly requests: ServiceRequestsRepository,
    private readonly steps: RequestSteps,
    private readonly notifier: Notifier,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
    private readonly followUps: FollowUpsRepository,
  ) {}

  accept(actor: Actor, id: string) {
    return this.step(actor, id, 'accept', TimelineEntryType.Accepted, (r) => ({
      acceptedAt: this.clock.now(),
      handlerId: r.handlerId ?? actor.userId,
    }));
  }

  start(actor: Actor, id: string) {
    return this.step(actor, id, 'start', TimelineEntryType.Started, () => ({}));
  }

  return(actor: Actor, id: string, input: ReasonDto) {
    return this.step(
      actor,
      id,
      'return',
      TimelineEntryType.Returned,
      (r) => ({ returnedFrom: r.status, returnedAt: this.clock.now() }),
      input.reason,
    );
  }

  /** The enterprise answers; the clock did not run while the request waited on it. */
  provideInformation(actor: Actor, id: string, input: ProvideInformationDto) {
    return this.step(
      actor,
      id,
      'provide_information',
      TimelineEntryType.InformationProvided,
      async (r) => {
        const calendar = await this.calendars.forTenant(r.tenantId);
        const paused = r.returnedAt ? workingMinutesBetween(r.returnedAt, this.clock.now(), calendar) / 60 : 0;
        const shift = (due: Date | null) => (due ? addWorkingTime(due, paused, 'working_hours', calendar) : null);
        return {
          returnedFrom: null,
          returnedAt: null,
          acceptDueAt: shift(r.acceptDueAt),
          resolveDueAt: shift(r.resolveDueAt),
        };
      },
      input.information,
    );
  }

  // Routing by hand and 转办 are RouteRequest's, with the worker's routing job.

  reject(actor: Actor, id: string, input: ReasonDto) {
    return this.step(
      actor,
      id,
      'reject',
      TimelineEntryType.Rejected,
      () => ({ closedAt: this.clock.now() }),
      input.reason,
    );
  }

  resolve(actor: Actor, id: string, input: ResolveDto) {
    return this.step(
      actor,
      id,
      'resolve',
      TimelineEntryType.Resolved,
      () => ({ resolvedAt: this.clock.now() }),
      input.resolution,
    );
  }

  /** 评价: closes the request; a low rating opens a follow-up call for an official. */
  async rate(actor: Actor, id: string, input: RateDto) {
    const detail = await this.step(
      actor,
      id,
      'rate',
      TimelineEntryType.Rated,
      () => ({ rating: input.rating, ratingComment: input.comment?.trim() || null, closedAt: this.clock.now() }),
      input.comment ?? null,
      { rating: input.rating },
    );
    if (input.rating <= LOW_RATING) await this.openFollowUp(id, input.rating);
    return detail;
  }

  close(actor: Actor, id: string) {
    return this.step(actor, id, 'close', TimelineEntryType.Closed, () => ({ closedAt: this.clock.now() }));
  }

  reopen(actor: Actor, id: string, input: ReasonDto) {
    return this.step(
      actor,
      id,
      'reopen',
      TimelineEntryType.Reopened,
      (r) => {
        const windowEnds = (r.resolvedAt?.getTime() ?? 0) + REOPEN_WINDOW_DAYS * 86_400_000;
        if (this.clock.now().getTime() > windowEnds)
          throw DomainException.invalid([{ field: 'status', reason: 'reopenWindowPassed' }]);
        return { reopenCount: r.reopenCount + 1, resolvedAt: null, closedAt: null, rating: null, ratingComment: null };
      },
      input.reason,
    );
  }

  /** Merges a duplicate into another request of the same township; the duplicate closes. */
  merge(actor: Actor, id: string, input: MergeDto) {
    return this.step(
      actor,
      id,
      'merge',
      TimelineEntryType.Merged,
      async () => {
        if (input.intoId === id || !(await this.requests.findById(input.intoId)))
          throw DomainException.invalid([{ field: 'intoId', reason: 'notFound' }]);
        return { mergedIntoId: input.intoId, closedAt: this.clock.now() };
      },
      null,
      { intoId: input.intoId },
    );
  }

  /** One step of RequestSteps, answered with the request as the actor now sees it. */
  private step(
    actor: Actor,
    id: string,
    action: Action,
    entry: TimelineEntryType,
    changes: (request: ServiceRequest) => Partial<ServiceRequest> | Promise<Partial<ServiceRequest>>,
    note: string | null = null,
    data: Record<string, unknown> = {},
  ): Promise<ServiceRequestDetailView> {
    return this.steps.run(actor, id, { action, entry, changes, note, data });
  }

  private async openFollowUp(requestId: string, rating: number): Promise<void> {
    const request = (await this.requests.findById(requestId))!;
    const [assignee] = await this.peopleDirectory.activeOfficials({ leadersOrAll: true });
    await this.followUps.save({
      tenantId: request.tenantId,
      requestId,
      assigneeId: assignee ?? null,
      reason: `rating ${rating}`,
      status: 'open',
    });
    const requesterName = await this.organizationDirectory.name(request.requesterOrganizationId);
    if (assignee) {
      await this.notifier.notify({ userIds: [assignee] }, ServiceRequestNotification.FollowUpAssigned, {
        requestId,
        number: request.number,
        title: request.title,
        rating,
        requesterName: requesterName ?? '',
      });
    }
  }
}
