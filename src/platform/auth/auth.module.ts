import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import type { Environment } from '../config/environment';
import { REDIS } from '../redis/redis.module';
import { AccessGuard } from './access.guard';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, AuthTokens } from './auth-tokens.service';
import { AuthController } from './auth.controller';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { LocalStrategy } from './local.strategy';
import { MeService } from './me.service';
import { PasswordHasher } from './password-hasher';
import { PostgresThrottlerStorage } from './postgres-throttler.storage';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { RevokedSessions } from './revoked-sessions';
import { sessionStateCacheProvider } from './session-state-cache';
import { SmsCodesRepository } from './sms-codes.repository';
import { SmsSignIn } from './sms-sign-in.service';

@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => ({
        secret: config.get('JWT_SECRET', { infer: true }),
        signOptions: {
          algorithm: 'HS256',
          issuer: ACCESS_TOKEN_ISSUER,
          audience: ACCESS_TOKEN_AUDIENCE,
          expiresIn: config.get('JWT_ACCESS_TTL_SECONDS', { infer: true }),
        },
        verifyOptions: { algorithms: ['HS256'], issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [ConfigService, REDIS, getDataSourceToken()],
      useFactory: (config: ConfigService<Environment, true>, redis: Redis | null, dataSource: DataSource) => ({
        throttlers: [{ name: 'default', ttl: 60_000, limit: config.get('LOGIN_RATE_PER_MINUTE', { infer: true }) }],
        storage: redis ? new RedisThrottlerStorage(redis) : new PostgresThrottlerStorage(dataSource),
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    AuthRepository,
    AuthTokens,
    MeService,
    PasswordHasher,
    RevokedSessions,
    sessionStateCacheProvider,
    SmsCodesRepository,
    SmsSignIn,
    LocalStrategy,
    JwtStrategy,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [PasswordHasher, RevokedSessions, AuthTokens],
})
export class AuthModule {}
