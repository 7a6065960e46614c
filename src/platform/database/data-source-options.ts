import { join, sep } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { entities } from './entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { StatementCountingLogger } from './statement-counter';

/** The project root, whether this file runs compiled (dist/src/...) or from source under jest. */
const PROJECT_ROOT = join(__dirname, __dirname.includes(`${sep}dist${sep}`) ? '../../../..' : '../../..');

/** `idleInTransactionTimeoutMs` is for the application's sessions; 0 leaves the server's setting. */
export function dataSourceOptions(url: string, poolSize = 10, idleInTransactionTimeoutMs = 0): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
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
      connectionTimeoutMillis: 5000,
      application_name: 'lianmeng',
      ...(idleInTransactionTimeoutMs > 0 && { idle_in_transaction_session_timeout: idleInTransactionTimeoutMs }),
    },
  };
}
