import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '../config/environment';
import { TenantContext } from '../tenancy/tenant-context.service';
import { NotificationSettingsValues, townshipSettings } from '../tenancy/township-settings';
import { ALIYUN_SMS_ENDPOINT } from './channels/sms/aliyun-sms.provider';
import type { NotificationType } from './notification-types';
import { DEFAULT_QUIET_HOURS, QuietHours } from './quiet-hours';

export interface MailServer {
  host: string;
  port: number;
  secure: boolean;
  username: string | null;
  passwordEncrypted: string | null;
  /** The env's password is plain (it is the operator's secret, not stored by us). */
  password: string | null;
  from: string;
}

/** A township's SMS account, complete (id, secret and signature) or not at all. */
export interface SmsSettings {
  endpoint: string;
  accessKeyId: string;
  accessKeySecretEncrypted: string;
  signName: string;
  templates: Partial<Record<NotificationType, string>>;
  /** The template of the sign-in code message, if an official mapped one. */
  verificationTemplate: string | null;
}

/** A township's quiet hours, mail server and SMS account, falling back to the defaults and SMTP_URL. */
@Injectable()
export class NotificationSettingsReader {
  constructor(
    private readonly tenant: TenantContext,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async find(tenantId: string): Promise<{ settings: NotificationSettingsValues | null; timeZone: string }> {
    const { notifications, timeZone } = await townshipSettings(this.tenant, tenantId);
    return { settings: notifications, timeZone };
  }

  async quietHours(tenantId: string): Promise<QuietHours> {
    const { settings, timeZone } = await this.find(tenantId);
    return settings
      ? { start: settings.quietStart, end: settings.quietEnd, weekends: settings.quietWeekends, timeZone }
      : { ...DEFAULT_QUIET_HOURS, timeZone };
  }

  /** The township's own mail server, else SMTP_URL's; the platform's own notifications (tenantId null) use SMTP_URL. */
  async mailServer(tenantId: string | null): Promise<MailServer | null> {
    const { settings } = tenantId ? await this.find(tenantId) : { settings: null };
    const from = settings?.mailFrom ?? this.config.get('MAIL_FROM', { infer: true });
    if (settings?.smtpHost) {
      return {
        host: settings.smtpHost,
        port: settings.smtpPort ?? (settings.smtpSecure ? 465 : 587),
        secure: settings.smtpSecure,
        username: settings.smtpUsername,
        passwordEncrypted: settings.smtpPasswordEncrypted,
        password: null,
        from,
      };
    }
    const url = this.config.get('SMTP_URL', { infer: true });
    if (!url) return null;
    const parsed = new URL(url);
    const secure = parsed.protocol === 'smtps:';
    return {
      host: parsed.hostname,
      port: Number(parsed.port || (secure ? 465 : 587)),
      secure,
      username: parsed.username ? decodeURIComponent(parsed.username) : null,
      passwordEncrypted: null,
      password: parsed.password ? decodeURIComponent(parsed.password) : null,
      from,
    };
  }

  async smsAccount(tenantId: string): Promise<SmsSettings | null> {
    const { settings } = await this.find(tenantId);
    if (!settings?.smsAccessKeyId || !settings.smsAccessKeySecretEncrypted || !settings.smsSignName) return null;
    return {
      endpoint: settings.smsEndpoint ?? ALIYUN_SMS_ENDPOINT,
      accessKeyId: settings.smsAccessKeyId,
      accessKeySecretEncrypted: settings.smsAccessKeySecretEncrypted,
      signName: settings.smsSignName,
      templates: settings.smsTemplates ?? {},
      verificationTemplate: settings.smsVerificationTemplate ?? null,
    };
  }
}
