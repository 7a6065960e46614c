import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import type { EntityManager } from 'typeorm';
import { Role } from '../auth/entities/role';
import type { Actor } from './request-actor';

export const ACTOR_KEY = 'actor';
export const REQUEST_ID_KEY = 'requestId';
const MEMO_KEY = 'transactionMemo';

/** The first statement of every request's transaction: $1 tenant, $2 user, $3 'on' for a platform admin, $4 request id. */
export const ROW_SECURITY_SETTINGS_SQL = `SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true),
              set_config('app.platform', $3, true), set_config('app.request_id', $4, true)`;

/**
 * Runs work in a transaction whose row-level-security settings name the tenant and the user.
 * The settings are transaction-local (`set_config(..., true)`), so a pooled connection never
 * carries one request's tenant into the next.
 */
@Injectable()
export class TenantContext {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService,
  ) {}

  get manager(): EntityManager {
    return this.txHost.tx;
  }

  get actor(): Actor {
    const actor = this.cls.get<Actor | undefined>(ACTOR_KEY);
    if (!actor) throw new Error('No actor in this context');
    return actor;
  }

  get actorOrNull(): Actor | null {
    return this.cls.isActive() ? (this.cls.get<Actor | undefined>(ACTOR_KEY) ?? null) : null;
  }

  /** The tenant of the current actor; throws for a platform admin, who has none. */
  get tenantId(): string {
    const tenantId = this.actor.tenantId;
    if (!tenantId) throw new Error('The actor belongs to no tenant');
    return tenantId;
  }

  /** Runs `work` in a new CLS context and transaction as `actor` (null: no tenant, sees no tenant rows). */
  run<T>(actor: Actor | null, work: () => Promise<T>, requestId?: string): Promise<T> {
    return this.cls.run(() => {
      this.cls.set(ACTOR_KEY, actor ?? undefined);
      this.cls.set(REQUEST_ID_KEY, requestId);
      return this.txHost.withTransaction(async () => {
        await this.applySettings(actor, requestId);
        return work();
      });
    });
  }

  /** Every township's id, read as the platform: scheduled jobs then work through them one by one. */
  async tenantIds(): Promise<string[]> {
    const rows = await this.run({ userId: '', tenantId: null, role: Role.PlatformAdmin, organizationId: null }, () =>
      this.manager.query<{ id: string }[]>('SELECT id FROM tenants ORDER BY created_at'),
    );
    return rows.map((r) => r.id);
  }

  /**
   * Loads `key` once for the rest of the current request or job: settings that several steps of
   * one job read (the time zone, the calendar, quiet hours) cost one round trip, and are never
   * older than the transaction that reads them. Writers of such settings call `forget`.
   */
  once<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.cls.isActive()) return load();
    let memo = this.cls.get<Map<string, Promise<unknown>> | undefined>(MEMO_KEY);
    if (!memo) this.cls.set(MEMO_KEY, (memo = new Map()));
    let value = memo.get(key) as Promise<T> | undefined;
    if (!value) {
      value = load();
      memo.set(key, value);
      value.catch(() => memo.delete(key));
    }
    return value;
  }

  forget(key: string): void {
    if (this.cls.isActive()) this.cls.get<Map<string, Promise<unknown>> | undefined>(MEMO_KEY)?.delete(key);
  }

  /** Switches the current transaction to `actor`, e.g. once a login has found its user. */
  async assume(actor: Actor): Promise<void> {
    this.cls.set(ACTOR_KEY, actor);
    await this.applySettings(actor, this.cls.get<string | undefined>(REQUEST_ID_KEY));
  }

  private async applySettings(actor: Actor | null, requestId: string | undefined): Promise<void> {
    await this.txHost.tx.query(ROW_SECURITY_SETTINGS_SQL, [
      actor?.tenantId ?? '',
      actor?.userId ?? '',
      actor?.role === Role.PlatformAdmin ? 'on' : '',
      requestId ?? '',
    ]);
  }
}
