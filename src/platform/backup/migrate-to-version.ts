import { DataSource, MigrationExecutor, type QueryRunner } from 'typeorm';
import { BackupError } from './backup-error';

/** The timestamp a TypeORM migration's name ends in, e.g. ShortLivedState1795644300000. */
export function migrationTimestamp(name: string): number {
  const match = /(\d{13})$/.exec(name);
  if (!match) throw new BackupError(`"${name}" is not a migration name this version knows`);
  return Number(match[1]);
}

/** Runs, on `runner` and inside its open transaction, the pending migrations up to `version` (all when undefined). */
export async function migrateTo(dataSource: DataSource, runner: QueryRunner, version?: string): Promise<string[]> {
  const known = dataSource.migrations.map((m) => m.name ?? m.constructor.name);
  if (version && !known.includes(version)) {
    throw new BackupError(
      `The backup was made at schema version ${version}, which this release does not have (its latest is ${known.at(-1)}): it comes from a newer release. Restore it with that release or a later one.`,
    );
  }
  const limit = version ? migrationTimestamp(version) : Infinity;
  const executor = new (class extends MigrationExecutor {
    protected getMigrations() {
      return super.getMigrations().filter((migration) => migration.timestamp <= limit);
    }
  })(dataSource, runner);
  // 'all' with the runner's transaction already open: every migration runs inside it, none commits.
  executor.transaction = 'all';
  const applied = await executor.executePendingMigrations();
  return applied.map((m) => m.name);
}
