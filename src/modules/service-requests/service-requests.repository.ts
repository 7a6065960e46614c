import { Injectable } from '@nestjs/common';
import type { OutboxEvent } from '../../platform/outbox/outbox-event.entity';
import { maskPhone } from '../../platform/privacy/mask';
import { EntityNotFoundError, type EntityManager } from 'typeorm';
import { Role } from '../../platform/auth/entities/role';
import { DomainException } from '../../platform/errors/domain.exception';
import {
  decodeCursor,
  decodeCursorParts,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  pageOfRows,
} from '../../platform/pagination/keyset';
import type { Page, PageQueryDto } from '../../platform/pagination/page.dto';
import type { Actor } from '../../platform/tenancy/request-actor';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import type { ListServiceRequestsQuery, ServiceRequestView, TimelineEntryView } from './dto/service-request.dto';
import { ServiceRequestEvent, TimelineEntryType } from './entities/service-request-event.entity';
import type { RoutingRule } from './entities/routing-rule.entity';
import { ServiceCategory } from './entities/service-category.entity';
import { ServiceRequest } from './entities/service-request.entity';
import { SUBMISSION_CHECK_SQL, SUBMISSION_INSERT_SQL } from './submission.sql';

interface ViewRow {
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
}

const VIEW_SELECT = `
  SELECT r.id, r.number, r.alliance_id, r.title, r.description, r.urgency, r.status,
         r.category_id, c.name AS category_name, c.code AS category_code,
         r.requester_organization_id, ro.name AS requester_name,
         r.assigned_organization_id, ao.name AS assigned_name,
         r.handler_id, h.display_name AS handler_name, r.preferred_contact,
         r.accept_due_at, r.resolve_due_at, r.accepted_at, r.resolved_at, r.closed_at,
         r.sla_state, r.escalation_level, r.rating, r.rating_comment, r.merged_into_id, r.created_at, r.updated_at
    FROM service_requests r
    JOIN service_categories c ON c.id = r.category_id
    JOIN organization_directory ro ON ro.id = r.requester_organization_id
    LEFT JOIN organization_directory ao ON ao.id = r.assigned_organization_id
    LEFT JOIN people_directory h ON h.id = r.handler_id`;

const SUPERVISED_STATES = ['breached', 'at_risk'] as const;
type SupervisedState = (typeof SUPERVISED_STATES)[number];

/**
 * Late first, then at risk, each by due time, a page after `after`. One branch per state, so each
 * reads the first rows of ix_service_requests__supervision in order; a single `sla_state IN (...)`
 * sorted by state and due time read and sorted every open request at risk or late before the limit.
 * A request at risk or late always has a due time. Exported so tests can EXPLAIN exactly what runs.
 */
export function supervisionQuery(
  limit: number,
  after?: { state: SupervisedState; dueAt: string; id: string },
): { sql: string; params: unknown[] } {
  const params: unknown[] = [limit];
  const afterIndex = after ? SUPERVISED_STATES.indexOf(after.state) : -1;
  if (after) params.push(after.dueAt, after.id);
  const branches = SUPERVISED_STATES.flatMap((state, i) => {
    if (i < afterIndex) return [];
    const keyset = i === afterIndex ? 'AND (resolve_due_at, id) > ($2, $3)' : '';
    return [
      `(SELECT id FROM service_requests
      WHERE status IN ('routed', 'accepted', 'in_progress', 'returned') AND sla_state = '${state}' AND resolve_due_at IS NOT NULL ${keyset}
      ORDER BY resolve_due_at, id LIMIT $1)`,
    ];
  });
  const sql = `${VIEW_SELECT}
    JOIN (${branches.join(' UNION ALL ')}) u ON u.id = r.id
  ORDER BY r.sla_state = 'breached' DESC, r.resolve_due_at, r.id LIMIT $1`;
  return { sql, params };
}

/** How many requests the supervision board holds (its open states, at risk or late); the workbench counts it this way. */
export function supervisionCountQuery(): { sql: string; params: unknown[] } {
  return {
    sql: `SELECT count(*)::int AS total FROM service_requests
           WHERE status IN ('routed', 'accepted', 'in_progress', 'returned') AND sla_state IN ('breached', 'at_risk') AND resolve_due_at IS NOT NULL`,
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

export const categoryKey = (id: string) => `service-category:${id}`;

export interface RoutingFacts {
  category: ServiceCategory;
  rules: Pick<RoutingRule, 'id' | 'categoryId' | 'keywords' | 'targetOrganizationId'>[];
  pairedDepartmentId: string | null;
}

const ROUTING_RULES_SQL = `coalesce((
  SELECT json_agg(json_build_object('id', r.id, 'categoryId', r.category_id, 'keywords', r.keywords, 'targetOrganizationId', r.target_organization_id)
                  ORDER BY r.priority, r.created_at)
    FROM routing_rules r WHERE r.alliance_id = :allianceId AND r.active), '[]'::json)`;

@Injectable()
export class ServiceRequestsRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  findById(id: string): Promise<ServiceRequest | null> {
    return this.manager.getRepository(ServiceRequest).findOne({ where: { id } });
  }

  /** Locks the row for the rest of the transaction: two actions on one request never interleave. */
  findForUpdate(id: string): Promise<ServiceRequest | null> {
    return this.manager.getRepository(ServiceRequest).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** A category, read once per request or job (routing and SLA planning both need it). */
  category(id: string): Promise<ServiceCategory> {
    return this.tenant.once(categoryKey(id), () => this.manager.getRepository(ServiceCategory).findOneByOrFail({ id }));
  }

  /**
   * What routing a request weighs, in one round trip: its category (remembered for the SLA
   * planning that follows), the alliance's active rules in order, and the enterprise's paired department.
   */
  async routingFacts(
    request: Pick<ServiceRequest, 'categoryId' | 'allianceId' | 'requesterOrganizationId'>,
  ): Promise<RoutingFacts> {
    const { entities, raw } = await this.manager
      .getRepository(ServiceCategory)
      .createQueryBuilder('c')
      .addSelect(ROUTING_RULES_SQL, 'rules')
      .addSelect(
        '(SELECT paired_department_id FROM organization_directory WHERE id = :requester)',
        'paired_department_id',
      )
      .where('c.id = :id', {
        id: request.categoryId,
        allianceId: request.allianceId,
        requester: request.requesterOrganizationId,
      })
      .getRawAndEntities<{ rules: RoutingFacts['rules']; paired_department_id: string | null }>();
    const [category] = entities;
    if (!category) throw new EntityNotFoundError(ServiceCategory, { id: request.categoryId });
    await this.tenant.once(categoryKey(category.id), () => Promise.resolve(category));
    return { category, rules: raw[0].rules, pairedDepartmentId: raw[0].paired_department_id };
  }

  findByIdempotencyKey(requesterUserId: string, key: string): Promise<ServiceRequest | null> {
    return this.manager.getRepository(ServiceRequest).findOne({ where: { requesterUserId, idempotencyKey: key } });
  }

  save(request: Partial<ServiceRequest>): Promise<ServiceRequest> {
    return this.manager.getRepository(ServiceRequest).save(request);
  }

  async update(id: string, changes: Partial<ServiceRequest>): Promise<void> {
    await this.manager.getRepository(ServiceRequest).update({ id }, changes);
  }

  /** Whether a submission may be filed, and the request an earlier try with its idempotency key filed. */
  async checkSubmission(input: {
    categoryId: string;
    allianceId: string;
    organizationId: string;
    requesterUserId: string;
    idempotencyKey: string | null;
  }) {
    const [row] = await this.manager.query<
      { category_active: boolean; member: boolean; existing_id: string | null; existing_hash: string | null }[]
    >(SUBMISSION_CHECK_SQL, [
      input.categoryId,
      input.allianceId,
      input.organizationId,
      input.requesterUserId,
      input.idempotencyKey,
    ]);
    const existing = row.existing_id ? { id: row.existing_id, idempotencyRequestHash: row.existing_hash } : null;
    return { categoryActive: row.category_active, member: row.member, existing };
  }

  /** Stores a submission with its timeline entry and routing event; null when its idempotency key was taken meanwhile. */
  async insertSubmitted(submission: {
    tenantId: string;
    year: number;
    allianceId: string;
    organizationId: string;
    requesterUserId: string;
    categoryId: string;
    title: string;
    description: string;
    urgency: string;
    preferredContact: object;
    idempotencyKey: string | null;
    idempotencyRequestHash: string | null;
    submittedAt: Date;
    actorUserId: string;
    origin: Record<string, unknown>;
    /** The request's id, made by the caller so that its routing job can name it. */
    id: string;
    /** The routing job's outbox row, written by the same statement. */
    routing: Pick<OutboxEvent, 'queue' | 'jobName' | 'payload' | 'jobId'>;
  }): Promise<ServiceRequestView | null> {
    const s = submission;
    const [row] = await this.manager.query<ViewRow[]>(SUBMISSION_INSERT_SQL, [
      s.tenantId,
      s.year,
      `FW-${s.year}-`,
      s.allianceId,
      s.organizationId,
      s.requesterUserId,
      s.categoryId,
      s.title,
      s.description,
      s.urgency,
      s.preferredContact,
      s.idempotencyKey,
      s.submittedAt,
      s.actorUserId,
      s.origin,
      s.routing,
      s.id,
      s.idempotencyRequestHash,
    ]);
    return row ? toView(row) : null;
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
    const items = rows.slice(0, limit).map(toListView);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    };
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
    return pageOfRows(rows.map(toListView), limit, (r) => [r.slaState, r.resolveDueAt!.toISOString(), r.id]);
  }

  /** Adds a timeline entry; with a dedupe key a second identical entry is silently skipped. */
  async addEvent(entry: {
    tenantId: string;
    requestId: string;
    type: TimelineEntryType;
    actorUserId?: string | null;
    internal?: boolean;
    body?: string | null;
    data?: Record<string, unknown>;
    dedupeKey?: string;
  }): Promise<boolean> {
    const rows = await this.manager.query<{ id: string }[]>(
      `INSERT INTO service_request_events (tenant_id, request_id, type, actor_user_id, internal, body, data, dedupe_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (request_id, dedupe_key) DO NOTHING RETURNING id`,
      [
        entry.tenantId,
        entry.requestId,
        entry.type,
        entry.actorUserId || null,
        entry.internal ?? false,
        entry.body ?? null,
        entry.data ?? {},
        entry.dedupeKey ?? null,
      ],
    );
    return rows.length > 0;
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

  /** Active users of an organisation: its department staff, or an enterprise's contacts. */
  async staffOf(organizationId: string, { leadersOnly = false } = {}): Promise<string[]> {
    const rows = await this.manager.query<{ id: string }[]>(
      `SELECT id FROM people_directory WHERE organization_id = $1 AND status = 'active' ${leadersOnly ? 'AND is_leader' : ''}`,
      [organizationId],
    );
    return rows.map((r) => r.id);
  }

  /** The township's leaders, or all its officials when none is marked a leader. */
  async townshipLeaders(): Promise<string[]> {
    const rows = await this.manager.query<{ id: string; is_leader: boolean }[]>(
      `SELECT id, is_leader FROM people_directory WHERE role = 'township_admin' AND status = 'active' AND tenant_id = app_tenant_id()`,
    );
    const leaders = rows.filter((r) => r.is_leader);
    return (leaders.length > 0 ? leaders : rows).map((r) => r.id);
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

function toView(r: ViewRow): ServiceRequestView {
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
