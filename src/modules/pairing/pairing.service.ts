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
import { PairingRepository, type PairStatusRow } from './pairing.repository';
import { PeopleDirectory } from '../users/people-directory.service';
import { OrganizationDirectory } from '../organizations/organization-directory.service';
import { OrganizationKind } from '../organizations/entities/organization-kind';

/** Pairing contact (结对联系): officials paired with enterprises, their visits, and the problems raised. */
@Injectable()
export class PairingService {
  constructor(
    private readonly organizationDirectory: OrganizationDirectory,
    private readonly peopleDirectory: PeopleDirectory,
    private readonly tenant: TenantContext,
    private readonly requests: ServiceRequestsService,
    private readonly clock: Clock,
    private readonly repository: PairingRepository,
  ) {}

  /** Active pairs first, the most overdue first, then by enterprise; a page at a time. */
  async pairs(actor: Actor, query: ListPairsQuery): Promise<Page<PairView>> {
    const today = localDate(this.clock.now());
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.repository.pairs({
      all: query.all === 'true',
      officialUserId: actor.userId,
      overdueOnly: query.overdue === 'true',
      today,
      after: query.cursor ? decodeCursorParts(query.cursor, ['boolean', 'date', 'text', 'uuid']) : null,
      limit,
    });
    const page = pageOfRows(rows, limit, (r) => [!r.active, r.due_on, r.organization_name, r.id]);
    return { items: page.items.map((r) => this.pairView(r, today)), nextCursor: page.nextCursor };
  }

  async createPair(input: CreatePairDto): Promise<PairView> {
    if ((await this.peopleDirectory.person(input.officialUserId))?.role !== Role.TownshipAdmin)
      throw DomainException.invalid([{ field: 'officialUserId', reason: 'notAnOfficial' }]);
    if ((await this.organizationDirectory.find(input.organizationId))?.kind !== OrganizationKind.Enterprise)
      throw DomainException.invalid([{ field: 'organizationId', reason: 'notAnEnterprise' }]);
    const pair = await this.repository.savePair({
      tenantId: this.tenant.tenantId,
      officialUserId: input.officialUserId,
      organizationId: input.organizationId,
      intervalDays: input.intervalDays ?? 30,
    });
    return this.pair(pair.id);
  }

  async updatePair(id: string, input: UpdatePairDto): Promise<PairView> {
    if (!(await this.repository.findPair(id))) throw DomainException.notFound();
    await this.repository.updatePair(id, {
      ...(input.intervalDays !== undefined && { intervalDays: input.intervalDays }),
      ...(input.active !== undefined && { active: input.active }),
    });
    return this.pair(id);
  }

  async pair(id: string): Promise<PairView> {
    const row = await this.repository.pairStatus(id);
    if (!row) throw DomainException.notFound();
    return this.pairView(row, localDate(this.clock.now()));
  }

  async logVisit(actor: Actor, pairId: string, input: LogVisitDto): Promise<PairingVisitView> {
    const pair = await this.repository.findPair(pairId);
    if (!pair) throw DomainException.notFound();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.visitedOn))
      throw DomainException.invalid([{ field: 'visitedOn', reason: 'isIso8601' }]);
    if (input.visitedOn > localDate(this.clock.now()))
      throw DomainException.invalid([{ field: 'visitedOn', reason: 'inFuture' }]);
    const tenantId = this.tenant.tenantId;
    const visit = await this.repository.saveVisit({
      tenantId,
      pairId,
      visitedOn: input.visitedOn,
      peopleMet: input.peopleMet.trim(),
      notes: input.notes?.trim() || null,
      recordedById: actor.userId,
    });
    const problems = (input.problems ?? []).map((p) => p.trim()).filter((p) => p.length > 0);
    if (problems.length > 0) {
      await this.repository.saveProblems(
        problems.map((description, position) => ({ tenantId, visitId: visit.id, position, description })),
      );
    }
    return this.visit(visit.id);
  }

  /** The latest visit first (by day, then as logged); a page at a time. */
  async visits(pairId: string, query: PageQueryDto): Promise<Page<PairingVisitView>> {
    if (!(await this.repository.findPair(pairId))) throw DomainException.notFound();
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursorParts(query.cursor, ['date', 'timestamp', 'uuid']) : null;
    const rows = await this.repository.visitKeys(pairId, after, limit);
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
    const visit = await this.repository.findVisit(visitId);
    if (!visit) throw DomainException.notFound();
    const problem = await this.repository.lockProblem(visitId, index);
    if (!problem) throw DomainException.invalid([{ field: 'index', reason: 'noSuchProblem', args: [index] }]);
    if (problem.serviceRequestId)
      return { replayed: true, visitId, index, serviceRequest: await this.requestSummary(problem.serviceRequestId) };

    const pair = await this.repository.findPairOrFail(visit.pairId);
    const allianceId = await this.repository.activeCategoryAlliance(input.categoryId);
    if (allianceId === null) throw DomainException.invalid([{ field: 'categoryId', reason: 'notFound' }]);
    if (!(await this.repository.isMember(allianceId, pair.organizationId)))
      throw DomainException.invalid([{ field: 'categoryId', reason: 'notPairMember' }]);
    const firstLine = problem.description.split('\n')[0].trim();
    const title = (input.title?.trim() || (firstLine.length >= 2 ? firstLine : problem.description)).slice(0, 200);
    const description = `${problem.description}\n\n（结对走访 ${visit.visitedOn} 提出，见走访记录 / raised on the pairing visit of ${visit.visitedOn}）`;
    const { request, replayed } = await this.requests.submitOnBehalf(
      actor,
      pair.organizationId,
      {
        allianceId,
        categoryId: input.categoryId,
        title,
        description: description.length >= 5 ? description : `${description}…`,
        urgency: input.urgency,
      },
      `pairing-problem:${problem.id}`,
      { source: 'pairing-visit', pairingVisitId: visit.id, problemIndex: index },
    );
    await this.repository.linkProblem(problem.id, request.id);
    return {
      replayed,
      visitId,
      index,
      serviceRequest: { id: request.id, number: request.number, status: request.status },
    };
  }

  private async requestSummary(id: string): Promise<{ id: string; number: string; status: string }> {
    const row = await this.repository.requestSummary(id);
    if (!row) throw DomainException.notFound();
    return row;
  }

  private pairView(r: PairStatusRow, today: string): PairView {
    const dueOn = r.due_on;
    const lastVisitOn = r.last_visit_on;
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
    const visits = await this.repository.visits(ids);
    const problems = await this.repository.problems(ids);
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
