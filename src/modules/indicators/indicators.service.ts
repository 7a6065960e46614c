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
import { IndicatorRound, IndicatorRoundStatus, RoundField } from './entities/indicator-round.entity';
import { IndicatorSubmission, IndicatorSubmissionStatus } from './entities/indicator-submission.entity';
import { type CatalogueEntry, INDICATOR_CATALOGUE } from './indicator-catalogue';
import { validateIndicatorValues } from './indicator-values';

/** Members who report: the lead and the member enterprises, not the departments. */
export const REPORTING_MEMBERS = `SELECT m.organization_id FROM alliance_membership_directory m
  WHERE m.alliance_id = $1 AND m.left_on IS NULL AND m.role IN ('lead', 'member')`;

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** Enterprise indicators: officials open a round, members report, results aggregate in SQL with year on year. */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  private get db() {
    return this.tenant.manager;
  }

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
    const [alliance] = await this.db.query<{ name: string }[]>('SELECT name FROM alliance_directory WHERE id = $1', [
      input.allianceId,
    ]);
    if (!alliance) problems.push({ field: 'allianceId', reason: 'notFound' });
    if (problems.length > 0) throw DomainException.invalid(problems);
    const [year, quarter] = input.period.split('-Q').map(Number);
    let round: IndicatorRound;
    try {
      round = await this.db.getRepository(IndicatorRound).save({
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
    const users = await this.db.query<{ id: string }[]>(
      `SELECT id FROM people_directory WHERE status = 'active' AND organization_id IN (${REPORTING_MEMBERS})`,
      [input.allianceId],
    );
    await this.notifier.notify({ userIds: users.map((u) => u.id) }, IndicatorNotification.IndicatorRoundOpened, {
      roundId: round.id,
      period: round.period,
      deadline: round.deadline,
      allianceName: alliance.name,
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
    const [afterYear, afterQuarter, afterCreatedAt, afterId] = query.cursor
      ? decodeCursorParts(query.cursor, ['number', 'number', 'timestamp', 'uuid'])
      : [null, null, null, null];
    const rows = await this.db.query<{ id: string; year: number; quarter_rank: number; created_at: string }[]>(
      `SELECT r.id, r.year, COALESCE(r.quarter, 5) AS quarter_rank, r.created_at::text AS created_at FROM indicator_rounds r
        WHERE ($1 OR EXISTS (SELECT 1 FROM alliance_membership_directory m WHERE m.alliance_id = r.alliance_id AND m.organization_id = $2
                              AND m.left_on IS NULL AND m.role IN ('lead', 'member')))
          AND ($6::uuid IS NULL OR (r.year, COALESCE(r.quarter, 5), r.created_at, r.id) < ($3::int, $4::int, $5::timestamptz, $6::uuid))
        ORDER BY r.year DESC, COALESCE(r.quarter, 5) DESC, r.created_at DESC, r.id DESC LIMIT $7`,
      [official, actor.organizationId, afterYear, afterQuarter, afterCreatedAt, afterId, limit + 1],
    );
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
    return (
      (await this.db.query(`${REPORTING_MEMBERS} AND m.organization_id = $2`, [allianceId, organizationId])).length > 0
    );
  }

  private async views(actor: Actor, ids: string[]): Promise<RoundView[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.query<Record<string, any>[]>(
      `SELECT r.*, r.deadline::text AS deadline, a.name AS alliance_name,
              (SELECT count(*)::int FROM alliance_membership_directory m WHERE m.alliance_id = r.alliance_id AND m.left_on IS NULL AND m.role IN ('lead', 'member')) AS expected,
              (SELECT count(*)::int FROM indicator_submissions s WHERE s.round_id = r.id AND s.status = 'submitted') AS submitted,
              (SELECT s.status FROM indicator_submissions s WHERE s.round_id = r.id AND s.organization_id = $2) AS my_status
         FROM indicator_rounds r JOIN alliance_directory a ON a.id = r.alliance_id
        WHERE r.id = ANY($1) ORDER BY r.year DESC, r.quarter DESC NULLS FIRST, r.created_at DESC, r.id DESC`,
      [ids, actor.organizationId],
    );
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
    const result = await this.db.getRepository(IndicatorRound).update({ id }, { status: IndicatorRoundStatus.Closed });
    if (!result.affected) throw DomainException.notFound();
  }

  /** Officials move the deadline, e.g. to let late members report; a closed round opens again. */
  async reschedule(id: string, input: RescheduleRoundDto): Promise<void> {
    if (input.deadline < localDate(this.clock.now()))
      throw DomainException.invalid([{ field: 'deadline', reason: 'notInPast' }]);
    const result = await this.db
      .getRepository(IndicatorRound)
      .update({ id }, { deadline: input.deadline, status: IndicatorRoundStatus.Open });
    if (!result.affected) throw DomainException.notFound();
  }

  async submission(actor: Actor, roundId: string): Promise<SubmissionView> {
    const round = await this.get(actor, roundId);
    if (!actor.organizationId) throw DomainException.notFound();
    const [row] = await this.db.query<Record<string, any>[]>(
      `SELECT o.id, o.name, s.values, s.status, s.submitted_at FROM organization_directory o
         LEFT JOIN indicator_submissions s ON s.organization_id = o.id AND s.round_id = $1 WHERE o.id = $2`,
      [round.id, actor.organizationId],
    );
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
    const existing = await this.db
      .getRepository(IndicatorSubmission)
      .findOneBy({ roundId, organizationId: actor.organizationId });
    if (existing?.status === IndicatorSubmissionStatus.Submitted) {
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'status', reason: 'alreadySubmitted' }]);
    }
    const problems: FieldProblem[] = [];
    const values = validateIndicatorValues(round.fields, input.values, input.submit ?? false, problems);
    if (problems.length > 0) throw DomainException.invalid(problems);
    const submitted = input.submit ?? false;
    await this.db.query(
      `INSERT INTO indicator_submissions (tenant_id, round_id, organization_id, values, status, submitted_at, submitted_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (round_id, organization_id) DO UPDATE SET values = EXCLUDED.values, status = EXCLUDED.status,
         submitted_at = EXCLUDED.submitted_at, submitted_by_id = EXCLUDED.submitted_by_id, updated_at = now()
       WHERE indicator_submissions.status = 'draft'`,
      [
        this.tenant.tenantId,
        roundId,
        actor.organizationId,
        values,
        submitted ? IndicatorSubmissionStatus.Submitted : IndicatorSubmissionStatus.Draft,
        submitted ? this.clock.now() : null,
        submitted ? actor.userId : null,
      ],
    );
    return this.submission(actor, roundId);
  }

  /** Officials: who has submitted, who has a draft, who has nothing yet. */
  /** Nothing yet first, then drafts, then submitted, each by name; a page at a time. */
  async progress(actor: Actor, roundId: string, query: PageQueryDto): Promise<Page<ProgressRowView>> {
    const round = await this.get(actor, roundId);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const [afterStage, afterName, afterId] = query.cursor
      ? decodeCursorParts(query.cursor, ['number', 'text', 'uuid'])
      : [null, null, null];
    const rows = await this.db.query<Record<string, any>[]>(
      `SELECT * FROM (
         SELECT o.id, o.name, s.status, s.submitted_at, CASE s.status WHEN 'draft' THEN 1 WHEN 'submitted' THEN 2 ELSE 0 END AS stage
           FROM organization_directory o LEFT JOIN indicator_submissions s ON s.organization_id = o.id AND s.round_id = $2
          WHERE o.id IN (${REPORTING_MEMBERS})) p
        WHERE $5::uuid IS NULL OR (p.stage, p.name, p.id) > ($3::int, $4::text, $5::uuid)
        ORDER BY p.stage, p.name, p.id LIMIT $6`,
      [round.alliance.id, roundId, afterStage, afterName, afterId, limit + 1],
    );
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
    const rows = await this.db.query<Record<string, any>[]>(
      `WITH r AS (SELECT * FROM indicator_rounds WHERE id = $1),
            prev AS (SELECT p.id, p.period FROM indicator_rounds p, r
                      WHERE p.alliance_id = r.alliance_id AND p.year = r.year - 1 AND p.quarter IS NOT DISTINCT FROM r.quarter),
            f AS (SELECT x.value->>'key' AS key, x.value->>'unit' AS unit, x.ord FROM r, jsonb_array_elements(r.fields) WITH ORDINALITY x(value, ord)),
            cur AS (SELECT f.key, count(s.values->f.key)::int AS reported, sum((s.values->>f.key)::numeric) AS sum, avg((s.values->>f.key)::numeric) AS avg
                      FROM f LEFT JOIN indicator_submissions s ON s.round_id = $1 AND s.status = 'submitted' AND s.values ? f.key GROUP BY f.key),
            old AS (SELECT f.key, sum((s.values->>f.key)::numeric) AS sum
                      FROM f JOIN prev ON true JOIN indicator_submissions s ON s.round_id = prev.id AND s.status = 'submitted' AND s.values ? f.key GROUP BY f.key)
       SELECT f.key, f.unit, cur.reported, cur.sum::float8 AS sum, round(cur.avg, 2)::float8 AS avg, old.sum::float8 AS previous_sum,
              CASE WHEN old.sum > 0 THEN round((cur.sum - old.sum) / old.sum * 100, 1)::float8 END AS yoy_percent,
              (SELECT id FROM prev) AS previous_id, (SELECT period FROM prev) AS previous_period
         FROM f JOIN cur ON cur.key = f.key LEFT JOIN old ON old.key = f.key ORDER BY f.ord`,
      [roundId],
    );
    return {
      roundId,
      period: round.period,
      expected: round.expected,
      submitted: round.submitted,
      submissionRate: round.expected > 0 ? round3(round.submitted / round.expected) : 0,
      previousRound: rows[0]?.previous_id ? { id: rows[0].previous_id, period: rows[0].previous_period } : null,
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
