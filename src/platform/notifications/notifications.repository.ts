import { Injectable } from '@nestjs/common';
import { TenantContext } from '../tenancy/tenant-context.service';
import type { NotificationType } from './notification-registry';

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

/**
 * The SQL of the notifications' preferences, robots' scopes and digests, in the caller's
 * transaction (the tenant's, under row-level security).
 */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly tenant: TenantContext) {}

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
