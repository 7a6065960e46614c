import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';
import { SystemClock } from '../src/platform/clock/clock';
import { BenchContext } from './context';
import { writeReport } from './report';
import { finishRun, startRun } from './run-info';
import { backupScenario } from './scenarios/backup';
import { growthScenario, growthSizes } from './scenarios/growth';
import { intakeScenario } from './scenarios/intake';
import { meetingsScenario } from './scenarios/meetings';
import { queueBackendsScenario } from './scenarios/queue-backends';
import { readPathsScenario } from './scenarios/read-paths';
import { captureRouting, routeScenario } from './scenarios/route';
import { submitScenario } from './scenarios/submit';
import { scaleBy, seedLargeTenant } from './seed/large-tenant';
import { adminUrl, productEnv, ROOT, runScript } from './stack';

/**
 * `npm run bench`: a fresh database seeded to a large township, the real API and worker as child
 * processes, load over loopback, every figure beside a baseline measured in the same run.
 * BENCH_SCALE (default 1) shrinks the data set for a quick try; BENCH_ONLY=read,backup runs only
 * the scenarios whose names start with those words (submit, route, read, meetings, intake, memory, queue,
 * backup);
 * BENCH_READ_PATHS="alliance dashboard" only the read paths whose names hold one of those comma-separated
 * words. BENCH_KEEP_DATABASE=1 keeps the seeded database, and BENCH_REUSE_DATABASE=1 runs on it again
 * (migrated to the build, not seeded anew): a scenario measured before and after a change on the same data.
 * Growth runs only when BENCH_ONLY names it (it takes long): the township is seeded to the first of
 * its sizes, grown to each next one, and any other scenario named runs afterwards on the largest.
 */
async function main(): Promise<void> {
  const clock = new SystemClock();
  const run = startRun(clock, ROOT);
  const database = process.env.BENCH_DATABASE ?? 'lianmeng_bench';
  const scaleFactor = Number(process.env.BENCH_SCALE ?? 1);
  const resultsDir = join(ROOT, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });

  const scale = scaleBy(scaleFactor);
  const growth = named('growth') ? growthSizes(scaleFactor) : [];
  const now = clock.now();
  const env = productEnv(database);
  let seeded: { seconds: number; rows: Record<string, number> };
  if (process.env.BENCH_REUSE_DATABASE === '1') {
    // A database kept by an earlier run (BENCH_KEEP_DATABASE=1): migrated to this build, not seeded again.
    step(`Database ${database}, as kept`);
    await clearQueues(database);
    runScript('scripts/migrate.js', env);
    seeded = { seconds: 0, rows: {} };
  } else {
    step(`Database ${database}`);
    psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`, true);
    psql(`CREATE DATABASE ${database}`);
    await clearQueues(database);
    runScript('scripts/migrate.js', env);
    runScript('scripts/seed/seed.js', { ...env, NODE_ENV: 'development' });
    const first = growth.length ? { ...scale, requests: growth[0] } : scale;
    seeded = await seedLargeTenant(adminUrl(database), first, now, (line) => process.stdout.write(`  ${line}\n`));
    process.stdout.write(`  seeded in ${Math.round(seeded.seconds)} s: ${JSON.stringify(seeded.rows)}\n`);
  }

  const ctx = new BenchContext(database, resultsDir);
  try {
    await ctx.startApi();
    ctx.submitter = await findSubmitter(ctx);
    if (growth.length) {
      step('8. Growth');
      await growthScenario(ctx, growth, scale, now).catch((error: Error) => {
        process.stdout.write(`  failed: ${error.stack}\n`);
        ctx.record({
          scenario: 'Growth',
          metric: `did not finish: ${error.message.split('\n')[0]}`,
          value: 0,
          unit: '',
          target: 'finishes',
          met: false,
        });
      });
    }
    let peakRps = 0;
    let routing: Awaited<ReturnType<typeof captureRouting>> | undefined;
    if (chosen('2. Route')) {
      step('Tracing one routing job for the routing baseline');
      routing = await captureRouting(ctx);
    }
    const scenarios: [string, () => Promise<void>][] = [
      ['1. Submit', async () => void ({ peakRps } = await submitScenario(ctx))],
      // Without the submit scenario, the routing latency is read at half of BENCH_SUBMIT_PEAK (default 100 requests a second).
      ['2. Route', () => routeScenario(ctx, routing!, peakRps || Number(process.env.BENCH_SUBMIT_PEAK ?? 100))],
      ['3. Read paths', () => readPathsScenario(ctx)],
      ['4. Meetings', () => meetingsScenario(ctx)],
      ['9. Intake', () => intakeScenario(ctx)],
    ];
    for (const [name, run] of scenarios) {
      if (!chosen(name)) continue;
      step(name);
      try {
        await run();
      } catch (error) {
        process.stdout.write(`  failed: ${(error as Error).stack}\n`);
        ctx.record({
          scenario: name.slice(3),
          metric: `did not finish: ${(error as Error).message.split('\n')[0]}`,
          value: 0,
          unit: '',
          target: 'finishes',
          met: false,
        });
      }
    }
    if (chosen('5. Memory')) {
      step('5. Memory');
      const apiRss = ctx.api.peakRssMb();
      const workerRss = Math.max(ctx.worker?.peakRssMb() ?? 0, ctx.workerPeakRssMb);
      ctx.record({
        scenario: 'Memory',
        metric: 'API peak RSS under load',
        value: apiRss,
        unit: 'MB',
        target: '≤ 250 MB',
        met: apiRss <= 250,
      });
      // The worker runs in the route scenario; without it there is no worker to measure.
      if (workerRss > 0 || chosen('2. Route'))
        ctx.record({
          scenario: 'Memory',
          metric: 'worker peak RSS under load',
          value: workerRss,
          unit: 'MB',
          target: '≤ 250 MB',
          met: workerRss > 0 && workerRss <= 250,
        });
    }
    // It restarts the API and the worker on each backend.
    if (chosen('6. Queue backends')) {
      step('6. Queue backends');
      await queueBackendsScenario(ctx).catch((error: Error) => {
        process.stdout.write(`  failed: ${error.stack}\n`);
        ctx.record({
          scenario: 'Queue backends',
          metric: `did not finish: ${error.message.split('\n')[0]}`,
          value: 0,
          unit: '',
          target: 'finishes',
          met: false,
        });
      });
    }
    // Last, with the API and the worker stopped, so the backup has the machine to itself.
    if (chosen('7. Backup')) {
      step('7. Backup');
      await ctx.stopWorker();
      await ctx.api?.stop();
      await backupScenario(ctx).catch((error: Error) => {
        process.stdout.write(`  failed: ${error.stack}\n`);
        ctx.record({
          scenario: 'Backup',
          metric: `did not finish: ${error.message.split('\n')[0]}`,
          value: 0,
          unit: '',
          target: 'finishes',
          met: false,
        });
      });
    }
  } finally {
    await ctx.stopWorker();
    await ctx.api?.stop();
    await ctx.admin.end();
  }

  const finished = finishRun(run, clock);
  const minutes = (finished.finishedAt.getTime() - run.startedAt.getTime()) / 60_000;
  const { table, dated } = writeReport(
    resultsDir,
    ctx.rows,
    { database, scale, ...(growth.length && { growthSizes: growth }), seedSeconds: seeded.seconds, minutes },
    finished,
  );
  process.stdout.write(
    `\n${table}\n\nFinished in ${minutes.toFixed(1)} min; results in bench/results/results.md, results.json and ${dated}.\n`,
  );
  if (process.env.BENCH_KEEP_DATABASE !== '1') {
    psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await clearQueues(database);
  }
}

async function findSubmitter(ctx: BenchContext) {
  const [row] = await ctx.query<{
    tenant_id: string;
    user_id: string;
    organization_id: string;
    alliance_id: string;
    category_id: string;
  }>(
    `SELECT u.tenant_id, u.id AS user_id, u.organization_id, m.alliance_id, c.id AS category_id
       FROM users u
       JOIN alliance_memberships m ON m.organization_id = u.organization_id AND m.left_on IS NULL AND m.role IN ('lead', 'member')
       JOIN service_categories c ON c.alliance_id = m.alliance_id AND c.active
      WHERE u.email = $1 ORDER BY m.created_at, c.created_at LIMIT 1`,
    [ctx.submitterEmail],
  );
  return {
    tenantId: row.tenant_id,
    userId: row.user_id,
    organizationId: row.organization_id,
    allianceId: row.alliance_id,
    categoryId: row.category_id,
  };
}

/** Removes this benchmark's BullMQ keys (and only those) from the shared Redis. */
async function clearQueues(database: string): Promise<void> {
  const redis = new Redis(productEnv(database).REDIS_URL);
  try {
    for await (const keys of redis.scanStream({ match: `{${database}}:*`, count: 1000 })) {
      if ((keys as string[]).length > 0) await redis.del(...(keys as string[]));
    }
  } finally {
    redis.disconnect();
  }
}

function psql(sql: string, quiet = false): void {
  execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-qAtc', sql], {
    stdio: ['ignore', 'ignore', quiet ? 'ignore' : 'inherit'],
  });
}

/** Whether BENCH_ONLY (a comma-separated list of first words, e.g. "read,backup") asks for this scenario. */
function chosen(name: string): boolean {
  const only = process.env.BENCH_ONLY?.split(',')
    .map((word) => word.trim().toLowerCase())
    .filter(Boolean);
  const first = name
    .replace(/^\d+\.\s*/, '')
    .split(' ')[0]
    .toLowerCase();
  return !only?.length || only.includes(first);
}

/** Whether BENCH_ONLY names this scenario itself: for those that do not run by default. */
function named(word: string): boolean {
  return (process.env.BENCH_ONLY ?? '').split(',').some((name) => name.trim().toLowerCase() === word);
}

function step(name: string): void {
  process.stdout.write(`\n== ${name}\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
