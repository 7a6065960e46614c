import { Injectable } from '@nestjs/common';
import { Clock } from '../../../platform/clock/clock';
import { DomainException } from '../../../platform/errors/domain.exception';
import { NotificationType } from '../../../platform/notifications/notification-types';
import { Notifier } from '../../../platform/notifications/notifier.service';
import type { Actor } from '../../../platform/tenancy/request-actor';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import type { MergeDto, ProvideInformationDto, RateDto, ReasonDto, ResolveDto, RouteDto, ServiceRequestDetailView, TransferDto } from '../dto/service-request.dto';
import { FollowUpTask } from '../entities/follow-up-task.entity';
import { TimelineEntryType } from '../entities/service-request-event.entity';
import { ServiceRequestStatus as S } from '../entities/service-request-status';
import type { ServiceRequest } from '../entities/service-request.entity';
import { partiesOf } from '../request-parties';
import { RequestRouter } from '../routing/router.service';
import { ServiceRequestsRepository } from '../service-requests.repository';
import { ServiceRequestsService } from '../service-requests.service';
import { CalendarService } from '../../../platform/calendar/calendar.service';
import { SlaEvaluator } from '../sla/sla-evaluator.service';
import { SlaPlanner } from '../sla/sla-planner.service';
import { addWorkingTime, workingMinutesBetween } from '../../../platform/calendar/working-calendar';
import { RequestAnnouncer } from './request-announcer.service';
import { Action, nextStatus, Party } from './transitions';

export const REOPEN_WINDOW_DAYS = 7;
export const LOW_RATING = 2;

/** Each step of the lifecycle: checked by the state machine, recorded on the timeline, told to those concerned. */
@Injectable()
export class ServiceRequestActions {
  constructor(
    private readonly requests: ServiceRequestsRepository,
    private readonly service: ServiceRequestsService,
    private readonly tenant: TenantContext,
    private readonly notifier: Notifier,
    private readonly router: RequestRouter,
    private readonly calendars: CalendarService,
    private readonly sla: SlaEvaluator,
    private readonly planner: SlaPlanner,
    private readonly announcer: RequestAnnouncer,
    private readonly clock: Clock,
  ) {}

  accept(actor: Actor, id: string) {
    return this.step(actor, id, 'accept', TimelineEntryType.Accepted, (r) => ({ acceptedAt: this.clock.now(), handlerId: r.handlerId ?? actor.userId }));
  }

  start(actor: Actor, id: string) {
    return this.step(actor, id, 'start', TimelineEntryType.Started, () => ({}));
  }

  return(actor: Actor, id: string, input: ReasonDto) {
    return this.step(actor, id, 'return', TimelineEntryType.Returned, (r) => ({ returnedFrom: r.status, returnedAt: this.clock.now() }), input.reason);
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
        return { returnedFrom: null, returnedAt: null, acceptDueAt: shift(r.acceptDueAt), resolveDueAt: shift(r.resolveDueAt) };
      },
      input.information,
    );
  }

  transfer(actor: Actor, id: string, input: TransferDto) {
    return this.step(
      actor,
      id,
      'transfer',
      TimelineEntryType.Transferred,
      async (r) => {
        await this.requireServingOrganization(input.organizationId, 'organizationId');
        if (input.organizationId === r.assignedOrganizationId) throw DomainException.invalid([{ field: 'organizationId', reason: 'sameOrganization' }]);
        return this.assignment(r, input.organizationId, await this.router.leastLoadedHandler(input.organizationId));
      },
      input.reason,
      { organizationId: input.organizationId },
    );
  }

  /** An official routes by hand, to any serving organisation (and, if given, handler). */
  route(actor: Actor, id: string, input: RouteDto) {
    return this.step(actor, id, 'route', TimelineEntryType.Routed, async (r) => {
      await this.requireServingOrganization(input.organizationId, 'organizationId');
      const handlerId = input.handlerId ?? (await this.router.leastLoadedHandler(input.organizationId));
      if (input.handlerId && !(await this.requests.staffOf(input.organizationId)).includes(input.handlerId)) {
        throw DomainException.invalid([{ field: 'handlerId', reason: 'notFound' }]);
      }
      return this.assignment(r, input.organizationId, handlerId);
    }, null, { organizationId: input.organizationId, manual: true });
  }

  reject(actor: Actor, id: string, input: ReasonDto) {
    return this.step(actor, id, 'reject', TimelineEntryType.Rejected, () => ({ closedAt: this.clock.now() }), input.reason);
  }

  resolve(actor: Actor, id: string, input: ResolveDto) {
    return this.step(actor, id, 'resolve', TimelineEntryType.Resolved, () => ({ resolvedAt: this.clock.now() }), input.resolution);
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
        if (this.clock.now().getTime() > windowEnds) throw DomainException.invalid([{ field: 'status', reason: 'reopenWindowPassed' }]);
        return { reopenCount: r.reopenCount + 1, resolvedAt: null, closedAt: null, rating: null, ratingComment: null };
      },
      input.reason,
    );
  }

  /** Merges a duplicate into another request of the same township; the duplicate closes. */
  merge(actor: Actor, id: string, input: MergeDto) {
    return this.step(actor, id, 'merge', TimelineEntryType.Merged, async () => {
      if (input.intoId === id || !(await this.requests.findById(input.intoId))) throw DomainException.invalid([{ field: 'intoId', reason: 'notFound' }]);
      return { mergedIntoId: input.intoId, closedAt: this.clock.now() };
    }, null, { intoId: input.intoId });
  }

  /**
   * One step: lock the request, check the party and the state, apply the change, record it on the
   * timeline, tell the enterprise (or the server), and re-evaluate the SLA.
   */
  private async step(
    actor: Actor,
    id: string,
    action: Action,
    entry: TimelineEntryType,
    changes: (request: ServiceRequest) => Partial<ServiceRequest> | Promise<Partial<ServiceRequest>>,
    note: string | null = null,
    data: Record<string, unknown> = {},
  ): Promise<ServiceRequestDetailView> {
    const request = await this.service.requireVisible(actor, id, true);
    const parties: Party[] = partiesOf(actor, request);
    const status = nextStatus(action, request.status, parties, request.returnedFrom);
    const patch = { ...(await changes(request)), status };
    const updated: ServiceRequest = { ...request, ...patch };
    const sla = await this.sla.settle(updated);
    await this.requests.update(id, { ...patch, ...sla });
    await this.requests.addEvent({ tenantId: request.tenantId, requestId: id, type: entry, actorUserId: actor.userId, body: note?.trim() || null, data: { from: request.status, to: status, ...data } });
    await this.announce(actor, updated, note);
    // After a transfer the former provider no longer sees the request: answer with where it went, once.
    return partiesOf(actor, updated).length > 0 ? this.service.detail(actor, id) : this.service.summaryAfterHandOver(id);
  }

  /** A new serving organisation: its own time to accept, from now; the time to resolve still counts from submission. */
  private async assignment(request: ServiceRequest, organizationId: string, handlerId: string | null): Promise<Partial<ServiceRequest>> {
    const routedAt = this.clock.now();
    const { acceptDueAt, resolveDueAt } = await this.planner.deadlines(request, routedAt);
    return { assignedOrganizationId: organizationId, handlerId, acceptedAt: null, routedAt, acceptDueAt, resolveDueAt: request.resolveDueAt ?? resolveDueAt };
  }

  private async announce(actor: Actor, request: ServiceRequest, note: string | null): Promise<void> {
    if (actor.userId !== request.requesterUserId) await this.announcer.updated(request, note);
    if (request.status === S.Routed) await this.announcer.assigned(request);
  }

  private async openFollowUp(requestId: string, rating: number): Promise<void> {
    const request = (await this.requests.findById(requestId))!;
    const [assignee] = await this.requests.townshipLeaders();
    await this.tenant.manager.getRepository(FollowUpTask).save({
      tenantId: request.tenantId,
      requestId,
      assigneeId: assignee ?? null,
      reason: `rating ${rating}`,
      status: 'open',
    });
    const [org] = await this.tenant.manager.query<{ name: string }[]>('SELECT name FROM organization_directory WHERE id = $1', [request.requesterOrganizationId]);
    if (assignee) {
      await this.notifier.notify({ userIds: [assignee] }, NotificationType.FollowUpAssigned, {
        requestId,
        number: request.number,
        title: request.title,
        rating,
        requesterName: org?.name ?? '',
      });
    }
  }

  private async requireServingOrganization(organizationId: string, field: string): Promise<void> {
    const rows = await this.tenant.manager.query('SELECT 1 FROM organization_directory WHERE id = $1', [organizationId]);
    if (rows.length === 0) throw DomainException.invalid([{ field, reason: 'notFound' }]);
  }
}
