import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access.decorators';
import { WithoutRequestTransaction } from '../tenancy/request-transaction.interceptor';
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
  ) {}

  /**
   * Readiness: 200 with each dependency's state, or 503 naming the one that is down (a load
   * balancer then sends this process no traffic until they are back).
   */
  @Get()
  async check(@Res() reply: FastifyReply): Promise<void> {
    try {
      const result = await this.health.check([
        () => this.database.pingCheck('database', { timeout: 1500 }),
        () => this.redis.isHealthy('redis'),
      ]);
      await reply.status(200).send(result);
    } catch (error) {
      const body = (error as { getResponse?: () => unknown }).getResponse?.() ?? { status: 'error' };
      await reply.status(503).send(body);
    }
  }

  /**
   * Liveness: 200 whenever the process can answer at all. It checks no dependency on purpose: a
   * database or Redis outage is not fixed by restarting every API process, only a hung one is.
   */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
