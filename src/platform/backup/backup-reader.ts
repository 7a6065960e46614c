import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { type ArchiveRecord, parseJsonRecord, readRecords, RecordType } from './archive-records';
import { backupKeysFor, type BackupKeys, decryptChunks } from './backup-cipher';
import { BackupError } from './backup-error';
import type { BackupManifest, FileHeader, TableHeader } from './backup-manifest';
import { type BackupPreamble, readPreamble } from './backup-preamble';
import { RowChecksum } from './row-checksum';

export interface OpenedBackup {
  path: string;
  preamble: BackupPreamble;
  /** The decrypted records, each chunk authenticated before it is handed on; read as often as needed. */
  records(): AsyncGenerator<ArchiveRecord>;
}

export async function openBackup(path: string, passphrase: string): Promise<OpenedBackup> {
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new BackupError(error.code === 'ENOENT' ? `No backup at ${path}` : `Cannot read ${path}: ${error.message}`);
  });
  let preamble: BackupPreamble;
  let aad: Buffer;
  try {
    ({ preamble, bytes: aad } = await readPreamble(handle));
  } finally {
    await handle.close();
  }
  const keys: BackupKeys = await backupKeysFor(passphrase, preamble.encryption);
  return {
    path,
    preamble,
    records: () =>
      readRecords(decryptChunks(keys, aad)(createReadStream(path, { start: aad.length, highWaterMark: 1024 * 1024 }))),
  };
}

/**
 * Reads a whole backup without changing anything: every chunk authenticates, the records are
 * whole, and every table's rows and every attachment's bytes match the manifest. A restore does
 * this first, so a cut-short or altered file is refused before the database is touched.
 */
export async function verifyBackup(backup: OpenedBackup): Promise<BackupManifest> {
  const tables = new Map<string, { rows: number; checksum: string }>();
  const files = new Map<string, string>();
  let manifest: BackupManifest | undefined;
  let table: { header: TableHeader; checksum: RowChecksum } | undefined;
  let file: { header: FileHeader; hash: ReturnType<typeof createHash> } | undefined;
  for await (const record of backup.records()) {
    if (manifest) throw new BackupError('The backup has records after its manifest');
    switch (record.type) {
      case RecordType.Table:
        table = { header: parseJsonRecord<TableHeader>(record), checksum: new RowChecksum() };
        break;
      case RecordType.File:
        file = { header: parseJsonRecord<FileHeader>(record), hash: createHash('sha256') };
        break;
      case RecordType.Data:
        if (table) table.checksum.update(record.payload);
        else if (file) file.hash.update(record.payload);
        else throw new BackupError('The backup has data outside a table or an attachment');
        break;
      case RecordType.End:
        if (table) tables.set(table.header.name, table.checksum.result());
        else if (file) files.set(file.header.key, file.hash.digest('hex'));
        else throw new BackupError('The backup ends a table or an attachment it never started');
        table = file = undefined;
        break;
      case RecordType.Manifest:
        manifest = parseJsonRecord<BackupManifest>(record);
        break;
    }
  }
  if (!manifest) throw new BackupError('The backup has no manifest: it is incomplete');
  if (manifest.schemaVersion !== backup.preamble.schemaVersion)
    throw new BackupError('The backup header and its manifest disagree on the schema version');
  for (const entry of manifest.tables) {
    const found = tables.get(entry.name);
    if (!found || found.rows !== entry.rows || found.checksum !== entry.checksum)
      throw new BackupError(`The backup's rows of ${entry.name} do not match its manifest`);
  }
  for (const entry of manifest.files) {
    if (files.get(entry.key) !== entry.sha256)
      throw new BackupError(`The backup's copy of attachment ${entry.key} does not match its manifest`);
  }
  if (tables.size !== manifest.tables.length || files.size !== manifest.files.length)
    throw new BackupError('The backup holds tables or attachments its manifest does not list');
  return manifest;
}
