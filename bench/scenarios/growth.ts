import type { BenchContext } from '../context';
import { dashboardService, recordStatements } from '../recorded-statements';
import { Explainer, settle, type Statement } from '../explain';
import { type GrowthResult, type GrowthSeries, logBound, requests, writeGrowthReport } from '../growth-report';
import { load, median } from '../load';
import { FULL_SCALE, type LargeTenantScale, seedLargeTenant } from '../seed/large-tenant';
import { adminUrl, appUrl } from '../stack';
import { SystemClock } from '../../src/platform/clock/clock';
import { actorOf, busiestAlliance, readPaths } from './read-paths';

/** The same modest, paced rate at every size, so the sizes compare: latency, not saturation. */
const RATE = 10;
const SECONDS = 10;
const CONNECTIONS = 10;
/** EXPLAIN ANALYZE runs per path and size; their median is the SQL time. */
const EXPLAINS = 5;
const DEFAULT_SIZES = [10_000, 100_000, 1_000_000, 10_000_000];

/**
 * The sizes to measure: BENCH_GROWTH_SIZES (comma-separated request counts), else 10 k, 100 k and
 * 1 M, and 10 M when BENCH_SCALE asks for it (≥ 10).
 */
export function growthSizes(scaleFactor: number): number[] {
  const asked = process.env.BENCH_GROWTH_SIZES?.split(',')
    .map((size) => Number(size.trim()))
    .filter((size) => Number.isInteger(size) && size > 0);
  const sizes = asked?.length
    ? [...new Set(asked)].sort((a, b) => a - b)
    : DEFAULT_SIZES.filter((size) => size <= Math.max(1, scaleFactor) * FULL_SCALE.requests);
  if (sizes.length < 2) throw new Error(`Growth needs two sizes at least, not ${sizes.join(', ')}`);
  return sizes;
}

/**
 * Issue 16's growth check: the read paths and the alliance dashboard on one township grown step by
 * step (the seed tops its requests up to each size, then vacuums and analyses), measured at each
 * size. A path passes when neither its SQL time nor its p99 grows faster than the logarithm of the
 * data: value(largest) ≤ value(smallest) × log10(largest) ÷ log10(smallest).
 */
export async function growthScenario(
  ctx: BenchContext,
  sizes: number[],
  scale: LargeTenantScale,
  now: Date,
): Promise<void> {
  const official = await actorOf(ctx, 'official@anhai.demo');
  const paths = await readPaths(ctx);
  const allianceId = await busiestAlliance(ctx, official.tenantId!);
  const clock = new SystemClock();
  const series: GrowthSeries[] = paths.map((path) => ({ name: path.name, sqlMs: [], p99Ms: [] }));
  const steps: GrowthResult['steps'] = [];
  const measured: number[] = [];

  for (const size of sizes) {
    const have = await requestCount(ctx, official.tenantId!);
    if (have > size) {
      process.stdout.write(`  ${size} requests: skipped, the township has ${have} already\n`);
      continue;
    }
    let started = clock.now().getTime();
    if (have < size) {
      process.stdout.write(`  growing from ${have} to ${size} requests\n`);
      await seedLargeTenant(adminUrl(ctx.database), { ...scale, requests: size }, now, (line) =>
        process.stdout.write(`    ${line}\n`),
      );
    }
    const seedSeconds = (clock.now().getTime() - started) / 1000;
    started = clock.now().getTime();
    const explainer = new Explainer(ctx);
    await explainer.connect();
    try {
      for (const [index, path] of paths.entries()) {
        const url = `${ctx.apiUrl}/api/v1${path.path}`;
        const headers = { authorization: `Bearer ${await ctx.token(path.email)}` };
        // Warm: the first size is measured right after the API started, and every size after new data.
        await load({ url, headers, connections: 2, durationSeconds: 2 });
        await settle(ctx);
        const run = await load({ url, headers, connections: CONNECTIONS, durationSeconds: SECONDS, rate: RATE });
        await settle(ctx);
        if (run.errors > 0 || run.non2xx > 0)
          throw new Error(`${path.name}: ${run.non2xx} answers not 2xx and ${run.errors} errors in ${run.requests}`);

        const actor = await actorOf(ctx, path.email);
        // The dashboard's later statements depend on earlier answers: recorded anew at each size.
        const statements: Statement[] =
          path.name === 'alliance dashboard'
            ? await recordStatements(appUrl(ctx.database), actor, (tenant) =>
                dashboardService(tenant, clock).compute(allianceId, {}),
              )
            : path.statements;
        const times: number[] = [];
        for (let i = 0; i < EXPLAINS && statements.length > 0; i++)
          times.push((await explainer.save(`growth ${size} ${path.name}`, actor, statements)).executionMs);
        const sqlMs = times.length ? median(times) : NaN;
        series[index].sqlMs.push(sqlMs);
        series[index].p99Ms.push(run.p99);
        process.stdout.write(
          `  ${size} requests · ${path.name}: SQL ${sqlMs.toFixed(2)} ms (${statements.length} statements; runs ${times.map((t) => t.toFixed(2)).join(', ')}), p99 ${run.p99.toFixed(1)} ms at ${RATE} req/s\n`,
        );
      }
    } finally {
      await explainer.end();
    }
    measured.push(size);
    steps.push({ size, seedSeconds, measureSeconds: (clock.now().getTime() - started) / 1000 });
  }

  const result: GrowthResult = { sizes: measured, series, steps, rate: RATE, seconds: SECONDS };
  if (measured.length < 2) throw new Error(`Growth measured ${measured.length} size, two are needed`);
  for (const verdict of verdicts(result)) ctx.record(verdict);
  const files = await writeGrowthReport(ctx.resultsDir, result, clock.now());
  process.stdout.write(`  written: ${files.join(', ')}\n`);
}

/** One row per path and figure: its growth from the smallest size to the largest against the log bound. */
export function verdicts(result: GrowthResult) {
  const bound = logBound(result.sizes);
  const span = `${requests(result.sizes[0])} → ${requests(result.sizes[result.sizes.length - 1])} requests`;
  return result.series.flatMap((s) =>
    (
      [
        ['SQL time', s.sqlMs],
        [`p99 at ${result.rate} req/s`, s.p99Ms],
      ] as const
    )
      .filter(([, values]) => !values.some(Number.isNaN))
      .map(([figure, values]) => {
        const growth = values[values.length - 1] / values[0];
        return {
          scenario: 'Growth',
          metric: `${s.name} ${figure}, growth ${span} (${round2(values[0])} → ${round2(values[values.length - 1])} ms)`,
          value: growth,
          unit: '×',
          target: `≤ ${bound.toFixed(2)} × (log)`,
          met: growth <= bound,
        };
      }),
  );
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

async function requestCount(ctx: BenchContext, tenantId: string): Promise<number> {
  const [{ n }] = await ctx.query<{ n: string }>('SELECT count(*) AS n FROM service_requests WHERE tenant_id = $1', [
    tenantId,
  ]);
  return Number(n);
}
