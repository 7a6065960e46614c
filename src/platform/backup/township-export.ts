import { createWriteStream } from 'node:fs';
import { access, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { attachmentRecords, copiedRows } from './archive-content';
import type { FileStorage } from '../storage/file-storage';
import { encodeJsonRecord, encodeRecord, RecordType } from './archive-records';
import { CHUNK_BYTES, encryptChunks, newBackupKeys } from './backup-cipher';
import { BackupError } from './backup-error';
import { BACKUP_FORMAT_VERSION, encodePreamble } from './backup-preamble';
import { prepareCopySession } from './copy-session';
import { listTownshipSequences, schemaVersion } from './schema-catalog';
import {
  findTownship,
  type Township,
  type TownshipTable,
  townshipFiles,
  townshipRowsCopy,
  townshipTables,
} from './township-catalog';
import type { TownshipManifest, TownshipPreamble, TownshipTableEntry } from './township-manifest';
import { openSecrets } from './township-secrets';

export interface TownshipExportRequest {
  /** The owner's connection (DATABASE_ADMIN_URL). */
  adminUrl: string;
  storage: FileStorage;
  passphrase: string;
  /** The source's SECRETS_KEY, to open the township's sealed values; undefined: they move sealed as they are. */
  secretsKey?: string;
  /** The township's slug or id. */
  township: string;
  /** The archive to write; undefined: `township-<slug>-<time>.lmbackup` in `directory`. */
  out?: string;
  directory: string;
  now: Date;
}

export interface TownshipExportResult {
  path: string;
  bytes: number;
  manifest: TownshipManifest;
}

export function townshipArchiveName(slug: string, createdAt: Date): string {
  const iso = createdAt.toISOString();
  return `township-${slug}-${iso.slice(0, 10)}T${iso.slice(11, 19).replace(/:/g, '')}Z.lmbackup`;
}

/**
 * One township as one archive, in the backups' encrypted format: its rows of every township table
 * in foreign-key order, read inside one REPEATABLE READ snapshot, then the attachments they name,
 * then the manifest (per-table row counts and checksums, attachment hashes, the township).
 */
export async function exportTownship(request: TownshipExportRequest): Promise<TownshipExportResult> {
  const keys = await newBackupKeys(request.passphrase);
  const client = new Client({ connectionString: request.adminUrl });
  await client.connect();
  let partial: string | undefined;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await prepareCopySession(client);
    const version = await schemaVersion(client);
    if (!version) throw new BackupError('The database has no migrations applied: there is no township to export');
    const township = await findTownship(client, request.township);
    const path = request.out ?? `${request.directory}/${townshipArchiveName(township.slug, request.now)}`;
    if (
      await access(path).then(
        () => true,
        () => false,
      )
    )
      throw new BackupError(`${path} already exists; name another file with --out`);
    await mkdir(dirname(path), { recursive: true });
    partial = `${path}.${process.pid}.partial`;
    const manifest: TownshipManifest = {
      schemaVersion: version,
      createdAt: request.now.toISOString(),
      township,
      tables: [],
      sequences: [],
      files: [],
      missingFiles: [],
      secrets: [],
      unreadableSecrets: [],
    };
    const preambleFields: TownshipPreamble = {
      format: BACKUP_FORMAT_VERSION,
      schemaVersion: version,
      createdAt: manifest.createdAt,
      cipher: 'aes-256-gcm-stream',
      chunkBytes: CHUNK_BYTES,
      encryption: keys.parameters,
      contents: 'township',
      township: township.slug,
    };
    const preamble = encodePreamble(preambleFields);
    const output = createWriteStream(partial, { mode: 0o600 });
    output.write(preamble);
    await pipeline(townshipContent(client, request, township, manifest), encryptChunks(keys, preamble), output);
    const handle = await open(partial, 'r+');
    await handle.sync().finally(() => handle.close());
    await rename(partial, path);
    return { path, bytes: (await stat(path)).size, manifest };
  } catch (error) {
    if (partial) await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function* townshipContent(
  client: Client,
  request: TownshipExportRequest,
  township: Township,
  manifest: TownshipManifest,
): AsyncGenerator<Buffer> {
  const { storage } = request;
  const tables = await townshipTables(client);
  const files = await townshipFiles(client, tables, township.id);
  for (const table of tables) {
    yield encodeJsonRecord(RecordType.Table, { name: table.name, columns: table.columns });
    const entry = yield* tableRows(client, table, township.id);
    manifest.tables.push(entry);
    yield encodeRecord(RecordType.End);
  }
  // Sequences are not transactional: read after the rows, so no number the rows hold is past the
  // position carried for its sequence.
  manifest.sequences = await listTownshipSequences(client, township.id);
  if (request.secretsKey) {
    const opened = await openSecrets(client, tables, township.id, request.secretsKey);
    manifest.secrets = opened.secrets;
    manifest.unreadableSecrets = opened.unreadable;
  }
  await client.query('COMMIT');
  yield* attachmentRecords(storage, files, manifest);
  yield encodeJsonRecord(RecordType.Manifest, manifest);
}

async function* tableRows(
  client: Client,
  table: TownshipTable,
  townshipId: string,
): AsyncGenerator<Buffer, TownshipTableEntry> {
  const counted = yield* copiedRows(client, townshipRowsCopy(table, townshipId));
  return {
    name: table.name,
    columns: table.columns,
    owner: table.owner,
    key: table.key,
    renumbered: table.renumbered,
    ...counted,
  };
}
