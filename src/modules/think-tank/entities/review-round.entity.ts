import { Column, Entity, Index } from 'typeorm';
import { ReferencedInTenant, SameTenantReference, UserReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';

export enum EditorDecision {
  Accept = 'accept',
  MinorRevision = 'minor_revision',
  MajorRevision = 'major_revision',
  Reject = 'reject',
}

export interface RubricSnapshot {
  key: string;
  label: string;
  description: string | null;
  maxScore: number;
}

/** A review round of one version; the rubric is copied in so later rubric edits do not change it. */
@Entity('review_rounds')
@Index('uq_review_rounds__number', ['reportId', 'number'], { unique: true })
@ReferencedInTenant('review_rounds')
@SameTenantReference('research_reports', 'reportId')
@SameTenantReference('report_versions', 'versionId')
@UserReference('decidedById')
export class ReviewRound extends TenantOwnedEntity {
  @Column('uuid')
  reportId: string;

  @Column({ type: 'int' })
  number: number;

  @Column('uuid')
  versionId: string;

  @Column({ type: 'jsonb' })
  rubric: RubricSnapshot[];

  @Column({ type: 'enum', enum: EditorDecision, enumName: 'editor_decision', nullable: true })
  decision: EditorDecision | null;

  @Column({ type: 'text', nullable: true })
  decisionLetter: string | null;

  @Column('uuid', { nullable: true })
  decidedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
