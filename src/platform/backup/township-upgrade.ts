import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type ClientBase, type PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { ensureDatabase, withClient } from '../database/database-setup';
import { LocalDiskStorage } from '../storage/local-disk.storage';
import type { OpenedBackup } from './backup-reader';
import { prepareCopySession } from './copy-session';
import { checkRestored, loadContent } from './load-database';
import { migrateTo } from './migrate-to-version';
import { exportTownship } from './township-export';
import type { TownshipManifest } from './township-manifest';

/**
 * An archive from an older schema, brought to this database's: loaded into a scratch database
 * migrated to the archive's version (with its attachments in a scratch directory), checked, migrated
 * forward with this release's migrations (which transform its rows as they would have in place),
 * exported again and handed to `importForward`. The scratch database and files are removed after.
 */
export async function bringForward<T>(
  backup: OpenedBackup,
  manifest: TownshipManifest,
  request: { adminUrl: string; passphrase: string },
  importForward: (path: string) => Promise<T>,
): Promise<T> {
  const scratchUrl = new URL(request.adminUrl);
  const scratchName =
    `${decodeURIComponent(scratchUrl.pathname.slice(1))}_township_${randomBytes(4).toString('hex')}`.slice(-63);
  scratchUrl.pathname = `/${scratchName}`;
  const directory = await mkdtemp(join(tmpdir(), 'lianmeng-township-'));
  const storage = new LocalDiskStorage(join(directory, 'files'));
  try {
    await ensureDatabase(scratchUrl.toString());
    const dataSource = new DataSource(dataSourceOptions(scratchUrl.toString(), 1));
    await dataSource.initialize();
    try {
      const runner = dataSource.createQueryRunner();
      const client = (await runner.connect()) as PoolClient;
      await runner.startTransaction();
      await prepareCopySession(client);
      await migrateTo(dataSource, runner, manifest.schemaVersion);
      await addKnownNotificationTypes(client, request.adminUrl);
      await loadContent(client, backup, manifest, storage);
      await checkRestored(client, manifest, storage);
      await migrateTo(dataSource, runner);
      await runner.commitTransaction();
      await runner.release();
    } finally {
      await dataSource.destroy();
    }
    const forward = await exportTownship({
      adminUrl: scratchUrl.toString(),
      storage,
      passphrase: request.passphrase,
      // Sealed values are already open in the original archive's manifest, which the import uses.
      secretsKey: undefined,
      township: manifest.township.id,
      out: join(directory, 'forward.lmbackup'),
      directory,
      now: new Date(manifest.createdAt),
    });
    return await importForward(forward.path);
  } finally {
    await dropDatabase(request.adminUrl, scratchName);
    await rm(directory, { recursive: true, force: true });
  }
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const server = new URL(adminUrl);
  server.pathname = '/postgres';
  const client = new Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * The archive's rows may name notification types the code registered after the migrations that
 * seeded notification_types (new types need no migration): the scratch database is given every type
 * this deployment knows, when the archive's schema has the table.
 */
async function addKnownNotificationTypes(scratch: ClientBase, adminUrl: string): Promise<void> {
  const { rows } = await scratch.query<{ present: boolean }>(
    `SELECT to_regclass('public.notification_types') IS NOT NULL AS present`,
  );
  if (!rows[0].present) return;
  const known = await withClient(adminUrl, async (client) => {
    const result = await client.query<{ name: string; module: string }>('SELECT name, module FROM notification_types');
    return result.rows;
  });
  await scratch.query(
    `INSERT INTO notification_types (name, module) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (name) DO NOTHING`,
    [known.map((type) => type.name), known.map((type) => type.module)],
  );
}
