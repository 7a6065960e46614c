import { Inject, Injectable } from '@nestjs/common';
import { randomSecret } from '../../auth/token-hash';
import { DomainException } from '../../errors/domain.exception';
import type { Actor } from '../../tenancy/request-actor';
import { STREAM_TICKET_STORE, type StreamTicketStore } from './stream-ticket-store';

const TTL_SECONDS = 60;

/**
 * EventSource cannot send an Authorization header, so a stream opens with a one-time ticket. While
 * the ticket store (Redis or PostgreSQL) is down both steps answer 503 with Retry-After (the browser
 * tries again), not 500, and a ticket that cannot be looked up is not called invalid.
 */
@Injectable()
export class StreamTickets {
  constructor(@Inject(STREAM_TICKET_STORE) private readonly store: StreamTicketStore) {}

  async issue(actor: Actor): Promise<string> {
    const ticket = randomSecret(24);
    await this.store.put(ticket, JSON.stringify(actor), TTL_SECONDS).catch(() => {
      throw DomainException.unavailable();
    });
    return ticket;
  }

  async redeem(ticket: string): Promise<Actor | null> {
    if (!/^[A-Za-z0-9_-]{20,64}$/.test(ticket)) return null;
    const value = await this.store.take(ticket).catch(() => {
      throw DomainException.unavailable();
    });
    return value ? (JSON.parse(value) as Actor) : null;
  }
}
