import { Injectable } from '@nestjs/common';
import { Role } from '../../platform/auth/entities/role';
import { Clock } from '../../platform/clock/clock';
import { localDate } from '../../platform/clock/local-date';
import { DomainException } from '../../platform/errors/domain.exception';
import { decodeCursorParts, pageOfRows } from '../../platform/pagination/keyset';
import { DEFAULT_PAGE_SIZE, type Page, type PageQueryDto } from '../../platform/pagination/page.dto';
import type { Actor } from '../../platform/tenancy/request-actor';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { ServiceRequestsService } from '../service-requests/service-requests.service';
import type {
  CreatePairDto,
  ListPairsQuery,
  LogVisitDto,
  PairingVisitView,
  PairView,
  ProblemRequestView,
  ProblemToRequestDto,
  UpdatePairDto,
} from './dto/pairing.dto';
import { PairingPair } from './entities/pairing-pair.entity';
import { PairingVisitProblem } from './entities/pairing-visit-problem.entity';
import { PairingVisit } from './entities/pairing-visit.entity';

/** A pair's next visit: due `interval_days` after the last visit, or after the pairing itself. */
export const PAIR_STATUS_SQL = `
  SELECT p.*, u.display_name AS official_name, o.name AS organization_name, to_char(last.visited_on, 'YYYY-MM-DD') AS last_visit_on, last.visits,
         to_char(COALESCE(last.visited_on, (p.created_at AT TIME ZONE 'Asia/Shanghai')::date) + p.interval_days, 'YYYY-MM-DD') AS due_on
    FROM pairing_pairs p JOIN people_directory u ON u.id = p.official_user_id JOIN organization_directory o ON o.id = p.organization_id
    LEFT JOIN LATERAL (SELECT max(v.visited_on) AS visited_on, count(*)::int AS visits FROM pairing_visits v WHERE v.pair_id = p.id) last ON true`;

/** Pairing contact (结对联系): officials paired with enterprises, their visits, and the problems raised. */
@Injectable()
export class PairingService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly requests: ServiceRequestsService,
    private readonly clock: Clock,
  ) {}

  /** Active pairs first, the most overdue first, then by enterprise; a page at a time. */
  async pairs(actor: Actor, query: ListPairsQuery): Promise<Page<PairView>> {
    const today = localDate(this.clock.now());
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const [afterInactive, afterDueOn, afterName, afterId] = query.cursor
      ? decodeCursorParts(query.cursor, ['boolean', 'date', 'text', 'uuid'])
      : [null, null, null, null];
    const rows = await this.tenant.manager.query<Record<string, any>[]>(
      `SELECT * FROM (${PAIR_STATUS_SQL}) s WHERE ($1 OR s.official_user_id = $2) AND (NOT $3 OR (s.active AND s.due_on < $4))
          AND ($8::uuid IS NULL OR (NOT s.active, s.due_on, s.organization_name, s.id) > ($5::boolean, $6::text, $7::text, $8::uuid))
        ORDER BY NOT s.active, s.due_on, s.organization_name, s.id LIMIT $9`,
      [
        query.all === 'true',
        actor.userId,
        query.overdue === 'true',
        today,
        afterInactive,
        afterDueOn,
        afterName,
        afterId,
        limit + 1,
      ],
    );
    const page = pageOfRows(rows, limit, (r) => [!r.active, r.due_on, r.organization_name, r.id]);
    return { items: page.items.map((r) => this.pairView(r, today)), nextCursor: page.nextCursor };
  }

  async createPair(input: CreatePairDto): Promise<PairView> {
    const [official] = await this.tenant.manager.query(
      `SELECT 1 FROM people_directory WHERE id = $1 AND role = 'township_admin'`,
      [input.officialUserId],
    );
    if (!official) throw DomainException.invalid([{ field: 'officialUserId', reason: 'notAnOfficial' }]);
    const [enterprise] = await this.tenant.manager.query(
      `SELECT 1 FROM organization_directory WHERE id = $1 AND kind = 'enterprise'`,
      [input.organizationId],
    );
    if (!enterprise) throw DomainException.invalid([{ field: 'organizationId', reason: 'notAnEnterprise' }]);
    const pair = await this.tenant.manager.getRepository(PairingPair).save({
      tenantId: this.tenant.tenantId,
      officialUserId: input.officialUserId,
      organizationId: input.organizationId,
      intervalDays: input.intervalDays ?? 30,
    });
    return this.pair(pair.id);
  }

  async updatePair(id: string, input: UpdatePairDto): Promise<PairView> {
    const repo = this.tenant.manager.getRepository(PairingPair);
    if (!(await repo.findOneBy({ id }))) throw DomainException.notFound();
    await repo.update(
      { id },
      {
        ...(input.intervalDays !== undefined && { intervalDays: input.intervalDays }),
        ...(input.active !== undefined && { active: input.active }),
      },
    );
    return this.pair(id);
  }

  async pair(id: string): Promise<PairView> {
    const [row] = await this.tenant.manager.query<Record<string, any>[]>(
      `SELECT * FROM (${PAIR_STATUS_SQL}) s WHERE s.id = $1`,
      [id],
    );
    if (!row) throw DomainException.notFound();
    return this.pairView(row, localDate(this.clock.now()));
  }

  async logVisit(actor: Actor, pairId: string, input: LogVisitDto): Promise<PairingVisitView> {
    const pair = await this.tenant.manager.getRepository(PairingPair).findOneBy({ id: pairId });
    if (!pair) throw DomainException.notFound();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.visitedOn))
      throw DomainException.invalid([{ field: 'visitedOn', reason: 'isIso8601' }]);
    if (input.visitedOn > localDate(this.clock.now()))
      throw DomainException.invalid([{ field: 'visitedOn', reason: 'inFuture' }]);
    const tenantId = this.tenant.tenantId;
    const visit = await this.tenant.manager.getRepository(PairingVisit).save({
      tenantId,
      pairId,
      visitedOn: input.visitedOn,
      peopleMet: input.peopleMet.trim(),
      notes: input.notes?.trim() || null,
      recordedById: actor.userId,
    });
    const problems = (input.problems ?? []).map((p) => p.trim()).filter((p) => p.length > 0);
    if (problems.length > 0) {
      await this.tenant.manager
        .getRepository(PairingVisitProblem)
        .save(problems.map((description, position) => ({ tenantId, visitId: visit.id, position, description })));
    }
    return this.visit(visit.id);
  }

  /** The latest visit first (by day, then as logged); a page at a time. */
  async visits(pairId: string, query: PageQueryDto): Promise<Page<PairingVisitView>> {
    if (!(await this.tenant.manager.getRepository(PairingPair).findOneBy({ id: pairId })))
      throw DomainException.notFound();
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const [afterVisitedOn, afterCreatedAt, afterId] = query.cursor
      ? decodeCursorParts(query.cursor, ['date', 'timestamp', 'uuid'])
      : [null, null, null];
    const rows = await this.tenant.manager.query<{ id: string; visited_on: string; created_at: string }[]>(
      `SELECT id, visited_on::text AS visited_on, created_at::text AS created_at FROM pairing_visits
        WHERE pair_id = $1 AND ($4::uuid IS NULL OR (visited_on, created_at, id) < ($2::date, $3::timestamptz, $4::uuid))
        ORDER BY visited_on DESC, created_at DESC, id DESC LIMIT $5`,
      [pairId, afterVisitedOn, afterCreatedAt, afterId, limit + 1],
    );
    const page = pageOfRows(rows, limit, (r) => [r.visited_on, r.created_at, r.id]);
    return { items: await this.visitViews(page.items.map((r) => r.id)), nextCursor: page.nextCursor };
  }

  async visit(id: string): Promise<PairingVisitView> {
    const [view] = await this.visitViews([id]);
    if (!view) throw DomainException.notFound();
    return view;
  }

  /**
   * Turns a problem raised on a visit into a service request filed on behalf of the enterprise, in one
   * step. The problem row is locked, so concurrent calls queue; the second finds the request and
   * returns it (and the idempotency key stops a duplicate even if the link were lost).
   */
  async problemToRequest(
    actor: Actor,
    visitId: string,
    index: number,
    input: ProblemToRequestDto,
  ): Promise<ProblemRequestView> {
    const visit = await this.tenant.manager.getRepository(PairingVisit).findOneBy({ id: visitId });
    if (!visit) throw DomainException.notFound();
    const problem = await this.tenant.manager
      .getRepository(PairingVisitProblem)
      .findOne({ where: { visitId, position: index }, lock: { mode: 'pessimistic_write' } });
    if (!problem) throw DomainException.invalid([{ field: 'index', reason: 'noSuchProblem', args: [index] }]);
    if (problem.serviceRequestId)
      return { replayed: true, visitId, index, serviceRequest: await this.requestSummary(problem.serviceRequestId) };

    const pair = await this.tenant.manager.getRepository(PairingPair).findOneByOrFail({ id: visit.pairId });
    const [category] = await this.tenant.manager.query<{ alliance_id: string }[]>(
      'SELECT alliance_id FROM service_category_directory WHERE id = $1 AND active',
      [input.categoryId],
    );
    if (!category) throw DomainException.invalid([{ field: 'categoryId', reason: 'notFound' }]);
    const [member] = await this.tenant.manager.query(
      `SELECT 1 FROM alliance_membership_directory WHERE alliance_id = $1 AND organization_id = $2 AND left_on IS NULL AND role IN ('lead', 'member')`,
      [category.alliance_id, pair.organizationId],
    );
    if (!member) throw DomainException.invalid([{ field: 'categoryId', reason: 'notPairMember' }]);
    const firstLine = problem.description.split('\n')[0].trim();
    const title = (input.title?.trim() || (firstLine.length >= 2 ? firstLine : problem.description)).slice(0, 200);
    const description = `${problem.description}\n\n（结对走访 ${visit.visitedOn} 提出，见走访记录 / raised on the pairing visit of ${visit.visitedOn}）`;
    const { request, replayed } = await this.requests.submitOnBehalf(
      actor,
      pair.organizationId,
      {
        allianceId: category.alliance_id,
        categoryId: input.categoryId,
        title,
        description: description.length >= 5 ? description : `${description}…`,
        urgency: input.urgency,
      },
      `pairing-problem:${problem.id}`,
      { source: 'pairing-visit', pairingVisitId: visit.id, problemIndex: index },
    );
    await this.tenant.manager
      .getRepository(PairingVisitProblem)
      .update({ id: problem.id }, { serviceRequestId: request.id });
    return {
      replayed,
      visitId,
      index,
      serviceRequest: { id: request.id, number: request.number, status: request.status },
    };
  }

  private async requestSummary(id: string): Promise<{ id: string; number: string; status: string }> {
    const [row] = await this.tenant.manager.query<{ id: string; number: string; status: string }[]>(
      'SELECT id, number, status FROM service_request_directory WHERE id = $1',
      [id],
    );
    return row;
  }

  private pairView(r: Record<string, any>, today: string): PairView {
    const dueOn: string = r.due_on;
    const lastVisitOn: string | null = r.last_visit_on;
    const overdue = r.active && dueOn < today;
    return {
      id: r.id,
      official: { id: r.official_user_id, name: r.official_name },
      organization: { id: r.organization_id, name: r.organization_name },
      intervalDays: r.interval_days,
      active: r.active,
      lastVisitOn,
      dueOn,
      overdue,
      daysOverdue: overdue ? Math.round((Date.parse(today) - Date.parse(dueOn)) / 86_400_000) : 0,
      visitCount: r.visits ?? 0,
    };
  }

  private async visitViews(ids: string[]): Promise<PairingVisitView[]> {
    if (ids.length === 0) return [];
    const visits = await this.tenant.manager.query<Record<string, any>[]>(
      `SELECT v.*, to_char(v.visited_on, 'YYYY-MM-DD') AS day, p.organization_id, o.name AS organization_name, p.official_user_id,
              u.display_name AS official_name, r.display_name AS recorder_name
         FROM pairing_visits v JOIN pairing_pairs p ON p.id = v.pair_id JOIN organization_directory o ON o.id = p.organization_id
         JOIN people_directory u ON u.id = p.official_user_id JOIN people_directory r ON r.id = v.recorded_by_id
        WHERE v.id = ANY($1) ORDER BY v.visited_on DESC, v.created_at DESC, v.id DESC`,
      [ids],
    );
    const problems = await this.tenant.manager.query<Record<string, any>[]>(
      `SELECT pr.visit_id, pr.position, pr.description, s.id AS request_id, s.number, s.status
         FROM pairing_visit_problems pr LEFT JOIN service_request_directory s ON s.id = pr.service_request_id
        WHERE pr.visit_id = ANY($1) ORDER BY pr.position`,
      [ids],
    );
    return visits.map((v) => ({
      id: v.id,
      pairId: v.pair_id,
      organization: { id: v.organization_id, name: v.organization_name },
      official: { id: v.official_user_id, name: v.official_name },
      visitedOn: v.day,
      peopleMet: v.people_met,
      notes: v.notes,
      recordedBy: { id: v.recorded_by_id, name: v.recorder_name },
      problems: problems
        .filter((p) => p.visit_id === v.id)
        .map((p) => ({
          index: p.position,
          description: p.description,
          serviceRequest: p.request_id ? { id: p.request_id, number: p.number, status: p.status } : null,
        })),
    }));
  }
}

/** Only officials run pairing contact. */
export function assertOfficial(actor: Actor): void {
  if (actor.role !== Role.TownshipAdmin) throw DomainException.forbidden();
}
