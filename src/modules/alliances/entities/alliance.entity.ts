import { Column, Entity, Index } from 'typeorm';
import { ReferencedInTenant } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';

/** An industrial cluster's party-building alliance (党建联盟). */
@Entity('alliances')
@Index('uq_alliances__name', ['tenantId', 'name'], { unique: true })
@ReferencedInTenant('alliances')
export class Alliance extends TenantOwnedEntity {
  @Column({ length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  industry: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;
}
