import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainException } from '../errors/domain.exception';
import { AuthRepository, type SessionStateRow } from './auth.repository';
import { UserStatus } from './entities/role';
import { type RedisSessionStateCache, SESSION_STATE_CACHE, type UserState } from './session-state-cache';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Access tokens are short-lived JWTs; this refuses those of a user who is not active, whose
 * sessions were revoked after the token was issued, or whose session (refresh-token family) ended.
 *
 * PostgreSQL is the truth (users.sessions_revoked_at, users.status, refresh_tokens.revoked_at);
 * with Redis configured, it caches it (RedisSessionStateCache). When the cache cannot answer,
 * PostgreSQL does, in one statement; when neither can, the request is refused (503), never let through.
 */
@Injectable()
export class RevokedSessions {
  private readonly logger = new Logger(RevokedSessions.name);

  constructor(
    @Inject(SESSION_STATE_CACHE) private readonly cache: RedisSessionStateCache | null,
    private readonly repository: AuthRepository,
  ) {}

  /**
   * Ends every access token of the user issued up to `at` (iat, whole seconds: one issued in the
   * same second is ended too), e.g. when its role changes. Runs in the caller's transaction; the
   * cache is overwritten at once, so no request can cache the old state after it.
   */
  async revokeUser(userId: string, at: Date): Promise<void> {
    await this.repository.revokeSessionsUpTo(userId, at);
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
    await this.cache?.forget(userId);
  }

  private async cacheEnded(userId: string, sessionIds: string[]): Promise<void> {
    if (!this.cache) return;
    const row = await this.repository.userSessionState(userId);
    const state: UserState = row
      ? { status: row.status, revokedAt: seconds(row.sessions_revoked_at) }
      : { status: 'missing', revokedAt: 0 };
    await this.cache.overwrite(userId, state, sessionIds);
  }

  /** True when the token (iat, seconds) may no longer act; throws 503 when neither the cache nor PostgreSQL can tell. */
  async isRevoked(userId: string, issuedAt: number, sessionId?: string): Promise<boolean> {
    if (!UUID.test(userId) || (sessionId !== undefined && !UUID.test(sessionId))) return true;
    const cached = this.cache ? await this.cache.read(userId, sessionId) : null;
    let user = cached?.user;
    let sessionEnded = cached?.sessionEnded;
    if (!user || sessionEnded === undefined) {
      const fresh = await this.fromDatabase(userId, sessionId);
      user = fresh.user;
      sessionEnded = fresh.sessionEnded;
      if (cached) void cached.fill(user, sessionEnded);
    }
    return user.status !== UserStatus.Active || issuedAt <= user.revokedAt || sessionEnded;
  }

  private async fromDatabase(
    userId: string,
    sessionId: string | undefined,
  ): Promise<{ user: UserState; sessionEnded: boolean }> {
    let row: SessionStateRow | undefined;
    try {
      row = await this.repository.sessionState(userId, sessionId ?? null);
    } catch (error) {
      this.logger.error({ err: error }, 'Neither the cache nor PostgreSQL can say whether a session was revoked');
      throw DomainException.unavailable();
    }
    if (!row) return { user: { status: 'missing', revokedAt: 0 }, sessionEnded: true };
    return {
      user: { status: row.status, revokedAt: seconds(row.sessions_revoked_at) },
      sessionEnded: row.session_ended,
    };
  }
}

function seconds(at: Date | null): number {
  return at ? Math.floor(at.getTime() / 1000) : 0;
}
