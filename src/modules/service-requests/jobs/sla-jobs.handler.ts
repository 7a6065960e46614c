import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../../platform/clock/clock';
import { HandlesJob, JobHandler } from '../../../platform/queue/handles-job.decorator';
import type { JobPayloads } from '../../../platform/queue/job-registry';
import { AUTO_CLOSE_AFTER_DAYS, ServiceRequestJob } from '../service-requests.jobs';
import { platformActor, systemActor } from '../../../platform/tenancy/request-actor';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { TimelineEntryType } from '../entities/service-request-event.entity';
import { ServiceRequestStatus as S } from '../entities/service-request-status';
import { RoutingReconciler } from '../routing/routing-reconciler.service';
import { ServiceRequestsRepository } from '../service-requests.repository';
import { SlaEvaluator } from '../sla/sla-evaluator.service';
import { SlaRepository } from '../sla/sla.repository';

/** A timer fired: apply whatever milestones are due now. */
@Injectable()
@HandlesJob(ServiceRequestJob.CheckSla)
export class CheckSlaHandler implements JobHandler<ServiceRequestJob.CheckSla> {
  constructor(
    private readonly tenant: TenantContext,
    private readonly requests: ServiceRequestsRepository,
    private readonly evaluator: SlaEvaluator,
  ) {}

  handle({ tenantId, requestId }: JobPayloads[ServiceRequestJob.CheckSla]): Promise<void> {
    return this.tenant.run(systemActor(tenantId), async () => {
      const request = await this.requests.findForUpdate(requestId);
      if (request) await this.evaluator.evaluate(request);
    });
  }
}

/**
 * Every minute, across townships: anything whose milestone is due, in case a timer was lost; and
 * any request whose routing job was lost. The database is the authority, Redis only the clock.
 */
@Injectable()
@HandlesJob(ServiceRequestJob.SweepSla)
export class SweepSlaHandler implements JobHandler<ServiceRequestJob.SweepSla> {
  private readonly logger = new Logger(SweepSlaHandler.name);

  constructor(
    private readonly tenant: TenantContext,
    private readonly checker: CheckSlaHandler,
    private readonly routing: RoutingReconciler,
    private readonly clock: Clock,
    private readonly sla: SlaRepository,
  ) {}

  async handle(): Promise<number> {
    await this.routing.reconcile();
    const due = await this.tenant.run(platformActor(), () => this.sla.dueMilestones(this.clock.now()));
    for (const row of due) await this.checker.handle({ tenantId: row.tenant_id, requestId: row.id });
    if (due.length > 0) this.logger.log({ count: due.length }, 'SLA sweep applied due milestones');
    return due.length;
  }
}

/** Resolved requests nobody rated close themselves after seven days. */
@Injectable()
@HandlesJob(ServiceRequestJob.AutoCloseResolved)
export class AutoCloseHandler implements JobHandler<ServiceRequestJob.AutoCloseResolved> {
  constructor(
    private readonly tenant: TenantContext,
    private readonly requests: ServiceRequestsRepository,
    private readonly clock: Clock,
    private readonly sla: SlaRepository,
  ) {}

  async handle(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - AUTO_CLOSE_AFTER_DAYS * 86_400_000);
    const tenants = await this.tenant.tenantIds();
    let closed = 0;
    for (const tenantId of tenants) {
      closed += await this.tenant.run(systemActor(tenantId), async () => {
        const stale = await this.sla.staleResolved(cutoff);
        for (const request of stale) {
          await this.requests.update(request.id, { status: S.Closed, closedAt: this.clock.now() });
          await this.requests.addEvent({
            tenantId,
            requestId: request.id,
            type: TimelineEntryType.Closed,
            data: { from: S.Resolved, to: S.Closed, automatic: true },
            dedupeKey: `auto-close:${request.resolvedAt?.toISOString()}`,
          });
        }
        return stale.length;
      });
    }
    return closed;
  }
}
