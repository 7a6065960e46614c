import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../clock/clock';
import { localDate } from '../clock/local-date';
import { HandlesJob, JobHandler } from '../queue/handles-job.decorator';
import { NotificationJob } from './notifications.jobs';
import { systemActor } from '../tenancy/request-actor';
import { TenantContext } from '../tenancy/tenant-context.service';
import { EmailSender } from './channels/email.sender';
import { NotificationSettingsReader } from './notification-settings.service';
import { languageOf, renderNotification } from './notification-templates';
import { openPayload } from './notifier.service';
import { isQuiet } from './quiet-hours';
import { SecretBox } from './secret-box';
import { NotificationsRepository, type DigestItem } from './notifications.repository';

/**
 * Once a day, outside quiet hours, one email per person who chose the digest, listing what
 * happened since the last one. Runs every few minutes; a person gets at most one a local day.
 */
@Injectable()
@HandlesJob(NotificationJob.SendDigests)
export class NotificationDigestHandler implements JobHandler<NotificationJob.SendDigests> {
  private readonly logger = new Logger(NotificationDigestHandler.name);

  constructor(
    private readonly tenant: TenantContext,
    private readonly email: EmailSender,
    private readonly settings: NotificationSettingsReader,
    private readonly clock: Clock,
    private readonly box: SecretBox,
    private readonly notifications: NotificationsRepository,
  ) {}

  async handle(): Promise<void> {
    const tenants = await this.tenant.tenantIds();
    for (const id of tenants) await this.sendForTenant(id);
  }

  async sendForTenant(tenantId: string): Promise<number> {
    const actor = systemActor(tenantId);
    const now = this.clock.now();
    const { hours, server } = await this.tenant.run(actor, async () => ({
      hours: await this.settings.quietHours(tenantId),
      server: await this.settings.mailServer(tenantId),
    }));
    if (!server || isQuiet(now, hours)) return 0;
    const items = await this.tenant.run(actor, () => this.notifications.awaitingDigest());
    const byUser = new Map<string, DigestItem[]>();
    for (const item of items) byUser.set(item.user_id, [...(byUser.get(item.user_id) ?? []), item]);
    let sent = 0;
    for (const [userId, userItems] of byUser) {
      const first = userItems[0];
      if (first.last_digest_at && localDate(first.last_digest_at, hours.timeZone) === localDate(now, hours.timeZone))
        continue;
      const language = languageOf(first.locale);
      const lines = userItems.map((i) => {
        const rendered = renderNotification(i.type, openPayload(i.payload, this.box), language);
        return `• ${rendered.title}：${rendered.body}`;
      });
      const title =
        language === 'en'
          ? `Lianmeng daily digest: ${userItems.length} updates`
          : `联盟平台每日摘要：${userItems.length} 条动态`;
      try {
        await this.email.mail(
          server,
          first.email,
          { title, body: lines.join('\n'), link: '/notifications' },
          `digest-${userId}-${localDate(now, hours.timeZone)}`,
        );
      } catch (error) {
        this.logger.warn({ userId, reason: (error as Error).message }, 'Digest not sent; will try again');
        continue;
      }
      await this.tenant.run(actor, () =>
        this.notifications.markDigested(
          userId,
          userItems.map((i) => i.delivery_id),
          now,
        ),
      );
      sent++;
    }
    return sent;
  }
}
