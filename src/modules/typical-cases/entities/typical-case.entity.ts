import { Column, Entity, Index } from 'typeorm';
import { ReferencedInTenant, SameTenantReference, UserReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';
import { TypicalCaseStatus } from './typical-case-status';

/** 培树典型: a member's success story, reviewed and published on the alliance's public showcase. */
@Entity('typical_cases')
@Index('ix_typical_cases__alliance_status', ['tenantId', 'allianceId', 'status'])
@ReferencedInTenant('typical_cases')
@SameTenantReference('alliances', 'allianceId')
@SameTenantReference('organizations', 'organizationId')
@UserReference('nominatedById')
@UserReference('reviewedById')
export class TypicalCase extends TenantOwnedEntity {
  @Column('uuid')
  allianceId: string;

  @Column('uuid')
  organizationId: string;

  @Column({ length: 200 })
  title: string;

  @Column({ length: 500 })
  summary: string;

  @Column({ type: 'text' })
  body: string;

  @Column({
    type: 'enum',
    enum: TypicalCaseStatus,
    enumName: 'typical_case_status',
    default: TypicalCaseStatus.Nominated,
  })
  status: TypicalCaseStatus;

  @Column({ type: 'text', nullable: true })
  reviewComment: string | null;

  @Column('uuid')
  nominatedById: string;

  @Column('uuid', { nullable: true })
  reviewedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
