import { Injectable } from '@nestjs/common';
import { EntityNotFoundError } from 'typeorm';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import {
  rememberTownshipSettings,
  type TownshipSettings,
  townshipSettingsJson,
} from '../../../platform/tenancy/township-settings';
import type { RoutingRule } from '../entities/routing-rule.entity';
import { ServiceCategory } from '../entities/service-category.entity';
import { ServiceRequest } from '../entities/service-request.entity';
import { categoryKey, partiesColumns, type PartiesRow } from '../service-requests.repository';

export interface RoutingFacts {
  category: ServiceCategory;
  rules: Pick<RoutingRule, 'id' | 'categoryId' | 'keywords' | 'targetOrganizationId'>[];
  pairedDepartmentId: string | null;
  /** 按历史分派: the alliance's switch (on unless an official turned it off). */
  routeByHistory: boolean;
  /** The departments serving the alliance now (its current members in the department role). */
  servingDepartmentIds: string[];
}

type FactsRow = {
  rules: RoutingFacts['rules'];
  paired_department_id: string | null;
  route_by_history: boolean | null;
  serving_department_ids: string[] | null;
  township: TownshipSettings | null;
};

const routingFactsKey = (requestId: string) => `routing-facts:${requestId}`;

/**
 * The columns of the facts besides the category, given the SQL of the request's alliance, enterprise
 * and township: the alliance's active rules in order, the enterprise's paired department, the
 * township's settings (deadlines, then quiet hours), and for routing by history the alliance's switch
 * and the departments serving it now (ix_alliance_memberships__alliance_role).
 */
const factsColumns = (of: { alliance: string; requester: string; tenant: string }): [string, string][] => [
  [
    `coalesce((
      SELECT json_agg(json_build_object('id', rr.id, 'categoryId', rr.category_id, 'keywords', rr.keywords, 'targetOrganizationId', rr.target_organization_id)
                      ORDER BY rr.priority, rr.created_at)
        FROM routing_rules rr WHERE rr.alliance_id = ${of.alliance} AND rr.active), '[]'::json)`,
    'rules',
  ],
  [`(SELECT paired_department_id FROM organization_directory WHERE id = ${of.requester})`, 'paired_department_id'],
  [townshipSettingsJson(of.tenant), 'township'],
  [
    `(SELECT s.route_by_history FROM alliance_routing_settings s WHERE s.tenant_id = ${of.tenant} AND s.alliance_id = ${of.alliance})`,
    'route_by_history',
  ],
  [
    `(SELECT array_agg(m.organization_id) FROM alliance_membership_directory m
       WHERE m.tenant_id = ${of.tenant} AND m.alliance_id = ${of.alliance} AND m.role = 'department' AND m.left_on IS NULL)`,
    'serving_department_ids',
  ],
];

/**
 * The active staff member with the fewest open requests; the longest-serving wins a tie. Each
 * count reads only ix_service_requests__handler_open (an index-only scan); joining the requests
 * and counting their ids fetched every open request's row, 56 ms for a department with 11,600.
 */
const leastLoadedHandler = (organization: string) => `(
  SELECT u.id FROM people_directory u
   WHERE u.organization_id = ${organization} AND u.status = 'active' AND u.role IN ('department_staff', 'enterprise_contact')
   ORDER BY (SELECT count(*) FROM service_requests r WHERE r.handler_id = u.id AND r.status IN ('routed', 'accepted', 'in_progress', 'returned')),
            u.created_at, u.id
   LIMIT 1)`;

@Injectable()
export class RoutingRepository {
  constructor(private readonly tenant: TenantContext) {}

  /**
   * Locks the request (as ServiceRequestsRepository.findForUpdate) and reads, in the same round
   * trip, what routing it weighs; `routingFacts` then answers from the job's memo. The facts are
   * read in the job's own transaction, so a rule changed a moment ago applies to the next job.
   */
  async lockWithFacts(id: string): Promise<ServiceRequest | null> {
    const query = this.tenant.manager
      .getRepository(ServiceRequest)
      .createQueryBuilder('request')
      .leftJoinAndMapOne('request.routingCategory', ServiceCategory, 'category', 'category.id = request.categoryId')
      .where('request.id = :id', { id })
      // Only the request's row: every job of a category would otherwise queue on the category's.
      .setLock('pessimistic_write', undefined, ['request']);
    const columns = factsColumns({
      alliance: 'request.alliance_id',
      requester: 'request.requester_organization_id',
      tenant: 'request.tenant_id',
    });
    for (const [sql, alias] of columns) query.addSelect(sql, alias);
    const { entities, raw } = await query.getRawAndEntities<FactsRow>();
    const request = entities[0] as (ServiceRequest & { routingCategory?: ServiceCategory }) | undefined;
    if (!request) return null;
    const category = request.routingCategory;
    delete request.routingCategory;
    if (category) {
      const facts = await this.remember(request, category, raw[0]);
      await this.tenant.once(routingFactsKey(id), () => Promise.resolve(facts));
    }
    return request;
  }

  /** What routing a request weighs, in one round trip (none when `lockWithFacts` read it). */
  routingFacts(
    request: Pick<ServiceRequest, 'id' | 'tenantId' | 'categoryId' | 'allianceId' | 'requesterOrganizationId'>,
  ): Promise<RoutingFacts> {
    return this.tenant.once(routingFactsKey(request.id), async () => {
      const query = this.tenant.manager
        .getRepository(ServiceCategory)
        .createQueryBuilder('category')
        .where('category.id = :id', {
          id: request.categoryId,
          allianceId: request.allianceId,
          requester: request.requesterOrganizationId,
          tenantId: request.tenantId,
        });
      const columns = factsColumns({ alliance: ':allianceId', requester: ':requester', tenant: ':tenantId' });
      for (const [sql, alias] of columns) query.addSelect(sql, alias);
      const { entities, raw } = await query.getRawAndEntities<FactsRow>();
      const [category] = entities;
      if (!category) throw new EntityNotFoundError(ServiceCategory, { id: request.categoryId });
      return this.remember(request, category, raw[0]);
    });
  }

  async leastLoadedHandler(organizationId: string): Promise<string | null> {
    const [row] = await this.tenant.manager.query<{ id: string | null }[]>(`SELECT ${leastLoadedHandler('$1')} AS id`, [
      organizationId,
    ]);
    return row.id;
  }

  /** The same, with the parties the request's announcement names (ServiceRequestsRepository.parties), in one round trip. */
  async leastLoadedHandlerAndParties(
    organizationId: string,
    requesterOrganizationId: string,
  ): Promise<{ handlerId: string | null; parties: PartiesRow }> {
    const [row] = await this.tenant.manager.query<(PartiesRow & { handler_id: string | null })[]>(
      `SELECT ${leastLoadedHandler('$1')} AS handler_id, ${partiesColumns('$2', '$1')}`,
      [organizationId, requesterOrganizationId],
    );
    const { handler_id: handlerId, ...parties } = row;
    return { handlerId, parties };
  }

  /**
   * Up to `limit` other requests of the township submitted since `since` and still waiting to be
   * routed, oldest first, locked for the rest of the transaction (ix_service_requests__waiting).
   * Rows another transaction holds (a job routing them, another job's companions) are skipped,
   * never waited for.
   */
  async lockWaiting(exceptId: string, since: Date, limit: number, skip: string[]): Promise<string[]> {
    const rows = await this.tenant.manager.query<{ id: string }[]>(
      `SELECT id FROM service_requests
        WHERE status = 'submitted' AND created_at >= $2 AND id <> $1 AND id <> ALL($4::uuid[])
        ORDER BY created_at LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [exceptId, since, limit, skip],
    );
    return rows.map((r) => r.id);
  }

  /** A savepoint in the current transaction, to take back part of it (`rollbackToSavepoint`). */
  async savepoint(name: string): Promise<void> {
    await this.tenant.manager.query(`SAVEPOINT ${name}`);
  }

  async rollbackToSavepoint(name: string): Promise<void> {
    await this.tenant.manager.query(`ROLLBACK TO SAVEPOINT ${name}`);
  }

  /** Requests submitted between the two instants and still not routed, whose routing event is not waiting in the outbox; the oldest 500. */
  async stuckSubmitted(from: Date, to: Date): Promise<string[]> {
    const rows = await this.tenant.manager.query<{ id: string }[]>(
      // A request whose routing event still waits in the outbox (no worker has relayed it yet) is not lost.
      `SELECT r.id FROM service_requests r
        WHERE r.status = 'submitted' AND r.created_at BETWEEN $1 AND $2
          AND NOT EXISTS (SELECT 1 FROM outbox_events o WHERE o.published_at IS NULL AND o.job_id = 'route-' || r.id)
        ORDER BY r.created_at LIMIT 500`,
      [from, to],
    );
    return rows.map((r) => r.id);
  }

  async statusOf(requestId: string): Promise<string | undefined> {
    const [row] = await this.tenant.manager.query<{ status: string }[]>(
      'SELECT status FROM service_requests WHERE id = $1',
      [requestId],
    );
    return row?.status;
  }

  /** The category (for the SLA planning that follows) and the settings, remembered for the rest of the job. */
  private async remember(
    request: Pick<ServiceRequest, 'tenantId'>,
    category: ServiceCategory,
    row: FactsRow,
  ): Promise<RoutingFacts> {
    await this.tenant.once(categoryKey(category.id), () => Promise.resolve(category));
    await rememberTownshipSettings(this.tenant, request.tenantId, row.township);
    return {
      category,
      rules: row.rules,
      pairedDepartmentId: row.paired_department_id,
      routeByHistory: row.route_by_history ?? true,
      servingDepartmentIds: row.serving_department_ids ?? [],
    };
  }
}
