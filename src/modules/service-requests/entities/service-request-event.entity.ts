import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SameTenantReference, TenantReference, UserReference } from '../../../platform/database/references';

export enum TimelineEntryType {
  Submitted = 'submitted',
  Routed = 'routed',
  Accepted = 'accepted',
  Started = 'started',
  Returned = 'returned',
  InformationProvided = 'information_provided',
  Transferred = 'transferred',
  Rejected = 'rejected',
  Resolved = 'resolved',
  Closed = 'closed',
  Reopened = 'reopened',
  Comment = 'comment',
  SlaWarning = 'sla_warning',
  SlaBreached = 'sla_breached',
  Escalated = 'escalated',
  Chased = 'chased',
  Rated = 'rated',
  Merged = 'merged',
  AttachmentAdded = 'attachment_added',
}

/** One entry of a request's timeline: a step, a comment or an SLA event. */
@Entity('service_request_events')
@Index('ix_service_request_events__request', ['requestId', 'createdAt'])
@Index('uq_service_request_events__dedupe', ['requestId', 'dedupeKey'], { unique: true })
@TenantReference()
@SameTenantReference('service_requests', 'requestId', { onDelete: 'CASCADE' })
@UserReference('actorUserId')
export class ServiceRequestEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  tenantId: string;

  @Column('uuid')
  requestId: string;

  @Column({ type: 'enum', enum: TimelineEntryType, enumName: 'timeline_entry_type' })
  type: TimelineEntryType;

  @Column('uuid', { nullable: true })
  actorUserId: string | null;

  /** Internal notes are for the department and officials only; the enterprise never sees them. */
  @Column({ default: false })
  internal: boolean;

  @Column({ type: 'text', nullable: true })
  body: string | null;

  @Column('jsonb', { default: () => "'{}'" })
  data: Record<string, unknown>;

  /** Workers write with a key, so a retried job never adds an entry twice. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  dedupeKey: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
