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
 * One round trip for several events (each a row of $1, in the order given, `ord`):
 * - records each (with its dedupe key, or a fresh one; nothing at all happens for an event whose key was used);
 * - writes the inbox items (when `in_app`) of its recipients (`user_ids`) who take the type in the app, each in
 *   their language as `languageOf` reads it (`zh`: the Chinese title, body and link; `en`: the English),
 *   which a statement trigger announces to every API process at commit (NotificationInsertAnnounce);
 * - reads back each active recipient with their preferences (one row of nulls when there is none),
 *   and the group robots that take the type (`alliance_ids`, `organization_ids`, `robot_ids`).
 * The keys are chosen before the insert, so each event written finds its input again by its key.
 */
const WRITE_EVENTS_SQL = `
  WITH input AS MATERIALIZED (
    SELECT e.*, coalesce(e.dedupe_key, gen_random_uuid()::text) AS key
      FROM jsonb_to_recordset($1::jsonb) AS e(
        ord int, tenant_id uuid, type text, payload jsonb, urgent boolean, dedupe_key text, user_ids uuid[],
        zh text[], en text[], in_app boolean, alliance_ids uuid[], organization_ids uuid[], robot_ids uuid[])
  ), event AS (
    INSERT INTO notification_events (tenant_id, type, payload, urgent, dedupe_key)
    SELECT tenant_id, type, payload, urgent, key FROM input ORDER BY ord
    ON CONFLICT (tenant_id, dedupe_key) DO NOTHING RETURNING id, tenant_id, dedupe_key
  ), written AS (
    SELECT i.*, event.id AS event_id
      FROM input i JOIN event ON event.dedupe_key = i.key AND event.tenant_id IS NOT DISTINCT FROM i.tenant_id
  ), recipient AS (
    SELECT w.ord, w.event_id, w.tenant_id, w.type, w.in_app AS app_channel, w.alliance_ids, w.organization_ids, w.robot_ids,
           u.id, u.email, u.mobile, u.locale, u.email_digest, p.in_app, to_jsonb(p) AS prefs,
           CASE WHEN lower(u.locale) LIKE 'en%' THEN w.en ELSE w.zh END AS rendered
      FROM written w
      LEFT JOIN users u ON u.id = ANY(w.user_ids) AND u.status <> 'disabled'
      LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.type = w.type
  ), inbox AS (
    INSERT INTO notifications (tenant_id, user_id, event_id, type, title, body, link)
    SELECT r.tenant_id, r.id, r.event_id, r.type, r.rendered[1], r.rendered[2], r.rendered[3]
      FROM recipient r WHERE r.app_channel AND r.id IS NOT NULL AND r.in_app IS NOT FALSE
    ON CONFLICT (event_id, user_id) DO NOTHING
  )
  SELECT r.ord, r.event_id, r.id, r.email, r.mobile, r.locale, r.email_digest, r.prefs,
         (SELECT json_agg(json_build_object('id', g.id, 'kind', g.kind)) FROM group_robots g
           WHERE g.enabled AND (g.id = ANY(r.robot_ids) OR (r.type = ANY(g.types) AND (g.alliance_id = ANY(r.alliance_ids) OR g.organization_id = ANY(r.organization_ids))))) AS robots
    FROM recipient r ORDER BY r.ord`;

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

  /**
   * Records the events in one round trip, see WRITE_EVENTS_SQL: each one's rows, in the order given
   * (none for an event whose dedupe key was used, before or earlier in the same list).
   */
  async writeEvents(events: EventWrite[]): Promise<EventRow[][]> {
    const keys = new Set<string>();
    const input = events.flatMap((event, ord) => {
      const key = event.dedupeKey === null ? null : `${event.tenantId}:${event.dedupeKey}`;
      if (key !== null && keys.has(key)) return [];
      if (key !== null) keys.add(key);
      return [
        {
          ord,
          tenant_id: event.tenantId,
          type: event.type,
          payload: event.payload,
          urgent: event.urgent,
          dedupe_key: event.dedupeKey,
          user_ids: event.userIds,
          zh: event.zh,
          en: event.en,
          in_app: event.inApp,
          alliance_ids: event.allianceIds,
          organization_ids: event.organizationIds,
          robot_ids: event.robotIds,
        },
      ];
    });
    const rows = await this.tenant.manager.query<(EventRow & { ord: number })[]>(WRITE_EVENTS_SQL, [
      JSON.stringify(input),
    ]);
    const written = events.map((): EventRow[] => []);
    for (const { ord, ...row } of rows) written[ord].push(row);
    return written;
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
