import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { SameTenantReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';
import { Organization } from '../../organizations/entities/organization.entity';
import { AllianceRole } from './alliance-role';
import { Alliance } from './alliance.entity';

/** One spell of an organisation in an alliance; leaving closes it, rejoining opens another. */
@Entity('alliance_memberships')
@Index('ix_alliance_memberships__alliance_role', ['tenantId', 'allianceId', 'role'])
@Index('ix_alliance_memberships__organization', ['tenantId', 'organizationId'])
// The dashboard's joins in a period, from the index alone.
@Index('ix_alliance_memberships__joined', ['tenantId', 'allianceId', 'joinedOn'])
@Index('uq_alliance_memberships__lead', ['allianceId'], {
  unique: true,
  where: `"role" = 'lead' AND "left_on" IS NULL`,
})
@Index('uq_alliance_memberships__organization', ['allianceId', 'organizationId'], {
  unique: true,
  where: '"left_on" IS NULL',
})
@Check('ck_alliance_memberships__left_on', '"left_on" IS NULL OR "left_on" >= "joined_on"')
@SameTenantReference('alliances', 'allianceId', { onDelete: 'CASCADE' })
@SameTenantReference('organizations', 'organizationId', { onDelete: 'RESTRICT' })
export class AllianceMembership extends TenantOwnedEntity {
  @Column('uuid')
  allianceId: string;

  // The key is (tenant_id, alliance_id), declared on the class; the relation is for joins only.
  @ManyToOne(() => Alliance, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'alliance_id' })
  alliance?: Relation<Alliance>;

  @Column('uuid')
  organizationId: string;

  @ManyToOne(() => Organization, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @Column({ type: 'enum', enum: AllianceRole, enumName: 'alliance_role' })
  role: AllianceRole;

  @Column({ type: 'date' })
  joinedOn: string;

  @Column({ type: 'date', nullable: true })
  leftOn: string | null;

  @Column({ type: 'text', nullable: true })
  leaveReason: string | null;
}
