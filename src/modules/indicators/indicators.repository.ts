import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CursorPart } from '../../platform/pagination/keyset';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import type { IndicatorRoundStatus } from './entities/indicator-round-status';
import { IndicatorRound, type RoundField } from './entities/indicator-round.entity';
import type { IndicatorSubmissionStatus } from './entities/indicator-submission-status';
import { IndicatorSubmission } from './entities/indicator-submission.entity';
import { REPORTING_MEMBERS } from './reporting-members.view';

/** A round's keyset row: the id and its sort keys (a yearly round ranks as quarter 5). */
export interface RoundKeyRow {
  id: string;
  year: number;
  quarter_rank: number;
  created_at: string;
}

/** A round with its alliance's name and its counts, as the views show it. */
export interface RoundRow {
  id: string;
  alliance_id: string;
  alliance_name: string;
  period: string;
  year: number;
  quarter: number | null;
  deadline: string;
  fields: RoundField[];
  status: IndicatorRoundStatus;
  expected: number;
  submitted: number;
  /** The asking organisation's submission status; null when it has saved nothing. */
  my_status: IndicatorSubmissionStatus | null;
  created_at: Date;
}

/** An organisation and its submission to a round, if any. */
export interface SubmissionRow {
  id: string;
  name: string;
  values: Record<string, number> | null;
  status: IndicatorSubmissionStatus | null;
  submitted_at: Date | null;
}

/** A reporting member's progress on a round; stage 0 nothing yet, 1 draft, 2 submitted. */
export interface ProgressRow {
  id: string;
  name: string;
  status: IndicatorSubmissionStatus | null;
  submitted_at: Date | null;
  stage: number;
}

/** One field's aggregate over the submitted figures, and over those of the same round a year before. */
export interface FieldResultRow {
  key: string;
  unit: string;
  reported: number;
  sum: number | null;
  avg: number | null;
  previous_sum: number | null;
  yoy_percent: number | null;
  previous_id: string | null;
  previous_period: string | null;
}

/** A reporting member that has not submitted an open round due within the reminder window. */
export interface MissingSubmissionRow {
  round_id: string;
  period: string;
  deadline: string;
  days_left: number;
  organization_id: string;
}

/** The submission a member saves: a draft, or submitted with when and by whom. */
export interface SubmissionUpsert {
  tenantId: string;
  roundId: string;
  organizationId: string;
  values: Record<string, number>;
  status: IndicatorSubmissionStatus;
  submittedAt: Date | null;
  submittedById: string | null;
}

/** The indicators module's queries: its own tables, and the directories other modules export. */
@Injectable()
export class IndicatorsRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  async allianceName(id: string): Promise<string | null> {
    const [row] = await this.manager.query<{ name: string }[]>('SELECT name FROM alliance_directory WHERE id = $1', [
      id,
    ]);
    return row ? row.name : null;
  }

  saveRound(round: Partial<IndicatorRound>): Promise<IndicatorRound> {
    return this.manager.getRepository(IndicatorRound).save(round);
  }

  /** Changes a round; false when there is none. */
  async updateRound(id: string, changes: Partial<IndicatorRound>): Promise<boolean> {
    const result = await this.manager.getRepository(IndicatorRound).update({ id }, changes);
    return !!result.affected;
  }

  /** The active people of the alliance's reporting members. */
  async reportingPeople(allianceId: string): Promise<string[]> {
    const rows = await this.manager.query<{ id: string }[]>(
      `SELECT id FROM people_directory WHERE status = 'active' AND organization_id IN (${REPORTING_MEMBERS})`,
      [allianceId],
    );
    return rows.map((r) => r.id);
  }

  async reports(allianceId: string, organizationId: string): Promise<boolean> {
    const rows = await this.manager.query<unknown[]>(`${REPORTING_MEMBERS} AND m.organization_id = $2`, [
      allianceId,
      organizationId,
    ]);
    return rows.length > 0;
  }

  /**
   * One page (and one row more) of rounds: every round with `all`, else those of the alliances the
   * organisation reports to. The latest period first (a year before its quarters), then the latest opened.
   */
  roundKeys(all: boolean, organizationId: string | null, after: CursorPart[] | null, limit: number) {
    const [afterYear, afterQuarter, afterCreatedAt, afterId] = after ?? [null, null, null, null];
    return this.manager.query<RoundKeyRow[]>(
      `SELECT r.id, r.year, COALESCE(r.quarter, 5) AS quarter_rank, r.created_at::text AS created_at FROM indicator_rounds r
        WHERE ($1 OR EXISTS (SELECT 1 FROM alliance_membership_directory m WHERE m.alliance_id = r.alliance_id AND m.organization_id = $2
                              AND m.left_on IS NULL AND m.role IN ('lead', 'member')))
          AND ($6::uuid IS NULL OR (r.year, COALESCE(r.quarter, 5), r.created_at, r.id) < ($3::int, $4::int, $5::timestamptz, $6::uuid))
        ORDER BY r.year DESC, COALESCE(r.quarter, 5) DESC, r.created_at DESC, r.id DESC LIMIT $7`,
      [all, organizationId, afterYear, afterQuarter, afterCreatedAt, afterId, limit + 1],
    );
  }

  rounds(ids: string[], organizationId: string | null): Promise<RoundRow[]> {
    return this.manager.query<RoundRow[]>(
      `SELECT r.*, r.deadline::text AS deadline, a.name AS alliance_name,
              (SELECT count(*)::int FROM alliance_membership_directory m WHERE m.alliance_id = r.alliance_id AND m.left_on IS NULL AND m.role IN ('lead', 'member')) AS expected,
              (SELECT count(*)::int FROM indicator_submissions s WHERE s.round_id = r.id AND s.status = 'submitted') AS submitted,
              (SELECT s.status FROM indicator_submissions s WHERE s.round_id = r.id AND s.organization_id = $2) AS my_status
         FROM indicator_rounds r JOIN alliance_directory a ON a.id = r.alliance_id
        WHERE r.id = ANY($1) ORDER BY r.year DESC, r.quarter DESC NULLS FIRST, r.created_at DESC, r.id DESC`,
      [ids, organizationId],
    );
  }

  /** The organisation with its submission to the round; undefined when there is no such organisation. */
  async submission(roundId: string, organizationId: string): Promise<SubmissionRow | undefined> {
    const [row] = await this.manager.query<SubmissionRow[]>(
      `SELECT o.id, o.name, s.values, s.status, s.submitted_at FROM organization_directory o
         LEFT JOIN indicator_submissions s ON s.organization_id = o.id AND s.round_id = $1 WHERE o.id = $2`,
      [roundId, organizationId],
    );
    return row;
  }

  findSubmission(roundId: string, organizationId: string): Promise<IndicatorSubmission | null> {
    return this.manager.getRepository(IndicatorSubmission).findOneBy({ roundId, organizationId });
  }

  /** Inserts or replaces the member's submission, as long as the stored one is still a draft. */
  async upsertSubmission(input: SubmissionUpsert): Promise<void> {
    await this.manager.query(
      `INSERT INTO indicator_submissions (tenant_id, round_id, organization_id, values, status, submitted_at, submitted_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (round_id, organization_id) DO UPDATE SET values = EXCLUDED.values, status = EXCLUDED.status,
         submitted_at = EXCLUDED.submitted_at, submitted_by_id = EXCLUDED.submitted_by_id, updated_at = now()
       WHERE indicator_submissions.status = 'draft'`,
      [
        input.tenantId,
        input.roundId,
        input.organizationId,
        input.values,
        input.status,
        input.submittedAt,
        input.submittedById,
      ],
    );
  }

  /** One page (and one row more) of the reporting members: nothing yet first, then drafts, then submitted, each by name. */
  progress(allianceId: string, roundId: string, after: CursorPart[] | null, limit: number): Promise<ProgressRow[]> {
    const [afterStage, afterName, afterId] = after ?? [null, null, null];
    return this.manager.query<ProgressRow[]>(
      `SELECT * FROM (
         SELECT o.id, o.name, s.status, s.submitted_at, CASE s.status WHEN 'draft' THEN 1 WHEN 'submitted' THEN 2 ELSE 0 END AS stage
           FROM organization_directory o LEFT JOIN indicator_submissions s ON s.organization_id = o.id AND s.round_id = $2
          WHERE o.id IN (${REPORTING_MEMBERS})) p
        WHERE $5::uuid IS NULL OR (p.stage, p.name, p.id) > ($3::int, $4::text, $5::uuid)
        ORDER BY p.stage, p.name, p.id LIMIT $6`,
      [allianceId, roundId, afterStage, afterName, afterId, limit + 1],
    );
  }

  /** Sum and average per field over the submitted figures, and the change on the same round a year before. */
  results(roundId: string): Promise<FieldResultRow[]> {
    return this.manager.query<FieldResultRow[]>(
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
  }

  /** Reporting members that have not submitted an open round whose deadline is `today` or within `days`. */
  missingSubmissions(today: string, days: number): Promise<MissingSubmissionRow[]> {
    return this.manager.query<MissingSubmissionRow[]>(
      `SELECT r.id AS round_id, r.period, r.deadline::text AS deadline, (r.deadline - $1::date) AS days_left, m.organization_id
         FROM indicator_rounds r
         JOIN alliance_membership_directory m ON m.alliance_id = r.alliance_id AND m.left_on IS NULL AND m.role IN ('lead', 'member')
        WHERE r.status = 'open' AND r.deadline >= $1::date AND r.deadline - $1::date <= $2
          AND NOT EXISTS (SELECT 1 FROM indicator_submissions s WHERE s.round_id = r.id AND s.organization_id = m.organization_id AND s.status = 'submitted')`,
      [today, days],
    );
  }

  /** The alliance's rounds of the years from `fromYear` to `toYear`, oldest first; for the alliance's ledger. */
  async roundIdsOf(allianceId: string, fromYear: number, toYear: number): Promise<string[]> {
    const rows = await this.manager.query<{ id: string }[]>(
      `SELECT id FROM indicator_rounds WHERE alliance_id = $1 AND year BETWEEN $2 AND $3
        ORDER BY year, COALESCE(quarter, 5), created_at, id`,
      [allianceId, fromYear, toYear],
    );
    return rows.map((r) => r.id);
  }
}
