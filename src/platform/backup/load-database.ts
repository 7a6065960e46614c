import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { FileStorage } from '../storage/file-storage';
import { parseJsonRecord, RecordType } from './archive-records';
import { BackupError } from './backup-error';
import type { BackupManifest, FileHeader, TableHeader } from './backup-manifest';
import type { OpenedBackup } from './backup-reader';
import { copyColumns, quoteIdent } from './copy-session';
import { MIGRATIONS_TABLE, placeSequences, SEEDED_TABLES } from './schema-catalog';
import { RowChecksum } from './row-checksum';

/** The tables of the public schema that hold rows (the migrations' bookkeeping and seeds aside). */
export async function tablesHoldingRows(client: ClientBase): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND relpersistence = 'p' AND relname <> ALL($1::text[]) ORDER BY relname`,
    [[MIGRATIONS_TABLE, ...SEEDED_TABLES]],
  );
  const holding: string[] = [];
  for (const { name } of tables) {
    const { rows } = await client.query<{ any: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM public.${quoteIdent(name)}) AS any`,
    );
    if (rows[0].any) holding.push(name);
  }
  return holding;
}

/** An empty public schema, for the migrations to build afresh. */
export async function emptySchema(client: ClientBase): Promise<void> {
  await client.query('DROP SCHEMA public CASCADE');
  await client.query('CREATE SCHEMA public');
  await client.query('GRANT USAGE ON SCHEMA public TO PUBLIC');
}

export interface LoadedContent {
  rows: number;
  files: number;
  fileBytes: number;
}

/**
 * Streams the backup's rows into their tables (user triggers off, so the audit log, the outbox and
 * the running figures are restored as they were rather than written anew; a seeded table's rows
 * replace the seed) and its attachments into
 * the store. Attachments written before a later failure stay behind: their keys are new UUIDs no row
 * names, and removing them could remove a live file when restoring over the same store.
 */
export async function loadContent(
  client: ClientBase,
  backup: OpenedBackup,
  manifest: BackupManifest,
  storage: FileStorage,
): Promise<LoadedContent> {
  for (const table of manifest.tables)
    await client.query(`ALTER TABLE public.${quoteIdent(table.name)} DISABLE TRIGGER USER`);
  const loaded: LoadedContent = { rows: 0, files: 0, fileBytes: 0 };
  let copy: { stream: NodeJS.WritableStream; done: Promise<void> } | undefined;
  let file: { header: FileHeader; parts: Buffer[] } | undefined;
  for await (const record of backup.records()) {
    if (record.type === RecordType.Table) {
      const table = parseJsonRecord<TableHeader>(record);
      // The migrations' seed gives way to the backup's rows (parents come first: nothing names it yet).
      if (SEEDED_TABLES.includes(table.name)) await client.query(`DELETE FROM public.${quoteIdent(table.name)}`);
      const stream = client.query(
        copyFrom(`COPY public.${quoteIdent(table.name)} (${copyColumns(table.columns)}) FROM STDIN`),
      );
      const done = finished(stream);
      done.catch(() => undefined);
      copy = { stream, done };
    } else if (record.type === RecordType.File) {
      file = { header: parseJsonRecord<FileHeader>(record), parts: [] };
    } else if (record.type === RecordType.Data) {
      if (copy && !copy.stream.write(record.payload))
        await Promise.race([once(copy.stream as NodeJS.EventEmitter, 'drain'), copy.done]);
      file?.parts.push(record.payload);
    } else if (record.type === RecordType.End) {
      if (copy) {
        copy.stream.end();
        await copy.done;
      } else if (file) {
        const content = Buffer.concat(file.parts);
        await storage.put(file.header.key, content, file.header.contentType);
        loaded.files++;
        loaded.fileBytes += content.length;
      }
      copy = file = undefined;
    }
  }
  await placeSequences(client, manifest.sequences, 'exactly');
  for (const table of manifest.tables)
    await client.query(`ALTER TABLE public.${quoteIdent(table.name)} ENABLE TRIGGER USER`);
  loaded.rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
  return loaded;
}

/** Reads back every restored table and attachment and compares it with the manifest. */
export async function checkRestored(client: ClientBase, manifest: BackupManifest, storage: FileStorage): Promise<void> {
  const problems: string[] = [];
  for (const table of manifest.tables) {
    const checksum = new RowChecksum();
    const stream = client.query(
      copyTo(`COPY public.${quoteIdent(table.name)} (${copyColumns(table.columns)}) TO STDOUT`),
    );
    for await (const chunk of stream as AsyncIterable<Buffer>) checksum.update(chunk);
    const found = checksum.result();
    if (found.rows !== table.rows) problems.push(`${table.name}: ${found.rows} rows, the backup has ${table.rows}`);
    else if (found.checksum !== table.checksum)
      problems.push(`${table.name}: the rows differ from the backup's (checksum)`);
  }
  for (const file of manifest.files) {
    const content = await storage.get(file.key).catch(() => undefined);
    if (!content) problems.push(`attachment ${file.key}: missing from the store`);
    else if (createHash('sha256').update(content).digest('hex') !== file.sha256)
      problems.push(`attachment ${file.key}: its bytes differ from the backup's`);
  }
  if (problems.length > 0)
    throw new BackupError(
      `The restored data does not match the backup, so it was rolled back:\n  ${problems.slice(0, 20).join('\n  ')}`,
    );
}
