import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '../../config/environment';
import type { NotificationDelivery } from '../entities/notification-delivery.entity';
import { MailServer, NotificationSettingsReader } from '../notification-settings.service';
import { languageOf, RenderedNotification, renderNotification } from '../notification-templates';
import { DeliveryChannel } from '../notification-types';
import { SecretBox } from '../secret-box';
import type { ChannelSender, DeliveryContext, SendResult } from './channel-sender';

const TIMEOUT_MS = 10_000;

/** Email through the township's mail server, else SMTP_URL's; the daily digest goes out through it too. */
@Injectable()
export class EmailSender implements ChannelSender {
  readonly channel = DeliveryChannel.Email;
  readonly personal = {
    preference: 'email',
    defaultOn: true,
    address: (p) => p.email,
    withoutAddress: 'omit',
    digest: true,
  } as const satisfies ChannelSender['personal'];

  constructor(
    private readonly box: SecretBox,
    private readonly settings: NotificationSettingsReader,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async available(tenantId: string | null): Promise<boolean> {
    return !!(await this.settings.mailServer(tenantId));
  }

  async send(delivery: NotificationDelivery, { type, payload, person }: DeliveryContext): Promise<SendResult> {
    const server = await this.settings.mailServer(delivery.tenantId);
    if (!person?.email) throw new Error('The recipient has no email address');
    if (!server) throw new Error('No mail server is configured');
    await this.mail(server, person.email, renderNotification(type, payload, languageOf(person.locale)), delivery.id);
    return { status: 'sent' };
  }

  async mail(server: MailServer, to: string, message: RenderedNotification, messageId: string): Promise<void> {
    const password = server.password ?? (server.passwordEncrypted ? this.box.open(server.passwordEncrypted) : null);
    // Loaded on the first email, not at start-up: most API processes never send one.
    const { createTransport } = await import('nodemailer');
    const transport = createTransport({
      host: server.host,
      port: server.port,
      secure: server.secure,
      auth: server.username ? { user: server.username, pass: password ?? '' } : undefined,
      connectionTimeout: TIMEOUT_MS,
      greetingTimeout: TIMEOUT_MS,
      socketTimeout: TIMEOUT_MS,
    });
    try {
      const link = message.link
        ? new URL(message.link, this.config.get('PUBLIC_URL', { infer: true })).toString()
        : null;
      await transport.sendMail({
        from: server.from,
        to,
        subject: message.title,
        text: link ? `${message.body}\n\n${link}` : message.body,
        html: `<p>${escapeHtml(message.body)}</p>${link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` : ''}`,
        // A stable id lets a mail server drop a copy a retry may have sent.
        messageId: `<${messageId}@lianmeng>`,
      });
    } finally {
      transport.close();
    }
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
