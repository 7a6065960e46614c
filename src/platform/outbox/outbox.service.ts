import { Injectable } from '@nestjs/common';
import { JobItem, QUEUE_OF } from '../queue/queue.constants';
import { TenantContext } from '../tenancy/tenant-context.service';
import { OutboxEvent } from './outbox-event.entity';

/** Notified by the outbox_events statement trigger (migration OutboxNotifyTrigger) when rows are added. */
export const OUTBOX_CHANNEL = 'outbox_event';

/** Records a job in the current transaction; the relay in the worker hands it to BullMQ after commit. */
@Injectable()
export class Outbox {
  constructor(private readonly tenant: TenantContext) {}

  async enqueue(item: JobItem, options: { jobId?: string; notBefore?: Date } = {}): Promise<string> {
    const event = await this.tenant.manager.getRepository(OutboxEvent).save({
      tenantId: this.tenant.actorOrNull?.tenantId ?? null,
      queue: QUEUE_OF[item.name],
      jobName: item.name,
      payload: item.payload as unknown as Record<string, unknown>,
      jobId: options.jobId ?? null,
      notBefore: options.notBefore ?? null,
    });
    return event.id;
  }
}
