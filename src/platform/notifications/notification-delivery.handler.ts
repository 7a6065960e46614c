import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../clock/clock';
import { HandlesJob, JobContext, JobHandler } from '../queue/handles-job.decorator';
import type { JobPayloads } from '../queue/job-registry';
import { NotificationJob } from './notifications.jobs';
import { TenantContext } from '../tenancy/tenant-context.service';
import type { SendResult } from './channels/channel-sender';
import { ChannelRegistry } from './channels/channel-registry';
import type { NotificationDelivery } from './entities/notification-delivery.entity';
import { DeliveryStatus } from './notification-types';
import { NotificationsRepository } from './notifications.repository';
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
    private readonly notifications: NotificationsRepository,
  ) {}

  async handle(
    { tenantId, deliveryId }: JobPayloads[NotificationJob.DeliverNotification],
    context: JobContext,
  ): Promise<void> {
    const actor = jobActor(tenantId);
    const delivery = await this.tenant.run(actor, () => this.notifications.findDelivery(deliveryId));
    if (!delivery || delivery.status !== DeliveryStatus.Pending) return;
    try {
      const result = await this.tenant.run(actor, () => this.send(delivery));
      await this.tenant.run(actor, () =>
        this.notifications.updateDelivery(
          delivery.id,
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
        this.notifications.updateDelivery(delivery.id, {
          attempts: delivery.attempts + 1,
          lastError: reason,
          ...(last ? { status: DeliveryStatus.Failed } : {}),
        }),
      );
      throw error;
    }
  }

  private async send(delivery: NotificationDelivery): Promise<SendResult> {
    const event = await this.notifications.eventOf(delivery.eventId);
    const person = delivery.userId ? await this.notifications.person(delivery.userId) : undefined;
    return this.channels
      .get(delivery.channel)
      .send(delivery, { type: event.type, payload: openPayload(event.payload, this.box), person: person ?? null });
  }
}
