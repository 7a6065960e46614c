import type { ServiceRequestView } from '../../service-requests/dto/service-request.dto';
import { ServiceRequestStatus as S } from '../../service-requests/entities/service-request-status';
import { AUTO_CLOSE_AFTER_DAYS } from '../../service-requests/service-requests.jobs';
import {
  supervisionBoardCount,
  supervisionBoardPage,
  WORKBENCH_REQUEST_STATES as STATES,
} from '../../service-requests/service-requests-workbench.view';
import type { Page, PageQueryDto } from '../../../platform/pagination/page.dto';
import { WorkbenchAction, WorkbenchItemKind, WorkbenchSectionKey } from '../dto/workbench.view';
import {
  type RawItem,
  type SectionDefinition,
  sectionStatement,
  sqlValues,
  type Statement,
  statementSection,
  type WorkbenchScope,
} from './section-statement';

/*
 * The states come from the request lifecycle's own state machine (service-requests' lifecycle/transitions.ts,
 * published in service-requests-workbench.view.ts): a request "to accept" is one the provider may accept now,
 * "to resolve" one it may resolve, and so on.
 */
const TO_ACCEPT = sqlValues(STATES.toAccept);
const TO_RESOLVE = sqlValues(STATES.toResolve);
/** Open for the provider: what it may still accept or resolve (a returned request waits on the enterprise). */
const PROVIDER_OPEN = sqlValues([...new Set([...STATES.toAccept, ...STATES.toResolve])]);
const AWAITING_INFORMATION = sqlValues(STATES.awaitingInformation);
const TO_RATE = sqlValues(STATES.toRate);

const organizationName = (column: string) => `(SELECT o.name FROM organization_directory o WHERE o.id = ${column})`;

function requestItem(action: WorkbenchAction, fields: { counterpart: string; dueAt: string; since: string }): string {
  return `json_build_object('kind', '${WorkbenchItemKind.ServiceRequest}', 'action', '${action}', 'id', r.id, 'title', r.title, 'reference', r.number,
            'counterpart', ${fields.counterpart}, 'dueAt', ${fields.dueAt}, 'since', ${fields.since}, 'escalationLevel', r.escalation_level)`;
}

/** Requests routed to the serving organisation (a department or a lead enterprise's service team), waiting to be accepted; the accept clock first. */
export function requestsToAcceptQuery(scope: WorkbenchScope): Statement | null {
  if (!scope.actor.organizationId) return null;
  return sectionStatement({
    from: 'service_request_directory r',
    where: `r.assigned_organization_id = $1 AND r.status IN (${TO_ACCEPT})`,
    order: 'r.accept_due_at, r.created_at, r.id',
    key: 'r.id',
    item: requestItem(WorkbenchAction.Accept, {
      counterpart: organizationName('r.requester_organization_id'),
      dueAt: 'r.accept_due_at',
      since: 'r.routed_at',
    }),
    params: [scope.actor.organizationId],
    limit: scope.limit,
  });
}

/** Accepted or in progress at the serving organisation; the resolve clock first. */
export function requestsToResolveQuery(scope: WorkbenchScope): Statement | null {
  if (!scope.actor.organizationId) return null;
  return sectionStatement({
    from: 'service_request_directory r',
    where: `r.assigned_organization_id = $1 AND r.status IN (${TO_RESOLVE})`,
    order: 'r.resolve_due_at, r.created_at, r.id',
    key: 'r.id',
    item: requestItem(WorkbenchAction.Resolve, {
      counterpart: organizationName('r.requester_organization_id'),
      dueAt: 'r.resolve_due_at',
      since: 'coalesce(r.accepted_at, r.routed_at)',
    }),
    params: [scope.actor.organizationId],
    limit: scope.limit,
  });
}

/** Open requests of the serving organisation that their enterprise chased (催办), the oldest chase first. */
export function chasedRequestsQuery(scope: WorkbenchScope): Statement | null {
  if (!scope.actor.organizationId) return null;
  return sectionStatement({
    from: 'service_request_directory r',
    where: `r.assigned_organization_id = $1 AND r.status IN (${PROVIDER_OPEN}) AND r.last_chased_at IS NOT NULL`,
    order: 'r.last_chased_at, r.id',
    key: 'r.id',
    item: requestItem(WorkbenchAction.AnswerChase, {
      counterpart: organizationName('r.requester_organization_id'),
      dueAt: `CASE WHEN r.status = '${S.Routed}' THEN r.accept_due_at ELSE r.resolve_due_at END`,
      since: 'r.last_chased_at',
    }),
    params: [scope.actor.organizationId],
    limit: scope.limit,
  });
}

/** The enterprise's requests sent back for more information (退回补充材料), the longest waiting first. */
export function requestsAwaitingInformationQuery(scope: WorkbenchScope): Statement | null {
  if (!scope.actor.organizationId) return null;
  return sectionStatement({
    from: 'service_request_directory r',
    where: `r.requester_organization_id = $1 AND r.status IN (${AWAITING_INFORMATION})`,
    order: 'r.returned_at, r.id',
    key: 'r.id',
    item: requestItem(WorkbenchAction.ProvideInformation, {
      counterpart: organizationName('r.assigned_organization_id'),
      dueAt: 'NULL::timestamptz',
      since: 'r.returned_at',
    }),
    params: [scope.actor.organizationId],
    limit: scope.limit,
  });
}

/** Resolved and not rated yet; due when the request closes by itself (AUTO_CLOSE_AFTER_DAYS after resolution). */
export function requestsToRateQuery(scope: WorkbenchScope): Statement | null {
  if (!scope.actor.organizationId) return null;
  return sectionStatement({
    from: 'service_request_directory r',
    where: `r.requester_organization_id = $1 AND r.status IN (${TO_RATE}) AND r.rating IS NULL`,
    order: 'r.resolved_at, r.id',
    key: 'r.id',
    item: requestItem(WorkbenchAction.Rate, {
      counterpart: organizationName('r.assigned_organization_id'),
      dueAt: `r.resolved_at + interval '${AUTO_CLOSE_AFTER_DAYS} days'`,
      since: 'r.resolved_at',
    }),
    params: [scope.actor.organizationId],
    limit: scope.limit,
  });
}

/** How many requests the supervision board holds: open, at risk or late (its list is ServiceRequestsService.supervision). */
export function supervisedCountQuery(): Statement {
  return supervisionBoardCount();
}

/** Low ratings (LOW_RATING or less) waiting for the official's call back (回访): the follow-ups assigned to them, or to nobody. */
export function lowRatingFollowUpsQuery(scope: WorkbenchScope): Statement {
  return sectionStatement({
    from: 'follow_up_task_directory f',
    itemFrom: 'follow_up_task_directory f JOIN service_request_directory r ON r.id = f.request_id',
    where: `f.status = 'open' AND (f.assignee_id = $1 OR f.assignee_id IS NULL)`,
    order: 'f.created_at, f.id',
    key: 'f.id',
    item: `json_build_object('kind', '${WorkbenchItemKind.ServiceRequest}', 'action', '${WorkbenchAction.FollowUp}', 'id', r.id, 'title', r.title, 'reference', r.number,
             'counterpart', ${organizationName('r.requester_organization_id')}, 'since', f.created_at, 'rating', r.rating)`,
    params: [scope.actor.userId],
    limit: scope.limit,
  });
}

export const REQUESTS_TO_ACCEPT = statementSection(WorkbenchSectionKey.RequestsToAccept, requestsToAcceptQuery);
export const REQUESTS_TO_RESOLVE = statementSection(WorkbenchSectionKey.RequestsToResolve, requestsToResolveQuery);
export const CHASED_REQUESTS = statementSection(WorkbenchSectionKey.ChasedRequests, chasedRequestsQuery);
export const REQUESTS_AWAITING_INFORMATION = statementSection(
  WorkbenchSectionKey.RequestsAwaitingInformation,
  requestsAwaitingInformationQuery,
);
export const REQUESTS_TO_RATE = statementSection(WorkbenchSectionKey.RequestsToRate, requestsToRateQuery);
export const LOW_RATING_FOLLOW_UPS = statementSection(WorkbenchSectionKey.LowRatingFollowUps, lowRatingFollowUpsQuery);

/** The supervision board (督办) as its page shows it: late first, then at risk, each by due time. */
export function supervisedRequests(
  board: (page: PageQueryDto) => Promise<Page<ServiceRequestView>>,
): SectionDefinition {
  return {
    key: WorkbenchSectionKey.SupervisedRequests,
    // The board's page query asks for one row more than the page, to know whether another follows.
    statements: (scope) => [supervisedCountQuery(), supervisionBoardPage(scope.limit + 1)],
    read: async (scope, run) => {
      const { total } = await run(supervisedCountQuery());
      if (total === 0) return { total, items: [] };
      const page = await board({ limit: scope.limit });
      const items = page.items.map((r): RawItem => ({
        kind: WorkbenchItemKind.ServiceRequest,
        action: WorkbenchAction.Supervise,
        id: r.id,
        title: r.title,
        reference: r.number,
        counterpart: r.assignedOrganization?.name ?? r.requesterOrganization.name,
        dueAt: r.status === S.Routed && r.acceptDueAt ? iso(r.acceptDueAt) : iso(r.resolveDueAt),
        since: iso(r.createdAt),
        escalationLevel: r.escalationLevel,
      }));
      return { total, items };
    },
  };
}

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);
