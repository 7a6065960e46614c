import 'reflect-metadata';
import { Client } from 'pg';
import type { Clock } from '../src/platform/clock/clock';
import { SystemClock } from '../src/platform/clock/clock';
import { ROW_SECURITY_SETTINGS_SQL } from '../src/platform/tenancy/tenant-context.service';
import { dashboardService, queryingTenant } from './recorded-statements';

/**
 * Each statement the alliance dashboard runs, with its EXPLAIN ANALYZE execution time, on a
 * benchmark database kept from `npm run bench` (BENCH_KEEP_DATABASE=1) or seeded by
 * bench/seed/seed-large: `npx tsx bench/dashboard-profile.ts <DATABASE_URL> <DATABASE_ADMIN_URL> [runs]`.
 * The statements run as the product runs them: the application role, row-level security, one
 * REPEATABLE READ transaction, the busiest alliance of official@anhai.demo's township.
 */
async function main(): Promise<void> {
  const [url, adminUrl, runsArg] = process.argv.slice(2);
  if (!url || !adminUrl) throw new Error('usage: dashboard-profile <application database url> <admin url> [runs]');
  const runs = Number(runsArg ?? 5);
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const [{ tenant_id: tenantId, id: userId }] = (
    await admin.query<{ tenant_id: string; id: string }>(
      `SELECT tenant_id, id FROM users WHERE email = 'official@anhai.demo'`,
    )
  ).rows;
  await admin.end();
  const client = new Client({ connectionString: url });
  await client.connect();
  const clock: Clock = new SystemClock();
  let explain = false;
  const timings: { sql: string; ms: number; planMs?: number }[] = [];
  const tenant = queryingTenant(async (sql, params = []) => {
    let planMs: number | undefined;
    if (explain) {
      const { rows } = await client.query<{ 'QUERY PLAN': [{ 'Execution Time': number }] }>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`,
        params,
      );
      planMs = rows[0]['QUERY PLAN'][0]['Execution Time'];
    }
    const started = performance.now();
    const { rows } = await client.query<Record<string, unknown>>(sql, params);
    timings.push({ sql, ms: performance.now() - started, planMs });
    return rows;
  });
  const dashboard = dashboardService(tenant, clock);

  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
  await client.query(ROW_SECURITY_SETTINGS_SQL, [tenantId, userId, 'false', 'dashboard-profile']);
  const [{ alliance_id: allianceId }] = (
    await client.query<{ alliance_id: string }>(
      `SELECT alliance_id FROM service_request_directory GROUP BY alliance_id ORDER BY count(*) DESC LIMIT 1`,
    )
  ).rows;
  await client.query('COMMIT');

  const totals: number[] = [];
  const perStatement = new Map<string, { ms: number[]; planMs: number[] }>();
  for (let run = 0; run <= runs + 1; run++) {
    explain = run === runs + 1;
    timings.length = 0;
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    await client.query(ROW_SECURITY_SETTINGS_SQL, [tenantId, userId, 'false', 'dashboard-profile']);
    const started = performance.now();
    await dashboard.compute(allianceId, {});
    const total = performance.now() - started;
    await client.query('COMMIT');
    if (run === 0) continue; // warm-up
    if (!explain) totals.push(total);
    for (const t of timings) {
      const key = t.sql.replace(/\s+/g, ' ').trim().slice(0, 90);
      const entry = perStatement.get(key) ?? { ms: [], planMs: [] };
      if (t.planMs !== undefined) entry.planMs.push(t.planMs);
      else entry.ms.push(t.ms);
      perStatement.set(key, entry);
    }
  }
  await client.end();

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  process.stdout.write(
    `dashboard.compute, ${runs} runs: median ${median(totals).toFixed(1)} ms, max ${Math.max(...totals).toFixed(1)} ms\n`,
  );
  const rows = [...perStatement].sort((a, b) => median(b[1].ms) - median(a[1].ms));
  for (const [sql, { ms, planMs }] of rows) {
    process.stdout.write(
      `${median(ms).toFixed(1).padStart(8)} ms  (EXPLAIN ANALYZE ${median(planMs).toFixed(1).padStart(7)} ms, ×${ms.length / runs})  ${sql}\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
