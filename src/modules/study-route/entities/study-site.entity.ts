import { Check, Column, Entity, Index } from 'typeorm';
import { ReferencedInTenant } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';

/** A demonstration site of the study route (研学路线), e.g. the red demonstration workshop. */
@Entity('study_sites')
@Index('ix_study_sites__position', ['tenantId', 'position'])
@Index('uq_study_sites__qr_token', ['qrToken'], { unique: true })
@Check('ck_study_sites__daily_capacity', '"daily_capacity" > 0')
@ReferencedInTenant('study_sites')
export class StudySite extends TenantOwnedEntity {
  @Column({ length: 100 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  /** People the site can receive per day, all groups together. */
  @Column('int')
  dailyCapacity: number;

  /** The order along the route, from 1. */
  @Column('int')
  position: number;

  /** The unguessable part of the site's QR code URL. */
  @Column({ length: 64 })
  qrToken: string;

  @Column({ default: true })
  active: boolean;
}
