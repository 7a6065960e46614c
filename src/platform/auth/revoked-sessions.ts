import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import type { Environment } from '../config/environment';
import { DomainException } from '../errors/domain.exception';
import { REDIS } from '../redis/redis.module';
import { TenantContext } from '../tenancy/tenant-context.service';
import { UserStatus } from './entities/role';

/**
 * How long Redis may answer for PostgreSQL. A revocation overwrites the cached state at once; this
 * bounds only what a Redis that missed the overwrite (unreachable then, yet kept its data) says.
 */
const STATE_TTL_SECONDS = 15;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface UserState {
  status: UserStatus | 'missing';
  /** Seconds since the epoch; tokens issued (iat) at or before it are refused. 0: never. */
  revokedAt: number;
}

interface SessionStateRow {
  status: UserStatus;
  sessions_revoked_at: Date | null;
  session_ended: boolean;
}

/**
 * Access tokens are short-lived JWTs; this refuses those of a user who is not active, whose
 * sessions were revoked after the token was issued, or whose session (refresh-token family) ended.
 *
 * PostgreSQL is the truth (users.sessions_revoked_at, users.status, refresh_tokens.revoked_at);
 * Redis caches it for STATE_TTL_SECONDS. When Redis cannot answer, PostgreSQL does, in one
 * statement; when neither can, the request is refused (503), never let through.
 */
@Injectable()
export class RevokedSessions {
  private readonly logger = new Logger(RevokedSessions.name);
  /**
   * The run id of the Redis server the client is connected to, in every cache key: a Redis that
   * restarted (even one that reloaded its append-only file) has a new one, so nothing it cached
   * before a revocation it never heard of is read again. Null while not known: PostgreSQL answers.
   */
  private epoch: string | null = null;
  private connection = 0;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tenant: TenantContext,
    private readonly config: ConfigService<Environment, true>,
  ) {
    redis.on('close', () => {
      this.connection++;
      this.epoch = null;
    });
    redis.on('ready', () => void this.learnEpoch());
    if (redis.status === 'ready') void this.learnEpoch();
  }

  /**
   * Ends every access token of the user issued up to `at` (iat, whole seconds: one issued in the
   * same second is ended too), e.g. when its role changes. Runs in the caller's transaction; the
   * cache is overwritten at once, so no request can cache the old state after it.
   */
  async revokeUser(userId: string, at: Date): Promise<void> {
    await this.tenant.manager.query(`UPDATE users SET sessions_revoked_at = greatest(sessions_revoked_at, $2) WHERE id = $1`, [userId, at]);
    await this.cacheEnded(userId, []);
  }

  /**
   * After AuthTokens revoked these sessions (refresh-token families) in the caller's transaction,
   * ends their access tokens in the cache too: logout, a reused refresh token, a password change,
   * a disabled user. The user's state (disabled) is written over as well.
   */
  async endSessions(userId: string, sessionIds: string[]): Promise<void> {
    await this.cacheEnded(userId, sessionIds);
  }

  /** The user's status changed without ending its tokens (enabled again): forget the cached state. */
  async userChanged(userId: string): Promise<void> {
    if (!this.epoch) return;
    await this.redis.del(this.userKey(this.epoch, userId)).catch((error) => {
      this.logger.warn({ err: error }, 'Could not forget a cached user state');
    });
  }

  private async cacheEnded(userId: string, sessionIds: string[]): Promise<void> {
    const [row] = await this.tenant.manager.query<{ status: UserStatus; sessions_revoked_at: Date | null }[]>(
      'SELECT status, sessions_revoked_at FROM users WHERE id = $1',
      [userId],
    );
    // Not connected: nothing can be read from this Redis before the epoch is learnt again.
    const epoch = this.epoch;
    if (!epoch) return;
    const state: UserState = row ? { status: row.status, revokedAt: seconds(row.sessions_revoked_at) } : { status: 'missing', revokedAt: 0 };
    const sessionTtl = this.config.get('JWT_ACCESS_TTL_SECONDS', { infer: true });
    const pipeline = this.redis.pipeline().set(this.userKey(epoch, userId), encodeUser(state), 'EX', STATE_TTL_SECONDS);
    for (const sessionId of new Set(sessionIds)) pipeline.set(this.sessionKey(epoch, sessionId), '1', 'EX', sessionTtl);
    const results = await pipeline.exec().catch((error: Error) => [[error, null]] as [Error | null, unknown][]);
    const failed = results?.find(([error]) => error);
    if (failed) this.logger.warn({ err: failed[0] }, 'Could not cache ended sessions; PostgreSQL holds them');
  }

  /** True when the token (iat, seconds) may no longer act; throws 503 when neither Redis nor PostgreSQL can tell. */
  async isRevoked(userId: string, issuedAt: number, sessionId?: string): Promise<boolean> {
    if (!UUID.test(userId) || (sessionId !== undefined && !UUID.test(sessionId))) return true;
    const epoch = this.epoch;
    const keys = epoch ? [this.userKey(epoch, userId), ...(sessionId ? [this.sessionKey(epoch, sessionId)] : [])] : [];
    const cached = epoch ? await this.redis.mget(...keys).catch(() => null) : null;
    let user = decodeUser(cached?.[0]);
    let sessionEnded = sessionId ? decodeFlag(cached?.[1]) : false;
    if (!user || sessionEnded === undefined) {
      const fresh = await this.fromDatabase(userId, sessionId);
      user = fresh.user;
      sessionEnded = fresh.sessionEnded;
      // NX: a revocation that wrote meanwhile wins over what this request read before it.
      if (cached && epoch) void this.fill(epoch, userId, user, sessionId, sessionEnded);
    }
    return user.status !== UserStatus.Active || issuedAt <= user.revokedAt || sessionEnded;
  }

  private async fromDatabase(userId: string, sessionId: string | undefined): Promise<{ user: UserState; sessionEnded: boolean }> {
    let rows: SessionStateRow[];
    try {
      rows = await this.dataSource.query<SessionStateRow[]>(
        'SELECT status, sessions_revoked_at, session_ended FROM auth_session_state($1, $2)',
        [userId, sessionId ?? null],
      );
    } catch (error) {
      this.logger.error({ err: error }, 'Neither Redis nor PostgreSQL can say whether a session was revoked');
      throw DomainException.unavailable();
    }
    const row = rows[0];
    if (!row) return { user: { status: 'missing', revokedAt: 0 }, sessionEnded: true };
    return { user: { status: row.status, revokedAt: seconds(row.sessions_revoked_at) }, sessionEnded: row.session_ended };
  }

  private async fill(epoch: string, userId: string, user: UserState, sessionId: string | undefined, sessionEnded: boolean): Promise<void> {
    const pipeline = this.redis.pipeline().set(this.userKey(epoch, userId), encodeUser(user), 'EX', STATE_TTL_SECONDS, 'NX');
    if (sessionId) {
      const ttl = sessionEnded ? this.config.get('JWT_ACCESS_TTL_SECONDS', { infer: true }) : STATE_TTL_SECONDS;
      pipeline.set(this.sessionKey(epoch, sessionId), sessionEnded ? '1' : '0', 'EX', ttl, 'NX');
    }
    await pipeline.exec().catch(() => undefined);
  }

  private async learnEpoch(): Promise<void> {
    const connection = this.connection;
    const info = await this.redis.info('server').catch(() => '');
    const runId = /^run_id:([0-9a-f]+)/m.exec(info)?.[1];
    if (runId && connection === this.connection) this.epoch = runId.slice(0, 12);
  }

  private sessionKey(epoch: string, sessionId: string): string {
    return `session-ended:${epoch}:${sessionId}`;
  }

  private userKey(epoch: string, userId: string): string {
    return `session-state:${epoch}:${userId}`;
  }
}

function seconds(at: Date | null): number {
  return at ? Math.floor(at.getTime() / 1000) : 0;
}

function encodeUser(state: UserState): string {
  return `${state.status}:${state.revokedAt}`;
}

function decodeUser(value: string | null | undefined): UserState | undefined {
  if (!value) return undefined;
  const [status, revokedAt] = value.split(':');
  const at = Number(revokedAt);
  if (!status || !Number.isFinite(at)) return undefined;
  return { status: status as UserState['status'], revokedAt: at };
}

function decodeFlag(value: string | null | undefined): boolean | undefined {
  return value === '1' ? true : value === '0' ? false : undefined;
}
