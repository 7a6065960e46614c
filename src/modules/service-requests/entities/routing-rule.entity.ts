import { Column, Entity, Index } from 'typeorm';
import { SameTenantReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';

/** Sends matching requests to a department: by category, by keywords in the text, or both. Lower priority first. */
@Entity('routing_rules')
@Index('ix_routing_rules__alliance_priority', ['tenantId', 'allianceId', 'priority'])
@SameTenantReference('alliances', 'allianceId')
@SameTenantReference('service_categories', 'categoryId')
@SameTenantReference('organizations', 'targetOrganizationId')
export class RoutingRule extends TenantOwnedEntity {
  @Column('uuid')
  allianceId: string;

  @Column({ type: 'int', default: 100 })
  priority: number;

  @Column('uuid', { nullable: true })
  categoryId: string | null;

  @Column('text', { array: true, default: () => "'{}'" })
  keywords: string[];

  @Column('uuid')
  targetOrganizationId: string;

  @Column({ default: true })
  active: boolean;
}
