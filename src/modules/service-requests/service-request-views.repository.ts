import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Role } from '../../platform/auth/entities/role';
import { DomainException } from '../../platform/errors/domain.exception';
import { decodeCursor, decodeCursorParts, DEFAULT_PAGE_SIZE, pageOfRows } from '../../platform/pagination/keyset';
import type { Page, PageQueryDto } from '../../platform/pagination/page.dto';
import { maskPhone } from '../../platform/privacy/mask';
import type { Actor } from '../../platform/tenancy/request-actor';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import type { ListServiceRequestsQuery, ServiceRequestView, TimelineEntryView } from './dto/service-request.dto';
import type { ServiceRequestEvent } from './entities/service-request-event.entity';

export interface ViewRow {
  id: string;
  number: string;
  alliance_id: string;
  title: string;
  description: string;
  urgency: ServiceRequestView['urgency'];
  status: ServiceRequestView['status'];
  category_id: string;
  category_name: string;
  category_code: string;
  requester_organization_id: string;
  requester_name: string;
  assigned_organization_id: string | null;
  assigned_name: string | null;
  handler_id: string | null;
  handler_name: string | null;
  preferred_contact: ServiceRequestView['preferredContact'];
  accept_due_at: Date | null;
  resolve_due_at: Date | null;
  accepted_at: Date | null;
  resolved_at: Date | null;
  closed_at: Date | null;
  sla_state: ServiceRequestView['slaState'];
  escalation_level: number;
  rating: number | null;
  rating_comment: string | null;
  merged_into_id: string | null;
  created_at: Date;
  updated_at: Date;
  /** The sort keys as PostgreSQL writes them, to the microsecond, for cursors (a Date keeps milliseconds). */
  created_at_key?: string;
  resolve_due_key?: string | null;
}

/** The view's columns and names over `requests` (the table, or a page of it taken first). */
const viewSelect = (requests = 'service_requests') => `
  SELECT r.id, r.number, r.alliance_id, r.title, r.description, r.urgency, r.status,
         r.category_id, c.name AS category_name, c.code AS category_code,
         r.requester_organization_id, ro.name AS requester_name,
         r.assigned_organization_id, ao.name AS assigned_name,
         r.handler_id, h.display_name AS handler_name, r.preferred_contact,
         r.accept_due_at, r.resolve_due_at, r.accepted_at, r.resolved_at, r.closed_at,
         r.sla_state, r.escalation_level, r.rating, r.rating_comment, r.merged_into_id, r.created_at, r.updated_at,
         r.created_at::text AS created_at_key, r.resolve_due_at::text AS resolve_due_key
    FROM ${requests} r
    JOIN service_categories c ON c.id = r.category_id
    JOIN organization_directory ro ON ro.id = r.requester_organization_id
    LEFT JOIN organization_directory ao ON ao.id = r.assigned_organization_id
    LEFT JOIN people_directory h ON h.id = r.handler_id`;

const VIEW_SELECT = viewSelect();

const SUPERVISED_STATES = ['breached', 'at_risk'] as const;
type SupervisedState = (typeof SUPERVISED_STATES)[number];

/** The board's requests: open, at risk or late (a request at risk or late always has a due time). */
const SUPERVISED_WHERE = `status IN ('routed', 'accepted', 'in_progress', 'returned')
   AND sla_state IN ('breached', 'at_risk') AND resolve_due_at IS NOT NULL`;

/** Late first (false), then at risk, each by due time: the order of ix_service_requests__supervision. */
const SUPERVISED_ORDER = `r.sla_state = 'at_risk', r.resolve_due_at, r.id`;

/**
 * Late first, then at risk, each by due time, a page after `after`: the first `limit` rows of
 * ix_service_requests__supervision from the cursor, with names joined to that page only. The
 * keyset is a row comparison on the index's own columns, so it starts the index scan; comparisons
 * of text and booleans are leakproof, so row-level security leaves them in the index condition.
 * Exported so tests can EXPLAIN exactly what runs.
 */
export function supervisionQuery(
  limit: number,
  after?: { state: SupervisedState; dueAt: string; id: string },
): { sql: string; params: unknown[] } {
  const params: unknown[] = [limit];
  let keyset = '';
  if (after) {
    params.push(after.state === 'at_risk', after.dueAt, after.id);
    keyset = `AND (${SUPERVISED_ORDER}) > ($2, $3, $4)`;
  }
  const page = `(SELECT * FROM service_requests r WHERE ${SUPERVISED_WHERE} ${keyset} ORDER BY ${SUPERVISED_ORDER} LIMIT $1)`;
  return { sql: `${viewSelect(page)}\n  ORDER BY ${SUPERVISED_ORDER}`, params };
}

/** How many requests the supervision board holds (its open states, at risk or late); the workbench counts it this way. */
export function supervisionCountQuery(): { sql: string; params: unknown[] } {
  return {
    sql: `SELECT count(*)::int AS total FROM service_requests WHERE ${SUPERVISED_WHERE}`,
    params: [],
  };
}

/** The list query with its filters and keyset; exported so tests can EXPLAIN exactly what runs. */
export function listQuery(
  actor: Actor,
  query: ListServiceRequestsQuery,
  limit: number,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const where = [visibility(actor, params)];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (query.status) add('r.status = ?', query.status);
  if (query.categoryId) add('r.category_id = ?', query.categoryId);
  if (query.assignedOrganizationId) add('r.assigned_organization_id = ?', query.assignedOrganizationId);
  if (query.allianceId) add('r.alliance_id = ?', query.allianceId);
  if (query.requesterOrganizationId) add('r.requester_organization_id = ?', query.requesterOrganizationId);
  if (query.from) add('r.created_at >= ?', query.from);
  if (query.to) add('r.created_at < ?', query.to);
  if (query.mine) add('r.handler_id = ?', actor.userId);
  if (query.cursor) {
    const [createdAt, id] = decodeCursor(query.cursor, 'timestamp');
    params.push(createdAt, id);
    where.push(`(r.created_at, r.id) < ($${params.length - 1}, $${params.length})`);
  }
  params.push(limit);
  return {
    sql: `${VIEW_SELECT} WHERE ${where.join(' AND ')} ORDER BY r.created_at DESC, r.id DESC LIMIT $${params.length}`,
    params,
  };
}

/** Officials see the whole township; everyone else the requests their organisation asked or serves. */
export function visibility(actor: Actor, params: unknown[]): string {
  if (actor.role === Role.TownshipAdmin) return 'TRUE';
  if (!actor.organizationId) return 'FALSE';
  params.push(actor.organizationId);
  return `(r.requester_organization_id = $${params.length} OR r.assigned_organization_id = $${params.length})`;
}

/** Service requests as their readers see them: one, a list, the supervision queue, the timeline. Queries only. */
@Injectable()
export class ServiceRequestViewsRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  async view(id: string, actor: Actor): Promise<ServiceRequestView | null> {
    const params: unknown[] = [id];
    const where = visibility(actor, params);
    const [row] = await this.manager.query<ViewRow[]>(`${VIEW_SELECT} WHERE r.id = $1 AND ${where}`, params);
    return row ? toView(row) : null;
  }

  async list(actor: Actor, query: ListServiceRequestsQuery): Promise<Page<ServiceRequestView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const { sql, params } = listQuery(actor, query, limit + 1);
    const rows = await this.manager.query<ViewRow[]>(sql, params);
    const page = pageOfRows(rows, limit, (r) => [r.created_at_key!, r.id]);
    return { items: page.items.map(toListView), nextCursor: page.nextCursor };
  }

  /** Open requests at risk or late, most urgent first, a page at a time. */
  async supervision(page: PageQueryDto): Promise<Page<ServiceRequestView>> {
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    let after: { state: SupervisedState; dueAt: string; id: string } | undefined;
    if (page.cursor) {
      const [state, dueAt, id] = decodeCursorParts(page.cursor, ['text', 'timestamp', 'uuid']) as [
        SupervisedState,
        string,
        string,
      ];
      if (!SUPERVISED_STATES.includes(state)) throw DomainException.invalid([{ field: 'cursor', reason: 'matches' }]);
      after = { state, dueAt, id };
    }
    const { sql, params } = supervisionQuery(limit + 1, after);
    const rows = await this.manager.query<ViewRow[]>(sql, params);
    const board = pageOfRows(rows, limit, (r) => [r.sla_state, r.resolve_due_key!, r.id]);
    return { items: board.items.map(toListView), nextCursor: board.nextCursor };
  }

  async timeline(requestId: string, includeInternal: boolean): Promise<TimelineEntryView[]> {
    const rows = await this.manager.query<
      (ServiceRequestEvent & { actor_name: string | null; actor_user_id: string | null; created_at: Date })[]
    >(
      `SELECT e.id, e.type, e.actor_user_id, u.display_name AS actor_name, e.internal, e.body, e.data, e.created_at
         FROM service_request_events e LEFT JOIN people_directory u ON u.id = e.actor_user_id
        WHERE e.request_id = $1 ${includeInternal ? '' : 'AND NOT e.internal'}
        ORDER BY e.created_at, e.id`,
      [requestId],
    );
    return rows.map((r) => ({
      id: r.id,
      type: r.type,
      actor: r.actor_user_id ? { id: r.actor_user_id, displayName: r.actor_name ?? '' } : null,
      internal: r.internal,
      body: r.body,
      data: r.data,
      createdAt: r.created_at,
    }));
  }
}

/** In lists the preferred contact's phone shows only its ends; the detail view has the full number. */
function toListView(r: ViewRow): ServiceRequestView {
  const view = toView(r);
  const phone = view.preferredContact?.phone;
  return phone
    ? { ...view, preferredContact: { ...view.preferredContact, phone: maskPhone(phone) ?? undefined } }
    : view;
}

export function toView(r: ViewRow): ServiceRequestView {
  return {
    id: r.id,
    number: r.number,
    allianceId: r.alliance_id,
    title: r.title,
    description: r.description,
    urgency: r.urgency,
    status: r.status,
    category: { id: r.category_id, name: r.category_name, code: r.category_code },
    requesterOrganization: { id: r.requester_organization_id, name: r.requester_name },
    assignedOrganization: r.assigned_organization_id
      ? { id: r.assigned_organization_id, name: r.assigned_name ?? '' }
      : null,
    handler: r.handler_id ? { id: r.handler_id, displayName: r.handler_name ?? '' } : null,
    preferredContact: r.preferred_contact,
    acceptDueAt: r.accept_due_at,
    resolveDueAt: r.resolve_due_at,
    acceptedAt: r.accepted_at,
    resolvedAt: r.resolved_at,
    closedAt: r.closed_at,
    slaState: r.sla_state,
    escalationLevel: r.escalation_level,
    rating: r.rating,
    ratingComment: r.rating_comment,
    mergedIntoId: r.merged_into_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
