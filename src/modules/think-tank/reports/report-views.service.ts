import { Injectable } from '@nestjs/common';
import type {
  AuthorView,
  ReportSummary,
  ReportView,
  ReviewView,
  ReviewRoundView,
  VersionView,
} from '../dto/report.dto';
import type { ResearchReport } from '../entities/research-report.entity';
import { AssignmentStatus } from '../entities/review-assignment-status';
import type { ReviewAssignment } from '../entities/review-assignment.entity';
import type { ReportVersion } from '../entities/report-version.entity';
import type { ReviewRound } from '../entities/review-round.entity';
import { AssignmentsRepository, type AssignmentRow } from '../reviews/assignments.repository';
import { ReportAccessService, type ReportAccess, type ViewerRole } from './report-access.service';
import { ReportsRepository } from './reports.repository';
import { OrganizationDirectory } from '../../organizations/organization-directory.service';

type VersionFacts = Pick<
  ReportVersion,
  'id' | 'number' | 'fileName' | 'contentType' | 'size' | 'response' | 'createdAt'
>;

/**
 * Renders reports for one viewer. This is where blind review is kept: a field the viewer may not
 * see is never loaded into the view, so no endpoint that uses it can leak it.
 */
@Injectable()
export class ReportViewsService {
  constructor(
    private readonly organizationDirectory: OrganizationDirectory,
    private readonly reports: ReportsRepository,
    private readonly assignmentRows: AssignmentsRepository,
  ) {}

  async view(access: ReportAccess): Promise<ReportView> {
    const { report, role } = access;
    // One query after another: they share the transaction's connection.
    const authors = ReportAccessService.authorsVisible(access) ? await this.authors([report.id]) : null;
    const subjects = (await this.organizationDirectory.findMany(report.subjectOrganizationIds)).map(({ id, name }) => ({
      id,
      name,
    }));
    const versions = await this.reports.versions(report.id);
    const rounds = await this.reports.rounds(report.id);
    const assignments = role === 'reader' ? [] : await this.assignments(report.id);
    const recommendations = await this.reports.recommendationCounts(report.id);
    const versionNumbers = new Map(versions.map((v) => [v.id, v.number]));
    return {
      id: report.id,
      allianceId: report.allianceId,
      title: report.title,
      abstract: report.abstract,
      topics: report.topics,
      subjectOrganizations: subjects,
      blindMode: report.blindMode,
      status: report.status,
      currentRound: report.currentRound,
      authors: authors?.get(report.id) ?? null,
      viewerRole: role,
      versions: versions.map((v) => this.version(v, access)),
      rounds:
        role === 'reader'
          ? []
          : rounds.map((r) =>
              this.round(
                r,
                versionNumbers.get(r.versionId) ?? 0,
                assignments.filter((a) => a.roundId === r.id),
                access,
              ),
            ),
      recommendations,
      publishedAt: report.publishedAt,
      createdAt: report.createdAt,
    };
  }

  async summaries(reports: ResearchReport[]): Promise<ReportSummary[]> {
    const authors = await this.authors(reports.map((r) => r.id));
    return reports.map((r) => ({
      id: r.id,
      title: r.title,
      topics: r.topics,
      status: r.status,
      blindMode: r.blindMode,
      currentRound: r.currentRound,
      authors: authors.get(r.id) ?? [],
      publishedAt: r.publishedAt,
      createdAt: r.createdAt,
    }));
  }

  async authors(reportIds: string[]): Promise<Map<string, AuthorView[]>> {
    const rows = await this.reports.authors(reportIds);
    const byReport = new Map<string, AuthorView[]>();
    for (const row of rows) {
      const list = byReport.get(row.report_id) ?? [];
      list.push({
        id: row.id,
        displayName: row.display_name,
        organization: row.organization_id ? { id: row.organization_id, name: row.organization_name ?? '' } : null,
      });
      byReport.set(row.report_id, list);
    }
    return byReport;
  }

  /** A reviewer under double-blind review gets a neutral file name: names often hide in file names. */
  version(v: VersionFacts, access: Pick<ReportAccess, 'role' | 'report'>): VersionView {
    const hideName = !ReportAccessService.authorsVisible(access);
    const extension = v.fileName.includes('.') ? v.fileName.split('.').pop() : '';
    return {
      id: v.id,
      number: v.number,
      fileName: hideName ? `report-v${v.number}${extension ? `.${extension}` : ''}` : v.fileName,
      contentType: v.contentType,
      size: v.size,
      response: v.response,
      createdAt: v.createdAt,
    };
  }

  private round(
    r: ReviewRound,
    versionNumber: number,
    assignments: AssignmentWithReviewer[],
    access: ReportAccess,
  ): ReviewRoundView {
    const decided = r.decision !== null;
    const mine = assignments.find((a) => a.expertId === access.expertId);
    return {
      number: r.number,
      versionNumber,
      rubric: r.rubric,
      // Authors get the letter once the round is decided; reviewers get the decision, not the letter.
      decision: access.role === 'editor' || decided ? r.decision : null,
      decisionLetter: access.role === 'editor' || access.role === 'author' ? r.decisionLetter : null,
      decidedAt: r.decidedAt,
      reviews: assignments.flatMap((a) => {
        const view = reviewFor(access.role, a, { decided, mine });
        return view ? [view] : [];
      }),
    };
  }

  async assignments(reportId: string): Promise<AssignmentWithReviewer[]> {
    const rows = await this.assignmentRows.withReviewers(reportId);
    return rows.map((row) => ({
      ...toAssignment(row),
      reviewerUserId: row.reviewer_user_id,
      reviewerName: row.reviewer_name,
    }));
  }
}

export type AssignmentWithReviewer = ReviewAssignment & { reviewerUserId: string; reviewerName: string };

export function toAssignment(row: AssignmentRow): ReviewAssignment {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    reportId: row.report_id,
    roundId: row.round_id,
    expertId: row.expert_id,
    ordinal: row.ordinal,
    status: row.status,
    respondBy: row.respond_by,
    dueAt: row.due_at,
    respondedAt: row.responded_at,
    declineReason: row.decline_reason,
    scores: row.scores,
    recommendation: row.recommendation,
    commentsToAuthors: row.comments_to_authors,
    confidentialComments: row.confidential_comments,
    submittedAt: row.submitted_at,
    remindersSent: row.reminders_sent,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * One review as a viewer may see it, or null when they may not see it at all:
 * - the editor sees everything, names and confidential comments included;
 * - a reviewer sees their own review in full, and the others' (as "Reviewer N") only after submitting theirs;
 * - authors see submitted reviews (as "Reviewer N", without the recommendation) once the round is decided.
 */
export function reviewFor(
  role: ViewerRole,
  a: AssignmentWithReviewer,
  context: { decided: boolean; mine: ReviewAssignment | undefined },
): ReviewView | null {
  const submitted = a.status === AssignmentStatus.Submitted;
  const full = (identity: boolean, confidential: boolean): ReviewView => ({
    assignmentId: identity ? a.id : null,
    ordinal: a.ordinal,
    reviewer: identity ? { id: a.reviewerUserId, displayName: a.reviewerName } : null,
    status: a.status,
    respondBy: identity ? a.respondBy : null,
    dueAt: identity ? a.dueAt : null,
    submittedAt: a.submittedAt,
    scores: a.scores,
    recommendation: a.recommendation,
    commentsToAuthors: a.commentsToAuthors,
    confidentialComments: confidential ? a.confidentialComments : null,
  });
  if (role === 'editor') return full(true, true);
  if (role === 'reviewer') {
    if (context.mine && a.id === context.mine.id) return full(true, true);
    if (context.mine?.status !== AssignmentStatus.Submitted || !submitted) return null;
    return full(false, false);
  }
  if (role === 'author' && context.decided && submitted) return { ...full(false, false), recommendation: null };
  return null;
}
