import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  validateSync,
} from 'class-validator';
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { applyLocalSecrets, LOCAL_SECRET_NAMES, LOCAL_SECRETS_FILE, LocalSecretsError } from './local-secrets';

/**
 * SHA-256 of the development JWT_SECRET and SECRETS_KEY that earlier versions shipped in this
 * repository (and its docker-compose.yml): public, so refused everywhere.
 */
const PUBLISHED_SECRETS = new Set([
  'd51f7314ad11937948d5740702ed38bfc11840ce8c920e3e65622ef10e439c3c',
  'f4976740d1aae661e5fa63ec2b270182222a9616b207ea1454332d946565f693',
]);

/** Every environment variable the processes read, validated once at start. */
export class Environment {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** The application's connection: a role that owns nothing and is subject to row-level security. */
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://lianmeng_app:lianmeng_app@127.0.0.1:5432/lianmeng';

  /** The owner's connection, used only to create the database and run migrations and the seed. */
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  DATABASE_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/lianmeng';

  /**
   * Read replicas (comma-separated URLs, same role as DATABASE_URL). Only reads chosen for it (the
   * dashboard and the statistics) go there, in a read-only transaction with the tenant's settings;
   * everything else, and every transaction, stays on DATABASE_URL.
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^,\s]+(\s*,\s*postgres(ql)?:\/\/[^,\s]+)*$/, {
    message: 'must be one or more comma-separated postgres:// URLs',
  })
  DATABASE_READ_URL?: string;

  /** Connections per process to the primary, and to each read replica. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  DATABASE_POOL_SIZE = 10;

  /**
   * The server ends a session of the application's that idles this long inside a transaction (0: never),
   * so a frozen process cannot hold its row locks for good: its stalled job's next attempt would wait
   * behind them forever. Longer than any pause between statements the code makes on purpose.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

  /**
   * How long a request waits for a connection from the pool (all busy) or for a new one before it
   * answers 503 with Retry-After. A burst on a saturated machine can queue for seconds; raise it there.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(100)
  DATABASE_CONNECT_TIMEOUT_MS = 5000;

  /**
   * How long `GET /health` waits for each dependency's ping before it answers 503. A saturated
   * machine can take over a second to answer a ping; raise it there rather than have a load
   * balancer drop a working process.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(100)
  HEALTH_TIMEOUT_MS = 1500;

  /**
   * Redis, for growth: the queues, sign-in throttling, the session cache and stream tickets live there.
   * Unset: all of them live in PostgreSQL (BullMQ's PostgreSQL backend and unlogged tables), one
   * server fewer to run. See queueBackend().
   */
  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Prefix of every Redis key (queues, throttling, sessions), so deployments or test runs can share one server. */
  @IsString()
  @Matches(/^[A-Za-z0-9:_{}-]+$/, { message: 'may contain only letters, digits and : _ - { }' })
  QUEUE_PREFIX = '{lianmeng}';

  /** Tries of a job (a delivery, an import) before it is marked failed. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  QUEUE_ATTEMPTS = 5;

  /**
   * How many other waiting requests of the township a routing job routes with its own, in one
   * transaction; 0 routes each request in its own job's transaction only.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(100)
  ROUTING_COMPANIONS = 9;

  /** How long a worker holds a job's lock; a crashed worker's job is taken up again after it. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(500)
  QUEUE_LOCK_DURATION_MS = 30_000;

  /** First retry delay; each next one doubles. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(10)
  QUEUE_BACKOFF_MS = 2000;

  /** The worker rewrites this file every 5 s while it runs: its liveness probe (it serves no HTTP). Empty: none. */
  @IsOptional()
  @IsString()
  WORKER_HEARTBEAT_FILE?: string;

  /** Signs access tokens. No default: outside production loadEnvironment() generates one into var/secrets.json. */
  @IsOptional()
  @IsString()
  @MinLength(32)
  JWT_SECRET!: string;

  /** Encrypts secrets at rest: webhook URLs, robot signing secrets, SMTP passwords. Like JWT_SECRET. */
  @IsOptional()
  @IsString()
  @MinLength(32)
  SECRETS_KEY!: string;

  /**
   * Encrypts backups (npm run backup). The operator's own, kept apart from the server and from
   * SECRETS_KEY: a backup must stay readable when the disk holding var/secrets.json is gone.
   */
  @IsOptional()
  @IsString()
  @MinLength(32)
  BACKUP_KEY?: string;

  /** Where npm run backup writes its files. */
  @IsString()
  BACKUP_DIR = 'var/backups';

  /** Retention of backups (--prune): the newest of this many days, ISO weeks and months that have one. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  BACKUP_KEEP_DAILY = 7;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  BACKUP_KEEP_WEEKLY = 4;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  BACKUP_KEEP_MONTHLY = 12;

  /**
   * When the worker takes a backup (when BACKUP_KEY is set): a cron in Asia/Shanghai time, by
   * default every night at 02:00; `off` takes none. Each backup is verified right after it is taken.
   */
  @IsString()
  @Matches(/^(off|(\S+\s+){4,5}\S+)$/, { message: 'must be a cron of 5 or 6 fields (e.g. 0 2 * * *) or off' })
  BACKUP_SCHEDULE = '0 2 * * *';

  /** Where the worker keeps its backups: `local` (BACKUP_DIR) or `s3` (the S3_* store, under backups/). */
  @IsIn(['local', 's3'])
  BACKUP_STORE: 'local' | 's3' = 'local';

  /** The default mail server, e.g. smtp://user:pass@smtp.example.cn:465 (smtps:// for TLS); empty: no email unless a township sets its own. */
  @IsOptional()
  @Matches(/^smtps?:\/\//, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = '联盟 Lianmeng <no-reply@lianmeng.local>';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(60)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(3600)
  JWT_REFRESH_TTL_SECONDS = 30 * 24 * 3600;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 5;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  LOGIN_LOCKOUT_MINUTES = 15;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  LOGIN_RATE_PER_MINUTE = 20;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Diagnostics: appends every SQL statement with its parameters and transaction to this file (JSON lines). Never in production. */
  @IsOptional()
  @IsString()
  DB_STATEMENT_TRACE_FILE?: string;

  /** Base URL people reach the web app at; used in invitation links. */
  @Matches(/^https?:\/\//, { message: 'must be an http(s) URL' })
  PUBLIC_URL = 'http://localhost:3000';

  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  /**
   * The reverse proxies (ingress, load balancer) in front of the API: comma-separated IP addresses or
   * CIDR blocks. Only a request from one of them may name its client in X-Forwarded-For; anyone else
   * could name a new client per request and so escape the per-client sign-in limit. Empty: none.
   */
  @IsOptional()
  @ValidateBy({
    name: 'isProxyList',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && splitList(value).length > 0 && splitList(value).every(isAddressOrBlock),
      defaultMessage: () => 'must be comma-separated IP addresses or CIDR blocks, e.g. 10.0.0.0/8,127.0.0.1',
    },
  })
  TRUSTED_PROXIES?: string;

  /** Comma-separated origins allowed to call the API from another site; empty: same origin only. */
  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1024)
  UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

  /** What one township may store in uploads (attachments, reports, photos, imports); 0 for no limit. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  STORAGE_QUOTA_BYTES_PER_TENANT = 5 * 1024 * 1024 * 1024;

  /** A font with Chinese glyphs for PDFs (minutes); Debian/Ubuntu package fonts-noto-cjk. */
  @IsString()
  PDF_FONT_PATH = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

  /** The face inside a font collection (.ttc). */
  @IsString()
  PDF_FONT_NAME = 'NotoSansCJKsc-Regular';

  /** Where attachments are kept: `local` (STORAGE_DIR) or `s3` (any S3-compatible store). */
  @IsIn(['local', 's3'])
  STORAGE_DRIVER: 'local' | 's3' = 'local';

  @IsString()
  STORAGE_DIR = 'var/storage';

  @IsOptional()
  @Matches(/^https?:\/\//, { message: 'must be an http(s) URL' })
  S3_ENDPOINT?: string;

  @IsString()
  S3_REGION = 'us-east-1';

  @ValidateIf((env: Environment) => env.STORAGE_DRIVER === 's3' || env.BACKUP_STORE === 's3')
  @IsString()
  @MinLength(3)
  S3_BUCKET?: string;

  @ValidateIf((env: Environment) => env.STORAGE_DRIVER === 's3' || env.BACKUP_STORE === 's3')
  @IsString()
  @MinLength(1)
  S3_ACCESS_KEY_ID?: string;

  @ValidateIf((env: Environment) => env.STORAGE_DRIVER === 's3' || env.BACKUP_STORE === 's3')
  @IsString()
  @MinLength(1)
  S3_SECRET_ACCESS_KEY?: string;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1024)
  BODY_MAX_BYTES = 1024 * 1024;
}

const OPTIONAL = [
  'REDIS_URL',
  'JWT_SECRET',
  'SECRETS_KEY',
  'BACKUP_KEY',
  'DB_STATEMENT_TRACE_FILE',
  'TRUSTED_PROXIES',
  'DATABASE_READ_URL',
  'WORKER_HEARTBEAT_FILE',
  'WEB_DIST_DIR',
  'CORS_ORIGINS',
  'SMTP_URL',
  'S3_ENDPOINT',
  'S3_BUCKET',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
];

export class EnvironmentError extends Error {}

/** Where the queues and the short-lived state live: Redis when REDIS_URL is set, else PostgreSQL. */
export type StateBackend = 'redis' | 'postgres';

export function stateBackend(env: Pick<Environment, 'REDIS_URL'>): StateBackend {
  return env.REDIS_URL ? 'redis' : 'postgres';
}

/** The read replicas' URLs; empty when DATABASE_READ_URL is unset. */
export function readReplicaUrls(env: Pick<Environment, 'DATABASE_READ_URL'>): string[] {
  return (env.DATABASE_READ_URL ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** An IP address or a CIDR block: 10.0.0.7, 10.0.0.0/8, fd00::/8. */
function isAddressOrBlock(value: string): boolean {
  const [address, prefix, extra] = value.split('/');
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

/** Fastify's trustProxy: the configured proxies' addresses, or false to trust no X-Forwarded-For at all. */
export function trustedProxies(raw: { TRUSTED_PROXIES?: string }): string[] | false {
  const proxies = splitList(raw.TRUSTED_PROXIES ?? '');
  return proxies.length > 0 ? proxies : false;
}

export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const known = Object.keys(new Environment());
  const present = Object.fromEntries(
    Object.entries(raw).filter(([key, value]) => (known.includes(key) || OPTIONAL.includes(key)) && value !== ''),
  );
  const env = plainToInstance(Environment, present);
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) => `  ${e.property}=${JSON.stringify(present[e.property])}: ${Object.values(e.constraints ?? {}).join('; ')}`,
    );
    throw new EnvironmentError(`Invalid environment variables:\n${lines.join('\n')}`);
  }
  const secretErrors = LOCAL_SECRET_NAMES.flatMap((name) => {
    const value = env[name] as string | undefined;
    if (value === undefined) {
      return env.NODE_ENV === 'production'
        ? [
            `  ${name}: must be set to a secret of your own in production (at least 32 characters, e.g. from: openssl rand -hex 32)`,
          ]
        : [
            `  ${name}: is not set (the processes generate one into ${LOCAL_SECRETS_FILE} when started through loadEnvironment)`,
          ];
    }
    return PUBLISHED_SECRETS.has(createHash('sha256').update(value).digest('hex'))
      ? [
          `  ${name}: is the development value once published in this repository, so anyone could forge tokens or read stored secrets with it; unset it to have a random one generated, or set your own`,
        ]
      : [];
  });
  if (secretErrors.length > 0) throw new EnvironmentError(`Invalid environment variables:\n${secretErrors.join('\n')}`);
  return env;
}

/**
 * The environment of a process: process.env, with a missing JWT_SECRET or SECRETS_KEY taken (outside
 * production) from var/secrets.json, which the first start generates. Every entry point calls this,
 * so the API, the worker, the seed and the migration agree; it says where the secrets came from.
 */
export function loadEnvironment(raw: Record<string, string | undefined> = process.env): Environment {
  let notice: string | null;
  try {
    notice = applyLocalSecrets(raw);
  } catch (error) {
    if (error instanceof LocalSecretsError) throw new EnvironmentError(error.message);
    throw error;
  }
  if (notice) process.stderr.write(`${notice}\n`);
  return validateEnvironment(raw);
}
