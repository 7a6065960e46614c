import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantReference } from '../database/references';

export type OutboxTimer = 'set' | 'cancel';

/**
 * An event written in the same transaction as the change that caused it; the relay moves it to
 * BullMQ with its id as the job id, so a job is never lost when Redis is down and never added twice.
 */
@Entity('outbox_events')
@Check('ck_outbox_events__timer', `"timer" IN ('set', 'cancel')`)
@Index('ix_outbox_events__pending', ['createdAt'], { where: '"published_at" IS NULL' })
@TenantReference()
export class OutboxEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { nullable: true })
  tenantId: string | null;

  @Column({ length: 50 })
  queue: string;

  @Column({ length: 100 })
  jobName: string;

  @Column('jsonb')
  payload: Record<string, unknown>;

  /** The BullMQ job id when the job's identity is not the event's (e.g. one per delivery). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  jobId: string | null;

  /** Run the job no earlier than this (a delayed job), e.g. when quiet hours end. */
  @Column({ type: 'timestamptz', nullable: true })
  notBefore: Date | null;

  /** 'set': adds a timer (a delayed job that leaves nothing behind); 'cancel': removes the pending job `jobId`. */
  @Column({ type: 'varchar', length: 6, nullable: true })
  timer: OutboxTimer | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
