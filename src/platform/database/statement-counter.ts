import { appendFileSync } from 'node:fs';
import { Counter } from 'prom-client';
import type { Logger, QueryRunner } from 'typeorm';
import { metricsRegistry } from '../metrics/metrics';

const statements = new Counter({
  name: 'db_statements_total',
  help: 'SQL statements sent to PostgreSQL, each one round trip; kind "begin" counts transactions started',
  labelNames: ['kind'] as const,
  registers: [metricsRegistry],
});

/**
 * TypeORM hands every statement to its logger, whether or not logging is on; this one counts them,
 * so /metrics shows how many round trips a request costs. With a trace file it also appends each
 * statement, its parameters and its query runner (one per transaction) as a JSON line: the
 * benchmark replays a routing job's exact statements from it.
 */
export class StatementCountingLogger implements Logger {
  private readonly runners = new WeakMap<QueryRunner, number>();
  private nextRunner = 1;

  constructor(private readonly traceFile?: string) {}

  logQuery(query: string, parameters?: unknown[], queryRunner?: QueryRunner): void {
    statements.inc({ kind: query.startsWith('START TRANSACTION') ? 'begin' : 'statement' });
    if (this.traceFile)
      appendFileSync(
        this.traceFile,
        `${JSON.stringify({ runner: this.runnerId(queryRunner), sql: query, parameters: parameters ?? [] })}\n`,
      );
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}

  private runnerId(runner?: QueryRunner): number {
    if (!runner) return 0;
    let id = this.runners.get(runner);
    if (id === undefined) this.runners.set(runner, (id = this.nextRunner++));
    return id;
  }
}
