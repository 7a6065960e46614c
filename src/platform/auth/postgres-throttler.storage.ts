import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { DataSource } from 'typeorm';
import { type ThrottlerStorageRecord, throttleRecord } from './throttler-record';

/**
 * Sign-in throttling in PostgreSQL, for a deployment without Redis: one call of throttle_hit (an
 * upsert on the unlogged throttle_counters) counts, expires and blocks, so every API process shares
 * one count, as with Redis.
 */
export class PostgresThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(PostgresThrottlerStorage.name);

  constructor(private readonly dataSource: DataSource) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    try {
      const [row] = await this.dataSource.query<{ total_hits: number; ttl_ms: number; block_ms: number }[]>(
        'SELECT total_hits, ttl_ms, block_ms FROM throttle_hit($1, $2, $3, $4)',
        [`${throttlerName}:${key}`, ttl, limit, blockDuration],
      );
      return throttleRecord(row.total_hits, row.ttl_ms, row.block_ms);
    } catch (error) {
      // As with Redis: throttling must not take sign-in down; the account lockout still holds.
      this.logger.warn({ err: error }, 'Throttler storage unavailable; letting the request through');
      return throttleRecord(0, 0, 0);
    }
  }
}
