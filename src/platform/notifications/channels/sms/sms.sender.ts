import { Inject, Injectable } from '@nestjs/common';
import type { NotificationDelivery } from '../../entities/notification-delivery.entity';
import { NotificationSettingsReader } from '../../notification-settings.service';
import { DeliveryChannel } from '../../notification-types';
import { SecretBox } from '../../secret-box';
import type { ChannelSender, DeliveryContext, SendResult } from '../channel-sender';
import { SMS_PROVIDER, SmsProvider } from './sms-provider';

/**
 * Text messages (短信) to a person's mobile, through the township's SMS account: each event type
 * goes out with the template an official mapped it to, its parameters from the event's payload.
 * Off unless a person turns it on for a type (a text message costs money).
 */
@Injectable()
export class SmsSender implements ChannelSender {
  readonly channel = DeliveryChannel.Sms;
  readonly personal = {
    preference: 'sms',
    defaultOn: false,
    address: (p) => p.mobile,
    withoutAddress: 'skip',
    digest: false,
  } as const satisfies ChannelSender['personal'];

  constructor(
    private readonly settings: NotificationSettingsReader,
    private readonly box: SecretBox,
    @Inject(SMS_PROVIDER) private readonly provider: SmsProvider,
  ) {}

  async available(tenantId: string | null): Promise<boolean> {
    return !!tenantId && !!(await this.settings.smsAccount(tenantId));
  }

  async send(delivery: NotificationDelivery, { type, payload, person }: DeliveryContext): Promise<SendResult> {
    if (!person?.mobile) return { status: 'skipped', reason: 'The recipient has no mobile number' };
    const account = delivery.tenantId ? await this.settings.smsAccount(delivery.tenantId) : null;
    if (!account) throw new Error('No SMS account is configured');
    const templateCode = account.templates[type];
    if (!templateCode) return { status: 'skipped', reason: `No SMS template is mapped to ${type}` };
    const { messageId } = await this.provider.send(
      {
        endpoint: account.endpoint,
        accessKeyId: account.accessKeyId,
        accessKeySecret: this.box.open(account.accessKeySecretEncrypted),
        signName: account.signName,
      },
      { to: person.mobile, templateCode, params: templateParams(payload), outId: delivery.id },
    );
    return { status: 'sent', providerMessageId: messageId };
  }
}

/** The payload's plain values as the template's variables (the template picks the ones it names). */
export function templateParams(payload: Record<string, unknown>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (key.startsWith('__')) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      params[key] = String(value);
  }
  return params;
}
