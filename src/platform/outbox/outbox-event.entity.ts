import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An event written in the same transaction as the change that caused it; the relay moves it to
 * BullMQ with its id as the job id, so a job is never lost when Redis is down and never added twice.
 */
@Entity('outbox_events')
@Index('ix_outbox_events__pending', ['createdAt'], { where: '"published_at" IS NULL' })
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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
