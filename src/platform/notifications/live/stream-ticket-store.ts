import type { FactoryProvider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { REDIS } from '../../redis/redis.module';

/** Where one-time stream tickets wait to be redeemed: Redis when configured, else PostgreSQL. */
export interface StreamTicketStore {
  /** Keeps `value` under `ticket` for `ttlSeconds`. */
  put(ticket: string, value: string, ttlSeconds: number): Promise<void>;
  /** The value, once: a second take, or one after the ticket expired, gives null. */
  take(ticket: string): Promise<string | null>;
}

export const STREAM_TICKET_STORE = Symbol('STREAM_TICKET_STORE');

export const streamTicketStoreProvider: FactoryProvider<StreamTicketStore> = {
  provide: STREAM_TICKET_STORE,
  inject: [REDIS, getDataSourceToken()],
  useFactory: (redis: Redis | null, dataSource: DataSource) =>
    redis ? new RedisStreamTicketStore(redis) : new PostgresStreamTicketStore(dataSource),
};

export class RedisStreamTicketStore implements StreamTicketStore {
  constructor(private readonly redis: Redis) {}

  async put(ticket: string, value: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(`stream-ticket:${ticket}`, value, 'EX', ttlSeconds);
  }

  take(ticket: string): Promise<string | null> {
    return this.redis.getdel(`stream-ticket:${ticket}`);
  }
}

/**
 * The unlogged stream_tickets table, keyed by the ticket's hash: whoever reads the table cannot
 * open a stream with what they read. Expired rows are ignored here and deleted by the worker.
 */
export class PostgresStreamTicketStore implements StreamTicketStore {
  constructor(private readonly dataSource: DataSource) {}

  async put(ticket: string, value: string, ttlSeconds: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO stream_tickets (ticket_hash, actor, expires_at) VALUES ($1, $2, clock_timestamp() + $3 * interval '1 second')`,
      [hash(ticket), value, ttlSeconds],
    );
  }

  async take(ticket: string): Promise<string | null> {
    const rows = await this.dataSource.query<{ actor: unknown; live: boolean }[]>(
      // A SELECT around the DELETE: TypeORM answers a bare DELETE with [rows, count].
      'WITH taken AS (DELETE FROM stream_tickets WHERE ticket_hash = $1 RETURNING actor, expires_at) SELECT actor, expires_at > clock_timestamp() AS live FROM taken',
      [hash(ticket)],
    );
    const row = rows[0];
    return row?.live ? JSON.stringify(row.actor) : null;
  }
}

function hash(ticket: string): string {
  return createHash('sha256').update(ticket).digest('base64url');
}
