import { Column, Entity, Index } from 'typeorm';
import { SameTenantReference, UserReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';

/** 人才库: a person a member can lend with their skills; reached through the member, never directly. */
@Entity('talents')
@Index('ix_talents__organization', ['tenantId', 'organizationId'])
@Index('ix_talents__skills', ['skills'], { type: 'gin' })
@SameTenantReference('organizations', 'organizationId')
@UserReference('createdById')
export class Talent extends TenantOwnedEntity {
  @Column('uuid')
  organizationId: string;

  @Column({ length: 100 })
  name: string;

  /** Job title or speciality, e.g. 高级焊接技师. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  title: string | null;

  @Column({ length: 50 })
  category: string;

  @Column('text', { array: true, default: () => "'{}'" })
  skills: string[];

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ default: true })
  available: boolean;

  @Column('uuid')
  createdById: string;
}
