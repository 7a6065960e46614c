import { Injectable, Logger } from '@nestjs/common';
import { Role } from '../auth/entities/role';
import { Clock } from '../clock/clock';
import { HandlesJob, JobContext, JobHandler } from '../queue/handles-job.decorator';
import type { JobPayloads } from '../queue/job-registry';
import { NotificationJob } from './notifications.jobs';
import { TenantContext } from '../tenancy/tenant-context.service';
import { ChannelSenders } from './channels/channel-senders';
import { GroupRobot } from './entities/group-robot.entity';
import { NotificationDelivery } from './entities/notification-delivery.entity';
import { NotificationEvent } from './entities/notification-event.entity';
import { NotificationSettingsReader } from './notification-settings.service';
import { languageOf, renderNotification } from './notification-templates';
import { DeliveryChannel, DeliveryStatus } from './notification-types';
import { openPayload } from './notifier.service';
import { SecretBox } from './secret-box';

/**
 * Sends one delivery. Safe to run twice: a delivery already sent is skipped. A failure is recorded
 * and rethrown so BullMQ retries with backoff; the last failed attempt marks the delivery failed,
 * where platform admins see it and can retry it.
 */
@Injectable()
@HandlesJob(NotificationJob.DeliverNotification)
export class NotificationDeliveryHandler implements JobHandler<NotificationJob.DeliverNotification> {
  private readonly logger = new Logger(NotificationDeliveryHandler.name);

  constructor(
    private readonly tenant: TenantContext,
    private readonly senders: ChannelSenders,
    private readonly settings: NotificationSettingsReader,
    private readonly clock: Clock,
    private readonly box: SecretBox,
  ) {}

  async handle({ tenantId, deliveryId }: JobPayloads[NotificationJob.DeliverNotification], context: JobContext): Promise<void> {
    const actor = { userId: '', tenantId, role: tenantId ? Role.TownshipAdmin : Role.PlatformAdmin, organizationId: null };
    const repo = () => this.tenant.manager.getRepository(NotificationDelivery);
    const delivery = await this.tenant.run(actor, () => repo().findOne({ where: { id: deliveryId } }));
    if (!delivery || delivery.status !== DeliveryStatus.Pending) return;
    try {
      await this.tenant.run(actor, () => this.send(delivery));
      await this.tenant.run(actor, () =>
        repo().update({ id: delivery.id }, { status: DeliveryStatus.Sent, attempts: delivery.attempts + 1, sentAt: this.clock.now(), lastError: null }),
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

  private async send(delivery: NotificationDelivery): Promise<void> {
    const manager = this.tenant.manager;
    const event = await manager.getRepository(NotificationEvent).findOneByOrFail({ id: delivery.eventId });
    const payload = openPayload(event.payload, this.box);
    if (delivery.channel === DeliveryChannel.Email) {
      const [user] = await manager.query<{ email: string | null; locale: string }[]>('SELECT email, locale FROM users WHERE id = $1', [delivery.userId]);
      const server = await this.settings.mailServer(delivery.tenantId);
      if (!user?.email) throw new Error('The recipient has no email address');
      if (!server) throw new Error('No mail server is configured');
      await this.senders.email(server, user.email, renderNotification(event.type, payload, languageOf(user.locale)), delivery.id);
      return;
    }
    const robot = await manager.getRepository(GroupRobot).findOneBy({ id: delivery.robotId! });
    if (!robot) throw new Error('The group robot was removed');
    const message = renderNotification(event.type, payload, 'zh-CN');
    if (delivery.channel === DeliveryChannel.WeCom) await this.senders.weCom(robot, message);
    else await this.senders.dingTalk(robot, message);
  }
}
