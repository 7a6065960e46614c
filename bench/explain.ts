import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { ROW_SECURITY_SETTINGS_SQL } from '../src/platform/tenancy/tenant-context.service';
import { type BenchContext, round } from './context';
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

/** EXPLAIN ANALYZE runs of each statement after its warm-up; their median is the statement's time. */
export const WARM_RUNS = 5;

/** A plan's figures: large tables read by a sequential scan, and the statements' time in the database (ms). */
export interface PlanResult {
  seqScans: string[];
  /** Steady state: per statement, the median of WARM_RUNS runs after one untimed warm-up; summed. */
  executionMs: number;
  /** The first run of each statement on this connection, before any warm-up (caches, plans cold); summed. */
  coldMs: number;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) as the API runs a statement: the app role, in a transaction with the
 * request's row-security settings (which change plans: only leakproof operators narrow an index
 * scan under row-level security), rolled back. Each statement is measured in steady state, as the
 * API runs it all day: a first EXPLAIN ANALYZE (the cold reading, kept beside), one untimed
 * execution of the statement itself, then WARM_RUNS EXPLAIN ANALYZE runs, of which the median counts.
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
   * Writes explain-<name>.txt beside the results (each statement's median plan, with its cold and
   * warm times); returns the large tables read by a sequential scan and the statements' times.
   */
  async save(
    name: string,
    actor: { tenantId: string | null; userId: string },
    statements: Statement[],
  ): Promise<PlanResult> {
    const sections: string[] = [];
    const seqScans: string[] = [];
    let executionMs = 0;
    let coldMs = 0;
    for (const { sql, params } of statements) {
      const { cold, warm } = await this.plans(actor, sql, params);
      const runs = warm.map((plan) => ({ plan, ms: executionTime(plan) })).sort((a, b) => a.ms - b.ms);
      const middle = runs[Math.floor(runs.length / 2)];
      const coldTime = executionTime(cold);
      sections.push(
        `${sql.trim()}\n\n-- params: ${JSON.stringify(params)}\n` +
          `-- execution time: cold ${coldTime} ms; after a warm-up, median ${middle.ms} ms of ${runs.map((r) => r.ms).join(', ')}\n` +
          `-- the median run's plan:\n\n${middle.plan}\n\n-- the cold run's plan:\n\n${cold}`,
      );
      // A node the executor never reached (a fallback branch, e.g. while pre-aggregates catch up) read nothing.
      for (const [, table] of middle.plan.matchAll(/Seq Scan on (\w+)(?![^\n]*\(never executed\))/g))
        if (LARGE_TABLES.includes(table)) seqScans.push(table);
      executionMs += middle.ms;
      coldMs += coldTime;
    }
    const file = `explain-${name.replace(/\W+/g, '-').replace(/^-|-$/g, '')}.txt`;
    writeFileSync(join(this.ctx.resultsDir, file), `${sections.join(`\n\n${'-'.repeat(100)}\n\n`)}\n`);
    return { seqScans, executionMs, coldMs };
  }

  private async plans(
    actor: { tenantId: string | null; userId: string },
    sql: string,
    params: unknown[],
  ): Promise<{ cold: string; warm: string[] }> {
    const explain = async () => {
      const { rows } = await this.client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    };
    await this.client.query('BEGIN');
    try {
      await this.client.query(ROW_SECURITY_SETTINGS_SQL, [actor.tenantId ?? '', actor.userId, '', 'bench']);
      const cold = await explain();
      await this.client.query(sql, params);
      const warm: string[] = [];
      for (let i = 0; i < WARM_RUNS; i++) warm.push(await explain());
      return { cold, warm };
    } finally {
      await this.client.query('ROLLBACK');
    }
  }
}

function executionTime(plan: string): number {
  return Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
}

/** Records a plan's figures: sequential scans of large tables (none is the target) and the database's time. */
export function recordPlan(
  ctx: BenchContext,
  scenario: string,
  name: string,
  result: PlanResult,
  sqlTargetMs?: number,
): void {
  const { seqScans, executionMs, coldMs } = result;
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
    metric: `${name} SQL execution time (EXPLAIN ANALYZE, median of ${WARM_RUNS} after a warm-up; cold first run ${round(coldMs)} ms)`,
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
