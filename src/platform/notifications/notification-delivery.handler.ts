import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../clock/clock';
import { HandlesJob, JobContext, JobHandler } from '../queue/handles-job.decorator';
import type { JobPayloads } from '../queue/job-registry';
import { NotificationJob } from './notifications.jobs';
import { TenantContext } from '../tenancy/tenant-context.service';
import type { Person, SendResult } from './channels/channel-sender';
import { ChannelRegistry } from './channels/channel-registry';
import { NotificationDelivery } from './entities/notification-delivery.entity';
import { NotificationEvent } from './entities/notification-event.entity';
import { DeliveryStatus } from './notification-types';
import { openPayload } from './notifier.service';
import { SecretBox } from './secret-box';
import { jobActor } from '../tenancy/request-actor';

/**
 * Sends one delivery through its channel's sender. Safe to run twice: a delivery already sent is skipped. A failure is recorded
 * and rethrown so BullMQ retries with backoff; the last failed attempt marks the delivery failed,
 * where platform admins see it and can retry it. A sender that cannot send as things stand (no
 * mobile number, no template) returns a reason: the delivery is skipped, with the reason, and not retried.
 */
@Injectable()
@HandlesJob(NotificationJob.DeliverNotification)
export class NotificationDeliveryHandler implements JobHandler<NotificationJob.DeliverNotification> {
  private readonly logger = new Logger(NotificationDeliveryHandler.name);

  constructor(
    private readonly tenant: TenantContext,
    private readonly channels: ChannelRegistry,
    private readonly clock: Clock,
    private readonly box: SecretBox,
  ) {}

  async handle(
    { tenantId, deliveryId }: JobPayloads[NotificationJob.DeliverNotification],
    context: JobContext,
  ): Promise<void> {
    const actor = jobActor(tenantId);
    const repo = () => this.tenant.manager.getRepository(NotificationDelivery);
    const delivery = await this.tenant.run(actor, () => repo().findOne({ where: { id: deliveryId } }));
    if (!delivery || delivery.status !== DeliveryStatus.Pending) return;
    try {
      const result = await this.tenant.run(actor, () => this.send(delivery));
      await this.tenant.run(actor, () =>
        repo().update(
          { id: delivery.id },
          result.status === 'sent'
            ? {
                status: DeliveryStatus.Sent,
                attempts: delivery.attempts + 1,
                sentAt: this.clock.now(),
                lastError: null,
              }
            : {
                status: DeliveryStatus.Skipped,
                attempts: delivery.attempts + 1,
                lastError: result.reason.slice(0, 1000),
              },
        ),
      );
    } catch (error) {
      const last = context.attempt >= context.maxAttempts;
      const reason = (error as Error).message?.slice(0, 1000) ?? String(error);
      this.logger.warn({ deliveryId, channel: delivery.channel, attempt: context.attempt, reason }, 'Delivery failed');
      await this.tenant.run(actor, () =>
        repo().update(
          { id: delivery.id },
          { attempts: delivery.attempts + 1, lastError: reason, ...(last ? { status: DeliveryStatus.Failed } : {}) },
        ),
      );
      throw error;
    }
  }

  private async send(delivery: NotificationDelivery): Promise<SendResult> {
    const manager = this.tenant.manager;
    const event = await manager.getRepository(NotificationEvent).findOneByOrFail({ id: delivery.eventId });
    const [person] = delivery.userId
      ? await manager.query<Person[]>('SELECT id, email, mobile, locale FROM users WHERE id = $1', [delivery.userId])
      : [];
    return this.channels
      .get(delivery.channel)
      .send(delivery, { type: event.type, payload: openPayload(event.payload, this.box), person: person ?? null });
  }
}
