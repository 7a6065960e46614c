import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OutboxTimer } from './outbox-event.entity';

/** A committed outbox event that waits for BullMQ, as `outbox_claim_published` returns it. */
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
 * the transaction that holds the claimed rows' locks, and their marks, until their jobs are added.
 */
@Injectable()
export class OutboxClaimsRepository {
  /**
   * Up to `limit` pending events, oldest first, locked with SKIP LOCKED so several workers share the
   * work, and marked published in the same statement: the caller's transaction commits the mark only
   * once their jobs are added, and a rollback hands them back.
   */
  claimAsPublished(manager: EntityManager, limit: number): Promise<PendingEvent[]> {
    return manager.query<PendingEvent[]>('SELECT * FROM outbox_claim_published($1)', [limit]);
  }
}
