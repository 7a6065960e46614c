import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Redis } from 'ioredis';
import type { Environment } from '../config/environment';
import { REDIS } from '../redis/redis.module';

/**
 * Access tokens are short-lived JWTs; this list refuses those of a user who was disabled or who
 * signed out everywhere, until they would have expired anyway.
 */
@Injectable()
export class RevokedSessions {
  private readonly logger = new Logger(RevokedSessions.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async revokeUser(userId: string, at = new Date()): Promise<void> {
    const ttl = this.config.get('JWT_ACCESS_TTL_SECONDS', { infer: true });
    await this.redis.set(this.key(userId), String(Math.floor(at.getTime() / 1000)), 'EX', ttl).catch((error) => {
      this.logger.warn({ err: error }, 'Could not record revoked sessions');
    });
  }

  /** Ends the access tokens of one session (a refresh-token family): after logout, or when a refresh token was reused. */
  async revokeSession(sessionId: string): Promise<void> {
    const ttl = this.config.get('JWT_ACCESS_TTL_SECONDS', { infer: true });
    await this.redis.set(this.sessionKey(sessionId), '1', 'EX', ttl).catch((error) => {
      this.logger.warn({ err: error }, 'Could not record a revoked session');
    });
  }

  /** True when the token was issued (iat, seconds) before the user's sessions were revoked, or its session ended. */
  async isRevoked(userId: string, issuedAt: number, sessionId?: string): Promise<boolean> {
    const keys = sessionId ? [this.key(userId), this.sessionKey(sessionId)] : [this.key(userId)];
    const [revokedAt, sessionEnded] = await this.redis.mget(...keys).catch(() => [null, null]);
    return (revokedAt !== null && revokedAt !== undefined && issuedAt <= Number(revokedAt)) || (sessionEnded !== null && sessionEnded !== undefined);
  }

  private sessionKey(sessionId: string): string {
    return `revoked-session:${sessionId}`;
  }

  private key(userId: string): string {
    return `revoked-sessions:${userId}`;
  }
}
