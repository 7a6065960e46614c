import { Inject, Injectable } from '@nestjs/common';
import { systemActor } from '../../../tenancy/request-actor';
import { TenantContext } from '../../../tenancy/tenant-context.service';
import { NotificationSettingsReader } from '../../notification-settings.service';
import { SecretBox } from '../../secret-box';
import { SMS_PROVIDER, SmsProvider } from './sms-provider';

export type VerificationCodeOutcome =
  { status: 'sent'; messageId: string } | { status: 'skipped'; reason: 'no-account' | 'no-template' };

/**
 * A sign-in code (验证码) to a person's mobile through their township's SMS account, with the template
 * an official mapped for it (one variable, `code`, as Alibaba's verification-code templates have).
 * Not a notification: nothing of it is stored (the inbox, deliveries and events would hold the code).
 * Throws with the provider's reason when the provider refuses.
 */
@Injectable()
export class VerificationCodeSms {
  constructor(
    private readonly tenant: TenantContext,
    private readonly settings: NotificationSettingsReader,
    private readonly box: SecretBox,
    @Inject(SMS_PROVIDER) private readonly provider: SmsProvider,
  ) {}

  async send(tenantId: string, to: string, code: string): Promise<VerificationCodeOutcome> {
    // Read in a transaction of its own, then let go of the connection before calling the provider.
    const account = await this.tenant.run(systemActor(tenantId), () => this.settings.smsAccount(tenantId));
    if (!account) return { status: 'skipped', reason: 'no-account' };
    if (!account.verificationTemplate) return { status: 'skipped', reason: 'no-template' };

    const { messageId } = await this.provider.send(
      {
        endpoint: account.endpoint,
        accessKeyId: account.accessKeyId,
        accessKeySecret: this.box.open(account.accessKeySecretEncrypted),
        signName: account.signName,
      },
      { to, templateCode: account.verificationTemplate, params: { code } },
    );
    return { status: 'sent', messageId };
  }
}
