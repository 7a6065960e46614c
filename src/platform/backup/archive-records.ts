import { BackupError } from './backup-error';

/**
 * The plaintext inside an encrypted backup: a stream of records, each `type (1 byte) | length
 * (4 bytes, big-endian) | payload`. A table is TABLE, its COPY text in DATA records, END; an
 * attachment is FILE, DATA..., END; the MANIFEST comes last, once every count and hash is known.
 */
export enum RecordType {
  Table = 1,
  Data = 2,
  End = 3,
  File = 4,
  Manifest = 5,
}

export interface ArchiveRecord {
  type: RecordType;
  payload: Buffer;
}

const HEADER_BYTES = 5;
/** Writers split data at 1 MiB; anything much larger is a corrupt length, not a record. */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;

export function encodeRecord(type: RecordType, payload: Buffer = Buffer.alloc(0)): Buffer {
  if (payload.length > MAX_RECORD_BYTES)
    throw new Error(`A backup record of ${payload.length} bytes is larger than ${MAX_RECORD_BYTES}`);
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt8(type, 0);
  header.writeUInt32BE(payload.length, 1);
  return Buffer.concat([header, payload]);
}

export function encodeJsonRecord(type: RecordType, value: unknown): Buffer {
  return encodeRecord(type, Buffer.from(JSON.stringify(value), 'utf8'));
}

/** The records of a byte stream however it is cut into chunks; a record cut short is an error. */
export async function* readRecords(source: AsyncIterable<Buffer>): AsyncGenerator<ArchiveRecord> {
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of source) {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    let offset = 0;
    while (pending.length - offset >= HEADER_BYTES) {
      const type = pending.readUInt8(offset);
      const length = pending.readUInt32BE(offset + 1);
      if (!(type in RecordType) || length > MAX_RECORD_BYTES)
        throw new BackupError(`The backup holds an unknown record (type ${type}, ${length} bytes)`);
      if (pending.length - offset - HEADER_BYTES < length) break;
      yield { type, payload: pending.subarray(offset + HEADER_BYTES, offset + HEADER_BYTES + length) };
      offset += HEADER_BYTES + length;
    }
    pending = pending.subarray(offset);
  }
  if (pending.length > 0) throw new BackupError('The backup ends in the middle of a record');
}

export function parseJsonRecord<T>(record: ArchiveRecord): T {
  return JSON.parse(record.payload.toString('utf8')) as T;
}
