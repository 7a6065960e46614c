import { Check, Column, Entity, JoinColumn, OneToOne, Relation } from 'typeorm';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';
import { Organization } from './organization.entity';
import { PartyOrganizationType } from './organization-kind';

/** The Party organisation (党组织) inside an enterprise or unit. */
@Entity('party_organizations')
@Check('ck_party_organizations__member_count', '"member_count" >= 0')
export class PartyOrganization extends TenantOwnedEntity {
  @Column('uuid')
  organizationId: string;

  @OneToOne(() => Organization, (organization) => organization.partyOrganization, { onDelete: 'CASCADE' })
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
