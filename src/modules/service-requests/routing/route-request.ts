import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../../platform/clock/clock';
import { DomainException } from '../../../platform/errors/domain.exception';
import { type Actor, systemActor } from '../../../platform/tenancy/request-actor';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import type { RouteDto, ServiceRequestDetailView, TransferDto } from '../dto/service-request.dto';
import { TimelineEntryType } from '../entities/service-request-event.entity';
import { ServiceRequestStatus as S } from '../entities/service-request-status';
import type { ServiceRequest } from '../entities/service-request.entity';
import { RequestAnnouncer } from '../lifecycle/request-announcer.service';
import { RequestSteps } from '../lifecycle/request-steps.service';
import { ServiceRequestsRepository } from '../service-requests.repository';
import { SlaPlanner } from '../sla/sla-planner.service';
import { RequestRouter } from './router.service';
import { RoutingRepository } from './routing.repository';
import { GIVE_UP_AFTER_MS } from './routing-reconciler.service';
import { BoundedIdSet } from './bounded-id-set';
import type { Notice } from '../../../platform/notifications/notifier.service';
import { PeopleDirectory } from '../../users/people-directory.service';
import { OrganizationDirectory } from '../../organizations/organization-directory.service';

const COMPANIONS_SAVEPOINT = 'routing_companions';

/**
 * Puts a request with a serving organisation and a handler, whoever does it: the worker's routing
 * job by the alliance's rules, an official by hand (分派), or the server or an official handing it
 * on (转办). One lifecycle step each (RequestSteps: the row locked, the state machine, the SLA, the
 * timeline, the notifications); they differ in who acts and how the organisation is chosen.
 */
@Injectable()
export class RouteRequest {
  private readonly logger = new Logger(RouteRequest.name);
  /** Routed here as companions and committed: their own jobs, which follow, need not ask the database. */
  private readonly routedAsCompanions = new BoundedIdSet(20_000);
  /** Failed here as companions: only their own jobs route them from now on. */
  private readonly unroutable = new BoundedIdSet(1000);

  constructor(
    private readonly organizationDirectory: OrganizationDirectory,
    private readonly peopleDirectory: PeopleDirectory,
    private readonly tenant: TenantContext,
    private readonly steps: RequestSteps,
    private readonly router: RequestRouter,
    private readonly routing: RoutingRepository,
    private readonly requests: ServiceRequestsRepository,
    private readonly planner: SlaPlanner,
    private readonly announcer: RequestAnnouncer,
    private readonly clock: Clock,
  ) {}

  /**
   * The routing job: the township routes a submitted request by the rules, and with it up to
   * `companions` other requests of the township still waiting, in the same transaction (one BEGIN,
   * one COMMIT and one flush of the log for all of them; the rules, the category and the settings
   * read once). Idempotent: each request is locked and one that is no longer "submitted" is left
   * alone, so the companions' own jobs, a retried or a duplicated job change nothing, add no
   * timeline entry and send no second notification (the keys below make sure of that even for a
   * job that ran before a rollback).
   */
  async automatically(tenantId: string, requestId: string, companions = 0): Promise<void> {
    // A companion of a batch this process committed: routed, and a routed request never waits again.
    if (this.routedAsCompanions.take(requestId)) return;
    const routed = await this.tenant.run(systemActor(tenantId), async () => {
      await this.routeBySystem(tenantId, requestId);
      return companions > 0 ? this.routeCompanions(tenantId, requestId, companions) : [];
    });
    for (const id of routed) this.routedAsCompanions.add(id);
  }

  /**
   * The companions (submitted within the last day: older ones the reconciler left to people),
   * behind a savepoint, their notices told together: one that cannot be routed (its data broken, a
   * statement failing) takes only the companions back, never the job's own request, and is left to
   * its own job from then on. Rows another transaction holds are skipped, so two jobs never wait on
   * each other's companions. Answers the ids routed.
   */
  private async routeCompanions(tenantId: string, requestId: string, limit: number): Promise<string[]> {
    const since = new Date(this.clock.now().getTime() - GIVE_UP_AFTER_MS);
    const waiting = await this.routing.lockWaiting(requestId, since, limit, this.unroutable.list());
    if (waiting.length === 0) return [];
    // Their row locks stay until COMMIT either way: their own jobs then find them as they are.
    await this.routing.savepoint(COMPANIONS_SAVEPOINT);
    const routed: string[] = [];
    const notices: (Notice | null)[] = [];
    let current: string | undefined;
    try {
      for (const id of waiting) {
        current = id;
        if (await this.routeBySystem(tenantId, id, notices)) routed.push(id);
      }
      current = undefined;
      await this.announcer.tell(...notices);
      return routed;
    } catch (error) {
      await this.routing.rollbackToSavepoint(COMPANIONS_SAVEPOINT);
      if (current) this.unroutable.add(current);
      this.logger.warn({ err: error, requestId: current }, 'Routing companions failed; left to their own jobs');
      return [];
    }
  }

  /**
   * One request, routed by the rules unless it no longer waits, in the caller's transaction; its
   * notices told now, or added to `notices` for the caller to tell. Answers whether it was routed.
   */
  private async routeBySystem(tenantId: string, requestId: string, notices?: (Notice | null)[]): Promise<boolean> {
    let decision: Awaited<ReturnType<RequestRouter['decide']>> | undefined;
    const routed = await this.steps.apply(systemActor(tenantId), requestId, {
      action: 'route',
      entry: TimelineEntryType.Routed,
      system: true,
      // The rules, the paired department and the settings come with the lock: one round trip fewer.
      lock: (id) => this.routing.lockWithFacts(id),
      only: (request) => request.status === S.Submitted,
      changes: async (request) => {
        decision = await this.router.decide(request);
        return this.assignment(request, decision.organizationId, decision.handlerId);
      },
      data: () => ({
        organizationId: decision?.organizationId,
        handlerId: decision?.handlerId,
        reason: decision?.reason,
        ruleId: decision?.ruleId,
        confidence: decision?.confidence,
        historySuggestion: decision?.suggestion,
      }),
      dedupeKey: 'routed:auto',
      announce: async (request) => {
        const told = [
          await this.announcer.assigned(request, `assigned:${requestId}:auto`),
          this.announcer.updated(request, await this.announcer.providerName(request), `routed:${requestId}:auto`),
        ];
        if (notices) notices.push(...told);
        else await this.announcer.tell(...told);
      },
    });
    return routed !== null;
  }

  /** An official routes by hand, to any serving organisation (and, if given, handler). */
  manually(actor: Actor, id: string, input: RouteDto): Promise<ServiceRequestDetailView> {
    return this.steps.run(actor, id, {
      action: 'route',
      entry: TimelineEntryType.Routed,
      changes: async (request) => {
        await this.requireServingOrganization(input.organizationId, 'organizationId');
        const handlerId = input.handlerId ?? (await this.router.leastLoadedHandler(input.organizationId));
        if (
          input.handlerId &&
          !(await this.peopleDirectory.activeStaff(input.organizationId)).includes(input.handlerId)
        ) {
          throw DomainException.invalid([{ field: 'handlerId', reason: 'notFound' }]);
        }
        return this.assignment(request, input.organizationId, handlerId);
      },
      data: { organizationId: input.organizationId, manual: true },
    });
  }

  /** 转办: the server (or an official) hands the request on to another serving organisation. */
  transfer(actor: Actor, id: string, input: TransferDto): Promise<ServiceRequestDetailView> {
    return this.steps.run(actor, id, {
      action: 'transfer',
      entry: TimelineEntryType.Transferred,
      changes: async (request) => {
        await this.requireServingOrganization(input.organizationId, 'organizationId');
        if (input.organizationId === request.assignedOrganizationId)
          throw DomainException.invalid([{ field: 'organizationId', reason: 'sameOrganization' }]);
        return this.assignment(
          request,
          input.organizationId,
          await this.router.leastLoadedHandler(input.organizationId),
        );
      },
      note: input.reason,
      data: { organizationId: input.organizationId },
    });
  }

  /** A new serving organisation: its own time to accept, from now; the time to resolve still counts from submission. */
  private async assignment(
    request: ServiceRequest,
    organizationId: string,
    handlerId: string | null,
  ): Promise<Partial<ServiceRequest>> {
    const routedAt = this.clock.now();
    const { acceptDueAt, resolveDueAt } = await this.planner.deadlines(request, routedAt);
    return {
      assignedOrganizationId: organizationId,
      handlerId,
      acceptedAt: null,
      routedAt,
      acceptDueAt,
      resolveDueAt: request.resolveDueAt ?? resolveDueAt,
    };
  }

  private async requireServingOrganization(organizationId: string, field: string): Promise<void> {
    if (!(await this.organizationDirectory.exists(organizationId)))
      throw DomainException.invalid([{ field, reason: 'notFound' }]);
  }
}
