import type { FileHandle } from 'node:fs/promises';
import { BackupError } from './backup-error';
import type { CipherParameters } from './backup-cipher';

/** The version of this file layout; a restore refuses a layout it does not know. */
export const BACKUP_FORMAT_VERSION = 1;
const MAGIC = Buffer.from('LMBACKUP', 'ascii');
const MAX_PREAMBLE_BYTES = 64 * 1024;

/**
 * The cleartext start of a backup: enough to list, sort and judge a backup without its key. The
 * counts, checksums and hashes are in the encrypted manifest at the end (known only once written).
 */
export interface BackupPreamble {
  format: number;
  /** The last migration applied to the database that was backed up, e.g. ShortLivedState1795644300000. */
  schemaVersion: string;
  createdAt: string;
  cipher: 'aes-256-gcm-stream';
  chunkBytes: number;
  encryption: CipherParameters;
}

/** MAGIC | format (2 bytes) | JSON length (4 bytes) | JSON; these bytes are every chunk's additional data. */
export function encodePreamble(preamble: BackupPreamble): Buffer {
  const json = Buffer.from(JSON.stringify(preamble), 'utf8');
  const fixed = Buffer.alloc(6);
  fixed.writeUInt16BE(preamble.format, 0);
  fixed.writeUInt32BE(json.length, 2);
  return Buffer.concat([MAGIC, fixed, json]);
}

export async function readPreamble(file: FileHandle): Promise<{ preamble: BackupPreamble; bytes: Buffer }> {
  const start = Buffer.alloc(MAGIC.length + 6);
  const { bytesRead } = await file.read(start, 0, start.length, 0);
  if (bytesRead < start.length || !start.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new BackupError('This file is not a Lianmeng backup (it does not start with LMBACKUP)');
  }
  const format = start.readUInt16BE(MAGIC.length);
  if (format !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `The backup is in format ${format}; this version reads format ${BACKUP_FORMAT_VERSION}. Restore it with the release that made it.`,
    );
  }
  const length = start.readUInt32BE(MAGIC.length + 2);
  if (length > MAX_PREAMBLE_BYTES) throw new BackupError('The backup header is damaged');
  const json = Buffer.alloc(length);
  const read = await file.read(json, 0, length, start.length);
  if (read.bytesRead < length) throw new BackupError('The backup is cut short inside its header');
  let preamble: BackupPreamble;
  try {
    preamble = JSON.parse(json.toString('utf8')) as BackupPreamble;
  } catch {
    throw new BackupError('The backup header is damaged');
  }
  return { preamble, bytes: Buffer.concat([start, json]) };
}
