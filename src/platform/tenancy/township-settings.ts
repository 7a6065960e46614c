import type { NotificationSettings } from '../notifications/entities/notification-settings.entity';
import type { TenantContext } from './tenant-context.service';

export type NotificationSettingsValues = Omit<NotificationSettings, 'updatedAt'>;

/** What requests and jobs consult about a township: its time zone, its calendar's overrides and its notification settings. */
export interface TownshipSettings {
  timeZone: string;
  /** Public holidays (off) and make-up working days (调休, on), as YYYY-MM-DD. */
  overrides: { date: string; kind: 'holiday' | 'workday' }[];
  /** Null until an official changes the defaults. */
  notifications: NotificationSettingsValues | null;
}

export const townshipSettingsKey = (tenantId: string) => `township-settings:${tenantId}`;

/**
 * The settings as one json value, for a statement that reads them beside its own figures (the
 * routing job's facts): `tenantParameter` is the placeholder that holds the township's id.
 */
export const townshipSettingsJson = (tenantParameter: string) => `(
  SELECT json_build_object(
           'timeZone', t.time_zone,
           'overrides', coalesce((SELECT json_agg(json_build_object('date', o.date, 'kind', o.kind)) FROM working_day_overrides o WHERE o.tenant_id = t.id), '[]'::json),
           'notifications', (SELECT json_build_object(
                   'tenantId', s.tenant_id, 'quietStart', s.quiet_start, 'quietEnd', s.quiet_end, 'quietWeekends', s.quiet_weekends,
                   'smtpHost', s.smtp_host, 'smtpPort', s.smtp_port, 'smtpSecure', s.smtp_secure, 'smtpUsername', s.smtp_username,
                   'smtpPasswordEncrypted', s.smtp_password_encrypted, 'mailFrom', s.mail_from,
                   'smsEndpoint', s.sms_endpoint, 'smsAccessKeyId', s.sms_access_key_id,
                   'smsAccessKeySecretEncrypted', s.sms_access_key_secret_encrypted, 'smsSignName', s.sms_sign_name,
                   'smsTemplates', s.sms_templates, 'smsVerificationTemplate', s.sms_verification_template)
              FROM notification_settings s WHERE s.tenant_id = t.id))
    FROM tenants t WHERE t.id = ${tenantParameter})`;

/** One round trip: a routing job needs all three (deadlines, then quiet hours), and each cost a statement of its own. */
const TOWNSHIP_SETTINGS_SQL = `SELECT ${townshipSettingsJson('$1')} AS settings`;

const DEFAULT_SETTINGS: TownshipSettings = { timeZone: 'Asia/Shanghai', overrides: [], notifications: null };

/**
 * The township's settings, read once per request or job (the transaction's memo). Whoever changes
 * one of them in a transaction that reads them again calls `context.forget(townshipSettingsKey(id))`.
 */
export function townshipSettings(context: TenantContext, tenantId: string): Promise<TownshipSettings> {
  return context.once(townshipSettingsKey(tenantId), async () => {
    const [row] = await context.manager.query<{ settings: TownshipSettings | null }[]>(TOWNSHIP_SETTINGS_SQL, [
      tenantId,
    ]);
    return row.settings ?? DEFAULT_SETTINGS;
  });
}

/** Remembers settings that a caller's own statement read (`townshipSettingsJson`), as `townshipSettings` would have. */
export function rememberTownshipSettings(
  context: TenantContext,
  tenantId: string,
  settings: TownshipSettings | null,
): Promise<TownshipSettings> {
  return context.once(townshipSettingsKey(tenantId), () => Promise.resolve(settings ?? DEFAULT_SETTINGS));
}
