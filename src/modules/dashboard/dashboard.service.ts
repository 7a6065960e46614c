import { Injectable } from '@nestjs/common';
import { Clock } from '../../platform/clock/clock';
import { localDate } from '../../platform/clock/local-date';
import { DomainException } from '../../platform/errors/domain.exception';
import { INDICATOR_CATALOGUE } from '../indicators/indicator-catalogue.view';
import { MemberFigures as MemberSums } from '../alliances/figures/member-figures.service';
import { MeetingFigures as MeetingSums } from '../meetings/figures/meeting-figures.service';
import { ServiceStatistics } from '../service-requests/statistics/service-statistics.service';
import { type CountRow, DashboardRepository, type IndicatorRoundFigures } from './dashboard.repository';
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

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);
const counts = (rows: CountRow[]): CountBy[] => rows.map((r) => ({ key: r.key ?? 'unknown', count: Number(r.count) }));

/**
 * The alliance at a glance (联盟驾驶舱): members, meetings, service requests, the think tank and
 * action items, each counted in SQL over the period. The same figures feed the page, the wall
 * display and the exports.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly figures: DashboardRepository,
    private readonly statistics: ServiceStatistics,
    private readonly meetingSums: MeetingSums,
    private readonly memberSums: MemberSums,
    private readonly clock: Clock,
  ) {}

  async compute(allianceId: string, query: DashboardQuery): Promise<DashboardView> {
    const alliance = await this.figures.alliance(allianceId);
    if (!alliance) throw DomainException.notFound();
    const service = await this.statistics.compute({ allianceId, from: query.from, to: query.to });
    const period = { from: `${service.from}T00:00:00+08:00`, to: `${service.to}T00:00:00+08:00` };
    // One query after another: they share the transaction's connection.
    const members = await this.members(allianceId, service);
    const meetings = await this.meetings(allianceId, period);
    const byStatus = await this.statistics.byStatus(allianceId, service);
    const { thinkTank, actionItems } = await this.work(allianceId);
    // Expected to report: the current lead and members.
    const expected = members.byRole.reduce(
      (sum, r) => (r.key === 'lead' || r.key === 'member' ? sum + r.count : sum),
      0,
    );
    const indicators = await this.indicators(allianceId, expected);
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
  private async indicators(allianceId: string, expected: number): Promise<IndicatorTrends> {
    const rounds = await this.figures.indicatorRounds(allianceId);
    const trend = (quarterly: boolean) =>
      this.trend(
        rounds.filter((r) => r.quarterly === quarterly),
        expected,
      );
    return { ...trend(false), quarterly: trend(true) };
  }

  private trend(rounds: IndicatorRoundFigures[], expected: number): Omit<IndicatorTrends, 'quarterly'> {
    const asked = new Set(rounds.flatMap((r) => r.fields.map((f) => f.key)));
    return {
      periods: rounds.map((r) => r.period),
      submissionRates: rounds.map((r) => rate(r.submitted, expected)),
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
    const {
      byRole,
      byChainPosition: byChain,
      partyMembers,
      joined: joinedInPeriod,
    } = await this.memberSums.of(allianceId, days);
    const roles = counts(byRole);
    return {
      total: roles.reduce((sum, r) => sum + r.count, 0),
      byRole: roles,
      byChainPosition: counts(byChain),
      partyMembers,
      joinedInPeriod,
    };
  }

  /** Attendance: of the organisations invited to meetings held, the share that had someone check in. */
  private async meetings(allianceId: string, period: { from: string; to: string }): Promise<MeetingFigures> {
    const now = this.clock.now();
    const monthly = await this.meetingSums.held(allianceId, period, now);
    const upcoming = await this.meetingSums.upcoming(allianceId, now);
    const sum = (key: 'held' | 'invited' | 'attended') => monthly.reduce((total, m) => total + m[key], 0);
    return {
      held: sum('held'),
      upcoming,
      attendanceRate: rate(sum('attended'), sum('invited')),
      monthly: monthly.map((m) => ({ month: m.month, held: m.held, attendanceRate: rate(m.attended, m.invited) })),
    };
  }

  private async work(allianceId: string): Promise<{ thinkTank: ThinkTankFigures; actionItems: ActionItemFigures }> {
    const row = await this.figures.work(allianceId, localDate(this.clock.now()));
    return {
      thinkTank: {
        underReview: Number(row.under_review),
        published: Number(row.published),
        recommendationsTotal: Number(row.recommendations),
        recommendationsDone: Number(row.recommendations_done),
      },
      actionItems: { open: Number(row.open), done: Number(row.done), overdue: Number(row.overdue) },
    };
  }
}
