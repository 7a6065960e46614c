import { Injectable } from '@nestjs/common';
import { Clock } from '../../../platform/clock/clock';
import { HandlesJob, JobHandler } from '../../../platform/queue/handles-job.decorator';
import type { JobPayloads } from '../../../platform/queue/job-registry';
import { ServiceRequestJob } from '../service-requests.jobs';
import { systemActor } from '../../../platform/tenancy/request-actor';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { TimelineEntryType } from '../entities/service-request-event.entity';
import { ServiceRequestStatus as S } from '../entities/service-request-status';
import { RequestAnnouncer } from '../lifecycle/request-announcer.service';
import { nextStatus } from '../lifecycle/transitions';
import { RequestRouter } from '../routing/router.service';
import { ServiceRequestsRepository } from '../service-requests.repository';
import { SlaEvaluator } from '../sla/sla-evaluator.service';
import { SlaPlanner } from '../sla/sla-planner.service';

/**
 * Routes a submitted request to its serving organisation and handler. Idempotent: the request is
 * locked, and one that is no longer "submitted" is left alone, so a retried or duplicated job
 * changes nothing, adds no timeline entry and sends no second notification.
 */
@Injectable()
@HandlesJob(ServiceRequestJob.RouteServiceRequest)
export class RouteRequestHandler implements JobHandler<ServiceRequestJob.RouteServiceRequest> {
  constructor(
    private readonly tenant: TenantContext,
    private readonly requests: ServiceRequestsRepository,
    private readonly router: RequestRouter,
    private readonly planner: SlaPlanner,
    private readonly sla: SlaEvaluator,
    private readonly announcer: RequestAnnouncer,
    private readonly clock: Clock,
  ) {}

  handle({ tenantId, requestId }: JobPayloads[ServiceRequestJob.RouteServiceRequest]): Promise<void> {
    return this.tenant.run(systemActor(tenantId), async () => {
      const request = await this.requests.findForUpdate(requestId);
      if (!request || request.status !== S.Submitted) return;
      const decision = await this.router.decide(request);
      const routedAt = this.clock.now();
      const deadlines = await this.planner.deadlines(request, routedAt);
      const status = nextStatus('route', request.status, ['system']);
      const changes = { status, assignedOrganizationId: decision.organizationId, handlerId: decision.handlerId, routedAt, ...deadlines };
      const routed = { ...request, ...changes };
      const sla = await this.sla.settle(routed);
      await this.requests.update(request.id, { ...changes, ...sla });
      await this.requests.addEvent({
        tenantId,
        requestId,
        type: TimelineEntryType.Routed,
        data: { to: status, organizationId: decision.organizationId, handlerId: decision.handlerId, reason: decision.reason, ruleId: decision.ruleId },
        dedupeKey: 'routed:auto',
      });
      await this.announcer.assigned(routed, `assigned:${requestId}:auto`);
      await this.announcer.updated(routed, await this.announcer.providerName(routed), `routed:${requestId}:auto`);
    });
  }
}
