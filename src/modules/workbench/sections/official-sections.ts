import { ActionItemStatus } from '../../action-items/entities/action-item-status';
import { PAIR_STATUS_SQL } from '../../pairing/pair-status.view';
import { TypicalCaseStatus } from '../../typical-cases/entities/typical-case-status';
import { WorkbenchAction, WorkbenchItemKind, WorkbenchSectionKey } from '../dto/workbench.view';
import {
  sectionStatement,
  sqlValues,
  type Statement,
  statementSection,
  type WorkbenchScope,
} from './section-statement';

/** Open action items past their due date, the board's "overdue" (ActionItemsService: open or in progress, due before today). */
export function overdueActionItemsQuery(scope: WorkbenchScope): Statement {
  return sectionStatement({
    from: 'action_item_directory a',
    where: `a.status IN (${sqlValues([ActionItemStatus.Open, ActionItemStatus.InProgress])}) AND a.due_on < $1::date`,
    order: 'a.due_on, a.created_at, a.id',
    key: 'a.id',
    item: `json_build_object('kind', '${WorkbenchItemKind.ActionItem}', 'action', '${WorkbenchAction.ChaseActionItem}', 'id', a.id, 'title', a.title,
             'counterpart', (SELECT o.name FROM organization_directory o WHERE o.id = a.owner_organization_id), 'dueOn', a.due_on::text,
             'since', a.created_at, 'escalationLevel', a.escalation_level)`,
    params: [scope.today],
    limit: scope.limit,
  });
}

/** The official's own active pairs due for a visit (the pairing page's "overdue"), the longest overdue first. */
export function pairsToVisitQuery(scope: WorkbenchScope): Statement {
  return sectionStatement({
    from: `(${PAIR_STATUS_SQL}) s`,
    where: 's.official_user_id = $1 AND s.active AND s.due_on < $2',
    order: 's.due_on, s.organization_name, s.id',
    key: 's.id',
    item: `json_build_object('kind', '${WorkbenchItemKind.Pair}', 'action', '${WorkbenchAction.Visit}', 'id', s.id, 'title', s.organization_name,
             'reference', s.last_visit_on, 'dueOn', s.due_on)`,
    params: [scope.actor.userId, scope.today],
    limit: scope.limit,
  });
}

/** Typical cases nominated (or resubmitted) and waiting for an official's review, the longest waiting first. */
export function casesToReviewQuery(scope: WorkbenchScope): Statement {
  return sectionStatement({
    from: 'typical_case_directory c',
    where: `c.status = '${TypicalCaseStatus.Nominated}'`,
    order: 'c.updated_at, c.id',
    key: 'c.id',
    item: `json_build_object('kind', '${WorkbenchItemKind.TypicalCase}', 'action', '${WorkbenchAction.ReviewCase}', 'id', c.id, 'title', c.title,
             'counterpart', (SELECT o.name FROM organization_directory o WHERE o.id = c.organization_id), 'since', c.updated_at)`,
    params: [],
    limit: scope.limit,
  });
}

export const OVERDUE_ACTION_ITEMS = statementSection(WorkbenchSectionKey.OverdueActionItems, overdueActionItemsQuery);
export const PAIRS_TO_VISIT = statementSection(WorkbenchSectionKey.PairsToVisit, pairsToVisitQuery);
export const CASES_TO_REVIEW = statementSection(WorkbenchSectionKey.CasesToReview, casesToReviewQuery);
