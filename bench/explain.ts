import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { ROW_SECURITY_SETTINGS_SQL } from '../src/platform/tenancy/tenant-context.service';
import type { BenchContext } from './context';
import { appUrl } from './stack';

/** Tables large enough that a sequential scan of one is a missing index, not a plan choice. */
export const LARGE_TABLES = [
  'service_requests',
  'service_request_events',
  'meetings',
  'meeting_participants',
  'organizations',
  'users',
  'audit_log',
  'outbox_events',
  'notifications',
];

export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) as the API runs a statement: the app role, in a transaction with the
 * request's row-security settings (which change plans: only leakproof operators narrow an index
 * scan under row-level security), rolled back.
 */
export class Explainer {
  private readonly client: Client;

  constructor(private readonly ctx: BenchContext) {
    this.client = new Client({ connectionString: appUrl(ctx.database) });
  }

  async connect(): Promise<void> {
    await this.client.connect();
  }

  end(): Promise<void> {
    return this.client.end();
  }

  /**
   * Writes explain-<name>.txt beside the results; returns the large tables read by a sequential
   * scan and the statements' execution time in the database (ms).
   */
  async save(
    name: string,
    actor: { tenantId: string | null; userId: string },
    statements: Statement[],
  ): Promise<{ seqScans: string[]; executionMs: number }> {
    const sections: string[] = [];
    const seqScans: string[] = [];
    let executionMs = 0;
    for (const { sql, params } of statements) {
      const plan = await this.plan(actor, sql, params);
      sections.push(`${sql.trim()}\n\n-- params: ${JSON.stringify(params)}\n\n${plan}`);
      for (const [, table] of plan.matchAll(/Seq Scan on (\w+)/g))
        if (LARGE_TABLES.includes(table)) seqScans.push(table);
      executionMs += Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
    }
    const file = `explain-${name.replace(/\W+/g, '-').replace(/^-|-$/g, '')}.txt`;
    writeFileSync(join(this.ctx.resultsDir, file), `${sections.join(`\n\n${'-'.repeat(100)}\n\n`)}\n`);
    return { seqScans, executionMs };
  }

  private async plan(
    actor: { tenantId: string | null; userId: string },
    sql: string,
    params: unknown[],
  ): Promise<string> {
    await this.client.query('BEGIN');
    try {
      await this.client.query(ROW_SECURITY_SETTINGS_SQL, [actor.tenantId ?? '', actor.userId, '', 'bench']);
      const { rows } = await this.client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      await this.client.query('ROLLBACK');
    }
  }
}

/** Records a plan's figures: sequential scans of large tables (none is the target) and the database's time. */
export function recordPlan(
  ctx: BenchContext,
  scenario: string,
  name: string,
  result: { seqScans: string[]; executionMs: number },
  sqlTargetMs?: number,
): void {
  const { seqScans, executionMs } = result;
  ctx.record({
    scenario,
    metric: `${name} plan: sequential scans of a large table${seqScans.length ? ` (${seqScans.join(', ')})` : ''}`,
    value: seqScans.length,
    unit: '',
    target: 'none',
    met: seqScans.length === 0,
  });
  ctx.record({
    scenario,
    metric: `${name} SQL execution time (EXPLAIN ANALYZE, once)`,
    value: executionMs,
    unit: 'ms',
    ...(sqlTargetMs !== undefined && { target: `≤ ${sqlTargetMs} ms`, met: executionMs <= sqlTargetMs }),
  });
}

/** Waits until the product has no statement running in the database: what a load run left in flight has finished. */
export async function settle(ctx: BenchContext, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ active }] = await ctx.query<{ active: number }>(
      `SELECT count(*)::int AS active FROM pg_stat_activity WHERE datname = $1 AND usename = 'lianmeng_app' AND state <> 'idle' AND pid <> pg_backend_pid()`,
      [ctx.database],
    );
    if (active === 0) return;
    if (Date.now() > deadline) {
      process.stdout.write(
        `  (still ${active} statements running in the database after ${timeoutMs / 1000} s; going on)\n`,
      );
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
