import { Client } from 'pg';
import type { Clock } from '../src/platform/clock/clock';
import { ROW_SECURITY_SETTINGS_SQL, type TenantContext } from '../src/platform/tenancy/tenant-context.service';
import type { Actor } from '../src/platform/tenancy/request-actor';
import { DashboardRepository } from '../src/modules/dashboard/dashboard.repository';
import { DashboardService } from '../src/modules/dashboard/dashboard.service';
import { MemberFiguresRepository } from '../src/modules/alliances/figures/member-figures.repository';
import { MemberFigures } from '../src/modules/alliances/figures/member-figures.service';
import { OrganizationFigureChanges } from '../src/modules/organizations/organization-figure-changes.service';
import { MeetingFiguresRepository } from '../src/modules/meetings/figures/meeting-figures.repository';
import { MeetingFigures } from '../src/modules/meetings/figures/meeting-figures.service';
import { ServiceStatistics } from '../src/modules/service-requests/statistics/service-statistics.service';
import { StatisticsRepository } from '../src/modules/service-requests/statistics/statistics.repository';
import type { Statement } from './explain';

type Query = (sql: string, params?: unknown[]) => Promise<unknown[]>;

/** A TenantContext whose manager only answers `query`: enough for the repositories read paths stand on. */
export function queryingTenant(query: Query): TenantContext {
  return { manager: { query } } as unknown as TenantContext;
}

export function serviceStatistics(tenant: TenantContext, clock: Clock): ServiceStatistics {
  return new ServiceStatistics(new StatisticsRepository(tenant), clock);
}

export function dashboardService(tenant: TenantContext, clock: Clock): DashboardService {
  return new DashboardService(
    new DashboardRepository(tenant),
    serviceStatistics(tenant, clock),
    new MeetingFigures(new MeetingFiguresRepository(tenant)),
    new MemberFigures(new MemberFiguresRepository(tenant), new OrganizationFigureChanges(tenant)),
    clock,
  );
}

/**
 * The statements the product's own services run for `work`, recorded as they run as `actor` (the
 * app role, row-level security, a REPEATABLE READ transaction rolled back): for the paths whose SQL
 * is not one builder's but a service's sequence (the statistics, the alliance dashboard).
 */
export async function recordStatements(
  appUrl: string,
  actor: Actor,
  work: (tenant: TenantContext) => Promise<unknown>,
): Promise<Statement[]> {
  const client = new Client({ connectionString: appUrl });
  await client.connect();
  const statements: Statement[] = [];
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(ROW_SECURITY_SETTINGS_SQL, [actor.tenantId ?? '', actor.userId, '', 'bench-record']);
    await work(
      queryingTenant(async (sql, params = []) => {
        statements.push({ sql, params });
        return (await client.query<Record<string, unknown>>(sql, params)).rows;
      }),
    );
    return statements;
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}
