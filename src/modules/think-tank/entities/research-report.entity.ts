import { Column, Entity, Index } from 'typeorm';
import { ReferencedInTenant, SameTenantReference, UserReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';

export enum ReportStatus {
  Draft = 'draft',
  UnderReview = 'under_review',
  RevisionRequested = 'revision_requested',
  Accepted = 'accepted',
  Rejected = 'rejected',
  Published = 'published',
}

/** Single-blind hides reviewers from authors; double-blind also hides authors from reviewers. */
export enum BlindMode {
  Single = 'single',
  Double = 'double',
}

/** A survey or research report (调研报告) reviewed by the think tank in rounds. */
@Entity('research_reports')
@Index('ix_research_reports__status', ['tenantId', 'status', 'publishedAt'])
// GIN indexes on topics and a trigram index for the library search, created in the migration.
@Index('ix_research_reports__topics', { synchronize: false })
@Index('ix_research_reports__search', { synchronize: false })
@ReferencedInTenant('research_reports')
@SameTenantReference('alliances', 'allianceId')
@UserReference('submittedById')
export class ResearchReport extends TenantOwnedEntity {
  @Column('uuid')
  allianceId: string;

  @Column({ length: 300 })
  title: string;

  @Column({ type: 'text' })
  abstract: string;

  @Column({ type: 'text', array: true, default: '{}' })
  topics: string[];

  /** The organisations the report is about. */
  @Column({ type: 'uuid', array: true, default: '{}' })
  subjectOrganizationIds: string[];

  @Column({ type: 'enum', enum: BlindMode, enumName: 'blind_mode', default: BlindMode.Single })
  blindMode: BlindMode;

  @Column({ type: 'enum', enum: ReportStatus, enumName: 'report_status', default: ReportStatus.Draft })
  status: ReportStatus;

  @Column({ type: 'int', default: 0 })
  currentRound: number;

  @Column('uuid')
  submittedById: string;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** Title, abstract and topics in one text for the library's trigram index; kept by the service. */
  @Column({ type: 'text', default: '' })
  searchText: string;
}

export function searchTextOf(report: Pick<ResearchReport, 'title' | 'abstract' | 'topics'>): string {
  return [report.title, report.abstract, ...report.topics].join('\n');
}
