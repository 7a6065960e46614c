import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditAction } from './audit-action';

/**
 * One row change, written by a database trigger (see the audit migration), or one refused
 * authorisation, written through the `audit_refused_access` function; never by the application
 * directly: its role may only read the log, and triggers refuse UPDATE, DELETE and TRUNCATE for everyone.
 */
@Entity('audit_log')
@Index('ix_audit_log__tenant_occurred', ['tenantId', 'occurredAt'])
@Index('ix_audit_log__tenant_entity', ['tenantId', 'entityType', 'entityId'])
export class AuditEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('uuid', { nullable: true })
  tenantId: string | null;

  @Column('uuid', { nullable: true })
  actorUserId: string | null;

  @Column({ type: 'varchar', length: 10 })
  action: AuditAction;

  @Column({ length: 63 })
  entityType: string;

  /** Null for a refusal, which is about a route rather than a row. */
  @Column('uuid', { nullable: true })
  entityId: string | null;

  @Column('jsonb', { nullable: true })
  before: Record<string, unknown> | null;

  @Column('jsonb', { nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  occurredAt: Date;
}
