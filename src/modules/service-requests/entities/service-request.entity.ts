import { Check, Column, Entity, Index } from 'typeorm';
import { ReferencedInTenant, SameTenantReference, UserReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';
import { ServiceRequestStatus, Urgency } from './service-request-status';

export interface PreferredContact {
  name?: string;
  phone?: string;
  method?: 'phone' | 'visit' | 'online';
}

@Entity('service_requests')
@Index('uq_service_requests__number', ['tenantId', 'number'], { unique: true })
@Index('uq_service_requests__idempotency', ['tenantId', 'requesterUserId', 'idempotencyKey'], { unique: true })
// Row-level security keeps enum comparisons (not leakproof) out of index conditions, so `status`
// in the middle of an index stops nothing and breaks the order by creation: a serving
// organisation's requests by creation, and its open ones alone for the inbox's status tabs.
@Index('ix_service_requests__assigned', ['tenantId', 'assignedOrganizationId', 'createdAt'])
@Index('ix_service_requests__inbox', ['tenantId', 'assignedOrganizationId', 'createdAt'], {
  where: `"status" IN ('routed', 'accepted', 'in_progress', 'returned')`,
})
@Index('ix_service_requests__requester', ['tenantId', 'requesterOrganizationId', 'createdAt'])
@Index('ix_service_requests__returned', ['tenantId', 'requesterOrganizationId', 'returnedAt', 'id'], {
  where: `"status" = 'returned'`,
})
@Index('ix_service_requests__unrated', ['tenantId', 'requesterOrganizationId', 'resolvedAt', 'id'], {
  where: `"status" = 'resolved' AND "rating" IS NULL`,
})
@Index('ix_service_requests__handler', ['tenantId', 'handlerId', 'status'])
// Routing counts each handler's open requests to pick the least loaded one.
@Index('ix_service_requests__handler_open', ['tenantId', 'handlerId'], {
  where: `"status" IN ('routed', 'accepted', 'in_progress', 'returned')`,
})
@Index('ix_service_requests__status_created', ['tenantId', 'status', 'createdAt'])
// The requests waiting to be routed: routing companions and the reconciler (migration WaitingRequestsIndex).
@Index('ix_service_requests__waiting', ['tenantId', 'createdAt'], { where: `"status" = 'submitted'` })
@Index('ix_service_requests__alliance_created', ['tenantId', 'allianceId', 'createdAt'])
@Index('ix_service_requests__created', ['tenantId', 'createdAt'])
// The supervision board in its own order (late first, then at risk, each by due time), its open
// requests at risk or late alone: an expression index, created in the migration.
@Index('ix_service_requests__supervision', { synchronize: false })
@Index('ix_service_requests__sla_due', ['nextSlaCheckAt'], { where: '"next_sla_check_at" IS NOT NULL' })
@Check('ck_service_requests__rating', '"rating" IS NULL OR "rating" BETWEEN 1 AND 5')
@ReferencedInTenant('service_requests')
@SameTenantReference('alliances', 'allianceId')
@SameTenantReference('organizations', 'assignedOrganizationId')
@SameTenantReference('service_categories', 'categoryId')
@SameTenantReference('service_requests', 'mergedIntoId')
@SameTenantReference('organizations', 'requesterOrganizationId')
@UserReference('handlerId')
@UserReference('requesterUserId')
export class ServiceRequest extends TenantOwnedEntity {
  /** Human-friendly, per tenant: FW-2026-000123 (服务). */
  @Column({ length: 20 })
  number: string;

  @Column('uuid')
  allianceId: string;

  @Column('uuid')
  requesterOrganizationId: string;

  @Column('uuid')
  requesterUserId: string;

  @Column('uuid')
  categoryId: string;

  @Column({ length: 200 })
  title: string;

  @Column('text')
  description: string;

  @Column({ type: 'enum', enum: Urgency, enumName: 'service_request_urgency', default: Urgency.Normal })
  urgency: Urgency;

  @Column('jsonb', { default: () => "'{}'" })
  preferredContact: PreferredContact;

  @Column({
    type: 'enum',
    enum: ServiceRequestStatus,
    enumName: 'service_request_status',
    default: ServiceRequestStatus.Submitted,
  })
  status: ServiceRequestStatus;

  /** Where a request returned for information goes back to once the enterprise answers. */
  @Column({ type: 'enum', enum: ServiceRequestStatus, enumName: 'service_request_status', nullable: true })
  returnedFrom: ServiceRequestStatus | null;

  /** The serving organisation: a department (X) or the lead enterprise's service team. */
  @Column('uuid', { nullable: true })
  assignedOrganizationId: string | null;

  @Column('uuid', { nullable: true })
  handlerId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  routedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  acceptDueAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolveDueAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  returnedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** 0: none; 1: handler; 2: department head; 3: township leader. */
  @Column({ type: 'int', default: 0 })
  escalationLevel: number;

  @Column({ type: 'varchar', length: 10, default: 'on_track' })
  slaState: 'on_track' | 'at_risk' | 'breached';

  /** The next SLA milestone (warning, breach, escalation); the sweep acts on what is due. */
  @Column({ type: 'timestamptz', nullable: true })
  nextSlaCheckAt: Date | null;

  @Column({ type: 'int', nullable: true })
  rating: number | null;

  @Column({ type: 'text', nullable: true })
  ratingComment: string | null;

  @Column({ type: 'int', default: 0 })
  reopenCount: number;

  @Column('uuid', { nullable: true })
  mergedIntoId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastChasedAt: Date | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  idempotencyKey: string | null;

  /** sha256 of the canonical JSON of the body first sent with the key; null: not known (older rows, filed on behalf). */
  @Column({ type: 'char', length: 64, nullable: true })
  idempotencyRequestHash: string | null;
}
