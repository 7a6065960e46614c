import { Controller, Get, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access.decorators';
import type { Environment } from '../config/environment';
import { WithoutRequestTransaction } from '../tenancy/request-transaction.interceptor';
import { BackupHealth } from './backup.health';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('operations')
@Public()
@WithoutRequestTransaction()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly config: ConfigService<Environment, true>,
    private readonly backups: BackupHealth,
  ) {}

  /**
   * Readiness: 200 with each dependency's state, or 503 naming the one that is down (a load
   * balancer then sends this process no traffic until they are back).
   */
  @ApiOperation({ summary: 'Readiness probe' })
  @Get()
  @ApiOkResponse({
    description:
      'Every dependency answered its ping within HEALTH_TIMEOUT_MS. `warnings.backup` appears when backups are stale (no good one for 26 h) or the last one failed: a warning, still 200.',
  })
  @ApiServiceUnavailableResponse({
    description: 'A dependency is down or did not answer within HEALTH_TIMEOUT_MS; the body names it.',
  })
  async check(@Res() reply: FastifyReply): Promise<void> {
    const timeout = this.config.get('HEALTH_TIMEOUT_MS', { infer: true });
    try {
      const result = await this.health.check([
        () => this.database.pingCheck('database', { timeout }),
        // Only when configured: without REDIS_URL nothing lives in Redis.
        ...(this.redis.configured ? [() => this.redis.isHealthy('redis', timeout)] : []),
      ]);
      const warnings = await this.backups.warnings();
      await reply.status(200).send(warnings ? { ...result, warnings } : result);
    } catch (error) {
      const body = (error as { getResponse?: () => unknown }).getResponse?.() ?? { status: 'error' };
      await reply.status(503).send(body);
    }
  }

  /**
   * Liveness: 200 whenever the process can answer at all. It checks no dependency on purpose: a
   * database or Redis outage is not fixed by restarting every API process, only a hung one is.
   */
  @ApiOperation({ summary: 'Liveness probe' })
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
