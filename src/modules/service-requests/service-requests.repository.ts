import { Injectable } from '@nestjs/common';
import { EntityNotFoundError, type EntityManager } from 'typeorm';
import type { OutboxEvent } from '../../platform/outbox/outbox-event.entity';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import {
  rememberTownshipSettings,
  type TownshipSettings,
  townshipSettingsJson,
} from '../../platform/tenancy/township-settings';
import type { ServiceRequestView } from './dto/service-request.dto';
import { TimelineEntryType } from './entities/service-request-event.entity';
import type { RoutingRule } from './entities/routing-rule.entity';
import { ServiceCategory } from './entities/service-category.entity';
import { ServiceRequest } from './entities/service-request.entity';
import { toView, type ViewRow } from './service-request-views.repository';
import { SUBMISSION_CHECK_SQL, SUBMISSION_INSERT_SQL } from './submission.sql';

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

export interface RequestParties {
  requester: string;
  provider: string;
  staff: string[];
}

export type PartiesRow = { requester: string | null; provider: string | null; staff: string[] };

const partiesKey = (requester: string, provider: string | null) => `request-parties:${requester}:${provider}`;

/** The columns of `parties`, for a statement that reads them beside its own: placeholders of the two organisations. */
export const partiesColumns = (requester: string, provider: string) =>
  `(SELECT name FROM organization_directory WHERE id = ${requester}) AS requester,
   (SELECT name FROM organization_directory WHERE id = ${provider}) AS provider,
   ARRAY(SELECT id FROM people_directory WHERE organization_id = ${provider} AND status = 'active' ORDER BY created_at, id)::text[] AS staff`;

const toParties = (row: PartiesRow): RequestParties => ({
  requester: row.requester ?? '',
  provider: row.provider ?? '',
  staff: row.staff,
});

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
   * What routing a request weighs, in one round trip: its category, the alliance's active rules in
   * order, and the enterprise's paired department; with the township's settings, remembered with the
   * category for the SLA planning and the notifications that follow.
   */
  async routingFacts(
    request: Pick<ServiceRequest, 'tenantId' | 'categoryId' | 'allianceId' | 'requesterOrganizationId'>,
  ): Promise<RoutingFacts> {
    const { entities, raw } = await this.manager
      .getRepository(ServiceCategory)
      .createQueryBuilder('c')
      .addSelect(ROUTING_RULES_SQL, 'rules')
      .addSelect(
        '(SELECT paired_department_id FROM organization_directory WHERE id = :requester)',
        'paired_department_id',
      )
      .addSelect(townshipSettingsJson(':tenantId'), 'township')
      .where('c.id = :id', {
        id: request.categoryId,
        allianceId: request.allianceId,
        requester: request.requesterOrganizationId,
        tenantId: request.tenantId,
      })
      .getRawAndEntities<{
        rules: RoutingFacts['rules'];
        paired_department_id: string | null;
        township: TownshipSettings | null;
      }>();
    const [category] = entities;
    if (!category) throw new EntityNotFoundError(ServiceCategory, { id: request.categoryId });
    await this.tenant.once(categoryKey(category.id), () => Promise.resolve(category));
    await rememberTownshipSettings(this.tenant, request.tenantId, raw[0].township);
    return { category, rules: raw[0].rules, pairedDepartmentId: raw[0].paired_department_id };
  }

  /**
   * Both organisations' names and the serving organisation's active staff, once per job or request:
   * one round trip, from the directories' exported views (what their names() and activeStaff() answer).
   */
  parties(requesterOrganizationId: string, providerOrganizationId: string | null): Promise<RequestParties> {
    return this.tenant.once(partiesKey(requesterOrganizationId, providerOrganizationId), async () => {
      const [row] = await this.manager.query<PartiesRow[]>(`SELECT ${partiesColumns('$1', '$2')}`, [
        requesterOrganizationId,
        providerOrganizationId,
      ]);
      return toParties(row);
    });
  }

  /** Parties that a caller's own statement read (`partiesColumns`), for `parties` to answer. */
  async rememberParties(
    requesterOrganizationId: string,
    providerOrganizationId: string | null,
    row: PartiesRow,
  ): Promise<void> {
    await this.tenant.once(partiesKey(requesterOrganizationId, providerOrganizationId), () =>
      Promise.resolve(toParties(row)),
    );
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
}
