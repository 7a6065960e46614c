import { createPostgresBackend, Queue, withBackend } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import type { StateBackend } from '../../../src/platform/config/environment';
import { registeredQueues } from '../../../src/platform/queue/job-registry';
import { QUEUE_SCHEMA } from '../../../src/platform/queue/queue-schema';
import '../../../src/queues';
import { AppProcess } from './app-process';
import { hookProcessExit, ownDir, releaseDir } from './owned-resources';
import { PostgresCluster } from './postgres-cluster';
import { freePort } from './ports';
import { RedisServer } from './redis-server';

export const DEMO_PASSWORD = 'Lianmeng-Demo-2024';
const DATABASE = 'lianmeng';

/**
 * One test file's whole world: its own PostgreSQL cluster and Redis server, migrated and seeded
 * with the built scripts, and the built API and worker as child processes pointed at them.
 */
export class FaultStack {
  readonly apps = new Set<AppProcess>();
  private readonly storage = mkdtempSync(join(tmpdir(), 'lianmeng-faults-storage-'));

  private constructor(
    readonly pg: PostgresCluster,
    private readonly redisServer: RedisServer | null,
    private readonly overrides: Record<string, string>,
  ) {
    ownDir(this.storage);
  }

  /** `backend: 'postgres'`: no Redis at all, the queues and short-lived state on the cluster. */
  static async create(
    options: { env?: Record<string, string>; redisArgs?: string[]; backend?: StateBackend } = {},
  ): Promise<FaultStack> {
    hookProcessExit();
    const withRedis = (options.backend ?? 'redis') === 'redis';
    const [pg, redis] = await Promise.all([
      PostgresCluster.create(),
      withRedis ? RedisServer.create(options.redisArgs) : null,
    ]);
    const stack = new FaultStack(pg, redis, options.env ?? {});
    for (const script of ['scripts/migrate.js', 'scripts/seed/seed.js']) {
      const run = new AppProcess(script, script, stack.env());
      const exit = await run.exited;
      if (exit.code !== 0) throw new Error(`${script} failed (${JSON.stringify(exit)}):\n${run.output().slice(-3000)}`);
    }
    return stack;
  }

  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      NODE_ENV: 'test',
      DATABASE_URL: this.pg.url(DATABASE, 'lianmeng_app', 'lianmeng_app'),
      DATABASE_ADMIN_URL: this.pg.url(DATABASE),
      ...(this.redisServer ? { REDIS_URL: this.redisServer.url } : {}),
      QUEUE_PREFIX: '{lm-faults}',
      QUEUE_LOCK_DURATION_MS: '2000',
      QUEUE_BACKOFF_MS: '200',
      LOGIN_RATE_PER_MINUTE: '100000',
      STORAGE_DRIVER: 'local',
      STORAGE_DIR: this.storage,
      LOG_LEVEL: 'info',
      ...this.overrides,
      ...extra,
    };
  }

  async startApi(extra: Record<string, string> = {}): Promise<ApiProcess> {
    const port = await freePort();
    const app = new ApiProcess(
      `http://127.0.0.1:${port}`,
      this.env({ PORT: String(port), HOST: '127.0.0.1', ...extra }),
    );
    this.apps.add(app);
    await app.waitForOutput(/API listening on/);
    return app;
  }

  async startWorker(extra: Record<string, string> = {}, name = 'worker'): Promise<AppProcess> {
    const worker = this.spawnWorker(extra, name);
    await worker.waitForOutput(/Worker started/);
    return worker;
  }

  spawnWorker(extra: Record<string, string> = {}, name = 'worker'): AppProcess {
    const worker = new AppProcess(name, 'src/worker.js', this.env(extra));
    this.apps.add(worker);
    return worker;
  }

  get redis(): RedisServer {
    if (!this.redisServer) throw new Error('This stack runs without Redis (backend: postgres)');
    return this.redisServer;
  }

  /** BullMQ's view of the stack's queues, on whichever backend it runs; close them when done. */
  openQueues(): { queues: Queue[]; close: () => Promise<void> } {
    if (this.redisServer) {
      const queues = registeredQueues().map(
        (name) =>
          new Queue(name, { connection: { host: '127.0.0.1', port: this.redisServer!.port }, prefix: '{lm-faults}' }),
      );
      return { queues, close: async () => void (await Promise.all(queues.map((queue) => queue.close()))) };
    }
    const pool = new Pool({
      connectionString: this.databaseAdminUrl,
      max: 4,
      options: `-c search_path=${QUEUE_SCHEMA}`,
    });
    pool.on('error', () => undefined);
    const { Queue: PostgresQueue } = withBackend(createPostgresBackend);
    const queues = registeredQueues().map((name) => new PostgresQueue(name, { connection: pool }) as unknown as Queue);
    return {
      queues,
      close: async () => {
        await Promise.all(queues.map((queue) => queue.close()));
        await pool.end();
      },
    };
  }

  query<T extends object = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.pg.query<T>(DATABASE, sql, params);
  }

  get databaseAdminUrl(): string {
    return this.pg.url(DATABASE);
  }

  async destroy(): Promise<void> {
    await Promise.all([...this.apps].map((app) => app.destroy()));
    await Promise.allSettled([this.pg.destroy(), this.redisServer?.destroy()]);
    releaseDir(this.storage);
  }
}

export interface Submission {
  key: string;
  status: number | null;
  id?: string;
  ms: number;
  error?: string;
}

/** The API over real HTTP (fetch), with the demo enterprise contact's fixtures. */
export class ApiProcess extends AppProcess {
  constructor(
    readonly url: string,
    env: Record<string, string>,
  ) {
    super('api', 'src/main.js', env);
  }

  async token(email = 'xingyi@anhai.demo'): Promise<string> {
    const response = await fetch(`${this.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  async health(timeoutMs = 5000): Promise<{ status: number | null; body: unknown; ms: number }> {
    const started = Date.now();
    try {
      const response = await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(timeoutMs) });
      return { status: response.status, body: await response.json(), ms: Date.now() - started };
    } catch (error) {
      return { status: null, body: String(error), ms: Date.now() - started };
    }
  }

  /** POST /api/v1/service-requests; never throws: a failure is recorded with its error and time. */
  async submit(
    token: string,
    body: Record<string, unknown>,
    options: { key?: string; timeoutMs?: number } = {},
  ): Promise<Submission> {
    const key = options.key ?? `fault-${randomUUID()}`;
    const started = Date.now();
    try {
      const response = await fetch(`${this.url}/api/v1/service-requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
      });
      const text = await response.text();
      const json = (text ? JSON.parse(text) : {}) as { id?: string };
      return {
        key,
        status: response.status,
        id: json.id,
        ms: Date.now() - started,
        ...(response.status >= 300 && { error: text.slice(0, 300) }),
      };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      return {
        key,
        status: null,
        ms: Date.now() - started,
        error: `${(error as Error).name}: ${cause?.code ?? (error as Error).message}`,
      };
    }
  }
}

/** The seeded alliance and a category the demo enterprise may submit to. */
export async function requestBody(stack: FaultStack, title = '故障注入测试'): Promise<Record<string, unknown>> {
  const [alliance] = await stack.query(`SELECT id FROM alliances WHERE name = '安海镇智能装备制造产业集群党建联盟'`);
  const [category] = await stack.query(`SELECT id FROM service_categories WHERE code = 'policy' AND alliance_id = $1`, [
    alliance.id,
  ]);
  return {
    allianceId: alliance.id,
    categoryId: category.id,
    title,
    description: '故障注入：检查请求在故障后仍被正确处理',
  };
}

/** Polls until `check` returns a value `done` accepts, or fails with the last value after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await check();
      if (done(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms; last value: ${JSON.stringify(last)?.slice(0, 3000)}${lastError ? `; last error: ${lastError instanceof Error ? String(lastError) : JSON.stringify(lastError)}` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
