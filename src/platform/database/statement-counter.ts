import type { Logger } from 'typeorm';
import { Counter } from 'prom-client';
import { metricsRegistry } from '../metrics/metrics';

const statements = new Counter({
  name: 'db_statements_total',
  help: 'SQL statements sent to PostgreSQL, each one round trip; kind "begin" counts transactions started',
  labelNames: ['kind'] as const,
  registers: [metricsRegistry],
});

/**
 * TypeORM hands every statement to its logger, whether or not logging is on; this one only counts
 * them, so /metrics shows how many round trips a request costs (the benchmark reads it).
 */
export class StatementCountingLogger implements Logger {
  logQuery(query: string): void {
    statements.inc({ kind: query === 'START TRANSACTION' ? 'begin' : 'statement' });
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
