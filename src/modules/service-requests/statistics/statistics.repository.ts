import { Injectable } from '@nestjs/common';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { REFRESH_DAILY_FIGURES_SQL, REFRESH_LOCK_SQL, STATUS_COUNTS_SQL } from './daily-figures.sql';

/** A row of STATISTICS_SQL: the sums of one grouping; they are null where nothing was counted. */
export interface FigureRow {
  kind: 'total' | 'department' | 'category' | 'month';
  key: string | null;
  name: string | null;
  submitted: string | null;
  resolved: string | null;
  open: string | null;
  routed: string | null;
  accepted_on_time: string | null;
  resolved_on_time: string | null;
  avg_accept_hours: string | null;
  avg_resolve_hours: string | null;
  satisfaction: string | null;
  ratings: string | null;
}

@Injectable()
export class StatisticsRepository {
  constructor(private readonly tenant: TenantContext) {}

  /** STATISTICS_SQL with its parameters (statisticsQueries): one row per grouping. */
  figures(statement: { sql: string; params: unknown[] }): Promise<FigureRow[]> {
    return this.tenant.manager.query<FigureRow[]>(statement.sql, statement.params);
  }

  /** STATUS_COUNTS_SQL: the alliance's requests filed in [from, to) (dates) per status; count comes back as a number. */
  statusCounts(allianceId: string, period: { from: string; to: string }): Promise<{ key: string; count: number }[]> {
    return this.tenant.manager.query<{ key: string; count: number }[]>(STATUS_COUNTS_SQL, [
      allianceId,
      period.from,
      period.to,
    ]);
  }

  /** Folds the township's changed days into the daily sums, one refresh at a time; how many days it folded. */
  async refreshDailyFigures(): Promise<number> {
    await this.tenant.manager.query(REFRESH_LOCK_SQL);
    const [{ days }] = await this.tenant.manager.query<{ days: number }[]>(REFRESH_DAILY_FIGURES_SQL);
    return days;
  }

  async allianceExists(allianceId: string): Promise<boolean> {
    const rows = await this.tenant.manager.query<unknown[]>('SELECT 1 FROM alliance_directory WHERE id = $1', [
      allianceId,
    ]);
    return rows.length > 0;
  }
}
