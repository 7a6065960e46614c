import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import {
  databaseName,
  dropDatabase,
  ensureApplicationRole,
  ensureDatabase,
  withClient,
  withDatabase,
} from '../database/database-setup';
import { migrateQueueSchemaAt } from '../queue/queue-schema';
import type { FileStorage } from '../storage/file-storage';
import { BackupError } from './backup-error';
import type { BackupManifest } from './backup-manifest';
import { openBackup, verifyBackup, type OpenedBackup } from './backup-reader';
import { besideName, refuseSessions, swapDatabases } from './database-swap';
import { prepareCopySession } from './copy-session';
import { checkRestored, emptySchema, loadContent, tablesHoldingRows } from './load-database';
import { migrateTo } from './migrate-to-version';
import type { TownshipPreamble } from './township-manifest';

export interface RestoreRequest {
  path: string;
  passphrase: string;
  /** The owner's connection (DATABASE_ADMIN_URL); the database is created when missing. */
  adminUrl: string;
  /**
   * The application's connection (DATABASE_URL): its role is set up as migration:run does. Left out
   * for the built-in PostgreSQL, whose launcher sets that role up at every start.
   */
  appUrl?: string;
  storage: FileStorage;
  /**
   * Replace a database that holds data: the backup is restored into a database beside it, which
   * then takes its name; the one replaced is kept, renamed, until the operator drops it.
   */
  force?: boolean;
}

export interface RestoreResult {
  manifest: BackupManifest;
  tables: number;
  rows: number;
  files: number;
  fileBytes: number;
  /** Migrations of this release newer than the backup, applied after its data was loaded and checked. */
  laterMigrations: string[];
  /** With `force` over a database that held data: the name that database now has. */
  replaced?: string;
}

/**
 * Restores a backup: first reads it whole and checks it (nothing is touched for a cut-short,
 * altered or wrong-key file), then builds the schema the backup was made with and commits it (an
 * enum value a migration adds cannot be used in the transaction that added it), then, in one
 * transaction, loads the rows and the attachments, checks every table and attachment against the
 * manifest, applies this release's newer migrations, and commits. A failure after the schema was
 * built leaves the database empty, as it was. A database that holds data is refused unless
 * `force`; then the restore goes into a database beside it that takes its name only once complete.
 */
export async function restoreBackup(request: RestoreRequest): Promise<RestoreResult> {
  const backup = await openBackup(request.path, request.passphrase);
  if ((backup.preamble as TownshipPreamble).contents === 'township') {
    throw new BackupError(
      `${request.path} holds one township, not a whole database: nothing was restored. Import it with npm run township:import.`,
    );
  }
  const manifest = await verifyBackup(backup);
  await ensureDatabase(request.adminUrl);
  const target = databaseName(request.adminUrl);
  const holding = await withClient(request.adminUrl, tablesHoldingRows);
  let result: RestoreResult;
  if (holding.length === 0) {
    result = await restoreInto(request.adminUrl, backup, manifest, request.storage);
  } else {
    if (!request.force) {
      throw new BackupError(
        `The database ${target} is not empty (${holding.length} tables hold rows, e.g. ${holding.slice(0, 3).join(', ')}): nothing was restored. ` +
          'Restore into an empty database, or add --force to replace everything in it.',
      );
    }
    await refuseSessions(request.adminUrl, target);
    const staging = besideName(target, '_restoring');
    await dropDatabase(request.adminUrl, staging);
    await ensureDatabase(withDatabase(request.adminUrl, staging));
    try {
      result = await restoreInto(withDatabase(request.adminUrl, staging), backup, manifest, request.storage);
      result.replaced = await swapDatabases(request.adminUrl, target, staging);
    } finally {
      await dropDatabase(request.adminUrl, staging);
    }
  }
  await migrateQueueSchemaAt(request.adminUrl);
  if (request.appUrl) await ensureApplicationRole(request.adminUrl, request.appUrl);
  return result;
}

/** Into an empty database: the backup's schema first (committed), then its rows in one transaction. */
async function restoreInto(
  adminUrl: string,
  backup: OpenedBackup,
  manifest: BackupManifest,
  storage: FileStorage,
): Promise<RestoreResult> {
  const dataSource = new DataSource(dataSourceOptions(adminUrl, 1));
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  let schemaBuilt = false;
  try {
    await runner.startTransaction();
    await emptySchema(client);
    await migrateTo(dataSource, runner, manifest.schemaVersion);
    await runner.commitTransaction();
    schemaBuilt = true;
    await runner.startTransaction();
    await prepareCopySession(client);
    const loaded = await loadContent(client, backup, manifest, storage);
    await checkRestored(client, manifest, storage);
    const laterMigrations = await migrateTo(dataSource, runner);
    await runner.commitTransaction();
    return { manifest, tables: manifest.tables.length, ...loaded, laterMigrations };
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    if (schemaBuilt) await emptySchema(client).catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}
