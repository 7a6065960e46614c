import { Column, Entity, Index } from 'typeorm';
import { SameTenantReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';

/** The public showcase of an alliance, reachable without sign-in at an unguessable slug. */
@Entity('alliance_showcases')
@Index('uq_alliance_showcases__alliance', ['allianceId'], { unique: true })
@Index('uq_alliance_showcases__slug', ['slug'], { unique: true })
@SameTenantReference('alliances', 'allianceId')
export class AllianceShowcase extends TenantOwnedEntity {
  @Column('uuid')
  allianceId: string;

  @Column({ length: 64 })
  slug: string;

  @Column({ default: true })
  enabled: boolean;
}
