// `npm run demo` runs this first: it needs no build, so a missing PostgreSQL or Redis is reported in
// seconds rather than after the build. Only what is configured is checked: without DATABASE_URL the
// demo starts its built-in PostgreSQL, without REDIS_URL the queues live in PostgreSQL. Plain Node with pg and ioredis from node_modules. The messages
// and defaults follow src/platform/startup/dependency-check.ts and src/platform/config/environment.ts
// (test/integration/processes.test.ts checks both the messages and the defaults).
import { Redis } from 'ioredis';
import pg from 'pg';

const DATABASE_ADMIN_URL = process.env.DATABASE_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/lianmeng';
const EXTERNAL_DATABASE = Boolean(process.env.DATABASE_URL);
const REDIS_URL = process.env.REDIS_URL || '';
const TIMEOUT_MS = 3000;

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
].join('\n');

function where(url, defaultPort) {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || defaultPort}`;
}

function reason(error) {
  return String(error?.message || error?.code || 'no answer').replace(/\.$/, '');
}

/** The server, through its `postgres` database: the demo's own database is created by the migration. */
async function checkPostgres() {
  let url;
  try {
    url = new URL(DATABASE_ADMIN_URL);
  } catch {
    return `DATABASE_ADMIN_URL="${DATABASE_ADMIN_URL}" is not a postgres:// URL.`;
  }
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: TIMEOUT_MS });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    const at = where(DATABASE_ADMIN_URL, 5432);
    if (error.code === '28000' || error.code === '28P01') {
      return `PostgreSQL at ${at} (DATABASE_ADMIN_URL) refused the connection: ${error.message}.\nSet DATABASE_ADMIN_URL to a role that may create databases, e.g. postgres://postgres:password@${at}/lianmeng`;
    }
    return `PostgreSQL is not reachable at ${at} (DATABASE_ADMIN_URL): ${reason(error)}.\n${POSTGRES_HELP}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Reachable, and keeping its keys under memory pressure (the worker refuses a server that may evict jobs). */
async function checkRedis() {
  let at;
  try {
    at = where(REDIS_URL, 6379);
  } catch {
    return `REDIS_URL="${REDIS_URL}" is not a redis:// URL.`;
  }
  const redis = new Redis(REDIS_URL, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: TIMEOUT_MS,
  });
  // ioredis rejects connect() with "Connection is closed"; the socket's own error says why.
  let cause;
  redis.on('error', (error) => (cause = error));
  try {
    await redis.connect();
    const policy = /^maxmemory_policy:(\S+)/m.exec(await redis.info('memory'))?.[1];
    if (policy && policy !== 'noeviction') {
      return `Redis at ${at} (REDIS_URL) has maxmemory-policy "${policy}"; the queues need "noeviction", or jobs can be evicted and silently lost.\nSet it in redis.conf (maxmemory-policy noeviction) or with: redis-cli CONFIG SET maxmemory-policy noeviction`;
    }
    return null;
  } catch (error) {
    return `Redis is not reachable at ${at} (REDIS_URL): ${reason(cause ?? error)}.\n${REDIS_HELP}`;
  } finally {
    redis.disconnect();
  }
}

const problems = (
  await Promise.all([EXTERNAL_DATABASE ? checkPostgres() : null, REDIS_URL ? checkRedis() : null])
).filter(Boolean);
if (problems.length > 0) {
  process.stderr.write(`\nThe demo cannot start.\n${problems.join('\n\n')}\n\n`);
  process.exit(1);
}
const database = EXTERNAL_DATABASE
  ? `PostgreSQL at ${where(DATABASE_ADMIN_URL, 5432)} answers`
  : 'The built-in PostgreSQL will start (DATABASE_URL is not set)';
const queues = REDIS_URL
  ? `Redis at ${where(REDIS_URL, 6379)} answers`
  : 'the queues will live in PostgreSQL (REDIS_URL is not set)';
process.stdout.write(`${database}; ${queues}.\n`);
process.exit(0);
