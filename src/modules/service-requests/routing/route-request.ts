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
import { PeopleDirectory } from '../../users/people-directory.service';
import { OrganizationDirectory } from '../../organizations/organization-directory.service';

/**
 * Puts a request with a serving organisation and a handler, whoever does it: the worker's routing
 * job by the alliance's rules, an official by hand (分派), or the server or an official handing it
 * on (转办). One lifecycle step each (RequestSteps: the row locked, the state machine, the SLA, the
 * timeline, the notifications); they differ in who acts and how the organisation is chosen.
 */
const COMPANIONS_SAVEPOINT = 'routing_companions';
/** Requests whose routing as a companion failed in this process: only their own jobs route them. Bounded. */
const unroutableCompanions = new Set<string>();
const UNROUTABLE_KEPT = 1000;

function rememberUnroutable(id: string): void {
  if (unroutableCompanions.size >= UNROUTABLE_KEPT)
    unroutableCompanions.delete(unroutableCompanions.values().next().value!);
  unroutableCompanions.add(id);
}

@Injectable()
export class RouteRequest {
  private readonly logger = new Logger(RouteRequest.name);

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
  automatically(tenantId: string, requestId: string, companions = 0): Promise<void> {
    return this.tenant.run(systemActor(tenantId), async () => {
      await this.routeBySystem(tenantId, requestId);
      if (companions > 0) await this.routeCompanions(tenantId, requestId, companions);
    });
  }

  /**
   * The companions (submitted within the last day: older ones the reconciler left to people), behind a savepoint: one that cannot be routed (its data broken, a statement
   * failing) takes only the companions back, never the job's own request, and is left to its own
   * job from then on (this process remembers it). Rows another transaction holds are skipped, so
   * two jobs never wait on each other's companions.
   */
  private async routeCompanions(tenantId: string, requestId: string, limit: number): Promise<void> {
    const since = new Date(this.clock.now().getTime() - GIVE_UP_AFTER_MS);
    const waiting = await this.routing.lockWaiting(requestId, since, limit, [...unroutableCompanions]);
    if (waiting.length === 0) return;
    // Their row locks stay until COMMIT either way: their own jobs then find them as they are.
    await this.routing.savepoint(COMPANIONS_SAVEPOINT);
    let current: string | undefined;
    try {
      for (const id of waiting) {
        current = id;
        await this.routeBySystem(tenantId, id);
      }
    } catch (error) {
      await this.routing.rollbackToSavepoint(COMPANIONS_SAVEPOINT);
      if (current) rememberUnroutable(current);
      this.logger.warn({ err: error, requestId: current }, 'Routing a companion failed; left to its own job');
    }
  }

  /** One request, routed by the rules unless it no longer waits; the caller's transaction. */
  private async routeBySystem(tenantId: string, requestId: string): Promise<void> {
    let decision: Awaited<ReturnType<RequestRouter['decide']>> | undefined;
    await this.steps.apply(systemActor(tenantId), requestId, {
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
      }),
      dedupeKey: 'routed:auto',
      announce: async (routed) =>
        this.announcer.tell(
          await this.announcer.assigned(routed, `assigned:${requestId}:auto`),
          this.announcer.updated(routed, await this.announcer.providerName(routed), `routed:${requestId}:auto`),
        ),
    });
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
