import { Column, Entity, Index } from 'typeorm';
import { SameTenantReference, UserReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';
import { IndicatorSubmissionStatus } from './indicator-submission-status';

/** A member's figures for a round: a draft until submitted. */
@Entity('indicator_submissions')
@Index('uq_indicator_submissions__round_org', ['roundId', 'organizationId'], { unique: true })
@Index('ix_indicator_submissions__organization', ['tenantId', 'organizationId'])
@SameTenantReference('organizations', 'organizationId')
@SameTenantReference('indicator_rounds', 'roundId')
@UserReference('submittedById')
export class IndicatorSubmission extends TenantOwnedEntity {
  @Column('uuid')
  roundId: string;

  @Column('uuid')
  organizationId: string;

  /** Field key to number, e.g. { "output_value": 12800.5, "patents": 10 }. */
  @Column('jsonb', { default: () => "'{}'" })
  values: Record<string, number>;

  @Column({
    type: 'enum',
    enum: IndicatorSubmissionStatus,
    enumName: 'indicator_submission_status',
    default: IndicatorSubmissionStatus.Draft,
  })
  status: IndicatorSubmissionStatus;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column('uuid', { nullable: true })
  submittedById: string | null;
}
