import { Injectable } from '@nestjs/common';
import { Clock } from '../clock/clock';
import { Outbox } from '../outbox/outbox.service';
import { JobName } from '../queue/queue.constants';
import { TenantContext } from '../tenancy/tenant-context.service';
import { NotificationDelivery } from './entities/notification-delivery.entity';
import { NotificationSettingsReader } from './notification-settings.service';
import { languageOf, renderNotification } from './notification-templates';
import { DeliveryChannel, DeliveryStatus, NotificationType, PersonalChannel, RobotKind } from './notification-types';
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
  /** Limit the personal channels, e.g. an invitation only by email. */
  channels?: PersonalChannel[];
  /** Payload fields that are secrets (an invitation link): stored encrypted, opened only to send. */
  sealed?: string[];
}

interface RecipientRow {
  id: string;
  email: string | null;
  locale: string;
  email_digest: boolean;
  in_app: boolean | null;
  wants_email: boolean | null;
}

type NullableRecipient = { [K in keyof RecipientRow]: RecipientRow[K] | null };

const SEALED_KEYS = '__sealed';

/**
 * Records the event ($5: its dedupe key, or a fresh one) and reads its recipients ($6) with their
 * preferences for the type: one row per active recipient, or one row of nulls beside the event id
 * when there is none; no rows when the key was used before.
 */
const NOTIFY_SQL = `
  WITH event AS (
    INSERT INTO notification_events (tenant_id, type, payload, urgent, dedupe_key)
    VALUES ($1, $2, $3, $4, coalesce($5, gen_random_uuid()::text))
    ON CONFLICT (tenant_id, dedupe_key) DO NOTHING RETURNING id
  )
  SELECT event.id AS event_id, u.id, u.email, u.locale, u.email_digest, p.in_app, p.email AS wants_email
    FROM event
    LEFT JOIN users u ON u.id = ANY($6::uuid[]) AND u.status <> 'disabled'
    LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.type = $2`;

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
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly box: SecretBox,
  ) {}

  async notify(recipients: Recipients, type: NotificationType, payload: Record<string, unknown>, options: NotifyOptions = {}): Promise<string | null> {
    const tenantId = this.tenant.tenantId;
    const manager = this.tenant.manager;
    const stored = { ...payload };
    for (const key of options.sealed ?? []) stored[key] = this.box.seal(String(payload[key] ?? ''));
    if (options.sealed?.length) stored[SEALED_KEYS] = options.sealed;
    // The event and its recipients in one statement: no row (a repeated dedupe key) means nothing to do.
    const rows = await manager.query<(NullableRecipient & { event_id: string })[]>(NOTIFY_SQL, [
      tenantId,
      type,
      stored,
      options.urgent ?? false,
      options.dedupeKey ?? null,
      [...new Set(recipients.userIds ?? [])],
    ]);
    if (rows.length === 0) return null;
    const event = { id: rows[0].event_id };

    const channels = new Set(options.channels ?? Object.values(PersonalChannel));
    const people = rows.filter((row): row is RecipientRow & { event_id: string } => row.id !== null);
    const inbox = people.filter((p) => channels.has(PersonalChannel.InApp) && p.in_app !== false);
    if (inbox.length > 0) {
      const rendered = inbox.map((p) => renderNotification(type, payload, languageOf(p.locale)));
      await manager.query(
        `INSERT INTO notifications (tenant_id, user_id, event_id, type, title, body, link)
         SELECT $1, u, $2, $3, t, b, l FROM unnest($4::uuid[], $5::text[], $6::text[], $7::text[]) AS x(u, t, b, l)
         ON CONFLICT (event_id, user_id) DO NOTHING`,
        [tenantId, event.id, type, inbox.map((p) => p.id), rendered.map((r) => r.title), rendered.map((r) => r.body), rendered.map((r) => r.link)],
      );
      // A statement trigger announces the new items to every API process at commit (migration NotificationInsertAnnounce).
    }

    const deliveries: Partial<NotificationDelivery>[] = [];
    if (channels.has(PersonalChannel.Email) && (await this.settings.mailServer(tenantId))) {
      for (const person of people.filter((p) => p.email && p.wants_email !== false)) {
        const digest = person.email_digest && !options.urgent;
        deliveries.push({
          channel: DeliveryChannel.Email,
          userId: person.id,
          recipientKey: `user:${person.id}`,
          status: digest ? DeliveryStatus.AwaitingDigest : DeliveryStatus.Pending,
        });
      }
    }
    for (const robot of await this.robots(recipients, type)) {
      deliveries.push({
        channel: robot.kind === RobotKind.WeCom ? DeliveryChannel.WeCom : DeliveryChannel.DingTalk,
        robotId: robot.id,
        recipientKey: `robot:${robot.id}`,
        status: DeliveryStatus.Pending,
      });
    }
    if (deliveries.length === 0) return event.id;
    // Quiet hours only hold back what goes out of the product; working them out is not free.
    const now = this.clock.now();
    const notBefore = options.urgent ? now : nextSendTime(now, await this.settings.quietHours(tenantId));
    const saved = await manager
      .getRepository(NotificationDelivery)
      .save(deliveries.map((d) => ({ ...d, tenantId, eventId: event.id, notBefore })));
    for (const delivery of saved.filter((d) => d.status === DeliveryStatus.Pending)) {
      await this.outbox.enqueue(
        { name: JobName.DeliverNotification, payload: { tenantId, deliveryId: delivery.id } },
        { jobId: delivery.id, notBefore },
      );
    }
    return event.id;
  }

  private robots(recipients: Recipients, type: NotificationType): Promise<{ id: string; kind: RobotKind }[]> {
    const { allianceIds = [], organizationIds = [], robotIds = [] } = recipients;
    if (allianceIds.length + organizationIds.length + robotIds.length === 0) return Promise.resolve([]);
    return this.tenant.manager.query(
      `SELECT id, kind FROM group_robots
        WHERE enabled AND (id = ANY($4) OR ($3 = ANY(types) AND (alliance_id = ANY($1) OR organization_id = ANY($2))))`,
      [allianceIds, organizationIds, type, robotIds],
    );
  }
}
