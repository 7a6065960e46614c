import { join } from 'node:path';
import { Pool } from 'pg';
import type { Submitter } from './baseline/submit-transaction';
import { adminUrl, BenchProcess, freePort, productEnv, ROOT } from './stack';

/** One measured figure, its target if it has one, and whether the target was met. */
export interface Row {
  scenario: string;
  metric: string;
  value: number;
  unit: string;
  /** e.g. "≥ 60 %" or "≤ 50 ms"; absent for figures shown for context. */
  target?: string;
  met?: boolean;
}

/** What every scenario gets: the running product, sign-ins, a superuser pool and somewhere to write. */
export class BenchContext {
  readonly rows: Row[] = [];
  readonly admin: Pool;
  api!: BenchProcess;
  apiUrl!: string;
  worker: BenchProcess | null = null;
  /** The highest peak RSS of the workers stopped so far. */
  workerPeakRssMb = 0;
  submitter!: Submitter;
  readonly submitterEmail = 'jingong@anhai.demo';
  private readonly tokens = new Map<string, string>();

  constructor(
    readonly database: string,
    readonly resultsDir: string,
  ) {
    this.admin = new Pool({ connectionString: adminUrl(database), max: 4 });
  }

  record(row: Row): void {
    this.rows.push(row);
    const mark = row.met === undefined ? '' : row.met ? '  met' : '  MISSED';
    process.stdout.write(
      `  ${row.scenario} · ${row.metric}: ${round(row.value)} ${row.unit}${row.target ? ` (target ${row.target})` : ''}${mark}\n`,
    );
  }

  async startApi(extra: Record<string, string> = {}): Promise<void> {
    const port = await freePort();
    this.apiUrl = `http://127.0.0.1:${port}`;
    this.api = new BenchProcess(
      'api',
      process.execPath,
      [...nodeFlags('api'), join(ROOT, 'dist/src/main.js')],
      productEnv(this.database, { PORT: String(port), HOST: '127.0.0.1', ...extra }),
      join(this.resultsDir, 'api.log'),
    );
    await this.api.waitFor(/API listening on/);
  }

  async startWorker(extra: Record<string, string> = {}, logName = 'worker.log'): Promise<BenchProcess> {
    await this.stopWorker();
    this.worker = new BenchProcess(
      'worker',
      process.execPath,
      [...nodeFlags('worker'), join(ROOT, 'dist/src/worker.js')],
      productEnv(this.database, extra),
      join(this.resultsDir, logName),
    );
    await this.worker.waitFor(/Worker started/);
    return this.worker;
  }

  async stopWorker(): Promise<void> {
    if (this.worker?.running) this.workerPeakRssMb = Math.max(this.workerPeakRssMb, this.worker.peakRssMb());
    await this.worker?.stop();
    this.worker = null;
  }

  /** An access token for a demo or generated user (all share the demo password). */
  async token(email: string): Promise<string> {
    const known = this.tokens.get(email);
    if (known) return known;
    const response = await fetch(`${this.apiUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'Lianmeng-Demo-2024' }),
    });
    if (!response.ok) throw new Error(`Sign-in as ${email} failed: ${response.status} ${await response.text()}`);
    const { accessToken } = (await response.json()) as { accessToken: string };
    this.tokens.set(email, accessToken);
    return accessToken;
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.admin.query(sql, params)).rows as T[];
  }

  /** The product's own count of SQL statements and transactions, from the API's /metrics. */
  async statementCounts(): Promise<{ statements: number; transactions: number }> {
    const text = await (await fetch(`${this.apiUrl}/metrics`)).text();
    const read = (kind: string) =>
      Number(new RegExp(`db_statements_total\\{kind="${kind}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
    return { statements: read('statement') + read('begin'), transactions: read('begin') };
  }
}

/** BENCH_PROFILE=api|worker starts that process with the V8 CPU profiler; profiles land in the results. */
function nodeFlags(name: string): string[] {
  return process.env.BENCH_PROFILE === name
    ? ['--cpu-prof', `--cpu-prof-dir=${join(ROOT, 'bench/results/profiles')}`]
    : [];
}

/** "product ÷ <baseline>": the product's rate as a share of a baseline's, met from `atLeast` (0.6: 60 %) of it. */
export function shareOfBaseline(
  scenario: string,
  baseline: string,
  product: number,
  base: number,
  atLeast: number,
): Row {
  return {
    scenario,
    metric: `product ÷ ${baseline}`,
    value: (100 * product) / base,
    unit: '%',
    target: `≥ ${Math.round(100 * atLeast)} %`,
    met: product >= atLeast * base,
  };
}

export function round(value: number): number {
  return Math.abs(value) >= 100
    ? Math.round(value)
    : Math.abs(value) >= 10
      ? Math.round(value * 10) / 10
      : Math.round(value * 100) / 100;
}
