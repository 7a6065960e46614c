import { Client } from 'pg';
import { SystemClock } from '../src/platform/clock/clock';
import { ROW_SECURITY_SETTINGS_SQL, type TenantContext } from '../src/platform/tenancy/tenant-context.service';
import type { Actor } from '../src/platform/tenancy/request-actor';
import type { Statement } from './explain';
import { appUrl } from './stack';
import { dashboardOver } from './dashboard-service';

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
  const dashboard = dashboardOver(tenant, clock);
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
