import { Redis } from 'ioredis';
import { Client } from 'pg';
import { readReplicaUrls } from '../config/environment';

export class DependencyUnavailableError extends Error {}

function where(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || (parsed.protocol.startsWith('redis') ? 6379 : 5432)}`;
}

const POSTGRES_HELP = [
  'Start it with one of:',
  '  docker compose up -d postgres',
  '  sudo pg_ctlcluster $(ls /etc/postgresql) main start   (Debian/Ubuntu package)',
  '  brew services start postgresql                         (macOS)',
].join('\n');

const REDIS_HELP = [
  'Start it with one of:',
  '  docker compose up -d redis',
  '  redis-server --daemonize yes --bind 127.0.0.1 --port 6379   (Debian/Ubuntu package redis-server)',
  '  brew services start redis                                    (macOS)',
  'or unset REDIS_URL to keep the queues and the short-lived state in PostgreSQL.',
].join('\n');

/** The oldest PostgreSQL the schema runs on: the modules' exported views need security_invoker (15). */
const MINIMUM_POSTGRES_MAJOR = 15;

export async function checkPostgres(url: string, variable = 'DATABASE_URL'): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  let version: { num: string; name: string } | undefined;
  try {
    await client.connect();
    version = (
      await client.query<{ num: string; name: string }>(
        `SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS name`,
      )
    ).rows[0];
  } catch (error) {
    const reason = (error as Error).message;
    const code = (error as { code?: string }).code;
    if (code === '3D000' || code === '28000' || code === '28P01') {
      throw new DependencyUnavailableError(
        `PostgreSQL at ${where(url)} (${variable}) refused the connection: ${reason}.\nCreate the database and its roles with: npm run migration:run`,
      );
    }
    throw new DependencyUnavailableError(
      `PostgreSQL is not reachable at ${where(url)} (${variable}): ${reason}.\n${POSTGRES_HELP}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  if (version) assertSupportedPostgres(Number(version.num), version.name, `${where(url)} (${variable})`);
}

/** server_version_num is major × 10000 + minor from PostgreSQL 10 on (e.g. 150020 for 15.20). */
export function assertSupportedPostgres(versionNum: number, versionName: string, at: string): void {
  if (Math.floor(versionNum / 10000) >= MINIMUM_POSTGRES_MAJOR) return;
  throw new DependencyUnavailableError(
    `PostgreSQL at ${at} is version ${versionName}; Lianmeng needs ${MINIMUM_POSTGRES_MAJOR} or newer. Upgrade it, or leave DATABASE_URL unset to use the built-in server (npm run demo or npm run serve).`,
  );
}

export async function checkRedis(url: string): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 2000,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new DependencyUnavailableError(
      `Redis is not reachable at ${where(url)} (REDIS_URL): ${(error as Error).message}.\n${REDIS_HELP}`,
    );
  } finally {
    redis.disconnect();
  }
}

/**
 * BullMQ keeps its jobs, locks and schedules in Redis: a server that may evict keys under memory
 * pressure loses jobs without a trace, so the worker refuses one whose policy is not noeviction.
 */
export async function checkRedisEvictionPolicy(url: string): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 2000,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    // INFO rather than CONFIG GET: managed Redis services often forbid CONFIG.
    const policy = /^maxmemory_policy:(\S+)/m.exec(await redis.info('memory'))?.[1];
    if (policy && policy !== 'noeviction') {
      throw new DependencyUnavailableError(
        `Redis at ${where(url)} (REDIS_URL) has maxmemory-policy "${policy}"; the queues need "noeviction", or jobs can be evicted and silently lost.\n` +
          'Set it in redis.conf (maxmemory-policy noeviction) or with: redis-cli CONFIG SET maxmemory-policy noeviction',
      );
    }
  } catch (error) {
    if (error instanceof DependencyUnavailableError) throw error;
    throw new DependencyUnavailableError(
      `Redis is not reachable at ${where(url)} (REDIS_URL): ${(error as Error).message}.\n${REDIS_HELP}`,
    );
  } finally {
    redis.disconnect();
  }
}

/** The application's role must be subject to row-level security, or tenant isolation is void. */
export async function checkApplicationRole(url: string, variable = 'DATABASE_URL'): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }>(
      'SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user',
    );
    const role = rows[0];
    if (role && (role.rolsuper || role.rolbypassrls)) {
      throw new DependencyUnavailableError(
        `${variable} connects as "${role.rolname}", a role that bypasses row-level security.\n` +
          'Point DATABASE_URL at the application role (default lianmeng_app) and DATABASE_ADMIN_URL at the owner.',
      );
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Run before Nest starts, so a missing service gives one clear message instead of a stack trace. */
export async function checkDependencies(env: {
  DATABASE_URL: string;
  DATABASE_READ_URL?: string;
  REDIS_URL?: string;
}): Promise<void> {
  await checkPostgres(env.DATABASE_URL);
  await checkApplicationRole(env.DATABASE_URL);
  // TypeORM opens a connection to every replica at start and fails without one: say which.
  for (const url of readReplicaUrls(env)) {
    await checkPostgres(url, 'DATABASE_READ_URL');
    await checkApplicationRole(url, 'DATABASE_READ_URL');
  }
  if (env.REDIS_URL) await checkRedis(env.REDIS_URL);
}
