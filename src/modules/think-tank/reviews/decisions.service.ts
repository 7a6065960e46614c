import { HttpStatus, Injectable } from '@nestjs/common';
import { Clock } from '../../../platform/clock/clock';
import { DomainException } from '../../../platform/errors/domain.exception';
import { ErrorCode } from '../../../platform/errors/error-code';
import { ThinkTankNotification } from '../think-tank.notifications';
import { Notifier } from '../../../platform/notifications/notifier.service';
import { decodeCursorParts, pageOfRows } from '../../../platform/pagination/keyset';
import { DEFAULT_PAGE_SIZE, type Page, type PageQueryDto } from '../../../platform/pagination/page.dto';
import type { Actor } from '../../../platform/tenancy/request-actor';
import { ActionItemsService } from '../../action-items/action-items.service';
import type { ActionItemView } from '../../action-items/dto/action-item.dto';
import type { DecisionDto, RecommendationDto, ReportView } from '../dto/report.dto';
import { ReportStatus } from '../entities/research-report.entity';
import { EditorDecision } from '../entities/review-round.entity';
import { ReportAccessService } from '../reports/report-access.service';
import { ReportsRepository } from '../reports/reports.repository';
import { ReportsService } from '../reports/reports.service';
import { AssignmentsRepository } from './assignments.repository';

const STATUS_AFTER: Record<EditorDecision, ReportStatus> = {
  [EditorDecision.Accept]: ReportStatus.Accepted,
  [EditorDecision.MinorRevision]: ReportStatus.RevisionRequested,
  [EditorDecision.MajorRevision]: ReportStatus.RevisionRequested,
  [EditorDecision.Reject]: ReportStatus.Rejected,
};

/** The editor's decision on a round, and the accepted report's recommendations (成果转化). */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly reportsRepository: ReportsRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly access: ReportAccessService,
    private readonly reports: ReportsService,
    private readonly actionItems: ActionItemsService,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  /** Decides the current round with a letter to the authors; reviews still outstanding are cancelled. */
  async decide(actor: Actor, reportId: string, input: DecisionDto): Promise<ReportView> {
    await this.access.requireEditor(actor, reportId);
    const report = await this.reportsRepository.lock(reportId);
    if (report.status !== ReportStatus.UnderReview)
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'status', reason: 'notUnderReview' }]);
    const round = await this.reportsRepository.findRound(reportId, report.currentRound);
    if ((await this.assignments.countSubmitted(round.id)) === 0) {
      throw DomainException.conflict(ErrorCode.InvalidTransition, [
        { field: 'decision', reason: 'noSubmittedReviews' },
      ]);
    }
    const now = this.clock.now();
    await this.assignments.cancelOutstanding(round.id);
    await this.reportsRepository.updateRound(round.id, {
      decision: input.decision,
      decisionLetter: input.letter.trim(),
      decidedById: actor.userId,
      decidedAt: now,
    });
    await this.reportsRepository.update(reportId, { status: STATUS_AFTER[input.decision] });
    const authors = await this.reportsRepository.authorUserIds(reportId);
    await this.notifier.notify({ userIds: authors }, ThinkTankNotification.ReportDecided, {
      reportId,
      title: report.title,
      round: round.number,
      decision: input.decision,
    });
    return this.reports.get(actor, reportId);
  }

  /** A recommendation of an accepted report becomes an action item tracked to done. */
  async recommend(actor: Actor, reportId: string, input: RecommendationDto): Promise<ActionItemView> {
    const { report } = await this.access.requireEditor(actor, reportId);
    if (![ReportStatus.Accepted, ReportStatus.Published].includes(report.status)) {
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'status', reason: 'notAccepted' }]);
    }
    return this.actionItems.create(actor, { allianceId: report.allianceId, ...input }, { reportId });
  }

  /**
   * Everyone who may see the report sees how its recommendations are getting on, except a reviewer
   * from whom the authors are hidden: action items name owner organisations and the people who
   * posted progress, often the authors themselves. Such a reviewer is refused (the report view
   * still gives them the counts) rather than served a stripped copy, so that a field added to
   * action items later cannot leak through here unnoticed.
   */
  /** By due date, then as created (the order of the action items' views); a page at a time. */
  async recommendations(actor: Actor, reportId: string, query: PageQueryDto): Promise<Page<ActionItemView>> {
    const access = await this.access.resolve(actor, reportId);
    if (!ReportAccessService.authorsVisible(access)) {
      throw new DomainException(ErrorCode.Forbidden, HttpStatus.FORBIDDEN, [
        { field: 'reportId', reason: 'blindReview' },
      ]);
    }
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursorParts(query.cursor, ['date', 'timestamp', 'uuid']) : null;
    const rows = await this.reportsRepository.recommendationPage(reportId, after, limit + 1);
    const page = pageOfRows(rows, limit, (r) => [r.due_on, r.created_at, r.id]);
    return { items: await this.actionItems.views(page.items.map((r) => r.id)), nextCursor: page.nextCursor };
  }
}
