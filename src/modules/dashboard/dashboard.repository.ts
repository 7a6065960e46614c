import { Injectable } from '@nestjs/common';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';

/** A count by some key (a status, a role, a chain position); count(*) comes back as text. */
export interface CountRow {
  key: string | null;
  count: string | number;
}

export interface IndicatorRoundFigures {
  quarterly: boolean;
  period: string;
  fields: { key: string }[];
  totals: Record<string, string>;
  submitted: number;
}

/** The think tank's reports and recommendations, and the alliance's action items; counts as text. */
export interface WorkRow {
  under_review: string;
  published: string;
  recommendations: string;
  recommendations_done: string;
  open: string;
  done: string;
  overdue: string;
}

/** The dashboard's figures that no module sums for it, counted in SQL over the other modules' exported views. */
@Injectable()
export class DashboardRepository {
  constructor(private readonly tenant: TenantContext) {}

  async alliance(allianceId: string): Promise<{ id: string; name: string } | undefined> {
    const [alliance] = await this.tenant.manager.query<{ id: string; name: string }[]>(
      'SELECT id, name FROM alliance_directory WHERE id = $1',
      [allianceId],
    );
    return alliance;
  }

  /**
   * The last five yearly and the last eight quarterly rounds, oldest first, with the totals of their
   * fields and how many members submitted (how many were expected is the current lead and members,
   * which the member figures hold).
   */
  indicatorRounds(allianceId: string): Promise<IndicatorRoundFigures[]> {
    return this.tenant.manager.query<IndicatorRoundFigures[]>(
      `SELECT r.quarterly, r.period, r.fields,
              (SELECT coalesce(jsonb_object_agg(k.key, k.total), '{}') FROM (
                 SELECT f->>'key' AS key, sum((s.values->>(f->>'key'))::numeric) AS total
                   FROM jsonb_array_elements(r.fields) f
                   JOIN indicator_submission_directory s ON s.round_id = r.id AND s.status = 'submitted'
                  GROUP BY 1) k) AS totals,
              (SELECT count(*)::int FROM indicator_submission_directory s WHERE s.round_id = r.id AND s.status = 'submitted') AS submitted
         FROM (SELECT *, quarter IS NOT NULL AS quarterly,
                      row_number() OVER (PARTITION BY quarter IS NOT NULL ORDER BY year DESC, quarter DESC NULLS LAST) AS latest
                 FROM indicator_round_directory WHERE alliance_id = $1) r
        WHERE r.latest <= CASE WHEN r.quarterly THEN 8 ELSE 5 END
        ORDER BY r.year, r.quarter NULLS FIRST`,
      [allianceId],
    );
  }

  /** The think tank's reports under review and published, its recommendations (action items of a report), and all action items; `today`: the township's date, for what is overdue. */
  async work(allianceId: string, today: string): Promise<WorkRow> {
    const [row] = await this.tenant.manager.query<WorkRow[]>(
      `SELECT (SELECT count(*) FROM research_report_directory WHERE alliance_id = $1 AND status = 'under_review') AS under_review,
              (SELECT count(*) FROM research_report_directory WHERE alliance_id = $1 AND status = 'published') AS published,
              count(*) FILTER (WHERE report_id IS NOT NULL AND status <> 'cancelled') AS recommendations,
              count(*) FILTER (WHERE report_id IS NOT NULL AND status = 'done') AS recommendations_done,
              count(*) FILTER (WHERE status IN ('open', 'in_progress')) AS open,
              count(*) FILTER (WHERE status = 'done') AS done,
              count(*) FILTER (WHERE status IN ('open', 'in_progress') AND due_on < $2::date) AS overdue
         FROM action_item_directory WHERE alliance_id = $1`,
      [allianceId, today],
    );
    return row;
  }
}
