import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { storeReportFile } from './report-files';
import { insertRows, plusMinutes } from './rows';

export interface ReviewSpec {
  expertId: string;
  status: 'invited' | 'accepted' | 'declined' | 'submitted' | 'cancelled';
  invitedAt: string;
  respondBy: string;
  dueAt: string;
  respondedAt?: string;
  submittedAt?: string;
  scores?: Record<string, number>;
  recommendation?: 'accept' | 'minor_revision' | 'major_revision' | 'reject';
  comments?: string;
}

export interface RoundSpec {
  /** When the authors sent this version to review. */
  submittedAt: string;
  reviews: ReviewSpec[];
  decision?: {
    decision: 'accept' | 'minor_revision' | 'major_revision' | 'reject';
    at: string;
    by: string;
    letter: string;
  };
  /** The authors' answer to the previous round, with the revised file. */
  response?: string;
}

export interface ReportSpec {
  tenantId: string;
  allianceId: string;
  title: string;
  abstract: string;
  topics: string[];
  author: { userId: string; organizationId: string | null };
  createdAt: string;
  status: 'under_review' | 'revision_requested' | 'accepted' | 'published';
  publishedAt?: string;
  rounds: RoundSpec[];
}

/**
 * A research report with its versions, review rounds and reviews, written as the product writes them
 * (ReportsService.submit, AssignmentsService, DecisionsService): one version per round, the rubric
 * copied into the round, a reviewer keeping their ordinal across rounds. Returns the report's id.
 */
export async function insertReport(db: Client, spec: ReportSpec): Promise<string> {
  const { tenantId } = spec;
  const { rows: criteria } = await db.query<{
    key: string;
    label: string;
    description: string | null;
    max_score: number;
  }>('SELECT key, label, description, max_score FROM review_criteria WHERE alliance_id = $1 ORDER BY position', [
    spec.allianceId,
  ]);
  const rubric = criteria.map((c) => ({
    key: c.key,
    label: c.label,
    description: c.description,
    maxScore: c.max_score,
  }));
  const reportId = randomUUID();
  const lastRound = spec.rounds[spec.rounds.length - 1];
  const updatedAt =
    spec.publishedAt ??
    lastRound?.decision?.at ??
    [lastRound?.submittedAt, ...(lastRound?.reviews ?? []).flatMap((r) => [r.respondedAt, r.submittedAt])]
      .filter(Boolean)
      .sort()
      .pop() ??
    spec.createdAt;
  await insertRows(db, 'research_reports', [
    {
      id: reportId,
      tenant_id: tenantId,
      alliance_id: spec.allianceId,
      title: spec.title,
      abstract: spec.abstract,
      topics: spec.topics,
      blind_mode: 'single',
      status: spec.status,
      current_round: spec.rounds.length,
      submitted_by_id: spec.author.userId,
      published_at: spec.publishedAt ?? null,
      search_text: [spec.title, spec.abstract, ...spec.topics].join('\n'),
      created_at: spec.createdAt,
      updated_at: updatedAt,
    },
  ]);
  await insertRows(db, 'report_authors', [
    {
      tenant_id: tenantId,
      report_id: reportId,
      user_id: spec.author.userId,
      organization_id: spec.author.organizationId,
      position: 0,
    },
  ]);
  const ordinals = new Map<string, number>();
  const versions: Record<string, unknown>[] = [];
  const rounds: Record<string, unknown>[] = [];
  const assignments: Record<string, unknown>[] = [];
  for (const [index, round] of spec.rounds.entries()) {
    const file = await storeReportFile(tenantId, reportId, index + 1);
    const versionId = randomUUID();
    const roundId = randomUUID();
    versions.push({
      id: versionId,
      tenant_id: tenantId,
      report_id: reportId,
      number: index + 1,
      file_name: file.fileName,
      content_type: file.contentType,
      size: file.size,
      storage_key: file.storageKey,
      response: round.response ?? null,
      uploaded_by_id: spec.author.userId,
      created_at: plusMinutes(round.submittedAt, -90),
    });
    rounds.push({
      id: roundId,
      tenant_id: tenantId,
      report_id: reportId,
      number: index + 1,
      version_id: versionId,
      rubric,
      decision: round.decision?.decision ?? null,
      decision_letter: round.decision?.letter ?? null,
      decided_by_id: round.decision?.by ?? null,
      decided_at: round.decision?.at ?? null,
      created_at: round.submittedAt,
      updated_at: round.decision?.at ?? round.submittedAt,
    });
    for (const review of round.reviews) {
      if (!ordinals.has(review.expertId)) ordinals.set(review.expertId, ordinals.size + 1);
      const changed = [review.submittedAt, review.respondedAt, review.invitedAt].find(Boolean)!;
      assignments.push({
        tenant_id: tenantId,
        report_id: reportId,
        round_id: roundId,
        expert_id: review.expertId,
        ordinal: ordinals.get(review.expertId),
        status: review.status,
        respond_by: review.respondBy,
        due_at: review.dueAt,
        responded_at: review.respondedAt ?? null,
        scores: review.scores ?? {},
        recommendation: review.recommendation ?? null,
        comments_to_authors: review.comments ?? null,
        submitted_at: review.submittedAt ?? null,
        created_at: review.invitedAt,
        updated_at: changed,
      });
    }
  }
  await insertRows(db, 'report_versions', versions);
  await insertRows(db, 'review_rounds', rounds);
  await insertRows(db, 'review_assignments', assignments);
  return reportId;
}
