import { createWriteStream } from 'node:fs';
import { access, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { attachmentRecords, copiedRows } from './archive-content';
import type { FileStorage } from '../storage/file-storage';
import { encodeJsonRecord, encodeRecord, RecordType } from './archive-records';
import { CHUNK_BYTES, encryptChunks, newBackupKeys } from './backup-cipher';
import { BackupError } from './backup-error';
import type { BackupManifest, TableEntry, TableHeader } from './backup-manifest';
import { backupFileName, partialPath } from './backup-names';
import { BACKUP_FORMAT_VERSION, encodePreamble } from './backup-preamble';
import { copyColumns, prepareCopySession, quoteIdent } from './copy-session';
import { listSequences, listStoredFiles, listTables, schemaVersion } from './schema-catalog';

export interface BackupRequest {
  /** The owner's connection (DATABASE_ADMIN_URL). */
  adminUrl: string;
  storage: FileStorage;
  passphrase: string;
  directory: string;
  /** The backup's time, from the caller's clock. */
  now: Date;
}

export interface BackupResult {
  path: string;
  bytes: number;
  manifest: BackupManifest;
}

/**
 * One backup file: every table COPY'd out inside one REPEATABLE READ snapshot (a consistent
 * database even while the product runs), then every attachment the snapshot names, encrypted as it
 * streams to a partial file that is renamed into place only once complete and synced.
 */
export async function createBackup(request: BackupRequest): Promise<BackupResult> {
  const name = backupFileName(request.now);
  const path = join(request.directory, name);
  await mkdir(request.directory, { recursive: true });
  if (
    await access(path).then(
      () => true,
      () => false,
    )
  )
    throw new BackupError(`${path} already exists; a backup a second is the most this names`);
  const keys = await newBackupKeys(request.passphrase);
  const client = new Client({ connectionString: request.adminUrl });
  await client.connect();
  const partial = partialPath(request.directory, name, process.pid);
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await prepareCopySession(client);
    const version = await schemaVersion(client);
    if (!version)
      throw new BackupError(
        'The database has no migrations applied: there is nothing to back up (run npm run migration:run first)',
      );
    const manifest: BackupManifest = {
      schemaVersion: version,
      createdAt: request.now.toISOString(),
      tables: [],
      sequences: [],
      files: [],
      missingFiles: [],
    };
    const preamble = encodePreamble({
      format: BACKUP_FORMAT_VERSION,
      schemaVersion: version,
      createdAt: manifest.createdAt,
      cipher: 'aes-256-gcm-stream',
      chunkBytes: CHUNK_BYTES,
      encryption: keys.parameters,
    });
    const output = createWriteStream(partial, { mode: 0o600 });
    output.write(preamble);
    await pipeline(archiveContent(client, request.storage, manifest), encryptChunks(keys, preamble), output);
    await syncFile(partial);
    await rename(partial, path);
    return { path, bytes: (await stat(path)).size, manifest };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function* archiveContent(client: Client, storage: FileStorage, manifest: BackupManifest): AsyncGenerator<Buffer> {
  const tables = await listTables(client);
  const files = await listStoredFiles(client, tables);
  for (const table of tables) {
    yield encodeJsonRecord(RecordType.Table, table);
    const entry = yield* tableRows(client, table);
    manifest.tables.push(entry);
    yield encodeRecord(RecordType.End);
  }
  manifest.sequences = await listSequences(client);
  // The snapshot is done with; the attachments are read outside it (they are never changed in place).
  await client.query('COMMIT');
  yield* attachmentRecords(storage, files, manifest);
  yield encodeJsonRecord(RecordType.Manifest, manifest);
}

async function* tableRows(client: Client, table: TableHeader): AsyncGenerator<Buffer, TableEntry> {
  const counted = yield* copiedRows(
    client,
    `COPY public.${quoteIdent(table.name)} (${copyColumns(table.columns)}) TO STDOUT`,
  );
  return { ...table, ...counted };
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
