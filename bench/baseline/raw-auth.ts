import { createSecretKey } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { FastifyRequest } from 'fastify';
import type Redis from 'ioredis';
import { verify } from 'jsonwebtoken';
import { LOCAL_STATE_TTL_MS } from '../../src/platform/auth/local-session-states';

export interface Claims {
  sub: string;
  tid: string;
  org: string;
  role: string;
  iat: number;
  sid?: string;
}

/**
 * The least a server does to trust a request, as the API does it: the JWT verified (HS256, issuer,
 * audience, expiry), then the revoked sessions: from memory when this user and session were looked
 * up in the last LOCAL_STATE_TTL_MS, else one Redis round trip (the API's LocalSessionStates, without
 * its invalidations: nothing is revoked during a benchmark). Null: answer 401.
 */
export function accessCheck(redis: Redis, jwtSecret: string): (request: FastifyRequest) => Promise<Claims | null> {
  const secret = createSecretKey(Buffer.from(jwtSecret));
  const remembered = new Map<string, { refused: boolean; until: number }>();
  return async (request) => {
    let claims: Claims;
    try {
      claims = verify((request.headers.authorization ?? '').replace(/^Bearer /, ''), secret, {
        algorithms: ['HS256'],
        issuer: 'lianmeng',
        audience: 'lianmeng-api',
      }) as Claims;
    } catch {
      return null;
    }
    const key = `${claims.sub}:${claims.sid}:${claims.iat}`;
    const known = remembered.get(key);
    if (known && performance.now() < known.until) return known.refused ? null : claims;
    const [revokedAt, sessionEnded] = await redis.mget(
      `revoked-sessions:${claims.sub}`,
      `revoked-session:${claims.sid}`,
    );
    const refused = Boolean((revokedAt && claims.iat <= Number(revokedAt)) || sessionEnded);
    remembered.set(key, { refused, until: performance.now() + LOCAL_STATE_TTL_MS });
    return refused ? null : claims;
  };
}
