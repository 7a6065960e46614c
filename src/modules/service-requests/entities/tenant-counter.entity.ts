import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TenantReference } from '../../../platform/database/references';

/** Per-tenant running numbers, e.g. the yearly sequence of service request numbers. */
@Entity('tenant_counters')
@TenantReference()
export class TenantCounter {
  @PrimaryColumn('uuid')
  tenantId: string;

  @PrimaryColumn({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'int', default: 0 })
  value: number;
}
