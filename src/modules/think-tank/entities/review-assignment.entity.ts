import { Column, Entity, Index } from 'typeorm';
import { SameTenantReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';
import { EditorDecision } from './review-round.entity';
import { AssignmentStatus } from './review-assignment-status';

/** A reviewer's invitation to one round and, once submitted, the review itself. */
@Entity('review_assignments')
@Index('uq_review_assignments__expert', ['roundId', 'expertId'], { unique: true })
@Index('ix_review_assignments__expert', ['tenantId', 'expertId', 'status'])
@Index('ix_review_assignments__due', ['status', 'dueAt'])
@SameTenantReference('experts', 'expertId')
@SameTenantReference('research_reports', 'reportId')
@SameTenantReference('review_rounds', 'roundId')
export class ReviewAssignment extends TenantOwnedEntity {
  @Column('uuid')
  reportId: string;

  @Column('uuid')
  roundId: string;

  @Column('uuid')
  expertId: string;

  /** "Reviewer 1", "Reviewer 2": how the others and the authors see this reviewer. */
  @Column({ type: 'int' })
  ordinal: number;

  @Column({
    type: 'enum',
    enum: AssignmentStatus,
    enumName: 'review_assignment_status',
    default: AssignmentStatus.Invited,
  })
  status: AssignmentStatus;

  @Column({ type: 'timestamptz' })
  respondBy: Date;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  declineReason: string | null;

  @Column({ type: 'jsonb', default: {} })
  scores: Record<string, number>;

  @Column({ type: 'enum', enum: EditorDecision, enumName: 'editor_decision', nullable: true })
  recommendation: EditorDecision | null;

  @Column({ type: 'text', nullable: true })
  commentsToAuthors: string | null;

  /** Seen by the editor only. */
  @Column({ type: 'text', nullable: true })
  confidentialComments: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  /** Reminder keys already sent ("respond-24h", "review-72h", ...), so each goes once. */
  @Column({ type: 'text', array: true, default: '{}' })
  remindersSent: string[];
}
