import { Check, Column, Entity, Index } from 'typeorm';
import { SameTenantReference, UserReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';

/** An expert's own declaration of a conflict of interest with an organisation or a person. */
@Entity('expert_declarations')
@Index('ix_expert_declarations__expert', ['expertId'])
@Check('ck_expert_declarations__target', '"organization_id" IS NOT NULL OR "user_id" IS NOT NULL')
@SameTenantReference('experts', 'expertId')
@SameTenantReference('organizations', 'organizationId')
@UserReference('userId')
export class ExpertDeclaration extends TenantOwnedEntity {
  @Column('uuid')
  expertId: string;

  @Column('uuid', { nullable: true })
  organizationId: string | null;

  @Column('uuid', { nullable: true })
  userId: string | null;

  @Column({ length: 500 })
  reason: string;
}
