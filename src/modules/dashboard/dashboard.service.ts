import { Injectable } from '@nestjs/common';
import { Clock } from '../../platform/clock/clock';
import { localDate } from '../../platform/clock/local-date';
import { DomainException } from '../../platform/errors/domain.exception';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { INDICATOR_CATALOGUE } from '../indicators/indicator-catalogue.view';
import { ServiceStatistics } from '../service-requests/statistics/service-statistics.service';
import type {
  ActionItemFigures,
  IndicatorTrends,
  CountBy,
  DashboardQuery,
  DashboardView,
  MeetingFigures,
  MemberFigures,
  ThinkTankFigures,
} from './dto/dashboard.dto';

interface IndicatorRoundFigures {
  period: string;
  fields: { key: string }[];
  totals: Record<string, string>;
  submitted: number;
  expected: number;
}

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);
const counts = (rows: { key: string | null; count: string | number }[]): CountBy[] =>
  rows.map((r) => ({ key: r.key ?? 'unknown', count: Number(r.count) }));

/**
 * The alliance at a glance (联盟驾驶舱): members, meetings, service requests, the think tank and
 * action items, each counted in SQL over the period. The same figures feed the page, the wall
 * display and the exports.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly statistics: ServiceStatistics,
    private readonly clock: Clock,
  ) {}

  async compute(allianceId: string, query: DashboardQuery): Promise<DashboardView> {
    const [alliance] = await this.tenant.manager.query<{ id: string; name: string }[]>(
      'SELECT id, name FROM alliance_directory WHERE id = $1',
      [allianceId],
    );
    if (!alliance) throw DomainException.notFound();
    const service = await this.statistics.compute({ allianceId, from: query.from, to: query.to });
    const period = { from: `${service.from}T00:00:00+08:00`, to: `${service.to}T00:00:00+08:00` };
    // One query after another: they share the transaction's connection.
    const members = await this.members(allianceId, service);
    const meetings = await this.meetings(allianceId, period);
    const byStatus = await this.tenant.manager.query<{ key: string; count: string }[]>(
      `SELECT status::text AS key, count(*) FROM service_request_directory
        WHERE alliance_id = $1 AND merged_into_id IS NULL AND created_at >= $2 AND created_at < $3 GROUP BY status ORDER BY status`,
      [allianceId, period.from, period.to],
    );
    const thinkTank = await this.thinkTank(allianceId);
    const actionItems = await this.actionItems(allianceId);
    const indicators = await this.indicators(allianceId);
    return {
      alliance,
      from: service.from,
      to: service.to,
      generatedAt: this.clock.now(),
      members,
      meetings,
      serviceRequests: {
        byStatus: counts(byStatus),
        totals: service.totals,
        departmentRanking: service.byDepartment.map((d) => ({
          rank: d.rank,
          name: d.name,
          score: d.score,
          submitted: d.submitted,
          onTimeRate: d.onTimeRate,
          satisfaction: d.satisfaction,
        })),
        monthly: service.monthly.map((m) => ({
          month: m.month,
          submitted: m.submitted,
          resolved: m.resolved,
          onTimeRate: m.onTimeRate,
        })),
      },
      thinkTank,
      actionItems,
      indicators,
    };
  }

  /** Totals of every catalogue indicator over the last five yearly and the last eight quarterly rounds, and how many members reported. */
  private async indicators(allianceId: string): Promise<IndicatorTrends> {
    const yearly = await this.indicatorRounds(allianceId, false, 5);
    const quarterly = await this.indicatorRounds(allianceId, true, 8);
    return { ...this.trend(yearly), quarterly: this.trend(quarterly) };
  }

  private indicatorRounds(allianceId: string, quarterly: boolean, count: number): Promise<IndicatorRoundFigures[]> {
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

  private trend(rounds: IndicatorRoundFigures[]): Omit<IndicatorTrends, 'quarterly'> {
    const asked = new Set(rounds.flatMap((r) => r.fields.map((f) => f.key)));
    return {
      periods: rounds.map((r) => r.period),
      submissionRates: rounds.map((r) => rate(r.submitted, r.expected)),
      series: INDICATOR_CATALOGUE.filter((entry) => asked.has(entry.key)).map((entry) => ({
        key: entry.key,
        labelZh: entry.label['zh-CN'],
        labelEn: entry.label.en,
        unit: entry.unit,
        totals: rounds.map((r) =>
          r.fields.some((f) => f.key === entry.key) ? Number(r.totals[entry.key] ?? 0) : null,
        ),
      })),
    };
  }

  /** `days`: the period's first day and the day after it (the township's dates, as joined_on is). */
  private async members(allianceId: string, days: { from: string; to: string }): Promise<MemberFigures> {
    const current = `FROM alliance_membership_directory m JOIN organization_directory o ON o.id = m.organization_id WHERE m.alliance_id = $1 AND m.left_on IS NULL`;
    const query = this.tenant.manager.query.bind(this.tenant.manager);
    const byRole = await query(`SELECT m.role::text AS key, count(*) ${current} GROUP BY m.role ORDER BY m.role`, [
      allianceId,
    ]);
    const byChain = await query(
      `SELECT o.chain_position::text AS key, count(*) ${current} AND m.role <> 'department' GROUP BY o.chain_position ORDER BY 1`,
      [allianceId],
    );
    const [party] = await query(
      `SELECT coalesce(sum(p.member_count), 0) AS n ${current.replace('WHERE', 'JOIN party_organization_directory p ON p.organization_id = o.id WHERE')}`,
      [allianceId],
    );
    const [joined] = await query(
      `SELECT count(*) AS n FROM alliance_membership_directory WHERE alliance_id = $1 AND joined_on >= $2::date AND joined_on < $3::date`,
      [allianceId, days.from, days.to],
    );
    const roles = counts(byRole);
    return {
      total: roles.reduce((sum, r) => sum + r.count, 0),
      byRole: roles,
      byChainPosition: counts(byChain),
      partyMembers: Number(party.n),
      joinedInPeriod: Number(joined.n),
    };
  }

  /** Attendance: of the organisations invited to meetings held, the share that had someone check in. */
  private async meetings(allianceId: string, period: { from: string; to: string }): Promise<MeetingFigures> {
    const now = this.clock.now();
    const monthly = await this.tenant.manager.query<
      { month: string; held: number; invited: number; attended: number }[]
    >(
      `WITH held AS (
         SELECT id, to_char(starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month FROM meeting_directory
          WHERE alliance_id = $1 AND status = 'scheduled' AND starts_at >= $2 AND starts_at < least($3::timestamptz, $4::timestamptz)
       ), invited AS (
         SELECT DISTINCT p.meeting_id, p.organization_id FROM meeting_participant_directory p JOIN held ON held.id = p.meeting_id WHERE p.organization_id IS NOT NULL
       )
       SELECT held.month, count(DISTINCT held.id)::int AS held, count(i.organization_id)::int AS invited,
              count(i.organization_id) FILTER (WHERE EXISTS (
                SELECT 1 FROM meeting_attendance_directory a WHERE a.meeting_id = i.meeting_id AND a.organization_id = i.organization_id))::int AS attended
         FROM held LEFT JOIN invited i ON i.meeting_id = held.id
        GROUP BY 1 ORDER BY 1`,
      [allianceId, period.from, period.to, now],
    );
    const [{ upcoming }] = await this.tenant.manager.query<{ upcoming: number }[]>(
      `SELECT count(*)::int AS upcoming FROM meeting_directory WHERE alliance_id = $1 AND status = 'scheduled' AND starts_at >= $2`,
      [allianceId, now],
    );
    const sum = (key: 'held' | 'invited' | 'attended') => monthly.reduce((total, m) => total + m[key], 0);
    return {
      held: sum('held'),
      upcoming,
      attendanceRate: rate(sum('attended'), sum('invited')),
      monthly: monthly.map((m) => ({ month: m.month, held: m.held, attendanceRate: rate(m.attended, m.invited) })),
    };
  }

  private async thinkTank(allianceId: string): Promise<ThinkTankFigures> {
    const [row] = await this.tenant.manager.query<Record<string, string>[]>(
      `SELECT (SELECT count(*) FROM research_report_directory WHERE alliance_id = $1 AND status = 'under_review') AS under_review,
              (SELECT count(*) FROM research_report_directory WHERE alliance_id = $1 AND status = 'published') AS published,
              count(a.id) FILTER (WHERE a.status <> 'cancelled') AS total,
              count(a.id) FILTER (WHERE a.status = 'done') AS done
         FROM action_item_directory a WHERE a.alliance_id = $1 AND a.report_id IS NOT NULL`,
      [allianceId],
    );
    return {
      underReview: Number(row.under_review),
      published: Number(row.published),
      recommendationsTotal: Number(row.total),
      recommendationsDone: Number(row.done),
    };
  }

  private async actionItems(allianceId: string): Promise<ActionItemFigures> {
    const [row] = await this.tenant.manager.query<Record<string, string>[]>(
      `SELECT count(*) FILTER (WHERE status IN ('open', 'in_progress')) AS open,
              count(*) FILTER (WHERE status = 'done') AS done,
              count(*) FILTER (WHERE status IN ('open', 'in_progress') AND due_on < $2::date) AS overdue
         FROM action_item_directory WHERE alliance_id = $1`,
      [allianceId, localDate(this.clock.now())],
    );
    return { open: Number(row.open), done: Number(row.done), overdue: Number(row.overdue) };
  }
}
