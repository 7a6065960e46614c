import { Check, Column, Entity, Index } from 'typeorm';
import { UserReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';
import type { Evaluation } from '../model/intake-model';

export enum IntakeModelStatus {
  Queued = 'queued',
  Running = 'running',
  Ready = 'ready',
  Failed = 'failed',
}

/**
 * One training of a township's intake model (智能派单): queued by an official or the nightly
 * schedule, its progress while the worker trains, then the model (gzipped JSON) with the accuracy
 * measured on the held-out fifth. The newest ready row is the township's model.
 */
@Entity('intake_models')
@Index('ix_intake_models__ready', ['tenantId', 'trainedAt'], { where: `"status" = 'ready'` })
// One training at a time per township: asking again while one waits or runs answers that one.
@Index('uq_intake_models__pending', ['tenantId'], { unique: true, where: `"status" IN ('queued', 'running')` })
@Index('ix_intake_models__created', ['tenantId', 'createdAt'])
@Check('ck_intake_models__progress', '"progress" BETWEEN 0 AND 100')
@UserReference('requestedById')
export class IntakeModelRun extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 10, default: IntakeModelStatus.Queued })
  status: IntakeModelStatus;

  @Column({ type: 'int', default: 0 })
  progress: number;

  /** Null: the nightly schedule. */
  @Column('uuid', { nullable: true })
  requestedById: string | null;

  /** From the Clock, when the model was stored. */
  @Column({ type: 'timestamptz', nullable: true })
  trainedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  sampleCount: number;

  @Column('jsonb', { nullable: true })
  accuracy: Evaluation | null;

  @Column({ type: 'bytea', nullable: true })
  model: Buffer | null;

  /** Why a training failed, as a reason key (e.g. not_enough_history). */
  @Column({ type: 'varchar', length: 50, nullable: true })
  error: string | null;
}
