import type { TransactionalAdapter } from '@nestjs-cls/transactional';
import { escapeLiteral } from 'pg';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

export interface TransactionOptions {
  isolationLevel?: IsolationLevel;
  /** Statements sent with START TRANSACTION in one round trip: the row-security settings. */
  begin?: string;
}

/**
 * TypeORM transactions for the CLS plugin, as its own TypeORM adapter makes them, except that a new
 * transaction's first statements travel with its START TRANSACTION: every request and job saves a
 * round trip, which on loopback costs more CPU than most of the statements themselves.
 */
export class TransactionAdapter implements TransactionalAdapter<DataSource, EntityManager, TransactionOptions> {
  constructor(readonly connectionToken: unknown) {}

  optionsFactory = (dataSource: DataSource) => ({
    wrapWithTransaction: async (
      options: TransactionOptions | undefined,
      fn: () => Promise<unknown>,
      setClient: (manager?: EntityManager) => void,
    ) => {
      const runner = dataSource.createQueryRunner();
      if (options?.begin) beginWith(runner, `START TRANSACTION; ${options.begin}`);
      try {
        await runner.startTransaction(options?.isolationLevel);
        setClient(runner.manager);
        const result = await fn();
        await runner.commitTransaction();
        return result;
      } catch (error) {
        // The original error is the one that matters, even when the rollback fails too.
        await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      } finally {
        await runner.release();
      }
    },
    wrapWithNestedTransaction: (
      options: TransactionOptions | undefined,
      fn: () => Promise<unknown>,
      setClient: (manager?: EntityManager) => void,
      manager: EntityManager,
    ) => {
      const inside = (nested: EntityManager) => {
        setClient(nested);
        return fn();
      };
      return options?.isolationLevel
        ? manager.transaction(options.isolationLevel, inside)
        : manager.transaction(inside);
    },
    getFallbackInstance: () => dataSource.manager,
  });
}

/**
 * Makes the runner send `statements` in place of its next START TRANSACTION, as one simple-protocol
 * query (so they take no parameters: values go in as literals, see `withLiterals`). TypeORM keeps
 * its own account of the transaction (active, depth), so commit, rollback and savepoints work as usual.
 */
export function beginWith(runner: QueryRunner, statements: string): void {
  const query = runner.query.bind(runner);
  runner.query = ((sql: string, ...rest: unknown[]) => {
    if (sql !== 'START TRANSACTION') return (query as (...args: unknown[]) => Promise<unknown>)(sql, ...rest);
    runner.query = query;
    return query(statements);
  }) as QueryRunner['query'];
}

/** `sql` with each $n replaced by values[n - 1] as a quoted literal. */
export function withLiterals(sql: string, values: string[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => escapeLiteral(values[Number(n) - 1] ?? ''));
}
