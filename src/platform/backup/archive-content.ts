import { createHash } from 'node:crypto';
import type { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { FileStorage } from '../storage/file-storage';
import { encodeJsonRecord, encodeRecord, RecordType } from './archive-records';
import type { FileEntry } from './backup-manifest';
import { RowChecksum } from './row-checksum';

/** Rows and files are gathered into DATA records of about this size rather than one record a row. */
const DATA_RECORD_BYTES = 256 * 1024;

/** The DATA records of one COPY ... TO STDOUT, and the count and checksum of its rows. */
export async function* copiedRows(
  client: Client,
  copySql: string,
): AsyncGenerator<Buffer, { rows: number; checksum: string }> {
  const checksum = new RowChecksum();
  const stream = client.query(copyTo(copySql));
  let batch: Buffer[] = [];
  let batchBytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    checksum.update(chunk);
    batch.push(chunk);
    batchBytes += chunk.length;
    if (batchBytes >= DATA_RECORD_BYTES) {
      yield encodeRecord(RecordType.Data, Buffer.concat(batch));
      batch = [];
      batchBytes = 0;
    }
  }
  if (batchBytes > 0) yield encodeRecord(RecordType.Data, Buffer.concat(batch));
  return checksum.result();
}

/**
 * A FILE record and its DATA records for each attachment of `files` (key → content type) found in the
 * store, entered in `manifest.files` with its SHA-256; a key the store does not hold is listed in
 * `manifest.missingFiles`. Attachments are never changed in place, so they are read after the rows' snapshot.
 */
export async function* attachmentRecords(
  storage: FileStorage,
  files: Map<string, string>,
  manifest: { files: FileEntry[]; missingFiles: string[] },
): AsyncGenerator<Buffer> {
  for (const [key, contentType] of files) {
    const content = await storage.get(key).catch((error: unknown) => {
      if (isMissing(error)) return undefined;
      throw error;
    });
    if (!content) {
      manifest.missingFiles.push(key);
      continue;
    }
    yield encodeJsonRecord(RecordType.File, { key, contentType });
    for (let offset = 0; offset < content.length; offset += DATA_RECORD_BYTES) {
      yield encodeRecord(RecordType.Data, content.subarray(offset, offset + DATA_RECORD_BYTES));
    }
    yield encodeRecord(RecordType.End);
    manifest.files.push({
      key,
      contentType,
      bytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
  }
}

function isMissing(error: unknown): boolean {
  const { code, name } = (error ?? {}) as { code?: string; name?: string };
  return code === 'ENOENT' || name === 'NoSuchKey' || name === 'NotFound';
}
