import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { TenantContext } from '../tenancy/tenant-context.service';
import type { Person } from './channels/channel-sender';
import { NotificationDelivery } from './entities/notification-delivery.entity';
import { NotificationEvent } from './entities/notification-event.entity';
import { NotificationPreference } from './entities/notification-preference.entity';
import type { NotificationType } from './notification-registry';
import type { RobotKind } from './notification-types';

/** A delivery waiting for its recipient's daily digest, with the event and the person. */
export interface DigestItem {
  delivery_id: string;
  user_id: string;
  email: string;
  locale: string;
  last_digest_at: Date | null;
  type: NotificationType;
  payload: Record<string, unknown>;
  created_at: Date;
}

export interface TypePreference {
  type: NotificationType;
  inApp: boolean;
  email: boolean;
  /** Absent: unchanged (off for a type never chosen). */
  sms?: boolean;
}

/** An event as `notify()` records it, with its inbox items rendered and its recipients named. */
export interface EventWrite {
  /** Null for the platform's own. */
  tenantId: string | null;
  type: NotificationType;
  payload: Record<string, unknown>;
  urgent: boolean;
  /** Null: a fresh one. */
  dedupeKey: string | null;
  userIds: string[];
  /** The inbox item's [title, body, link] in Chinese and in English. */
  zh: (string | null | undefined)[];
  en: (string | null | undefined)[];
  /** Whether to write inbox items at all. */
  inApp: boolean;
  allianceIds: string[];
  organizationIds: string[];
  robotIds: string[];
}

/** A recipient of an event, with their notification_preferences row for the type (null when they never chose). */
export interface RecipientRow {
  id: string;
  email: string | null;
  mobile: string | null;
  locale: string;
  email_digest: boolean;
  prefs: Record<string, unknown> | null;
}

type NullableRecipient = { [K in keyof RecipientRow]: RecipientRow[K] | null };
/** One row a recipient (one row of nulls when there is none), each with the event's id and its robots. */
export type EventRow = NullableRecipient & { event_id: string; robots: { id: string; kind: RobotKind }[] | null };

/**
 * One round trip for the whole event:
 * - records it ($5: its dedupe key, or a fresh one; nothing at all happens when the key was used);
 * - writes the inbox items (when $9) of the recipients ($6) who take the type in the app, each in
 *   their language as `languageOf` reads it ($7: the Chinese title, body and link; $8: the English),
 *   which a statement trigger announces to every API process at commit (NotificationInsertAnnounce);
 * - reads back each active recipient with their preferences (one row of nulls when there is none),
 *   and the group robots that take the type ($10 alliances, $11 organisations, $12 robots).
 */
const WRITE_EVENT_SQL = `
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

/**
 * The SQL of the notifications: events and their inbox items, deliveries, preferences, robots'
 * scopes and digests, in the caller's transaction (the tenant's, under row-level security); and the
 * sweep of expired short-lived state, outside any.
 */
@Injectable()
export class NotificationsRepository {
  constructor(
    private readonly tenant: TenantContext,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Records an event (nothing when its dedupe key was used: no rows), see WRITE_EVENT_SQL. */
  writeEvent(event: EventWrite): Promise<EventRow[]> {
    return this.tenant.manager.query<EventRow[]>(WRITE_EVENT_SQL, [
      event.tenantId,
      event.type,
      event.payload,
      event.urgent,
      event.dedupeKey,
      event.userIds,
      event.zh,
      event.en,
      event.inApp,
      event.allianceIds,
      event.organizationIds,
      event.robotIds,
    ]);
  }

  saveDeliveries(deliveries: Partial<NotificationDelivery>[]): Promise<NotificationDelivery[]> {
    return this.tenant.manager.getRepository(NotificationDelivery).save(deliveries);
  }

  findDelivery(id: string): Promise<NotificationDelivery | null> {
    return this.tenant.manager.getRepository(NotificationDelivery).findOne({ where: { id } });
  }

  async updateDelivery(id: string, changes: Partial<NotificationDelivery>): Promise<void> {
    await this.tenant.manager.getRepository(NotificationDelivery).update({ id }, changes);
  }

  eventOf(id: string): Promise<NotificationEvent> {
    return this.tenant.manager.getRepository(NotificationEvent).findOneByOrFail({ id });
  }

  /** The person a delivery goes to, undefined when there is none (a robot's, or a person deleted). */
  async person(userId: string): Promise<Person | undefined> {
    const [person] = await this.tenant.manager.query<Person[]>(
      'SELECT id, email, mobile, locale FROM users WHERE id = $1',
      [userId],
    );
    return person;
  }

  /** A person's choices of channels, one row a type they chose for. */
  preferencesOf(userId: string): Promise<NotificationPreference[]> {
    return this.tenant.manager.getRepository(NotificationPreference).find({ where: { userId } });
  }

  /** Whether a person takes the daily digest; fails when there is no such person. */
  async emailDigestOf(userId: string): Promise<boolean> {
    const user = await this.tenant.manager.getRepository(User).findOneByOrFail({ id: userId });
    return user.emailDigest;
  }

  async setEmailDigest(userId: string, emailDigest: boolean): Promise<void> {
    await this.tenant.manager.getRepository(User).update({ id: userId }, { emailDigest });
  }

  /** Deletes the throttling counters and stream tickets that expired, outside any township's transaction. */
  async sweepExpiredState(): Promise<{ counters: number; tickets: number }> {
    const [swept] = await this.dataSource.query<{ counters: number; tickets: number }[]>(
      'SELECT counters, tickets FROM sweep_expired_state()',
    );
    return swept;
  }

  async savePreference(tenantId: string | null, userId: string, preference: TypePreference): Promise<void> {
    await this.tenant.manager.query<unknown[]>(
      `INSERT INTO notification_preferences (tenant_id, user_id, type, in_app, email, sms) VALUES ($1, $2, $3, $4, $5, coalesce($6, false))
       ON CONFLICT (user_id, type) DO UPDATE
         SET in_app = EXCLUDED.in_app, email = EXCLUDED.email, sms = coalesce($6, notification_preferences.sms)`,
      [tenantId, userId, preference.type, preference.inApp, preference.email, preference.sms ?? null],
    );
  }

  /** Whether the alliance or organisation (a robot's scope) exists in the township. */
  async scopeExists(table: 'alliances' | 'organizations', id: string): Promise<boolean> {
    const rows = await this.tenant.manager.query<{ found: number }[]>(`SELECT 1 AS found FROM ${table} WHERE id = $1`, [
      id,
    ]);
    return rows.length > 0;
  }

  /** Every delivery awaiting a digest, by person, oldest event first. */
  awaitingDigest(): Promise<DigestItem[]> {
    return this.tenant.manager.query<DigestItem[]>(
      `SELECT d.id AS delivery_id, u.id AS user_id, u.email, u.locale, u.last_digest_at, e.type, e.payload, e.created_at
         FROM notification_deliveries d
         JOIN users u ON u.id = d.user_id
         JOIN notification_events e ON e.id = d.event_id
        WHERE d.status = 'awaiting_digest' AND u.email IS NOT NULL
        ORDER BY u.id, e.created_at`,
    );
  }

  /** The deliveries went out in a person's digest, sent `now`. */
  async markDigested(userId: string, deliveryIds: string[], now: Date): Promise<void> {
    await this.tenant.manager.query<unknown[]>(
      `UPDATE notification_deliveries SET status = 'digested', sent_at = $2, attempts = attempts + 1 WHERE id = ANY($1)`,
      [deliveryIds, now],
    );
    await this.tenant.manager.query<unknown[]>('UPDATE users SET last_digest_at = $2 WHERE id = $1', [userId, now]);
  }
}
