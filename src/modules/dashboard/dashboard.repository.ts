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

  membersByRole(allianceId: string): Promise<CountRow[]> {
    return this.tenant.manager.query<CountRow[]>(
      `SELECT m.role::text AS key, count(*) ${CURRENT_MEMBERS} GROUP BY m.role ORDER BY m.role`,
      [allianceId],
    );
  }

  membersByChainPosition(allianceId: string): Promise<CountRow[]> {
    return this.tenant.manager.query<CountRow[]>(
      `SELECT o.chain_position::text AS key, count(*) ${CURRENT_MEMBERS} AND m.role <> 'department' GROUP BY o.chain_position ORDER BY 1`,
      [allianceId],
    );
  }

  /** The Party members of the current members' Party organisations. */
  async partyMembers(allianceId: string): Promise<number> {
    const [party] = await this.tenant.manager.query<{ n: string }[]>(
      `SELECT coalesce(sum(p.member_count), 0) AS n ${CURRENT_MEMBERS.replace('WHERE', 'JOIN party_organization_directory p ON p.organization_id = o.id WHERE')}`,
      [allianceId],
    );
    return Number(party.n);
  }

  /** Memberships that began on a day in [from, to). */
  async joinedBetween(allianceId: string, days: { from: string; to: string }): Promise<number> {
    const [joined] = await this.tenant.manager.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM alliance_membership_directory WHERE alliance_id = $1 AND joined_on >= $2::date AND joined_on < $3::date`,
      [allianceId, days.from, days.to],
    );
    return Number(joined.n);
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
