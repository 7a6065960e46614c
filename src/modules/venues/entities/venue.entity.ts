import { Column, Entity, Index } from 'typeorm';
import { ReferencedInTenant } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';

/** An activity venue (活动阵地), e.g. the cluster party-mass activity centre. */
@Entity('venues')
@Index('uq_venues__name', ['tenantId', 'name'], { unique: true })
@ReferencedInTenant('venues')
export class Venue extends TenantOwnedEntity {
  @Column({ length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;
}
