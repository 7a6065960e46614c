import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pgbenchScript, SUBMISSION_BODY } from '../baseline/submit-transaction';
import { shareOfBaseline, type BenchContext } from '../context';
import { load, median, type LoadResult } from '../load';
import { sleep } from '../stack';
import { startRawBaseline } from '../baseline/raw-baseline';

const CONNECTIONS = 20;
const SECONDS = 8;
const RUNS = 3;

/**
 * Scenario 1: POST /service-requests at full speed, against (a) pgbench running the same
 * transaction, (b) a bare Fastify + pg server doing the same work and (c) pgbench inserting one row
 * per transaction (what this machine's PostgreSQL commits at most), all at the same concurrency.
 * Returns the product's peak rate for the scenarios that load at a fraction of it.
 */
export async function submitScenario(ctx: BenchContext): Promise<{ peakRps: number }> {
  const s = ctx.submitter;
  const body = JSON.stringify({ allianceId: s.allianceId, categoryId: s.categoryId, ...SUBMISSION_BODY });
  const headers = { authorization: `Bearer ${await ctx.token(ctx.submitterEmail)}` };
  const url = `${ctx.apiUrl}/api/v1/service-requests`;

  // Rounds interleave the product and its baselines, so a machine that slows down part-way
  // slows all three alike; the median of each is kept.
  const raw = await startRawBaseline(ctx);
  const rawUrl = `${raw.origin}/api/v1/service-requests`;
  const productRuns: LoadResult[] = [];
  const rawRuns: LoadResult[] = [];
  const pgbenchRuns: number[] = [];
  const oneRowRuns: number[] = [];
  const oneRow = await oneRowInsert(ctx);
  let statements = 0;
  let transactions = 0;
  let product: { rps: number };
  let steady: LoadResult;
  let rawSteady: LoadResult;
  try {
    for (let round = 0; round < RUNS; round++) {
      const storedBefore = await storedBy(ctx);
      const before = await ctx.statementCounts();
      productRuns.push(
        await load({ url, method: 'POST', headers, body, connections: CONNECTIONS, durationSeconds: SECONDS }),
      );
      // Rows, not answers, and only once the API is idle: a request still in flight when the load
      // stops has begun its transaction but not yet stored its row, which counted as an extra
      // transaction per in-flight request (20 in about 1,500: the "1.01" of earlier runs).
      const after = await settledCounts(ctx);
      const stored = (await storedBy(ctx)) - storedBefore;
      statements += (after.statements - before.statements) / stored / RUNS;
      transactions += (after.transactions - before.transactions) / stored / RUNS;
      rawRuns.push(
        await load({ url: rawUrl, method: 'POST', headers, body, connections: CONNECTIONS, durationSeconds: SECONDS }),
      );
      pgbenchRuns.push(await pgbenchRun(ctx, 'submit', pgbenchScript(ctx.submitter)));
      oneRowRuns.push(await pgbenchRun(ctx, 'one-row-insert', oneRow));
    }
    for (const [label, runs] of [
      ['product', productRuns],
      ['raw baseline', rawRuns],
    ] as const)
      runs.forEach((r) => assertClean(label, r));
    product = { rps: median(productRuns.map((r) => r.rps)) };
    // The baseline at the product's steady rate too: how much of the p99 is this machine's.
    const rate = Math.round(product.rps * 0.7);
    steady = await load({ url, method: 'POST', headers, body, connections: CONNECTIONS, durationSeconds: 10, rate });
    rawSteady = await load({
      url: rawUrl,
      method: 'POST',
      headers,
      body,
      connections: CONNECTIONS,
      durationSeconds: 10,
      rate,
    });
  } finally {
    await raw.server.stop();
    await ctx.query(`DROP TABLE IF EXISTS ${ONE_ROW_TABLE}`);
  }
  assertClean('product at 70 %', steady);
  assertClean('raw baseline at 70 %', rawSteady);
  const rawRps = median(rawRuns.map((r) => r.rps));
  const pgbench = median(pgbenchRuns);
  const oneRowTps = median(oneRowRuns);

  ctx.record({ scenario: 'Submit', metric: 'product peak rate', value: product.rps, unit: 'req/s' });
  ctx.record({ scenario: 'Submit', metric: '(b) raw Fastify + pg, same work', value: rawRps, unit: 'req/s' });
  ctx.record({ scenario: 'Submit', metric: '(a) pgbench, same transaction', value: pgbench, unit: 'tps' });
  ctx.record({ scenario: 'Submit', metric: '(c) pgbench, one-row insert', value: oneRowTps, unit: 'tps' });
  ctx.record(shareOfBaseline('Submit', '(b)', product.rps, rawRps, 0.6));
  ctx.record(shareOfBaseline('Submit', '(a)', product.rps, pgbench, 0.3));
  ctx.record(shareOfBaseline('Submit', '(c)', product.rps, oneRowTps, 0.25));
  ctx.record({
    scenario: 'Submit',
    metric: `p99 at 70 % of peak (${Math.round(steady.rps)} req/s; p50 ${Math.round(steady.p50)} ms)`,
    value: steady.p99,
    unit: 'ms',
    target: '≤ 50 ms',
    met: steady.p99 <= 50,
  });
  ctx.record({
    scenario: 'Submit',
    metric: `(b) raw Fastify + pg at the same rate: p99 (p50 ${Math.round(rawSteady.p50)} ms)`,
    value: rawSteady.p99,
    unit: 'ms',
  });
  ctx.record({
    scenario: 'Submit',
    metric: 'transactions per request',
    value: transactions,
    unit: '',
    target: '≤ 1',
    met: transactions <= 1.005,
  });
  ctx.record({
    scenario: 'Submit',
    metric: 'statements (round trips) per request, BEGIN and COMMIT included',
    value: statements,
    unit: '',
  });
  return { peakRps: product.rps };
}

/** The API's statement counters once they have stopped moving (at most 30 s from now). */
async function settledCounts(ctx: BenchContext): Promise<{ statements: number; transactions: number }> {
  const deadline = Date.now() + 30_000;
  let last = await ctx.statementCounts();
  for (;;) {
    await sleep(250);
    const now = await ctx.statementCounts();
    if (now.statements === last.statements || Date.now() > deadline) return now;
    last = now;
  }
}

async function storedBy(ctx: BenchContext): Promise<number> {
  const [row] = await ctx.query<{ n: string }>(
    'SELECT count(*) AS n FROM service_requests WHERE requester_user_id = $1',
    [ctx.submitter.userId],
  );
  return Number(row.n);
}

const ONE_ROW_TABLE = 'bench_one_row_insert';

/** Baseline (c): a table of its own (dropped after the scenario) and a script inserting one row of it per transaction. */
async function oneRowInsert(ctx: BenchContext): Promise<{ script: string; variables: Record<string, string> }> {
  await ctx.query(`DROP TABLE IF EXISTS ${ONE_ROW_TABLE}`);
  await ctx.query(
    `CREATE TABLE ${ONE_ROW_TABLE} (id uuid PRIMARY KEY, title text NOT NULL, created_at timestamptz NOT NULL)`,
  );
  await ctx.query(`GRANT INSERT ON ${ONE_ROW_TABLE} TO lianmeng_runtime`);
  return {
    script: `INSERT INTO ${ONE_ROW_TABLE} (id, title, created_at) VALUES (gen_random_uuid(), :title, now());\n`,
    variables: { title: SUBMISSION_BODY.title },
  };
}

async function pgbenchRun(
  ctx: BenchContext,
  name: string,
  { script, variables }: { script: string; variables: Record<string, string> },
): Promise<number> {
  const file = join(ctx.resultsDir, `${name}.pgbench.sql`);
  writeFileSync(file, script);
  const { stdout } = await promisify(execFile)('pgbench', [
    '-n',
    '-h',
    '127.0.0.1',
    '-U',
    'lianmeng_app',
    '-M',
    'prepared',
    '-c',
    String(CONNECTIONS),
    '-j',
    '2',
    '-T',
    String(SECONDS),
    '-f',
    file,
    ...Object.entries(variables).map(([k, v]) => `-D${k}=${v}`),
    ctx.database,
  ]);
  const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
  if (failed > 0) throw new Error(`pgbench: ${failed} transactions failed\n${stdout}`);
  return Number(/tps = ([\d.]+)/.exec(stdout)![1]);
}

function assertClean(label: string, result: { errors: number; non2xx: number; requests: number }): void {
  if (result.errors > 0 || result.non2xx > 0)
    throw new Error(
      `${label}: ${result.non2xx} non-2xx answers and ${result.errors} errors in ${result.requests} requests`,
    );
}
