import { Check, Column, Entity, Index } from 'typeorm';
import { ReferencedInTenant, SameTenantReference, UserReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';
import { IndicatorRoundStatus } from './indicator-round-status';

/** One field a round asks for, copied from the catalogue when the round opens. */
export interface RoundField {
  key: string;
  type: 'integer' | 'decimal';
  unit: string;
  min: number;
  required: boolean;
}

/** A collection round of enterprise indicators for one period: a year (2026) or a quarter (2026-Q3). */
@Entity('indicator_rounds')
@Index('uq_indicator_rounds__period', ['tenantId', 'allianceId', 'period'], { unique: true })
@Check('ck_indicator_rounds__period', `"period" ~ '^[0-9]{4}(-Q[1-4])?$'`)
@ReferencedInTenant('indicator_rounds')
@SameTenantReference('alliances', 'allianceId')
@UserReference('createdById')
export class IndicatorRound extends TenantOwnedEntity {
  @Column('uuid')
  allianceId: string;

  @Column({ length: 7 })
  period: string;

  @Column({ type: 'int' })
  year: number;

  /** 1-4 for a quarterly round, null for a yearly one. */
  @Column({ type: 'int', nullable: true })
  quarter: number | null;

  @Column({ type: 'date' })
  deadline: string;

  @Column('jsonb')
  fields: RoundField[];

  @Column({
    type: 'enum',
    enum: IndicatorRoundStatus,
    enumName: 'indicator_round_status',
    default: IndicatorRoundStatus.Open,
  })
  status: IndicatorRoundStatus;

  @Column('uuid')
  createdById: string;
}
