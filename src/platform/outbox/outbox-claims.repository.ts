import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OutboxTimer } from './outbox-event.entity';

/** A committed outbox event that waits for BullMQ, as `outbox_claim` returns it. */
export interface PendingEvent {
  id: string;
  queue: string;
  job_name: string;
  payload: Record<string, unknown>;
  job_id: string | null;
  not_before: Date | null;
  timer: OutboxTimer | null;
}

/**
 * The relay's statements. They run on the relay's own connection (`manager` of its query runner), in
 * the transaction that holds the claimed rows' locks until they are marked published.
 */
@Injectable()
export class OutboxClaimsRepository {
  /** Up to `limit` pending events, locked with SKIP LOCKED so several workers share the work. */
  claim(manager: EntityManager, limit: number): Promise<PendingEvent[]> {
    return manager.query<PendingEvent[]>('SELECT * FROM outbox_claim($1)', [limit]);
  }

  async markPublished(manager: EntityManager, ids: string[]): Promise<void> {
    await manager.query('SELECT outbox_mark_published($1)', [ids]);
  }
}
