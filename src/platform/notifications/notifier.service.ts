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
import { DeliveryChannel, DeliveryStatus, PersonalChannel } from './notification-types';
import { NotificationsRepository, type EventRow, type EventWrite, type RecipientRow } from './notifications.repository';
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

/** One `notify` call's arguments, for `notifyAll`. */
export interface Notice {
  recipients: Recipients;
  type: NotificationType;
  payload: object;
  options: NotifyOptions;
}

/** A notice with its payload checked against its type. */
export const notice = <T extends NotificationType>(
  recipients: Recipients,
  type: T,
  payload: NotificationPayloads[T],
  options: NotifyOptions = {},
): Notice => ({ recipients, type, payload, options });

const SEALED_KEYS = '__sealed';

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
    private readonly notifications: NotificationsRepository,
  ) {}

  async notify<T extends NotificationType>(
    recipients: Recipients,
    type: T,
    payload: NotificationPayloads[T],
    options: NotifyOptions = {},
  ): Promise<string | null> {
    const [id] = await this.notifyAll([notice(recipients, type, payload, options)]);
    return id;
  }

  /**
   * Several notices at once, as `notify` each (every key, preference and channel as there), with
   * their events and inbox items in one round trip and their deliveries in one more: each one's
   * event id, null for one whose dedupe key was used.
   */
  async notifyAll(notices: Notice[]): Promise<(string | null)[]> {
    // A platform actor (no township) notifies platform admins: the platform's own rows, tenant_id null.
    const tenantId =
      this.tenant.actor.role === Role.PlatformAdmin && !this.tenant.actor.tenantId ? null : this.tenant.tenantId;
    // Without a limit every channel is open (each person's preferences still apply).
    const channelsOf = ({ options }: Notice) =>
      new Set<string>(options.channels ?? [PersonalChannel.InApp, ...this.channels.personal().map((c) => c.channel)]);
    const written = await this.notifications.writeEvents(
      notices.map((n) => this.eventWrite(tenantId, n, channelsOf(n).has(PersonalChannel.InApp))),
    );

    const deliveries: Partial<NotificationDelivery>[] = [];
    for (const [i, rows] of written.entries()) {
      if (rows.length === 0) continue;
      const { options } = notices[i];
      const eventId = rows[0].event_id;
      const channels = channelsOf(notices[i]);
      const people = rows.filter((row): row is EventRow & RecipientRow => row.id !== null);
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
            eventId,
          });
        }
      }
      for (const robot of rows[0].robots ?? []) {
        deliveries.push({
          channel: this.channels.get(robot.kind).channel,
          robotId: robot.id,
          recipientKey: `robot:${robot.id}`,
          status: DeliveryStatus.Pending,
          eventId,
        });
      }
    }
    if (deliveries.length > 0) await this.deliver(tenantId, deliveries, notices, written);
    return written.map((rows) => rows[0]?.event_id ?? null);
  }

  /** Saves the deliveries and enqueues those that go out now or after quiet hours (urgent ones at once). */
  private async deliver(
    tenantId: string | null,
    deliveries: Partial<NotificationDelivery>[],
    notices: Notice[],
    written: EventRow[][],
  ): Promise<void> {
    const urgentEvents = new Set(
      written.flatMap((rows, i) => (rows.length > 0 && notices[i].options.urgent ? [rows[0].event_id] : [])),
    );
    // Quiet hours only hold back what goes out of the product; working them out is not free.
    const now = this.clock.now();
    const quiet =
      tenantId && deliveries.some((d) => !urgentEvents.has(d.eventId!))
        ? nextSendTime(now, await this.settings.quietHours(tenantId))
        : now;
    const notBeforeOf = (eventId: string) => (urgentEvents.has(eventId) || !tenantId ? now : quiet);
    const saved = await this.notifications.saveDeliveries(
      deliveries.map((d) => ({ ...d, tenantId, notBefore: notBeforeOf(d.eventId!) })),
    );
    for (const delivery of saved.filter((d) => d.status === DeliveryStatus.Pending)) {
      await this.outbox.enqueue(
        { name: NotificationJob.DeliverNotification, payload: { tenantId, deliveryId: delivery.id } },
        { jobId: delivery.id, notBefore: delivery.notBefore },
      );
    }
  }

  private eventWrite(
    tenantId: string | null,
    { recipients, type, payload, options }: Notice,
    inApp: boolean,
  ): EventWrite {
    const stored: Record<string, unknown> = { ...payload };
    for (const key of options.sealed ?? []) stored[key] = this.box.seal(asText(stored[key]));
    if (options.sealed?.length) stored[SEALED_KEYS] = options.sealed;
    const rendered = (language: Language) => {
      const r = renderNotification(type, payload, language);
      return [r.title, r.body, r.link];
    };
    const { allianceIds = [], organizationIds = [], robotIds = [] } = recipients;
    return {
      tenantId,
      type,
      payload: stored,
      urgent: options.urgent ?? false,
      dedupeKey: options.dedupeKey ?? null,
      userIds: [...new Set(recipients.userIds ?? [])],
      zh: rendered('zh-CN'),
      en: rendered('en'),
      inApp,
      allianceIds,
      organizationIds,
      robotIds,
    };
  }
}
