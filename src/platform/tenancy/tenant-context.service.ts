import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { InjectDataSource } from '@nestjs/typeorm';
import { ClsService } from 'nestjs-cls';
import type { DataSource, EntityManager } from 'typeorm';
import { beginWith, type TransactionAdapter, withLiterals } from '../database/transaction-adapter';
import { Role } from '../auth/entities/role';
import { type Actor, platformActor, systemActor } from './request-actor';
import { listTenantIds } from './tenants.store';

export const ACTOR_KEY = 'actor';
export const REQUEST_ID_KEY = 'requestId';
const READ_MANAGER_KEY = 'readManager';
const MEMO_KEY = 'transactionMemo';

/**
 * The first statement of every request's transaction: $1 tenant, $2 user, $3 'on' for a platform
 * admin, $4 request id. It also turns JIT compilation off for the transaction: the planner's
 * estimates for the statistics and dashboard queries pass jit_above_cost, and compiling them took
 * 50 ms of a 100 ms query; nothing this application runs is long enough to earn it back.
 */
export const ROW_SECURITY_SETTINGS_SQL = `SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true),
              set_config('app.platform', $3, true), set_config('app.request_id', $4, true), set_config('jit', 'off', true)`;

/**
 * Runs work in a transaction whose row-level-security settings name the tenant and the user.
 * The settings are transaction-local (`set_config(..., true)`), so a pooled connection never
 * carries one request's tenant into the next (and they survive a pooler in transaction mode).
 */
@Injectable()
export class TenantContext {
  constructor(
    private readonly txHost: TransactionHost<TransactionAdapter>,
    private readonly cls: ClsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The current transaction's manager: a read replica's inside `read()`, otherwise the primary's. */
  get manager(): EntityManager {
    return (this.cls.isActive() && this.cls.get<EntityManager | undefined>(READ_MANAGER_KEY)) || this.txHost.tx;
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
      // Work started from inside read() writes on the primary, not on the replica it inherited;
      // and a new transaction remembers nothing the outer one read.
      this.cls.set(READ_MANAGER_KEY, undefined);
      this.cls.set(MEMO_KEY, new Map());
      // Inside another run's transaction (the plugin joins it), the settings take a statement of their own.
      if (this.txHost.isTransactionActive())
        return this.txHost.withTransaction(async () => {
          await this.applySettings(actor, requestId);
          return work();
        });
      return this.txHost.withTransaction({ begin: settingsStatement(actor, requestId) }, work);
    });
  }

  /** Every township's id, read as the platform: scheduled jobs then work through them one by one. */
  tenantIds(): Promise<string[]> {
    return this.run(platformActor(), () => listTenantIds(this.manager));
  }

  /**
   * Runs `work` as the system in each township, one transaction each, and adds up what it returns:
   * the scheduled folds that count the rows they refreshed.
   */
  async sumOverTownships(work: () => Promise<number>): Promise<number> {
    let total = 0;
    for (const tenantId of await this.tenantIds()) total += await this.run(systemActor(tenantId), work);
    return total;
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

  /**
   * Runs read-only `work` as `actor` on a read replica (DATABASE_READ_URL; the primary when none is
   * set), for heavy reads that may be a little behind: the dashboard and the statistics. It is its
   * own read-only transaction with the same tenant settings as `run`, so row-level security holds
   * on the replica too, and one snapshot serves all of the work's queries.
   */
  read<T>(actor: Actor | null, work: () => Promise<T>, requestId?: string): Promise<T> {
    return this.cls.run(async () => {
      this.cls.set(ACTOR_KEY, actor ?? undefined);
      this.cls.set(REQUEST_ID_KEY, requestId);
      this.cls.set(MEMO_KEY, new Map());
      const runner = this.dataSource.createQueryRunner('slave');
      try {
        beginWith(
          runner,
          `START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; ${settingsStatement(actor, requestId)}`,
        );
        await runner.startTransaction();
        this.cls.set(READ_MANAGER_KEY, runner.manager);
        const result = await work();
        await runner.commitTransaction();
        return result;
      } catch (error) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      } finally {
        await runner.release();
      }
    });
  }

  /** Switches the current transaction to `actor`, e.g. once a login has found its user. */
  async assume(actor: Actor): Promise<void> {
    this.cls.set(ACTOR_KEY, actor);
    await this.applySettings(actor, this.cls.get<string | undefined>(REQUEST_ID_KEY));
  }

  private async applySettings(actor: Actor | null, requestId: string | undefined): Promise<void> {
    await this.manager.query(ROW_SECURITY_SETTINGS_SQL, settingsValues(actor, requestId));
  }
}

function settingsValues(actor: Actor | null, requestId: string | undefined): string[] {
  return [actor?.tenantId ?? '', actor?.userId ?? '', actor?.role === Role.PlatformAdmin ? 'on' : '', requestId ?? ''];
}

/** The settings as one statement without parameters, to travel with START TRANSACTION. */
function settingsStatement(actor: Actor | null, requestId: string | undefined): string {
  return rowSecuritySettingsStatement(settingsValues(actor, requestId));
}

/** ROW_SECURITY_SETTINGS_SQL with its four values as literals (the benchmark's baselines send it the same way). */
export function rowSecuritySettingsStatement(values: string[]): string {
  return withLiterals(ROW_SECURITY_SETTINGS_SQL, values);
}
