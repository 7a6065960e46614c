import { Column, Entity, Index, OneToOne, Relation } from 'typeorm';
import { ReferencedInTenant, SameTenantReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';
import { ChainPosition, OrganizationKind } from './organization-kind';
import { PartyOrganization } from './party-organization.entity';

export interface Contact {
  name: string;
  title?: string;
  phone?: string;
  email?: string;
}

/** An enterprise or a government department of the township's registry. */
@Entity('organizations')
@Index('ix_organizations__tenant_kind_name', ['tenantId', 'kind', 'name'])
@Index('uq_organizations__unified_code', ['tenantId', 'unifiedCode'], { unique: true })
@Index('uq_organizations__name', ['tenantId', 'name'], { unique: true })
@ReferencedInTenant('organizations')
@SameTenantReference('organizations', 'pairedDepartmentId')
export class Organization extends TenantOwnedEntity {
  @Column({ length: 200 })
  name: string;

  @Column({ type: 'enum', enum: OrganizationKind, enumName: 'organization_kind' })
  kind: OrganizationKind;

  /** 统一社会信用代码 */
  @Column({ type: 'varchar', length: 18, nullable: true })
  unifiedCode: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  industry: string | null;

  @Column({ type: 'enum', enum: ChainPosition, enumName: 'chain_position', nullable: true })
  chainPosition: ChainPosition | null;

  @Column('text', { array: true, default: () => "'{}'" })
  productTags: string[];

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  @Column('jsonb', { default: () => "'[]'" })
  contacts: Contact[];

  /** The department an enterprise is paired with (结对): its requests go there unless a rule says otherwise. */
  @Column('uuid', { nullable: true })
  pairedDepartmentId: string | null;

  @OneToOne(() => PartyOrganization, (party) => party.organization)
  partyOrganization?: Relation<PartyOrganization> | null;
}
