import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import { Clock } from '../clock/clock';
import type { Environment } from '../config/environment';
import { DomainException } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';
import type { Actor } from '../tenancy/request-actor';
import { TenantContext } from '../tenancy/tenant-context.service';
import { AuthRepository } from './auth.repository';
import { RefreshToken } from './entities/refresh-token.entity';
import { randomSecret, sameHash, sha256 } from './token-hash';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

/** Who issues access tokens and whom they are for; both are signed into every token and required on every request. */
export const ACCESS_TOKEN_ISSUER = 'lianmeng';
export const ACCESS_TOKEN_AUDIENCE = 'lianmeng-api';

export interface AccessTokenClaims {
  sub: string;
  tid: string | null;
  role: Actor['role'];
  org: string | null;
  /** The refresh-token family (the session): signing out ends its access tokens too. */
  sid?: string;
  iat?: number;
  exp?: number;
}

/** A refresh token reads `<userId>.<tokenId>.<secret>`; only a hash of the secret is stored. */
export interface ParsedRefreshToken {
  userId: string;
  tokenId: string;
  secret: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseRefreshToken(token: string): ParsedRefreshToken {
  const [userId, tokenId, secret, extra] = token.split('.');
  if (extra !== undefined || !UUID.test(userId ?? '') || !UUID.test(tokenId ?? '') || !secret) {
    throw invalidRefreshToken();
  }
  return { userId, tokenId, secret };
}

export function invalidRefreshToken(): DomainException {
  return new DomainException(ErrorCode.InvalidRefreshToken, HttpStatus.UNAUTHORIZED);
}

@Injectable()
export class AuthTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly tenant: TenantContext,
    private readonly repository: AuthRepository,
    private readonly clock: Clock,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /** Issues a pair; call inside a transaction that acts as `actor`. */
  async issue(actor: Actor, familyId: string = randomUUID()): Promise<TokenPair> {
    const claims: AccessTokenClaims = {
      sub: actor.userId,
      tid: actor.tenantId,
      role: actor.role,
      org: actor.organizationId,
      sid: familyId,
    };
    const accessToken = await this.jwt.signAsync(claims);
    const secret = randomSecret();
    const ttl = this.config.get('JWT_REFRESH_TTL_SECONDS', { infer: true });
    const stored = await this.tenant.manager.getRepository(RefreshToken).save({
      tenantId: actor.tenantId,
      userId: actor.userId,
      familyId,
      tokenHash: sha256(secret),
      expiresAt: new Date(this.clock.now().getTime() + ttl * 1000),
    });
    return { accessToken, refreshToken: `${actor.userId}.${stored.id}.${secret}` };
  }

  /**
   * Marks the presented token used and returns its family, or reports reuse: a token that was
   * already used or revoked means it leaked, so the caller revokes the whole family.
   */
  async consume(parsed: ParsedRefreshToken): Promise<{ familyId: string } | { reusedFamilyId: string }> {
    const repo = this.tenant.manager.getRepository(RefreshToken);
    const token = await repo.findOne({
      where: { id: parsed.tokenId, userId: parsed.userId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!token || !sameHash(token.tokenHash, sha256(parsed.secret))) throw invalidRefreshToken();
    if (token.usedAt || token.revokedAt) return { reusedFamilyId: token.familyId };
    if (token.expiresAt <= this.clock.now()) throw invalidRefreshToken();
    await repo.update({ id: token.id }, { usedAt: this.clock.now() });
    return { familyId: token.familyId };
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.tenant.manager
      .getRepository(RefreshToken)
      .update({ familyId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  /** Ends every session of the user; returns the sessions (families) it ended. */
  async revokeAllOf(userId: string): Promise<string[]> {
    return [...new Set(await this.repository.revokeRefreshTokens(userId, this.clock.now()))];
  }
}
