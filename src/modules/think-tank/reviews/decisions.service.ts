import { HttpStatus, Injectable } from '@nestjs/common';
import { Clock } from '../../../platform/clock/clock';
import { DomainException } from '../../../platform/errors/domain.exception';
import { ErrorCode } from '../../../platform/errors/error-code';
import { ThinkTankNotification } from '../think-tank.notifications';
import { Notifier } from '../../../platform/notifications/notifier.service';
import { decodeCursorParts, pageOfRows } from '../../../platform/pagination/keyset';
import { DEFAULT_PAGE_SIZE, type Page, type PageQueryDto } from '../../../platform/pagination/page.dto';
import type { Actor } from '../../../platform/tenancy/request-actor';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { ActionItemsService } from '../../action-items/action-items.service';
import type { ActionItemView } from '../../action-items/dto/action-item.dto';
import type { DecisionDto, RecommendationDto, ReportView } from '../dto/report.dto';
import { ReportStatus, ResearchReport } from '../entities/research-report.entity';
import { AssignmentStatus, ReviewAssignment } from '../entities/review-assignment.entity';
import { EditorDecision, ReviewRound } from '../entities/review-round.entity';
import { ReportAccessService } from '../reports/report-access.service';
import { ReportsService } from '../reports/reports.service';

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
    private readonly tenant: TenantContext,
    private readonly access: ReportAccessService,
    private readonly reports: ReportsService,
    private readonly actionItems: ActionItemsService,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  /** Decides the current round with a letter to the authors; reviews still outstanding are cancelled. */
  async decide(actor: Actor, reportId: string, input: DecisionDto): Promise<ReportView> {
    await this.access.requireEditor(actor, reportId);
    const report = await this.tenant.manager
      .getRepository(ResearchReport)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :reportId', { reportId })
      .getOneOrFail();
    if (report.status !== ReportStatus.UnderReview)
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'status', reason: 'notUnderReview' }]);
    const round = await this.tenant.manager
      .getRepository(ReviewRound)
      .findOneByOrFail({ reportId, number: report.currentRound });
    const assignments = this.tenant.manager.getRepository(ReviewAssignment);
    if ((await assignments.countBy({ roundId: round.id, status: AssignmentStatus.Submitted })) === 0) {
      throw DomainException.conflict(ErrorCode.InvalidTransition, [
        { field: 'decision', reason: 'noSubmittedReviews' },
      ]);
    }
    const now = this.clock.now();
    await this.tenant.manager.query(
      `UPDATE review_assignments SET status = 'cancelled', updated_at = now() WHERE round_id = $1 AND status IN ('invited', 'accepted')`,
      [round.id],
    );
    await this.tenant.manager
      .getRepository(ReviewRound)
      .update(
        { id: round.id },
        { decision: input.decision, decisionLetter: input.letter.trim(), decidedById: actor.userId, decidedAt: now },
      );
    await this.tenant.manager
      .getRepository(ResearchReport)
      .update({ id: reportId }, { status: STATUS_AFTER[input.decision] });
    const authors = await this.tenant.manager.query<{ user_id: string }[]>(
      'SELECT user_id FROM report_authors WHERE report_id = $1',
      [reportId],
    );
    await this.notifier.notify({ userIds: authors.map((a) => a.user_id) }, ThinkTankNotification.ReportDecided, {
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
    const [afterDueOn, afterCreatedAt, afterId] = query.cursor
      ? decodeCursorParts(query.cursor, ['date', 'timestamp', 'uuid'])
      : [null, null, null];
    const rows = await this.tenant.manager.query<{ id: string; due_on: string; created_at: string }[]>(
      `SELECT id, due_on::text AS due_on, created_at::text AS created_at FROM action_item_directory
        WHERE report_id = $1 AND ($4::uuid IS NULL OR (due_on, created_at, id) > ($2::date, $3::timestamptz, $4::uuid))
        ORDER BY due_on, created_at, id LIMIT $5`,
      [reportId, afterDueOn, afterCreatedAt, afterId, limit + 1],
    );
    const page = pageOfRows(rows, limit, (r) => [r.due_on, r.created_at, r.id]);
    return { items: await this.actionItems.views(page.items.map((r) => r.id)), nextCursor: page.nextCursor };
  }
}
