import { createSecretKey } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type Redis from 'ioredis';
import { verify } from 'jsonwebtoken';

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
 * audience, expiry), then one Redis round trip for revoked sessions. Null: answer 401.
 */
export function accessCheck(redis: Redis, jwtSecret: string): (request: FastifyRequest) => Promise<Claims | null> {
  const secret = createSecretKey(Buffer.from(jwtSecret));
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
    const [revokedAt, sessionEnded] = await redis.mget(
      `revoked-sessions:${claims.sub}`,
      `revoked-session:${claims.sid}`,
    );
    return (revokedAt && claims.iat <= Number(revokedAt)) || sessionEnded ? null : claims;
  };
}
