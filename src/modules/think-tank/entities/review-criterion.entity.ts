import { Check, Column, Entity, Index } from 'typeorm';
import { SameTenantReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';

/** One criterion of an alliance's review rubric (评审细则), e.g. evidence, feasibility, impact. */
@Entity('review_criteria')
@Index('uq_review_criteria__key', ['allianceId', 'key'], { unique: true })
@Check('ck_review_criteria__max_score', '"max_score" BETWEEN 1 AND 100')
@SameTenantReference('alliances', 'allianceId')
export class ReviewCriterion extends TenantOwnedEntity {
  @Column('uuid')
  allianceId: string;

  @Column({ length: 50 })
  key: string;

  @Column({ length: 100 })
  label: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  @Column({ type: 'int', default: 5 })
  maxScore: number;

  @Column({ type: 'int' })
  position: number;
}
