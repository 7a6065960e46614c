import { Injectable } from '@nestjs/common';
import { Clock } from '../../../platform/clock/clock';
import { localDateTime } from '../../../platform/clock/local-date';
import { DomainException } from '../../../platform/errors/domain.exception';
import { ErrorCode } from '../../../platform/errors/error-code';
import type { FieldProblem } from '../../../platform/errors/domain.exception';
import { ThinkTankNotification } from '../think-tank.notifications';
import { Notifier } from '../../../platform/notifications/notifier.service';
import { decodeCursorParts, pageOfRows } from '../../../platform/pagination/keyset';
import { DEFAULT_PAGE_SIZE, type PageQueryDto } from '../../../platform/pagination/page.dto';
import type { Actor } from '../../../platform/tenancy/request-actor';
import type { AssignReviewersDto, ReportView } from '../dto/report.dto';
import type { AssignmentPage, AssignmentView, DeclineDto, ReviewDraftDto, SubmitReviewDto } from '../dto/review.dto';
import { ExpertAvailability } from '../entities/expert.entity';
import { ReportStatus } from '../entities/research-report.entity';
import { AssignmentStatus } from '../entities/review-assignment-status';
import type { ReviewAssignment } from '../entities/review-assignment.entity';
import type { RubricSnapshot } from '../entities/review-round.entity';
import { ReportAccessService } from '../reports/report-access.service';
import { reviewFor, ReportViewsService, toAssignment } from '../reports/report-views.service';
import { ReportsRepository } from '../reports/reports.repository';
import { ReportsService } from '../reports/reports.service';
import { AssignmentsRepository } from './assignments.repository';
import { conflictsOfInterest } from './conflicts-of-interest';
import { ReviewCandidatesService } from './review-candidates.service';

/** Reviewer invitations and the reviews themselves. */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly assignments: AssignmentsRepository,
    private readonly reportsRepository: ReportsRepository,
    private readonly access: ReportAccessService,
    private readonly views: ReportViewsService,
    private readonly reports: ReportsService,
    private readonly candidates: ReviewCandidatesService,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  /** The editor invites reviewers to the current round; any conflict of interest refuses the whole request, with why. */
  async assign(actor: Actor, reportId: string, input: AssignReviewersDto): Promise<ReportView> {
    const { report } = await this.access.requireEditor(actor, reportId);
    if (report.status !== ReportStatus.UnderReview)
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'status', reason: 'notUnderReview' }]);
    const round = await this.reportsRepository.findRound(reportId, report.currentRound);
    const respondBy = new Date(input.respondBy);
    const dueAt = new Date(input.dueAt);
    const now = this.clock.now();
    if (respondBy <= now) throw DomainException.invalid([{ field: 'respondBy', reason: 'mustBeInFuture' }]);
    if (dueAt <= respondBy) throw DomainException.invalid([{ field: 'dueAt', reason: 'afterRespondBy' }]);

    let expertIds = [...new Set(input.expertIds ?? [])];
    if (input.sameAsPreviousRound) {
      const previous = await this.assignments.submittedExperts(reportId, report.currentRound - 1);
      if (previous.length === 0)
        throw DomainException.invalid([{ field: 'sameAsPreviousRound', reason: 'noPreviousReviewers' }]);
      expertIds = [...new Set([...previous, ...expertIds])];
    }
    if (expertIds.length === 0) throw DomainException.invalid([{ field: 'expertIds', reason: 'required' }]);

    const experts = await this.candidates.experts(expertIds);
    const parties = await this.candidates.parties(report);
    const taken = await this.assignments.ofRound(round.id);
    const problems: FieldProblem[] = [];
    const conflicts: FieldProblem[] = [];
    for (const expertId of expertIds) {
      const field = input.expertIds?.includes(expertId)
        ? `expertIds[${input.expertIds.indexOf(expertId)}]`
        : 'sameAsPreviousRound';
      const expert = experts.find((e) => e.id === expertId);
      if (!expert) problems.push({ field, reason: 'notFound' });
      else if (
        taken.some((t) => t.expertId === expertId && t.status !== AssignmentStatus.Cancelled && !expired(t, now))
      ) {
        problems.push({ field, reason: 'alreadyAssigned', args: [expert.displayName] });
      } else if (expert.availability === ExpertAvailability.Unavailable)
        problems.push({ field, reason: 'expertUnavailable', args: [expert.displayName] });
      else {
        const found = conflictsOfInterest(expert, parties);
        const names = await this.candidates.names(found);
        for (const c of found)
          conflicts.push({
            field,
            reason: `conflict.${c.rule}`,
            args: [expert.displayName, names.get(c.withId) ?? ''],
          });
      }
    }
    if (conflicts.length > 0) throw DomainException.conflict(ErrorCode.ConflictOfInterest, [...conflicts, ...problems]);
    if (problems.length > 0) throw DomainException.invalid(problems);

    for (const expert of expertIds.map((id) => experts.find((e) => e.id === id)!)) {
      const ordinal = await this.ordinalFor(reportId, expert.id);
      // A reviewer cancelled earlier in this round, or who let the invitation lapse, is invited again on the same row.
      await this.assignments.upsertInvitation({
        tenantId: report.tenantId,
        reportId,
        roundId: round.id,
        expertId: expert.id,
        ordinal,
        status: AssignmentStatus.Invited,
        respondBy,
        dueAt,
        respondedAt: null,
        remindersSent: [],
      });
      const assignment = await this.assignments.findInRound(round.id, expert.id);
      await this.notifier.notify({ userIds: [expert.userId] }, ThinkTankNotification.ReviewInvited, {
        assignmentId: assignment.id,
        title: report.title,
        round: round.number,
        respondBy: respondBy.toISOString(),
        dueAt: dueAt.toISOString(),
      });
    }
    return this.reports.get(actor, reportId);
  }

  /** "Reviewer 2" stays Reviewer 2 in every round of a report. */
  private async ordinalFor(reportId: string, expertId: string): Promise<number> {
    const { ordinal, next } = await this.assignments.ordinals(reportId, expertId);
    return ordinal ?? next;
  }

  async accept(actor: Actor, id: string): Promise<AssignmentView> {
    return this.respond(actor, id, true);
  }

  async decline(actor: Actor, id: string, input: DeclineDto): Promise<AssignmentView> {
    return this.respond(actor, id, false, input.reason);
  }

  private async respond(actor: Actor, id: string, accepted: boolean, reason?: string): Promise<AssignmentView> {
    const assignment = await this.mine(actor, id);
    if (assignment.status !== AssignmentStatus.Invited)
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'status', reason: 'alreadyResponded' }]);
    const now = this.clock.now();
    if (expired(assignment, now)) {
      const timeZone = await this.assignments.tenantTimeZone(assignment.tenantId);
      throw DomainException.conflict(ErrorCode.InvitationExpired, [
        { field: 'respondBy', reason: 'respondByPassed', args: [localDateTime(assignment.respondBy, timeZone)] },
      ]);
    }
    // Guarded on the status and deadline too, so an answer racing the editor's re-invitation or the deadline changes nothing.
    const answered = await this.assignments.respond(id, now, {
      status: accepted ? AssignmentStatus.Accepted : AssignmentStatus.Declined,
      respondedAt: now,
      declineReason: accepted ? null : reason?.trim() || null,
    });
    if (!answered)
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'status', reason: 'alreadyResponded' }]);
    const title = await this.reportTitle(assignment.reportId);
    await this.notifier.notify(
      { userIds: await this.reports.editors(assignment.reportId) },
      ThinkTankNotification.ReviewResponded,
      { reportId: assignment.reportId, title, ordinal: assignment.ordinal, accepted },
    );
    return this.get(actor, id);
  }

  async saveDraft(actor: Actor, id: string, input: ReviewDraftDto): Promise<AssignmentView> {
    const assignment = await this.mine(actor, id);
    if (assignment.status !== AssignmentStatus.Accepted)
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'status', reason: 'notAccepted' }]);
    const rubric = await this.rubricOf(assignment);
    if (input.scores) checkScores(input.scores, rubric, false);
    await this.assignments.update(id, {
      ...(input.scores && { scores: input.scores }),
      ...(input.recommendation && { recommendation: input.recommendation }),
      ...(input.commentsToAuthors !== undefined && { commentsToAuthors: input.commentsToAuthors }),
      ...(input.confidentialComments !== undefined && { confidentialComments: input.confidentialComments }),
    });
    return this.get(actor, id);
  }

  async submit(actor: Actor, id: string, input: SubmitReviewDto): Promise<AssignmentView> {
    const assignment = await this.mine(actor, id);
    if (assignment.status !== AssignmentStatus.Accepted)
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'status', reason: 'notAccepted' }]);
    checkScores(input.scores, await this.rubricOf(assignment), true);
    const submitted = await this.assignments.submit(id, {
      status: AssignmentStatus.Submitted,
      scores: input.scores,
      recommendation: input.recommendation,
      commentsToAuthors: input.commentsToAuthors.trim(),
      confidentialComments: input.confidentialComments?.trim() || null,
      submittedAt: this.clock.now(),
    });
    if (!submitted)
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'status', reason: 'notAccepted' }]);
    const round = await this.reportsRepository.findRoundById(assignment.roundId);
    await this.notifier.notify(
      { userIds: await this.reports.editors(assignment.reportId) },
      ThinkTankNotification.ReviewSubmitted,
      {
        reportId: assignment.reportId,
        title: await this.reportTitle(assignment.reportId),
        ordinal: assignment.ordinal,
        round: round.number,
      },
    );
    return this.get(actor, id);
  }

  /**
   * The expert's review queue: open invitations and reviews first, then the history, each by due
   * date; a page at a time, the cursor holding whether the row is done, its due time as text and its id.
   */
  async queue(actor: Actor, query: PageQueryDto): Promise<AssignmentPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursorParts(query.cursor, ['boolean', 'timestamp', 'uuid']) : null;
    const rows = await this.assignments.queue(actor.userId, after, limit + 1);
    const page = pageOfRows(rows, limit, (r) => [r.done, r.due_at, r.id]);
    const items: AssignmentView[] = [];
    for (const row of page.items) items.push(await this.get(actor, row.id));
    return { items, nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<AssignmentView> {
    const assignment = await this.mine(actor, id);
    const access = await this.access.requireRole(actor, assignment.reportId, 'reviewer');
    const round = await this.reportsRepository.findRoundById(assignment.roundId);
    const version = await this.reportsRepository.findVersionById(round.versionId);
    const everyone = (await this.views.assignments(assignment.reportId)).filter((a) => a.roundId === round.id);
    const mine = everyone.find((a) => a.id === id)!;
    const context = { decided: round.decision !== null, mine };
    const authors = ReportAccessService.authorsVisible(access)
      ? ((await this.views.authors([assignment.reportId])).get(assignment.reportId) ?? [])
      : null;
    return {
      id,
      status: assignment.status,
      ordinal: assignment.ordinal,
      round: round.number,
      respondBy: assignment.respondBy,
      dueAt: assignment.dueAt,
      invitedAt: assignment.createdAt,
      report: {
        id: access.report.id,
        title: access.report.title,
        abstract: access.report.abstract,
        topics: access.report.topics,
        blindMode: access.report.blindMode,
        authors,
        versionId: version.id,
        versionNumber: version.number,
        response: version.response,
      },
      rubric: round.rubric,
      mine: reviewFor('reviewer', mine, context)!,
      others: everyone.filter((a) => a.id !== id).flatMap((a) => reviewFor('reviewer', a, context) ?? []),
    };
  }

  /** The actor's own assignment; someone else's is a 404. */
  private async mine(actor: Actor, id: string): Promise<ReviewAssignment> {
    const row = await this.assignments.mine(id, actor.userId);
    if (!row) throw DomainException.notFound();
    return toAssignment(row);
  }

  private async rubricOf(assignment: ReviewAssignment): Promise<RubricSnapshot[]> {
    return (await this.reportsRepository.findRoundById(assignment.roundId)).rubric;
  }

  private reportTitle(reportId: string): Promise<string> {
    return this.reportsRepository.title(reportId);
  }
}

/** Scores are whole numbers from 1 to the criterion's maximum; a submitted review scores every criterion. */
export function checkScores(scores: Record<string, unknown>, rubric: RubricSnapshot[], complete: boolean): void {
  const problems: FieldProblem[] = [];
  for (const [key, value] of Object.entries(scores)) {
    const criterion = rubric.find((c) => c.key === key);
    if (!criterion) problems.push({ field: `scores.${key}`, reason: 'unknownCriterion' });
    else if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > criterion.maxScore) {
      problems.push({ field: `scores.${key}`, reason: 'scoreRange', args: [criterion.maxScore] });
    }
  }
  if (complete)
    for (const c of rubric) if (!(c.key in scores)) problems.push({ field: `scores.${c.key}`, reason: 'required' });
  if (problems.length > 0) throw DomainException.invalid(problems);
}

/** An invitation nobody answered by its reply-by date: it can no longer be accepted, and the editor may invite again. */
export function expired(assignment: Pick<ReviewAssignment, 'status' | 'respondBy'>, now: Date): boolean {
  return assignment.status === AssignmentStatus.Invited && new Date(assignment.respondBy).getTime() <= now.getTime();
}
