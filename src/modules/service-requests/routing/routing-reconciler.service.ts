import { Injectable, Logger } from '@nestjs/common';
import { Role } from '../../../platform/auth/entities/role';
import { Clock } from '../../../platform/clock/clock';
import { Outbox } from '../../../platform/outbox/outbox.service';
import { JobName } from '../../../platform/queue/queue.constants';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';

/** A routing job normally runs within seconds; one still waiting after this was lost. */
const STUCK_AFTER_MS = 60_000;
/** Older ones are left to people (the supervision board) rather than retried every minute forever. */
const GIVE_UP_AFTER_MS = 24 * 3600_000;

/**
 * Hands routing jobs that Redis lost (flushed, failed over without its data) back to the outbox.
 * The relay's event is marked published once BullMQ has the job, so a job deleted from Redis after
 * that would leave its request "submitted" for good. Re-enqueued with the same job id: BullMQ
 * ignores it while the original still exists, and the handler leaves a routed request alone.
 */
@Injectable()
export class RoutingReconciler {
  private readonly logger = new Logger(RoutingReconciler.name);

  constructor(
    private readonly tenant: TenantContext,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async reconcile(): Promise<number> {
    const now = this.clock.now().getTime();
    const tenants = await this.tenant.run({ userId: '', tenantId: null, role: Role.PlatformAdmin, organizationId: null }, () =>
      this.tenant.manager.query<{ id: string }[]>('SELECT id FROM tenants'),
    );
    let requeued = 0;
    for (const { id: tenantId } of tenants) {
      requeued += await this.tenant.run({ userId: '', tenantId, role: Role.TownshipAdmin, organizationId: null }, async () => {
        const stuck = await this.tenant.manager.query<{ id: string }[]>(
          `SELECT id FROM service_requests WHERE status = 'submitted' AND created_at BETWEEN $1 AND $2 ORDER BY created_at LIMIT 500`,
          [new Date(now - GIVE_UP_AFTER_MS), new Date(now - STUCK_AFTER_MS)],
        );
        for (const { id } of stuck) {
          await this.outbox.enqueue({ name: JobName.RouteServiceRequest, payload: { tenantId, requestId: id } }, { jobId: `route-${id}` });
        }
        return stuck.length;
      });
    }
    if (requeued > 0) this.logger.warn({ count: requeued }, 'Routing jobs re-enqueued for requests still waiting to be routed');
    return requeued;
  }
}
