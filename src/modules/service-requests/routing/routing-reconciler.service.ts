import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Clock } from '../../../platform/clock/clock';
import { Outbox } from '../../../platform/outbox/outbox.service';
import { SERVICE_REQUESTS_QUEUE } from '../service-requests.jobs';
import { routeJob, routeJobId } from './route-job';
import { systemActor } from '../../../platform/tenancy/request-actor';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { RoutingRepository } from './routing.repository';

/** A routing job normally runs within seconds; one still waiting after this was lost. */
const STUCK_AFTER_MS = 60_000;
/** Older ones are left to people (the supervision board) rather than retried every minute forever; no job takes them as companions either. */
export const GIVE_UP_AFTER_MS = 24 * 3600_000;

/**
 * Hands back routing jobs that were lost or gave up. Redis may lose a job (flushed, failed over
 * without its data) after the relay marked its event published; and a job whose attempts all fell
 * in a database outage ends failed. Either would leave its request "submitted" for good. A failed
 * job is retried; a missing one is enqueued again through the outbox with the same job id; one
 * still waiting or running is left alone, and the handler leaves a routed request alone anyway.
 */
@Injectable()
export class RoutingReconciler {
  private readonly logger = new Logger(RoutingReconciler.name);

  constructor(
    private readonly tenant: TenantContext,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly routing: RoutingRepository,
    @InjectQueue(SERVICE_REQUESTS_QUEUE) private readonly queue: Queue,
  ) {}

  async reconcile(): Promise<number> {
    const now = this.clock.now().getTime();
    const tenants = await this.tenant.tenantIds();
    let requeued = 0;
    for (const tenantId of tenants) {
      requeued += await this.tenant.run(systemActor(tenantId), async () => {
        // A request whose routing event still waits in the outbox (no worker has relayed it yet) is not lost.
        const stuck = await this.routing.stuckSubmitted(
          new Date(now - GIVE_UP_AFTER_MS),
          new Date(now - STUCK_AFTER_MS),
        );
        let handedBack = 0;
        for (const id of stuck) {
          const job = await this.queue.getJob(routeJobId(id));
          const state = job ? await job.getState() : 'missing';
          if (state === 'failed') await job!.retry('failed');
          else if (state === 'missing' || state === 'unknown' || state === 'completed') {
            // The job may have routed the request since the list above was read (a backlog longer
            // than a minute): a job completes only after its transaction commits, so read again.
            if (!(await this.stillSubmitted(id))) continue;
            // A completed job whose request is still submitted ran before a rollback; remove it so the id is free.
            if (state === 'completed') await job!.remove();
            await this.outbox.enqueue(routeJob(tenantId, id), { jobId: routeJobId(id) });
          } else continue;
          handedBack++;
        }
        return handedBack;
      });
    }
    if (requeued > 0)
      this.logger.warn({ count: requeued }, 'Routing jobs re-enqueued for requests still waiting to be routed');
    return requeued;
  }

  private async stillSubmitted(requestId: string): Promise<boolean> {
    return (await this.routing.statusOf(requestId)) === 'submitted';
  }
}
