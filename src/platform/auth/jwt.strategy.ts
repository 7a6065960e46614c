import { createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Environment } from '../config/environment';
import { DomainException } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';
import type { Actor } from '../tenancy/request-actor';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, type AccessTokenClaims } from './auth-tokens.service';
import { RevokedSessions } from './revoked-sessions';
import { HttpStatus } from '@nestjs/common';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    config: ConfigService<Environment, true>,
    private readonly revoked: RevokedSessions,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A key object, not the string: jsonwebtoken otherwise first tries (and fails) to read the
      // string as a public key on every request, a measurable share of the API's CPU.
      secretOrKey: createSecretKey(Buffer.from(config.get('JWT_SECRET', { infer: true }))) as unknown as string,
      algorithms: ['HS256'],
      // jsonwebtoken refuses a missing iss or aud when it is told which to expect, but lets a token
      // without exp or iat through; validate() refuses those.
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<Actor> {
    // A token without exp would be good for ever; one without iat escapes every revocation by time.
    if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number') {
      throw new DomainException(ErrorCode.Unauthenticated, HttpStatus.UNAUTHORIZED);
    }
    if (await this.revoked.isRevoked(claims.sub, claims.iat ?? 0, claims.sid)) {
      throw new DomainException(ErrorCode.Unauthenticated, HttpStatus.UNAUTHORIZED);
    }
    return { userId: claims.sub, tenantId: claims.tid, role: claims.role, organizationId: claims.org };
  }
}
