import { Client } from 'pg';
import { SystemClock } from '../src/platform/clock/clock';
import { ROW_SECURITY_SETTINGS_SQL, type TenantContext } from '../src/platform/tenancy/tenant-context.service';
import type { Actor } from '../src/platform/tenancy/request-actor';
import { DashboardRepository } from '../src/modules/dashboard/dashboard.repository';
import { DashboardService } from '../src/modules/dashboard/dashboard.service';
import { MeetingFiguresRepository } from '../src/modules/meetings/figures/meeting-figures.repository';
import { MeetingFigures } from '../src/modules/meetings/figures/meeting-figures.service';
import { ServiceStatistics } from '../src/modules/service-requests/statistics/service-statistics.service';
import { StatisticsRepository } from '../src/modules/service-requests/statistics/statistics.repository';
import type { Statement } from './explain';
import { appUrl } from './stack';

/**
 * The statements GET /alliances/:id/dashboard runs for this person now, for EXPLAIN: the product's
 * DashboardService computes the dashboard once on the application role, under row-level security,
 * and every statement it sends is kept with its parameters (later ones depend on earlier answers).
 */
export async function dashboardStatements(database: string, actor: Actor, allianceId: string): Promise<Statement[]> {
  const client = new Client({ connectionString: appUrl(database) });
  await client.connect();
  const statements: Statement[] = [];
  const tenant = {
    manager: {
      query: async (sql: string, params: unknown[] = []): Promise<unknown[]> => {
        statements.push({ sql, params });
        return (await client.query<Record<string, unknown>>(sql, params)).rows;
      },
    },
  } as unknown as TenantContext;
  const clock = new SystemClock();
  const dashboard = new DashboardService(
    new DashboardRepository(tenant),
    new ServiceStatistics(new StatisticsRepository(tenant), clock),
    new MeetingFigures(new MeetingFiguresRepository(tenant)),
    clock,
  );
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    await client.query(ROW_SECURITY_SETTINGS_SQL, [actor.tenantId ?? '', actor.userId, '', 'bench']);
    await dashboard.compute(allianceId, {});
    await client.query('ROLLBACK');
  } finally {
    await client.end();
  }
  return statements;
}
