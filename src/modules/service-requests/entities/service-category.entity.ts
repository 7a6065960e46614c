import { Column, Entity, Index } from 'typeorm';
import { ReferencedInTenant, SameTenantReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';
import type { SlaUnit } from '../../../platform/calendar/working-calendar';
import { CategoryCode } from './service-request-status';

/** A kind of service an alliance offers, who provides it, and how fast (the SLA). */
@Entity('service_categories')
@Index('uq_service_categories__code', ['allianceId', 'code'], { unique: true })
@ReferencedInTenant('service_categories')
@SameTenantReference('alliances', 'allianceId')
@SameTenantReference('organizations', 'providerOrganizationId')
export class ServiceCategory extends TenantOwnedEntity {
  @Column('uuid')
  allianceId: string;

  @Column({ type: 'enum', enum: CategoryCode, enumName: 'service_category_code' })
  code: CategoryCode;

  @Column({ length: 100 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** A department (X), or the lead enterprise whose service team serves it (e.g. 项目申报服务队). */
  @Column('uuid')
  providerOrganizationId: string;

  @Column({ type: 'int' })
  acceptWithin: number;

  @Column({ type: 'varchar', length: 20 })
  acceptUnit: SlaUnit;

  @Column({ type: 'int' })
  resolveWithin: number;

  @Column({ type: 'varchar', length: 20 })
  resolveUnit: SlaUnit;

  @Column({ default: true })
  active: boolean;
}
