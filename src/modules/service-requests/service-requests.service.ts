import { HttpStatus, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Role } from '../../platform/auth/entities/role';
import { Clock } from '../../platform/clock/clock';
import { localDate } from '../../platform/clock/local-date';
import { DomainException } from '../../platform/errors/domain.exception';
import { bodyFingerprint } from '../../platform/http/body-fingerprint';
import { ErrorCode } from '../../platform/errors/error-code';
import { ServiceRequestNotification } from './service-requests.notifications';
import { Notifier } from '../../platform/notifications/notifier.service';
import type { Page, PageQueryDto } from '../../platform/pagination/page.dto';
import { type Actor, systemActor } from '../../platform/tenancy/request-actor';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import type {
  CommentDto,
  ListServiceRequestsQuery,
  ServiceRequestDetailView,
  ServiceRequestView,
  SubmitServiceRequestDto,
} from './dto/service-request.dto';
import { TimelineEntryType } from './entities/service-request-event.entity';
import { ServiceRequestStatus as S, Urgency } from './entities/service-request-status';
import type { ServiceRequest } from './entities/service-request.entity';
import { allowedActions, partiesOf } from './request-parties';
import { AttachmentsRepository } from './attachments.repository';
import { ServiceRequestsRepository } from './service-requests.repository';
import { routeJobRow } from './routing/route-job';
import { PeopleDirectory } from '../users/people-directory.service';
import { OrganizationDirectory } from '../organizations/organization-directory.service';
import { ServiceRequestViewsRepository } from './service-request-views.repository';

const OPEN = [S.Routed, S.Accepted, S.InProgress];

/** An idempotency key and the fingerprint of the body it came with (null: do not compare bodies). */
interface Idempotency {
  key: string;
  bodyHash: string | null;
}

/** Submitting, reading, commenting on and chasing service requests. Transitions are in ServiceRequestActions. */
@Injectable()
export class ServiceRequestsService {
  constructor(
    private readonly views: ServiceRequestViewsRepository,
    private readonly organizationDirectory: OrganizationDirectory,
    private readonly peopleDirectory: PeopleDirectory,
    private readonly requests: ServiceRequestsRepository,
    private readonly tenant: TenantContext,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly attachments: AttachmentsRepository,
  ) {}

  /**
   * Stores the request and the event that starts its routing in one transaction. With an
   * Idempotency-Key, the same key and body return the same request, however often and however
   * concurrently; the same key with another body is refused (422).
   */
  async submit(
    actor: Actor,
    input: SubmitServiceRequestDto,
    idempotencyKey?: string,
  ): Promise<{ request: ServiceRequestView; replayed: boolean }> {
    if (actor.role !== Role.EnterpriseContact || !actor.organizationId) throw DomainException.forbidden();
    return this.file(
      actor,
      actor.organizationId,
      actor.userId,
      input,
      idempotencyKey ? { key: idempotencyKey, bodyHash: bodyFingerprint(input) } : undefined,
    );
  }

  /**
   * An official files a request on behalf of an enterprise, e.g. a problem raised on a pairing visit
   * (结对联系); `origin` is kept on the submitted event so the timeline links back to where it came from.
   */
  async submitOnBehalf(
    actor: Actor,
    organizationId: string,
    input: SubmitServiceRequestDto,
    idempotencyKey: string,
    origin: Record<string, unknown>,
  ): Promise<{ request: ServiceRequestView; replayed: boolean }> {
    if (actor.role !== Role.TownshipAdmin) throw DomainException.forbidden();
    // The enterprise's contact is the requester, so updates and the rating go to the enterprise.
    const contactId = (await this.peopleDirectory.activeStaff(organizationId, { role: Role.EnterpriseContact }))[0];
    // The key is ours, not a client's: a replay after a lost link answers with the request whatever the body.
    return this.file(
      actor,
      organizationId,
      contactId ?? actor.userId,
      input,
      { key: idempotencyKey, bodyHash: null },
      { filedBy: actor.userId, ...origin },
    );
  }

  private async file(
    actor: Actor,
    organizationId: string,
    requesterUserId: string,
    input: SubmitServiceRequestDto,
    idempotency?: Idempotency,
    origin?: Record<string, unknown>,
  ): Promise<{ request: ServiceRequestView; replayed: boolean }> {
    const key = idempotency?.key ?? null;
    const check = await this.requests.checkSubmission({
      categoryId: input.categoryId,
      allianceId: input.allianceId,
      organizationId,
      requesterUserId,
      idempotencyKey: key,
    });
    if (check.existing) return this.replay(check.existing, idempotency!, actor);
    if (!check.categoryActive) throw DomainException.invalid([{ field: 'categoryId', reason: 'notFound' }]);
    if (!check.member) throw DomainException.invalid([{ field: 'allianceId', reason: 'notAMember' }]);

    const now = this.clock.now();
    const id = randomUUID();
    const request = await this.requests.insertSubmitted({
      id,
      tenantId: this.tenant.tenantId,
      year: Number(localDate(now).slice(0, 4)),
      allianceId: input.allianceId,
      organizationId,
      requesterUserId,
      categoryId: input.categoryId,
      title: input.title.trim(),
      description: input.description.trim(),
      urgency: input.urgency ?? Urgency.Normal,
      preferredContact: input.preferredContact ?? {},
      idempotencyKey: key,
      idempotencyRequestHash: idempotency?.bodyHash ?? null,
      submittedAt: now,
      actorUserId: actor.userId,
      origin: origin ?? {},
      routing: routeJobRow(this.tenant.tenantId, id),
    });
    if (request) return { request, replayed: false };
    // A concurrent submission with the same key committed first: answer with its request.
    const winner = await this.requests.findByIdempotencyKey(requesterUserId, idempotency!.key);
    return this.replay(winner!, idempotency!, actor);
  }

  /**
   * The request a key already made. A different body under the same key is refused rather than
   * answered with a request the client did not describe; an unknown hash (older rows) is accepted.
   */
  private async replay(
    existing: Pick<ServiceRequest, 'id' | 'idempotencyRequestHash'>,
    idempotency: Idempotency,
    actor: Actor,
  ): Promise<{ request: ServiceRequestView; replayed: true }> {
    const { bodyHash } = idempotency;
    if (bodyHash && existing.idempotencyRequestHash && existing.idempotencyRequestHash !== bodyHash) {
      throw new DomainException(ErrorCode.IdempotencyKeyReused, HttpStatus.UNPROCESSABLE_ENTITY, [
        { field: 'Idempotency-Key', reason: 'reusedWithDifferentBody' },
      ]);
    }
    return { request: (await this.views.view(existing.id, actor))!, replayed: true };
  }

  list(actor: Actor, query: ListServiceRequestsQuery): Promise<Page<ServiceRequestView>> {
    if (actor.role === Role.Expert) throw DomainException.forbidden();
    return this.views.list(actor, query);
  }

  async detail(actor: Actor, id: string): Promise<ServiceRequestDetailView> {
    const request = await this.requireVisible(actor, id);
    const parties = partiesOf(actor, request);
    const seesInternal = parties.includes('provider') || parties.includes('official');
    // One after another: they share the transaction's connection, which runs one query at a time anyway.
    const view = await this.views.view(id, actor);
    const timeline = await this.views.timeline(id, seesInternal);
    // The model's suggestion below its threshold is for the people serving it, not the enterprise.
    if (!seesInternal) for (const entry of timeline) delete entry.data.historySuggestion;
    const attachments = await this.attachments.listOf(id);
    const actions: string[] = allowedActions(parties, request.status);
    if (parties.includes('requester') && this.isLate(request)) actions.push('chase');
    return { ...view!, timeline, attachments, allowedActions: actions };
  }

  async comment(actor: Actor, id: string, input: CommentDto): Promise<ServiceRequestDetailView> {
    const request = await this.requireVisible(actor, id);
    const parties = partiesOf(actor, request);
    if (input.internal && !parties.includes('provider') && !parties.includes('official'))
      throw DomainException.forbidden();
    await this.requests.addEvent({
      tenantId: request.tenantId,
      requestId: id,
      type: TimelineEntryType.Comment,
      actorUserId: actor.userId,
      internal: !!input.internal,
      body: input.body.trim(),
    });
    const authorName = await this.peopleDirectory.displayName(actor.userId);
    const others = parties.includes('requester')
      ? [
          request.handlerId,
          ...(request.assignedOrganizationId
            ? await this.peopleDirectory.activeStaff(request.assignedOrganizationId)
            : []),
        ]
      : input.internal
        ? request.assignedOrganizationId
          ? await this.peopleDirectory.activeStaff(request.assignedOrganizationId)
          : []
        : [request.requesterUserId];
    await this.notifier.notify(
      { userIds: others.filter((u): u is string => !!u && u !== actor.userId) },
      ServiceRequestNotification.RequestComment,
      { requestId: id, number: request.number, authorName: authorName ?? '', body: input.body.slice(0, 200) },
    );
    return this.detail(actor, id);
  }

  /** 催办: the enterprise chases a late request, at most once a (local) day. */
  async chase(actor: Actor, id: string): Promise<ServiceRequestDetailView> {
    const request = await this.requireVisible(actor, id, true);
    if (!partiesOf(actor, request).includes('requester')) throw DomainException.forbidden();
    if (!this.isLate(request))
      throw new DomainException(ErrorCode.InvalidTransition, HttpStatus.CONFLICT, [
        { field: 'status', reason: 'notLate' },
      ]);
    const now = this.clock.now();
    if (request.lastChasedAt && localDate(request.lastChasedAt) === localDate(now)) {
      throw new DomainException(ErrorCode.TooManyRequests, HttpStatus.TOO_MANY_REQUESTS, [
        { field: 'id', reason: 'chasedToday' },
      ]);
    }
    await this.requests.update(id, { lastChasedAt: now });
    await this.requests.addEvent({
      tenantId: request.tenantId,
      requestId: id,
      type: TimelineEntryType.Chased,
      actorUserId: actor.userId,
    });
    const requesterName = await this.organizationDirectory.name(request.requesterOrganizationId);
    const staff = request.assignedOrganizationId
      ? await this.peopleDirectory.activeStaff(request.assignedOrganizationId)
      : [];
    await this.notifier.notify(
      { userIds: [request.handlerId, ...staff].filter((u): u is string => !!u) },
      ServiceRequestNotification.RequestChased,
      { requestId: id, number: request.number, title: request.title, requesterName: requesterName ?? '' },
      { urgent: true },
    );
    return this.detail(actor, id);
  }

  /** The request as it stands after the actor handed it over: no timeline, no actions. */
  async summaryAfterHandOver(id: string): Promise<ServiceRequestDetailView> {
    const view = await this.views.view(id, systemActor(this.tenant.tenantId));
    return { ...view!, timeline: [], attachments: [], allowedActions: [] };
  }

  supervision(page: PageQueryDto): Promise<Page<ServiceRequestView>> {
    return this.views.supervision(page);
  }

  isLate(request: ServiceRequest): boolean {
    const now = this.clock.now();
    if (!OPEN.includes(request.status)) return false;
    return (
      (request.status === S.Routed && !!request.acceptDueAt && request.acceptDueAt < now) ||
      (!!request.resolveDueAt && request.resolveDueAt < now)
    );
  }

  /** The request if the actor may see it, else 404 (never 403: ids of others do not exist for them). */
  async requireVisible(actor: Actor, id: string, lock = false): Promise<ServiceRequest> {
    const request = lock ? await this.requests.findForUpdate(id) : await this.requests.findById(id);
    if (!request || partiesOf(actor, request).length === 0) throw DomainException.notFound();
    return request;
  }
}
