import { AssignmentStatus } from '../../think-tank/entities/review-assignment-status';
import { WorkbenchAction, WorkbenchItemKind, WorkbenchSectionKey } from '../dto/workbench.view';
import { sectionStatement, type Statement, statementSection, type WorkbenchScope } from './section-statement';

function assignments(
  scope: WorkbenchScope,
  status: AssignmentStatus,
  action: WorkbenchAction,
  due: string,
  extra = '',
): Statement {
  return sectionStatement({
    from: 'review_assignment_directory a JOIN expert_directory e ON e.id = a.expert_id',
    where: `e.user_id = $1 AND a.status = '${status}' ${extra}`,
    order: `${due}, a.id`,
    key: 'a.id',
    item: `json_build_object('kind', '${WorkbenchItemKind.ReviewAssignment}', 'action', '${action}', 'id', a.id,
             'title', (SELECT rr.title FROM research_report_directory rr WHERE rr.id = a.report_id),
             'reference', (SELECT rd.number::text FROM review_round_directory rd WHERE rd.id = a.round_id), 'dueAt', ${due}, 'since', a.created_at)`,
    params: extra ? [scope.actor.userId, scope.now] : [scope.actor.userId],
    limit: scope.limit,
  });
}

/** Invitations still open to an answer: the review queue's invited rows whose reply-by time has not passed (AssignmentsService's `expired`). */
export function reviewInvitationsQuery(scope: WorkbenchScope): Statement {
  return assignments(
    scope,
    AssignmentStatus.Invited,
    WorkbenchAction.AnswerInvitation,
    'a.respond_by',
    'AND a.respond_by > $2',
  );
}

/** Accepted reviews not submitted yet, the earliest due first (late ones are flagged). */
export function reviewsDueQuery(scope: WorkbenchScope): Statement {
  return assignments(scope, AssignmentStatus.Accepted, WorkbenchAction.SubmitReview, 'a.due_at');
}

export const REVIEW_INVITATIONS = statementSection(WorkbenchSectionKey.ReviewInvitations, reviewInvitationsQuery);
export const REVIEWS_DUE = statementSection(WorkbenchSectionKey.ReviewsDue, reviewsDueQuery);
