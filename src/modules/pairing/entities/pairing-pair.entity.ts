import { Check, Column, Entity, Index } from 'typeorm';
import { ReferencedInTenant, SameTenantReference, UserReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';

/** An official paired with an enterprise (结对联系), who should visit it every `intervalDays`. */
@Entity('pairing_pairs')
@Index('uq_pairing_pairs__organization', ['tenantId', 'officialUserId', 'organizationId'], { unique: true })
@Index('ix_pairing_pairs__organization', ['tenantId', 'organizationId'])
@Check('ck_pairing_pairs__interval_days', '"interval_days" BETWEEN 1 AND 366')
@ReferencedInTenant('pairing_pairs')
@SameTenantReference('organizations', 'organizationId')
@UserReference('officialUserId')
export class PairingPair extends TenantOwnedEntity {
  @Column('uuid')
  officialUserId: string;

  @Column('uuid')
  organizationId: string;

  @Column('int', { default: 30 })
  intervalDays: number;

  @Column({ default: true })
  active: boolean;

  /** The due date the official was last told about, so each overdue period is told once. */
  @Column({ type: 'date', nullable: true })
  overdueNotifiedFor: string | null;
}
