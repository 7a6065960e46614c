import { Injectable } from '@nestjs/common';
import { Clock } from '../../../platform/clock/clock';
import { localDate } from '../../../platform/clock/local-date';
import { DomainException } from '../../../platform/errors/domain.exception';
import { STATISTICS_SQL } from './daily-figures.sql';
import { type FigureRow, StatisticsRepository } from './statistics.repository';
import type {
  CategoryStatistics,
  DepartmentStatistics,
  MonthStatistics,
  RateFigures,
  ServiceStatisticsView,
  StatisticsQuery,
} from '../dto/statistics.dto';

const round = (value: number | null, digits = 2) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;
const ratio = (part: number, whole: number) => (whole > 0 ? round(part / whole, 4) : null);

function figures(row: FigureRow): RateFigures {
  const n = (v: string | null) => (v === null ? null : Number(v));
  return {
    submitted: Number(row.submitted),
    resolved: Number(row.resolved),
    open: Number(row.open),
    responseRate: ratio(Number(row.accepted_on_time), Number(row.routed)),
    onTimeRate: ratio(Number(row.resolved_on_time), Number(row.resolved)),
    averageAcceptHours: round(n(row.avg_accept_hours), 1),
    averageResolveHours: round(n(row.avg_resolve_hours), 1),
    satisfaction: round(n(row.satisfaction), 2),
    ratings: Number(row.ratings),
  };
}

/** The period asked for, by default the last twelve months to tomorrow (the tenant's days). */
export function statisticsPeriod(query: Pick<StatisticsQuery, 'from' | 'to'>, now: Date): { from: string; to: string } {
  const today = localDate(now);
  const to =
    query.to?.slice(0, 10) ??
    new Date(new Date(`${today}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);
  const from = query.from?.slice(0, 10) ?? `${Number(today.slice(0, 4)) - 1}${today.slice(4, 7)}-01`;
  return { from, to };
}

/**
 * The months that lie wholly inside [from, to), as [wholeFrom, wholeTo) (YYYY-MM-DD, first days
 * of months); both are `to` when there is none, so the days before them are the whole period.
 */
export function wholeMonths({ from, to }: { from: string; to: string }): { wholeFrom: string; wholeTo: string } {
  const [year, month, day] = from.split('-').map(Number);
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  const wholeFrom = day === 1 ? from : next;
  const wholeTo = `${to.slice(0, 7)}-01`;
  return wholeFrom < wholeTo ? { wholeFrom, wholeTo } : { wholeFrom: to, wholeTo: to };
}

/** The statistics' one statement; exported so the benchmark can EXPLAIN exactly what runs. */
export function statisticsQueries(allianceId: string, period: { from: string; to: string }) {
  const { wholeFrom, wholeTo } = wholeMonths(period);
  return { figures: { sql: STATISTICS_SQL, params: [allianceId, period.from, period.to, wholeFrom, wholeTo] } };
}

/** Response rate, on-time resolution, times and satisfaction per department, category and month; the department ranking. */
@Injectable()
export class ServiceStatistics {
  constructor(
    private readonly repository: StatisticsRepository,
    private readonly clock: Clock,
  ) {}

  /** The alliance's requests filed in [from, to) (dates, Beijing time), merged duplicates aside, per status. */
  byStatus(allianceId: string, period: { from: string; to: string }): Promise<{ key: string; count: number }[]> {
    return this.repository.statusCounts(allianceId, period);
  }

  async compute(query: StatisticsQuery): Promise<ServiceStatisticsView> {
    const { from, to } = statisticsPeriod(query, this.clock.now());
    if (from >= to) throw DomainException.invalid([{ field: 'from', reason: 'beforeTo' }]);
    if (!(await this.repository.allianceExists(query.allianceId))) throw DomainException.notFound();
    const rows = await this.repository.figures(statisticsQueries(query.allianceId, { from, to }).figures);
    const of = (kind: FigureRow['kind']) => rows.filter((row) => row.kind === kind && row.key !== null);
    const totals = rows.find((row) => row.kind === 'total')!;

    const byDepartment = of('department')
      .map((row): Omit<DepartmentStatistics, 'rank'> => {
        const f = figures(row);
        const score = round(
          0.4 * (f.onTimeRate ?? 0) + 0.3 * (f.responseRate ?? 0) + 0.3 * ((f.satisfaction ?? 0) / 5),
          4,
        )!;
        return { organizationId: row.key!, name: row.name ?? '', ...f, score };
      })
      .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
      .map((d, i) => ({ ...d, rank: i + 1 }));
    return {
      from,
      to,
      totals: figures(totals),
      byDepartment,
      byCategory: of('category').map((row): CategoryStatistics => ({
        categoryId: row.key!,
        name: row.name ?? '',
        ...figures(row),
      })),
      monthly: of('month').map((row): MonthStatistics => ({ month: row.key!, ...figures(row) })),
    };
  }
}
