import { Injectable } from '@nestjs/common';
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
import { PeopleDirectory } from '../../users/people-directory.service';
import { OrganizationDirectory } from '../../organizations/organization-directory.service';

/**
 * Puts a request with a serving organisation and a handler, whoever does it: the worker's routing
 * job by the alliance's rules, an official by hand (分派), or the server or an official handing it
 * on (转办). One lifecycle step each (RequestSteps: the row locked, the state machine, the SLA, the
 * timeline, the notifications); they differ in who acts and how the organisation is chosen.
 */
@Injectable()
export class RouteRequest {
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
   * The routing job: the township routes a submitted request by the rules. Idempotent: the request
   * is locked, and one that is no longer "submitted" is left alone, so a retried or duplicated job
   * changes nothing, adds no timeline entry and sends no second notification (the keys below make
   * sure of that even for a job that ran before a rollback).
   */
  automatically(tenantId: string, requestId: string): Promise<void> {
    return this.tenant.run(systemActor(tenantId), async () => {
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
