import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { FileStorage } from '../storage/file-storage';
import { parseJsonRecord, RecordType } from './archive-records';
import { BackupError } from './backup-error';
import type { FileHeader, TableHeader } from './backup-manifest';
import { type OpenedBackup, openBackup, verifyBackup } from './backup-reader';
import { copyColumns, prepareCopySession, quoteIdent } from './copy-session';
import { migrationTimestamp } from './migrate-to-version';
import { RowChecksum } from './row-checksum';
import { placeSequences, schemaVersion } from './schema-catalog';
import { townshipRowsCopy } from './township-catalog';
import { findClashes } from './township-clashes';
import type { TownshipManifest, TownshipPreamble } from './township-manifest';
import { resealSecrets } from './township-secrets';
import { bringForward } from './township-upgrade';

export interface TownshipImportRequest {
  path: string;
  passphrase: string;
  /** The owner's connection (DATABASE_ADMIN_URL) of the deployment the township joins. */
  adminUrl: string;
  storage: FileStorage;
  /** This deployment's SECRETS_KEY, to seal the archive's secrets with; undefined: they stay as the source sealed them. */
  secretsKey?: string;
}

export interface TownshipImportResult {
  manifest: TownshipManifest;
  rows: number;
  files: number;
  fileBytes: number;
  /** Sealed values sealed again with this deployment's SECRETS_KEY. */
  resealed: number;
  /** The archive's schema when it was older than this database's, brought forward before the import. */
  migratedFrom?: string;
}

const NOTHING = 'nothing was imported';

/**
 * Imports one township's archive beside the townships already here, all or nothing: the archive is
 * read whole and checked first; its rows are staged in temporary tables and refused, with what
 * clashes, when an id or a unique key (slug, email, mobile...) is already taken here; then, in the
 * same transaction, they are inserted (user triggers off, so the audit log, outbox and figures stay as
 * they were), the attachments stored, and every table's rows of the township and every attachment
 * read back against the manifest before the commit.
 */
export async function importTownship(
  request: TownshipImportRequest,
  forwarded?: TownshipManifest,
): Promise<TownshipImportResult> {
  const backup = await openBackup(request.path, request.passphrase);
  const preamble = backup.preamble as TownshipPreamble;
  if (preamble.contents !== 'township') {
    throw new BackupError(
      `${request.path} is a backup of a whole database, not one township's archive: ${NOTHING}. Restore it with npm run restore.`,
    );
  }
  const target = await withClient(request.adminUrl, (client) => schemaVersion(client));
  if (!target)
    throw new BackupError(`This database has no migrations applied (run npm run migration:run first): ${NOTHING}`);
  const [archiveAt, targetAt] = [migrationTimestamp(preamble.schemaVersion), migrationTimestamp(target)];
  if (archiveAt > targetAt) {
    throw new BackupError(
      `The archive was made at schema version ${preamble.schemaVersion}, newer than this database's ${target}: ${NOTHING}. Upgrade this deployment (and run npm run migration:run) first.`,
    );
  }
  const manifest = (await verifyBackup(backup)) as TownshipManifest;
  if (!manifest.township) throw new BackupError(`The archive's manifest names no township: ${NOTHING}`);
  if (archiveAt < targetAt && forwarded) {
    throw new BackupError(
      `This release's migrations end before this database's schema ${target}: ${NOTHING}. Import with the release this database runs.`,
    );
  }
  if (archiveAt < targetAt) {
    const result = await bringForward(backup, manifest, request, (forward) =>
      importTownship({ ...request, path: forward }, manifest),
    );
    return { ...result, manifest, migratedFrom: manifest.schemaVersion };
  }
  return withClient(request.adminUrl, async (client) => {
    try {
      await client.query('BEGIN');
      await prepareCopySession(client);
      await stageRows(client, backup);
      const problems = [...(await findClashes(client, manifest)), ...(await clashingFiles(manifest, request.storage))];
      if (problems.length > 0) {
        throw new BackupError(
          `The township ${manifest.township.slug} cannot be imported here, ${NOTHING}:\n  - ${problems.slice(0, 20).join('\n  - ')}`,
        );
      }
      const filled = manifest.tables.filter((t) => t.rows > 0);
      await setTriggers(client, filled, 'DISABLE');
      await insertStaged(client, filled);
      // Only forward: numbers this database already handed out for the township stay used.
      await placeSequences(client, manifest.sequences ?? [], 'forward');
      const stored = await storeFiles(backup, request.storage);
      await checkImported(client, manifest, request.storage);
      // The archive an older one was brought forward into carries no secrets: its source's do.
      const secrets = (forwarded ?? manifest).secrets ?? [];
      const resealed = request.secretsKey
        ? await resealSecrets(client, secrets, manifest.township.id, request.secretsKey)
        : 0;
      await setTriggers(client, filled, 'ENABLE');
      await client.query('COMMIT');
      return {
        manifest: forwarded ?? manifest,
        rows: manifest.tables.reduce((sum, t) => sum + t.rows, 0),
        ...stored,
        resealed,
      };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The archive's rows into temporary tables shaped like the public ones (gone at the transaction's end). */
async function stageRows(client: Client, backup: OpenedBackup): Promise<void> {
  let copy: { stream: NodeJS.WritableStream; done: Promise<void> } | undefined;
  for await (const record of backup.records()) {
    if (record.type === RecordType.Table) {
      const table = parseJsonRecord<TableHeader>(record);
      const name = quoteIdent(table.name);
      await client.query(`CREATE TEMP TABLE ${name} (LIKE public.${name}) ON COMMIT DROP`);
      const { rows } = await client.query<{ name: string }>(
        `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
        [`pg_temp.${name}`],
      );
      for (const extra of rows.filter((r) => !table.columns.includes(r.name)))
        await client.query(`ALTER TABLE pg_temp.${name} DROP COLUMN ${quoteIdent(extra.name)}`);
      const stream = client.query(copyFrom(`COPY pg_temp.${name} (${copyColumns(table.columns)}) FROM STDIN`));
      const done = finished(stream);
      done.catch(() => undefined);
      copy = { stream, done };
    } else if (record.type === RecordType.Data && copy) {
      if (!copy.stream.write(record.payload))
        await Promise.race([once(copy.stream as NodeJS.EventEmitter, 'drain'), copy.done]);
    } else if (record.type === RecordType.End && copy) {
      copy.stream.end();
      await copy.done;
      copy = undefined;
    }
  }
}

/** An attachment key already in this store is refused unless it holds the very same bytes. */
async function clashingFiles(manifest: TownshipManifest, storage: FileStorage): Promise<string[]> {
  const clashes: string[] = [];
  for (const file of manifest.files) {
    const content = await storage.get(file.key).catch(() => undefined);
    if (content && createHash('sha256').update(content).digest('hex') !== file.sha256) clashes.push(file.key);
  }
  return clashes.length > 0
    ? [`${clashes.length} attachments' keys hold other files in this store, e.g. ${clashes.slice(0, 3).join(', ')}`]
    : [];
}

/** User triggers (audit, figures, announcements) off while the rows arrive as they were; inside the transaction. */
async function setTriggers(client: Client, tables: TableHeader[], state: 'ENABLE' | 'DISABLE'): Promise<void> {
  for (const table of tables) await client.query(`ALTER TABLE public.${quoteIdent(table.name)} ${state} TRIGGER USER`);
}

/** Parents before children (the archive's order); rows keep their order, so renumbered ones keep theirs. */
async function insertStaged(client: Client, tables: TableHeader[]): Promise<void> {
  for (const table of tables) {
    const columns = copyColumns(table.columns);
    await client.query(
      `INSERT INTO public.${quoteIdent(table.name)} (${columns}) SELECT ${columns} FROM pg_temp.${quoteIdent(table.name)} ORDER BY ctid`,
    );
  }
}

async function storeFiles(backup: OpenedBackup, storage: FileStorage): Promise<{ files: number; fileBytes: number }> {
  const stored = { files: 0, fileBytes: 0 };
  let file: { header: FileHeader; parts: Buffer[] } | undefined;
  for await (const record of backup.records()) {
    if (record.type === RecordType.File) file = { header: parseJsonRecord<FileHeader>(record), parts: [] };
    else if (record.type === RecordType.Data) file?.parts.push(record.payload);
    else if (record.type === RecordType.End && file) {
      const content = Buffer.concat(file.parts);
      await storage.put(file.header.key, content, file.header.contentType);
      stored.files++;
      stored.fileBytes += content.length;
      file = undefined;
    }
  }
  return stored;
}

/** The township's rows as this database now holds them, table by table, against the archive's counts and checksums. */
async function checkImported(client: Client, manifest: TownshipManifest, storage: FileStorage): Promise<void> {
  const problems: string[] = [];
  for (const table of manifest.tables) {
    const checksum = new RowChecksum();
    const stream = client.query(copyTo(townshipRowsCopy(table, manifest.township.id)));
    for await (const chunk of stream as AsyncIterable<Buffer>) checksum.update(chunk);
    const found = checksum.result();
    if (found.rows !== table.rows)
      problems.push(`${table.name}: ${found.rows} rows of the township here, the archive has ${table.rows}`);
    else if (found.checksum !== table.checksum)
      problems.push(`${table.name}: the township's rows differ from the archive's (checksum)`);
  }
  for (const file of manifest.files) {
    const content = await storage.get(file.key).catch(() => undefined);
    if (!content) problems.push(`attachment ${file.key}: missing from the store`);
    else if (createHash('sha256').update(content).digest('hex') !== file.sha256)
      problems.push(`attachment ${file.key}: its bytes differ from the archive's`);
  }
  if (problems.length > 0)
    throw new BackupError(
      `The imported township does not match its archive, so it was rolled back:\n  ${problems.slice(0, 20).join('\n  ')}`,
    );
}
