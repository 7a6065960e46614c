import { join, sep } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { StatementCountingLogger } from './statement-counter';

/** The project root, whether this file runs compiled (dist/src/...) or from source under jest. */
const COMPILED = __dirname.includes(`${sep}dist${sep}`);
const PROJECT_ROOT = join(__dirname, COMPILED ? '../../../..' : '../../..');

/**
 * Every entity registers itself by its file name: a module's `*.entity.ts` is found here, so the
 * platform names no module. The compiled build loads the compiled files, jest the sources.
 */
export const ENTITY_FILES = COMPILED
  ? join(PROJECT_ROOT, 'dist/src/**/*.entity.js')
  : join(PROJECT_ROOT, 'src/**/*.entity.ts');

/** How the primary's and the replicas' connections show in pg_stat_activity (a URL's own application_name wins). */
export const PRIMARY_APPLICATION_NAME = 'lianmeng';
export const REPLICA_APPLICATION_NAME = 'lianmeng-replica';

/**
 * `readUrls`: read replicas. With them TypeORM keeps one pool for the primary and one per replica;
 * `defaultMode: 'master'` keeps every query on the primary unless a query runner is created in
 * 'slave' mode on purpose (TenantContext.read). A replica connection carries no tenant settings
 * of its own, so reads that merely defaulted to a replica would see nothing under row-level security.
 * `idleInTransactionTimeoutMs` is for the application's sessions; 0 leaves the server's setting.
 * `connectTimeoutMs`: the longest wait for a pooled or a new connection (pg-pool uses it for both).
 */
export function dataSourceOptions(
  url: string,
  poolSize = 10,
  {
    readUrls = [],
    idleInTransactionTimeoutMs = 0,
    connectTimeoutMs = 5000,
  }: { readUrls?: string[]; idleInTransactionTimeoutMs?: number; connectTimeoutMs?: number } = {},
): DataSourceOptions {
  const connection =
    readUrls.length > 0
      ? {
          replication: {
            master: { url, applicationName: PRIMARY_APPLICATION_NAME },
            slaves: readUrls.map((readUrl) => ({ url: readUrl, applicationName: REPLICA_APPLICATION_NAME })),
            defaultMode: 'master' as const,
          },
        }
      : { url, applicationName: PRIMARY_APPLICATION_NAME };
  return {
    type: 'postgres',
    ...connection,
    entities: [ENTITY_FILES],
    // Compiled migrations only: tests and the CLI run the build's migrations, like production.
    migrations: [join(PROJECT_ROOT, 'dist/migrations/*.js')],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; the application role may not create extensions.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    poolSize,
    logger: new StatementCountingLogger(),
    extra: {
      connectionTimeoutMillis: connectTimeoutMs,
      ...(idleInTransactionTimeoutMs > 0 && { idle_in_transaction_session_timeout: idleInTransactionTimeoutMs }),
    },
  };
}
