import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiApp } from '../../src/platform/http/create-api-app';
import { WorkerModule } from '../../src/worker.module';
import { seed } from '../../scripts/seed/seed';
import { SystemClock } from '../../src/platform/clock/clock';
import type { StateBackend } from '../../src/platform/config/environment';
import { controlClock, type ControlledClock } from './clock';
import { createEmptyTestDatabase, createTestDatabase, TestDatabase } from './test-database';
import { redisAvailable } from './redis-suites';
import { TEST_REDIS_URL } from './test-environment';
import { Http } from './http';

export interface TestApp {
  api: NestFastifyApplication;
  worker?: INestApplicationContext;
  db: TestDatabase;
  /** The Redis key prefix of this app: its queues, throttling and sessions are its own. */
  prefix: string;
  backend: StateBackend;
  /** The app's clock when it was started with `now`; tests move it with `clock.set`. */
  clock: ControlledClock;
  close(): Promise<void>;
}

export interface TestAppOptions {
  worker?: boolean;
  seed?: boolean;
  /** The demo's year of history as well (slower; only the tests that look at it ask). */
  history?: boolean;
  /** Variables of this app; a function when they name its database (e.g. DATABASE_READ_URL). */
  env?: Record<string, string> | ((db: TestDatabase) => Record<string, string>);
  listen?: boolean;
  /**
   * "Now" for this app: the demo seed's today, and the API's and worker's clock from the start.
   * Without it both read the system clock (for browser tests, whose pages read the browser's).
   */
  now?: Date;
  /**
   * Where the queues and the short-lived state live: Redis (REDIS_URL set) or PostgreSQL alone.
   * Default: TEST_STATE_BACKEND, else Redis.
   */
  backend?: StateBackend;
  /**
   * Fills the app's database before the API starts (e.g. restores a backup into it), in place of the
   * template's migrated schema: the database it is given is empty. Implies `seed: false`.
   */
  prepare?: (db: TestDatabase) => Promise<void>;
}

/** Both queue backends, or PostgreSQL alone on a machine without Redis (see test-servers.ts). */
export const STATE_BACKENDS: StateBackend[] = redisAvailable() ? ['redis', 'postgres'] : ['postgres'];

export function defaultBackend(): StateBackend {
  return process.env.TEST_STATE_BACKEND === 'postgres' || !redisAvailable() ? 'postgres' : 'redis';
}

const SYSTEM_CLOCK: ControlledClock = {
  now: () => new SystemClock().now(),
  set: () => {
    throw new Error('start the test app with `now` to move its clock');
  },
};

/**
 * The real API (and, when asked, the real worker) on a database of its own, with the real
 * PostgreSQL and Redis. Nothing is mocked; each test file gets its own tenant data.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = options.prepare ? await createEmptyTestDatabase() : await createTestDatabase();
  const prefix = `{lm-test-${randomBytes(4).toString('hex')}}`;
  const storageDir = mkdtempSync(join(tmpdir(), 'lianmeng-storage-'));
  const backend = options.backend ?? defaultBackend();
  delete process.env.REDIS_URL;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: db.appUrl,
    DATABASE_ADMIN_URL: db.adminUrl,
    DATABASE_POOL_SIZE: '5',
    ...(backend === 'redis' ? { REDIS_URL: TEST_REDIS_URL } : {}),
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // Explicit, so no test file writes var/secrets.json (loadEnvironment's fallback); one per test file.
    JWT_SECRET: process.env.JWT_SECRET ?? randomBytes(32).toString('hex'),
    SECRETS_KEY: process.env.SECRETS_KEY ?? randomBytes(32).toString('hex'),
    LOGIN_RATE_PER_MINUTE: '1000',
    STORAGE_DRIVER: 'local',
    STORAGE_DIR: storageDir,
    ...(typeof options.env === 'function' ? options.env(db) : options.env),
  });
  const clock = options.now ? controlClock(options.now) : SYSTEM_CLOCK;
  if (options.prepare) {
    await options.prepare(db).catch(async (error: unknown) => {
      await db.drop();
      rmSync(storageDir, { recursive: true, force: true });
      throw error;
    });
  } else if (options.seed !== false) await seed(db.adminUrl, clock.now(), { history: options.history ?? false });
  const api = await createApiApp({ logger: false });
  await api.init();
  if (options.listen) await api.listen({ port: 0, host: '127.0.0.1' });
  else await api.getHttpAdapter().getInstance().ready();
  let worker: INestApplicationContext | undefined;
  if (options.worker) {
    // TEST_LOG_LEVEL=debug shows the worker's log, to see why a job did not run.
    const logs = Boolean(process.env.TEST_LOG_LEVEL);
    worker = await NestFactory.createApplicationContext(WorkerModule, {
      logger: logs ? undefined : false,
      bufferLogs: logs,
    });
    if (logs) worker.useLogger(worker.get(Logger));
    await worker.init();
  }
  return {
    api,
    worker,
    db,
    prefix,
    backend,
    clock,
    async close() {
      await worker?.close();
      await api.close();
      await db.drop();
      rmSync(storageDir, { recursive: true, force: true });
    },
  };
}

/**
 * The usual set-up of a describe block: one app started before its tests and closed after them,
 * with an Http client on its API. Read `app` and `http` inside tests and hooks (they are set then).
 */
export function useTestApp(options: TestAppOptions = {}): { readonly app: TestApp; readonly http: Http } {
  const context = {} as { app: TestApp; http: Http };
  beforeAll(async () => {
    context.app = await startTestApp(options);
    context.http = new Http(context.app.api);
  });
  afterAll(() => context.app?.close());
  return context;
}
