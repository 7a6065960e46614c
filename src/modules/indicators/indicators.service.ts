import { Injectable } from '@nestjs/common';
import { Role } from '../../platform/auth/entities/role';
import { Clock } from '../../platform/clock/clock';
import { localDate } from '../../platform/clock/local-date';
import { uniqueViolation } from '../../platform/database/unique-violation';
import { DomainException, FieldProblem } from '../../platform/errors/domain.exception';
import { ErrorCode } from '../../platform/errors/error-code';
import { IndicatorNotification } from './indicators.notifications';
import { Notifier } from '../../platform/notifications/notifier.service';
import { decodeCursorParts, pageOfRows } from '../../platform/pagination/keyset';
import { DEFAULT_PAGE_SIZE, type Page, type PageQueryDto } from '../../platform/pagination/page.dto';
import type { Actor } from '../../platform/tenancy/request-actor';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import type { OpenRoundDto, RescheduleRoundDto, SaveSubmissionDto } from './dto/indicator.dto';
import type { ProgressRowView, RoundResultsView, RoundView, SubmissionView } from './dto/indicator.view';
import type { IndicatorRound, RoundField } from './entities/indicator-round.entity';
import { IndicatorRoundStatus } from './entities/indicator-round-status';
import { IndicatorSubmissionStatus } from './entities/indicator-submission-status';
import { type CatalogueEntry, INDICATOR_CATALOGUE } from './indicator-catalogue.view';
import { validateIndicatorValues } from './indicator-values';
import { IndicatorsRepository } from './indicators.repository';

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** Enterprise indicators: officials open a round, members report, results aggregate in SQL with year on year. */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly repository: IndicatorsRepository,
  ) {}

  async open(actor: Actor, input: OpenRoundDto): Promise<RoundView> {
    const problems: FieldProblem[] = [];
    const fields: RoundField[] = [];
    input.fields.forEach((f, i) => {
      const entry = INDICATOR_CATALOGUE.find((c) => c.key === f.key);
      if (!entry) problems.push({ field: `fields.${i}.key`, reason: 'unknownIndicator', args: [f.key] });
      else if (fields.some((x) => x.key === f.key))
        problems.push({ field: `fields.${i}.key`, reason: 'alreadyExists' });
      else
        fields.push({
          key: entry.key,
          type: entry.type,
          unit: entry.unit,
          min: entry.min,
          required: f.required ?? true,
        });
    });
    if (input.deadline < localDate(this.clock.now())) problems.push({ field: 'deadline', reason: 'notInPast' });
    const allianceName = await this.repository.allianceName(input.allianceId);
    if (allianceName === null) problems.push({ field: 'allianceId', reason: 'notFound' });
    if (problems.length > 0 || allianceName === null) throw DomainException.invalid(problems);
    const [year, quarter] = input.period.split('-Q').map(Number);
    let round: IndicatorRound;
    try {
      round = await this.repository.saveRound({
        tenantId: this.tenant.tenantId,
        allianceId: input.allianceId,
        period: input.period,
        year,
        quarter: quarter ?? null,
        deadline: input.deadline,
        fields,
        createdById: actor.userId,
      });
    } catch (error) {
      if (uniqueViolation(error))
        throw DomainException.conflict(ErrorCode.DuplicateValue, [{ field: 'period', reason: 'alreadyExists' }]);
      throw error;
    }
    const userIds = await this.repository.reportingPeople(input.allianceId);
    await this.notifier.notify({ userIds }, IndicatorNotification.IndicatorRoundOpened, {
      roundId: round.id,
      period: round.period,
      deadline: round.deadline,
      allianceName,
    });
    return this.get(actor, round.id);
  }

  /**
   * Officials: every round; members: the rounds of their alliances. The latest period first (a year
   * before its quarters, as NULLS FIRST had it), then the latest opened; a page at a time.
   */
  async list(actor: Actor, query: PageQueryDto): Promise<Page<RoundView>> {
    const official = actor.role === Role.TownshipAdmin;
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursorParts(query.cursor, ['number', 'number', 'timestamp', 'uuid']) : null;
    const rows = await this.repository.roundKeys(official, actor.organizationId, after, limit);
    const page = pageOfRows(rows, limit, (r) => [r.year, r.quarter_rank, r.created_at, r.id]);
    return {
      items: await this.views(
        actor,
        page.items.map((r) => r.id),
      ),
      nextCursor: page.nextCursor,
    };
  }

  async get(actor: Actor, id: string): Promise<RoundView> {
    const [view] = await this.views(actor, [id]);
    if (!view) throw DomainException.notFound();
    if (actor.role !== Role.TownshipAdmin && !(await this.reports(view.alliance.id, actor.organizationId)))
      throw DomainException.notFound();
    return view;
  }

  private async reports(allianceId: string, organizationId: string | null): Promise<boolean> {
    if (!organizationId) return false;
    return this.repository.reports(allianceId, organizationId);
  }

  private async views(actor: Actor, ids: string[]): Promise<RoundView[]> {
    if (ids.length === 0) return [];
    const rows = await this.repository.rounds(ids, actor.organizationId);
    return rows.map((r) => ({
      id: r.id,
      alliance: { id: r.alliance_id, name: r.alliance_name },
      period: r.period,
      year: r.year,
      quarter: r.quarter,
      deadline: r.deadline,
      fields: r.fields,
      status: r.status,
      expected: r.expected,
      submitted: r.submitted,
      mySubmissionStatus: r.my_status,
      createdAt: r.created_at,
    }));
  }

  async close(id: string): Promise<void> {
    if (!(await this.repository.updateRound(id, { status: IndicatorRoundStatus.Closed })))
      throw DomainException.notFound();
  }

  /** Officials move the deadline, e.g. to let late members report; a closed round opens again. */
  async reschedule(id: string, input: RescheduleRoundDto): Promise<void> {
    if (input.deadline < localDate(this.clock.now()))
      throw DomainException.invalid([{ field: 'deadline', reason: 'notInPast' }]);
    if (!(await this.repository.updateRound(id, { deadline: input.deadline, status: IndicatorRoundStatus.Open })))
      throw DomainException.notFound();
  }

  async submission(actor: Actor, roundId: string): Promise<SubmissionView> {
    const round = await this.get(actor, roundId);
    if (!actor.organizationId) throw DomainException.notFound();
    const row = await this.repository.submission(round.id, actor.organizationId);
    if (!row) throw DomainException.notFound();
    return {
      roundId,
      organization: { id: row.id, name: row.name },
      values: row.values ?? {},
      status: row.status,
      submittedAt: row.submitted_at,
    };
  }

  /** Saves the member's draft, or submits it; every wrong value is named with its reason. */
  async save(actor: Actor, roundId: string, input: SaveSubmissionDto): Promise<SubmissionView> {
    const round = await this.get(actor, roundId);
    if (!actor.organizationId) throw DomainException.forbidden();
    if (round.status !== IndicatorRoundStatus.Open)
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'roundId', reason: 'roundClosed' }]);
    // The deadline is the last day to report, in the township's calendar; only an official moving it lets a late member in.
    if (localDate(this.clock.now()) > round.deadline) {
      throw DomainException.conflict(ErrorCode.InvalidTransition, [
        { field: 'deadline', reason: 'deadlinePassed', args: [round.deadline] },
      ]);
    }
    const existing = await this.repository.findSubmission(roundId, actor.organizationId);
    if (existing?.status === IndicatorSubmissionStatus.Submitted) {
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'status', reason: 'alreadySubmitted' }]);
    }
    const problems: FieldProblem[] = [];
    const values = validateIndicatorValues(round.fields, input.values, input.submit ?? false, problems);
    if (problems.length > 0) throw DomainException.invalid(problems);
    const submitted = input.submit ?? false;
    await this.repository.upsertSubmission({
      tenantId: this.tenant.tenantId,
      roundId,
      organizationId: actor.organizationId,
      values,
      status: submitted ? IndicatorSubmissionStatus.Submitted : IndicatorSubmissionStatus.Draft,
      submittedAt: submitted ? this.clock.now() : null,
      submittedById: submitted ? actor.userId : null,
    });
    return this.submission(actor, roundId);
  }

  /** Officials: who has submitted, who has a draft, who has nothing yet. */
  /** Nothing yet first, then drafts, then submitted, each by name; a page at a time. */
  async progress(actor: Actor, roundId: string, query: PageQueryDto): Promise<Page<ProgressRowView>> {
    const round = await this.get(actor, roundId);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursorParts(query.cursor, ['number', 'text', 'uuid']) : null;
    const rows = await this.repository.progress(round.alliance.id, roundId, after, limit);
    const page = pageOfRows(rows, limit, (r) => [r.stage, r.name, r.id]);
    return {
      items: page.items.map((r) => ({
        organization: { id: r.id, name: r.name },
        status: r.status,
        submittedAt: r.submitted_at,
      })),
      nextCursor: page.nextCursor,
    };
  }

  /** The indicators a round may ask for, in the catalogue's order; the cursor holds the last key of a page. */
  catalogue(query: PageQueryDto): Page<CatalogueEntry> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    let start = 0;
    if (query.cursor) {
      const [afterKey] = decodeCursorParts(query.cursor, ['text']);
      start = INDICATOR_CATALOGUE.findIndex((entry) => entry.key === afterKey) + 1;
      if (start === 0) throw DomainException.invalid([{ field: 'cursor', reason: 'matches' }]);
    }
    return pageOfRows(INDICATOR_CATALOGUE.slice(start, start + limit + 1), limit, (entry) => [entry.key]);
  }

  /** Sum and average per field over the submitted figures, and the change on the same round a year before. */
  async results(actor: Actor, roundId: string): Promise<RoundResultsView> {
    const round = await this.get(actor, roundId);
    const rows = await this.repository.results(roundId);
    // Every row names the same previous round, if there was one.
    const previous = rows[0];
    return {
      roundId,
      period: round.period,
      expected: round.expected,
      submitted: round.submitted,
      submissionRate: round.expected > 0 ? round3(round.submitted / round.expected) : 0,
      previousRound:
        previous?.previous_id && previous.previous_period !== null
          ? { id: previous.previous_id, period: previous.previous_period }
          : null,
      fields: rows.map((r) => ({
        key: r.key,
        unit: r.unit,
        reported: r.reported,
        sum: r.sum,
        avg: r.avg,
        previousSum: r.previous_sum,
        yoyPercent: r.yoy_percent,
      })),
    };
  }
}
