import { Check, Column, Entity, JoinColumn, OneToOne, Relation, Unique } from 'typeorm';
import { SameTenantReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';
import { Organization } from './organization.entity';
import { PartyOrganizationType } from './organization-kind';

/** The Party organisation (党组织) inside an enterprise or unit. */
@Entity('party_organizations')
@Check('ck_party_organizations__member_count', '"member_count" >= 0')
@SameTenantReference('organizations', 'organizationId', { onDelete: 'CASCADE' })
// One per organisation; the relation no longer makes this constraint since it makes no key.
@Unique('REL_5bc96af994f02f8f86406d2b8d', ['organizationId'])
export class PartyOrganization extends TenantOwnedEntity {
  @Column('uuid')
  organizationId: string;

  // The key is (tenant_id, organization_id), declared on the class; the relation is for joins only.
  @OneToOne(() => Organization, (organization) => organization.partyOrganization, {
    createForeignKeyConstraints: false,
  })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @Column({ type: 'enum', enum: PartyOrganizationType, enumName: 'party_organization_type' })
  type: PartyOrganizationType;

  @Column({ length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  secretary: string | null;

  @Column({ type: 'int', default: 0 })
  memberCount: number;

  @Column({ type: 'date', nullable: true })
  foundedOn: string | null;
}
