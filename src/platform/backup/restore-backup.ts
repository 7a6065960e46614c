import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { ensureApplicationRole, ensureDatabase } from '../database/database-setup';
import { migrateQueueSchemaAt } from '../queue/queue-schema';
import type { FileStorage } from '../storage/file-storage';
import { BackupError } from './backup-error';
import type { BackupManifest } from './backup-manifest';
import { openBackup, verifyBackup } from './backup-reader';
import { prepareCopySession } from './copy-session';
import { checkRestored, clearTarget, loadContent } from './load-database';
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
  /** Replace a database that holds data. */
  force?: boolean;
  /**
   * A throwaway database (the worker's verification): the migrated, empty schema is committed before
   * the rows are loaded. PostgreSQL refuses, within the transaction that added them, enum values of
   * ALTER TYPE ... ADD VALUE (e.g. notification_type's), so rows holding them load only after a commit.
   */
  scratch?: boolean;
}

export interface RestoreResult {
  manifest: BackupManifest;
  tables: number;
  rows: number;
  files: number;
  fileBytes: number;
  /** Migrations of this release newer than the backup, applied after its data was loaded and checked. */
  laterMigrations: string[];
}

/**
 * Restores a backup: first reads it whole and checks it (nothing is touched for a cut-short,
 * altered or wrong-key file), then, in one transaction, empties the public schema, migrates it to
 * the backup's version, loads the rows and the attachments, checks every table and attachment
 * against the manifest, applies this release's newer migrations, and commits.
 */
export async function restoreBackup(request: RestoreRequest): Promise<RestoreResult> {
  const backup = await openBackup(request.path, request.passphrase);
  if ((backup.preamble as TownshipPreamble).contents === 'township') {
    throw new BackupError(`${request.path} holds one township, not a whole database: nothing was restored. Import it with npm run township:import.`);
  }
  const manifest = await verifyBackup(backup);
  await ensureDatabase(request.adminUrl);
  const dataSource = new DataSource(dataSourceOptions(request.adminUrl, 1));
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  let result: RestoreResult;
  try {
    const client = (await runner.connect()) as PoolClient;
    await runner.startTransaction();
    await prepareCopySession(client);
    await clearTarget(client, request.force ?? false);
    await migrateTo(dataSource, runner, manifest.schemaVersion);
    if (request.scratch) {
      await runner.commitTransaction();
      await runner.startTransaction();
      await prepareCopySession(client);
    }
    const loaded = await loadContent(client, backup, manifest, request.storage);
    await checkRestored(client, manifest, request.storage);
    const laterMigrations = await migrateTo(dataSource, runner);
    await runner.commitTransaction();
    result = { manifest, tables: manifest.tables.length, ...loaded, laterMigrations };
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
  await migrateQueueSchemaAt(request.adminUrl);
  if (request.appUrl) await ensureApplicationRole(request.adminUrl, request.appUrl);
  return result;
}
