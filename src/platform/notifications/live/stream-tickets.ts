import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { randomSecret } from '../../auth/token-hash';
import { DomainException } from '../../errors/domain.exception';
import { REDIS } from '../../redis/redis.module';
import type { Actor } from '../../tenancy/request-actor';

const TTL_SECONDS = 60;

/**
 * EventSource cannot send an Authorization header, so a stream opens with a one-time ticket. The
 * tickets live in Redis: while it is down both steps answer 503 with Retry-After (the browser
 * tries again), not 500, and a ticket that cannot be looked up is not called invalid.
 */
@Injectable()
export class StreamTickets {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async issue(actor: Actor): Promise<string> {
    const ticket = randomSecret(24);
    await this.redis.set(`stream-ticket:${ticket}`, JSON.stringify(actor), 'EX', TTL_SECONDS).catch(() => {
      throw DomainException.unavailable();
    });
    return ticket;
  }

  async redeem(ticket: string): Promise<Actor | null> {
    if (!/^[A-Za-z0-9_-]{20,64}$/.test(ticket)) return null;
    const value = await this.redis.getdel(`stream-ticket:${ticket}`).catch(() => {
      throw DomainException.unavailable();
    });
    return value ? (JSON.parse(value) as Actor) : null;
  }
}
