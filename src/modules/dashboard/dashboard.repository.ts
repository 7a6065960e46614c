import { Injectable } from '@nestjs/common';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';

/** A count by some key (a status, a role, a chain position); count(*) comes back as text. */
export interface CountRow {
  key: string | null;
  count: string | number;
}

export interface IndicatorRoundFigures {
  period: string;
  fields: { key: string }[];
  totals: Record<string, string>;
  submitted: number;
  expected: number;
}

export interface MemberRows {
  byRole: CountRow[];
  byChainPosition: CountRow[];
  partyMembers: number;
  joined: number;
}

interface ThinkTankRow {
  under_review: string;
  published: string;
  total: string;
  done: string;
}

interface ActionItemRow {
  open: string;
  done: string;
  overdue: string;
}

const CURRENT_MEMBERS = `FROM alliance_membership_directory m JOIN organization_directory o ON o.id = m.organization_id WHERE m.alliance_id = $1 AND m.left_on IS NULL`;

/** The dashboard's figures, each counted in SQL over the other modules' exported views. */
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

  indicatorRounds(allianceId: string, quarterly: boolean, count: number): Promise<IndicatorRoundFigures[]> {
    return this.tenant.manager.query<IndicatorRoundFigures[]>(
      `SELECT r.period, r.fields,
              (SELECT coalesce(jsonb_object_agg(k.key, k.total), '{}') FROM (
                 SELECT f->>'key' AS key, sum((s.values->>(f->>'key'))::numeric) AS total
                   FROM jsonb_array_elements(r.fields) f
                   JOIN indicator_submission_directory s ON s.round_id = r.id AND s.status = 'submitted'
                  GROUP BY 1) k) AS totals,
              (SELECT count(*)::int FROM indicator_submission_directory s WHERE s.round_id = r.id AND s.status = 'submitted') AS submitted,
              (SELECT count(*)::int FROM alliance_membership_directory m WHERE m.alliance_id = r.alliance_id AND m.left_on IS NULL AND m.role IN ('lead', 'member')) AS expected
         FROM (SELECT * FROM indicator_round_directory WHERE alliance_id = $1 AND (quarter IS NOT NULL) = $2
                ORDER BY year DESC, quarter DESC NULLS LAST LIMIT $3) r
        ORDER BY r.year, r.quarter NULLS FIRST`,
      [allianceId, quarterly, count],
    );
  }

  /**
   * The current members per role and per chain position (departments aside), their Party
   * organisations' members, and the memberships that began on a day in [from, to): one statement,
   * one scan of the memberships.
   */
  async members(allianceId: string, days: { from: string; to: string }): Promise<MemberRows> {
    const rows = await this.tenant.manager.query<{ kind: keyof MemberRows; key: string | null; count: string }[]>(
      `WITH current AS MATERIALIZED (
         SELECT m.role, o.chain_position, o.id ${CURRENT_MEMBERS}
       )
       SELECT kind, key, count FROM (
         SELECT 'byRole' AS kind, role::text AS key, count(*) AS count, row_number() OVER (ORDER BY role) AS position
           FROM current GROUP BY role
         UNION ALL
         SELECT 'byChainPosition', chain_position::text, count(*), row_number() OVER (ORDER BY chain_position::text)
           FROM current WHERE role <> 'department' GROUP BY chain_position
         UNION ALL
         SELECT 'partyMembers', NULL, coalesce(sum(p.member_count), 0), 1
           FROM current c JOIN party_organization_directory p ON p.organization_id = c.id
         UNION ALL
         SELECT 'joined', NULL, count(*), 1
           FROM alliance_membership_directory WHERE alliance_id = $1 AND joined_on >= $2::date AND joined_on < $3::date
       ) figures
       ORDER BY kind, position`,
      [allianceId, days.from, days.to],
    );
    const of = (kind: keyof MemberRows) =>
      rows.filter((r) => r.kind === kind).map(({ key, count }) => ({ key, count }));
    return {
      byRole: of('byRole'),
      byChainPosition: of('byChainPosition'),
      partyMembers: Number(of('partyMembers')[0].count),
      joined: Number(of('joined')[0].count),
    };
  }

  async thinkTank(allianceId: string): Promise<ThinkTankRow> {
    const [row] = await this.tenant.manager.query<ThinkTankRow[]>(
      `SELECT (SELECT count(*) FROM research_report_directory WHERE alliance_id = $1 AND status = 'under_review') AS under_review,
              (SELECT count(*) FROM research_report_directory WHERE alliance_id = $1 AND status = 'published') AS published,
              count(a.id) FILTER (WHERE a.status <> 'cancelled') AS total,
              count(a.id) FILTER (WHERE a.status = 'done') AS done
         FROM action_item_directory a WHERE a.alliance_id = $1 AND a.report_id IS NOT NULL`,
      [allianceId],
    );
    return row;
  }

  /** `today`: the township's date, for what is overdue. */
  async actionItems(allianceId: string, today: string): Promise<ActionItemRow> {
    const [row] = await this.tenant.manager.query<ActionItemRow[]>(
      `SELECT count(*) FILTER (WHERE status IN ('open', 'in_progress')) AS open,
              count(*) FILTER (WHERE status = 'done') AS done,
              count(*) FILTER (WHERE status IN ('open', 'in_progress') AND due_on < $2::date) AS overdue
         FROM action_item_directory WHERE alliance_id = $1`,
      [allianceId, today],
    );
    return row;
  }
}
