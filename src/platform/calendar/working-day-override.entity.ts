import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TenantReference } from '../database/references';

/** A public holiday (off) or a make-up working day (调休, on) of a township's calendar. */
@Entity('working_day_overrides')
@TenantReference()
export class WorkingDayOverride {
  @PrimaryColumn('uuid')
  tenantId: string;

  @PrimaryColumn({ type: 'date' })
  date: string;

  @Column({ type: 'varchar', length: 10 })
  kind: 'holiday' | 'workday';

  @Column({ type: 'varchar', length: 100, nullable: true })
  name: string | null;
}
