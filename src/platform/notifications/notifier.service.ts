import { Injectable } from '@nestjs/common';
import { Role } from '../auth/entities/role';
import { Clock } from '../clock/clock';
import { Outbox } from '../outbox/outbox.service';
import { NotificationJob } from './notifications.jobs';
import { TenantContext } from '../tenancy/tenant-context.service';
import { ChannelRegistry } from './channels/channel-registry';
import { NotificationDelivery } from './entities/notification-delivery.entity';
import { NotificationSettingsReader } from './notification-settings.service';
import type { Language } from '../errors/localized-messages';
import { renderNotification } from './notification-templates';
import type { NotificationPayloads, NotificationType } from './notification-registry';
import { DeliveryChannel, DeliveryStatus, PersonalChannel, RobotKind } from './notification-types';
import { nextSendTime } from './quiet-hours';
import { SecretBox } from './secret-box';

export interface Recipients {
  userIds?: string[];
  /** The group robots of these alliances and organisations (departments). */
  allianceIds?: string[];
  organizationIds?: string[];
  robotIds?: string[];
}

export interface NotifyOptions {
  /** Goes out at once, quiet hours or not (e.g. an SLA breach escalated to a leader). */
  urgent?: boolean;
  /** The same key never notifies twice; defaults to a fresh one. */
  dedupeKey?: string;
  /** Limit the personal channels, e.g. an invitation only by email (values of `PersonalChannel` or `DeliveryChannel`). */
  channels?: (PersonalChannel | DeliveryChannel)[];
  /** Payload fields that are secrets (an invitation link): stored encrypted, opened only to send. */
  sealed?: string[];
}

interface RecipientRow {
  id: string;
  email: string | null;
  mobile: string | null;
  locale: string;
  email_digest: boolean;
  /** The person's notification_preferences row for the type, null when they never chose. */
  prefs: Record<string, unknown> | null;
}

type NullableRecipient = { [K in keyof RecipientRow]: RecipientRow[K] | null };
type NotifyRow = NullableRecipient & { event_id: string; robots: { id: string; kind: RobotKind }[] | null };

const SEALED_KEYS = '__sealed';

/**
 * One round trip for the whole event:
 * - records it ($5: its dedupe key, or a fresh one; nothing at all happens when the key was used);
 * - writes the inbox items (when $9) of the recipients ($6) who take the type in the app, each in
 *   their language as `languageOf` reads it ($7: the Chinese title, body and link; $8: the English),
 *   which a statement trigger announces to every API process at commit (NotificationInsertAnnounce);
 * - reads back each active recipient with their preferences (one row of nulls when there is none),
 *   and the group robots that take the type ($10 alliances, $11 organisations, $12 robots).
 */
const NOTIFY_SQL = `
  WITH event AS (
    INSERT INTO notification_events (tenant_id, type, payload, urgent, dedupe_key)
    VALUES ($1, $2, $3, $4, coalesce($5, gen_random_uuid()::text))
    ON CONFLICT (tenant_id, dedupe_key) DO NOTHING RETURNING id
  ), recipient AS (
    SELECT event.id AS event_id, u.id, u.email, u.mobile, u.locale, u.email_digest, p.in_app, to_jsonb(p) AS prefs,
           CASE WHEN lower(u.locale) LIKE 'en%' THEN $8::text[] ELSE $7::text[] END AS rendered
      FROM event
      LEFT JOIN users u ON u.id = ANY($6::uuid[]) AND u.status <> 'disabled'
      LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.type = $2
  ), inbox AS (
    INSERT INTO notifications (tenant_id, user_id, event_id, type, title, body, link)
    SELECT $1, r.id, r.event_id, $2, r.rendered[1], r.rendered[2], r.rendered[3]
      FROM recipient r WHERE $9 AND r.id IS NOT NULL AND r.in_app IS NOT FALSE
    ON CONFLICT (event_id, user_id) DO NOTHING
  )
  SELECT r.event_id, r.id, r.email, r.mobile, r.locale, r.email_digest, r.prefs,
         (SELECT json_agg(json_build_object('id', g.id, 'kind', g.kind)) FROM group_robots g
           WHERE g.enabled AND (g.id = ANY($12::uuid[]) OR ($2 = ANY(g.types) AND (g.alliance_id = ANY($10::uuid[]) OR g.organization_id = ANY($11::uuid[]))))) AS robots
    FROM recipient r`;

/** A sealed field's value as text (an invitation link is a string already). */
const asText = (value: unknown): string =>
  typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value);

/** The payload as the templates need it, with sealed fields opened. */
export function openPayload(payload: Record<string, unknown>, box: SecretBox): Record<string, unknown> {
  const sealed = payload[SEALED_KEYS];
  if (!Array.isArray(sealed)) return payload;
  const opened = { ...payload };
  for (const key of sealed as string[]) opened[key] = box.open(String(payload[key]));
  delete opened[SEALED_KEYS];
  return opened;
}

/**
 * The one way features tell people things: `notify(recipients, type, payload)`. In the caller's
 * transaction it writes the inbox items and one delivery per external channel and recipient; the
 * deliveries reach BullMQ through the outbox once the transaction commits.
 */
@Injectable()
export class Notifier {
  constructor(
    private readonly tenant: TenantContext,
    private readonly settings: NotificationSettingsReader,
    private readonly channels: ChannelRegistry,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly box: SecretBox,
  ) {}

  async notify<T extends NotificationType>(
    recipients: Recipients,
    type: T,
    payload: NotificationPayloads[T],
    options: NotifyOptions = {},
  ): Promise<string | null> {
    // A platform actor (no township) notifies platform admins: the platform's own rows, tenant_id null.
    const tenantId =
      this.tenant.actor.role === Role.PlatformAdmin && !this.tenant.actor.tenantId ? null : this.tenant.tenantId;
    const manager = this.tenant.manager;
    const stored: Record<string, unknown> = { ...(payload as object) };
    for (const key of options.sealed ?? []) stored[key] = this.box.seal(asText(stored[key]));
    if (options.sealed?.length) stored[SEALED_KEYS] = options.sealed;
    // Without a limit every channel is open (each person's preferences still apply).
    const channels = new Set<string>(
      options.channels ?? [PersonalChannel.InApp, ...this.channels.personal().map((c) => c.channel)],
    );
    const rendered = (language: Language) => {
      const r = renderNotification(type, payload, language);
      return [r.title, r.body, r.link];
    };
    const { allianceIds = [], organizationIds = [], robotIds = [] } = recipients;
    const rows = await manager.query<NotifyRow[]>(NOTIFY_SQL, [
      tenantId,
      type,
      stored,
      options.urgent ?? false,
      options.dedupeKey ?? null,
      [...new Set(recipients.userIds ?? [])],
      rendered('zh-CN'),
      rendered('en'),
      channels.has(PersonalChannel.InApp),
      allianceIds,
      organizationIds,
      robotIds,
    ]);
    if (rows.length === 0) return null;
    const event = { id: rows[0].event_id };
    const people = rows.filter((row): row is NotifyRow & RecipientRow => row.id !== null);

    const deliveries: Partial<NotificationDelivery>[] = [];
    for (const sender of this.channels.personal()) {
      const spec = sender.personal!;
      if (!people.length || !channels.has(sender.channel) || !(await sender.available(tenantId))) continue;
      for (const person of people) {
        if (((person.prefs?.[spec.preference] as boolean | undefined) ?? spec.defaultOn) === false) continue;
        if (!spec.address(person) && spec.withoutAddress === 'omit') continue;
        const digest = spec.digest && person.email_digest && !options.urgent;
        deliveries.push({
          channel: sender.channel,
          userId: person.id,
          recipientKey: `user:${person.id}`,
          status: digest ? DeliveryStatus.AwaitingDigest : DeliveryStatus.Pending,
        });
      }
    }
    for (const robot of rows[0].robots ?? []) {
      deliveries.push({
        channel: this.channels.get(robot.kind).channel,
        robotId: robot.id,
        recipientKey: `robot:${robot.id}`,
        status: DeliveryStatus.Pending,
      });
    }
    if (deliveries.length === 0) return event.id;
    // Quiet hours only hold back what goes out of the product; working them out is not free.
    const now = this.clock.now();
    const notBefore = options.urgent || !tenantId ? now : nextSendTime(now, await this.settings.quietHours(tenantId));
    const saved = await manager
      .getRepository(NotificationDelivery)
      .save(deliveries.map((d) => ({ ...d, tenantId, eventId: event.id, notBefore })));
    for (const delivery of saved.filter((d) => d.status === DeliveryStatus.Pending)) {
      await this.outbox.enqueue(
        { name: NotificationJob.DeliverNotification, payload: { tenantId, deliveryId: delivery.id } },
        { jobId: delivery.id, notBefore },
      );
    }
    return event.id;
  }
}
