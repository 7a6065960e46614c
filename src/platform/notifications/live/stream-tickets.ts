import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { randomSecret } from '../../auth/token-hash';
import { REDIS } from '../../redis/redis.module';
import type { Actor } from '../../tenancy/request-actor';

const TTL_SECONDS = 60;

/** EventSource cannot send an Authorization header, so a stream opens with a one-time ticket. */
@Injectable()
export class StreamTickets {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async issue(actor: Actor): Promise<string> {
    const ticket = randomSecret(24);
    await this.redis.set(`stream-ticket:${ticket}`, JSON.stringify(actor), 'EX', TTL_SECONDS);
    return ticket;
  }

  async redeem(ticket: string): Promise<Actor | null> {
    if (!/^[A-Za-z0-9_-]{20,64}$/.test(ticket)) return null;
    const value = await this.redis.getdel(`stream-ticket:${ticket}`).catch(() => null);
    return value ? (JSON.parse(value) as Actor) : null;
  }
}
