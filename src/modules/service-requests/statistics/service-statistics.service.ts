import { Injectable } from '@nestjs/common';
import { Clock } from '../../../platform/clock/clock';
import { localDate } from '../../../platform/clock/local-date';
import { DomainException } from '../../../platform/errors/domain.exception';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import type { CategoryStatistics, DepartmentStatistics, MonthStatistics, RateFigures, ServiceStatisticsView, StatisticsQuery } from '../dto/statistics.dto';

interface FigureRow {
  key: string | null;
  name: string | null;
  submitted: string;
  resolved: string;
  open: string;
  routed: string;
  accepted_on_time: string;
  resolved_on_time: string;
  avg_accept_hours: string | null;
  avg_resolve_hours: string | null;
  satisfaction: string | null;
  ratings: string;
}

/** The figures of one group of requests, computed in SQL so the database does the counting. */
const FIGURES = `
  count(*) AS submitted,
  count(*) FILTER (WHERE r.resolved_at IS NOT NULL) AS resolved,
  count(*) FILTER (WHERE r.status IN ('submitted', 'routed', 'accepted', 'in_progress', 'returned')) AS open,
  count(*) FILTER (WHERE r.routed_at IS NOT NULL) AS routed,
  count(*) FILTER (WHERE r.accepted_at IS NOT NULL AND r.accepted_at <= r.accept_due_at) AS accepted_on_time,
  count(*) FILTER (WHERE r.resolved_at IS NOT NULL AND r.resolved_at <= r.resolve_due_at) AS resolved_on_time,
  avg(extract(epoch FROM r.accepted_at - r.routed_at) / 3600) FILTER (WHERE r.accepted_at IS NOT NULL) AS avg_accept_hours,
  avg(extract(epoch FROM r.resolved_at - r.created_at) / 3600) FILTER (WHERE r.resolved_at IS NOT NULL) AS avg_resolve_hours,
  avg(r.rating) AS satisfaction,
  count(r.rating) AS ratings`;

const round = (value: number | null, digits = 2) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);
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
  const to = query.to ?? new Date(new Date(`${today}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);
  const from = query.from ?? `${Number(today.slice(0, 4)) - 1}${today.slice(4, 7)}-01`;
  return { from, to };
}

/** The four statements of the statistics; exported so the benchmark can EXPLAIN exactly what runs. */
export function statisticsQueries(allianceId: string, period: { from: string; to: string }) {
  const params = [allianceId, `${period.from}T00:00:00+08:00`, `${period.to}T00:00:00+08:00`];
  const scope = `r.alliance_id = $1 AND r.created_at >= $2 AND r.created_at < $3 AND r.merged_into_id IS NULL`;
  const query = (select: string, join: string, group: string) => ({ sql: `SELECT ${select}, ${FIGURES} FROM service_requests r ${join} WHERE ${scope} ${group}`, params });
  return {
    totals: query(`NULL AS key, NULL AS name`, '', ''),
    // Names after counting: joined first, the organisations (all ten thousand) were hashed for every request.
    departments: {
      sql: `SELECT f.*, o.name FROM (
              SELECT r.assigned_organization_id AS key, ${FIGURES} FROM service_requests r
               WHERE ${scope} AND r.assigned_organization_id IS NOT NULL GROUP BY r.assigned_organization_id) f
            JOIN organizations o ON o.id = f.key`,
      params,
    },
    categories: query(`r.category_id AS key, c.name`, 'JOIN service_categories c ON c.id = r.category_id', 'GROUP BY r.category_id, c.name ORDER BY c.name'),
    months: query(`to_char(r.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS key, NULL AS name`, '', `GROUP BY 1 ORDER BY 1`),
  };
}

/** Response rate, on-time resolution, times and satisfaction per department, category and month; the department ranking. */
@Injectable()
export class ServiceStatistics {
  constructor(
    private readonly tenant: TenantContext,
    private readonly clock: Clock,
  ) {}

  async compute(query: StatisticsQuery): Promise<ServiceStatisticsView> {
    const { from, to } = statisticsPeriod(query, this.clock.now());
    if (from >= to) throw DomainException.invalid([{ field: 'from', reason: 'beforeTo' }]);
    const [alliance] = await this.tenant.manager.query('SELECT 1 FROM alliances WHERE id = $1', [query.allianceId]);
    if (!alliance) throw DomainException.notFound();
    const queries = statisticsQueries(query.allianceId, { from, to });
    const run = ({ sql, params }: { sql: string; params: unknown[] }) => this.tenant.manager.query<FigureRow[]>(sql, params);

    const [totals] = await run(queries.totals);
    const departments = await run(queries.departments);
    const categories = await run(queries.categories);
    const months = await run(queries.months);

    const byDepartment = departments
      .map((row): Omit<DepartmentStatistics, 'rank'> => {
        const f = figures(row);
        const score = round(0.4 * (f.onTimeRate ?? 0) + 0.3 * (f.responseRate ?? 0) + 0.3 * ((f.satisfaction ?? 0) / 5), 4)!;
        return { organizationId: row.key!, name: row.name ?? '', ...f, score };
      })
      .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
      .map((d, i) => ({ ...d, rank: i + 1 }));
    return {
      from,
      to,
      totals: figures(totals),
      byDepartment,
      byCategory: categories.map((row): CategoryStatistics => ({ categoryId: row.key!, name: row.name ?? '', ...figures(row) })),
      monthly: months.map((row): MonthStatistics => ({ month: row.key!, ...figures(row) })),
    };
  }
}
