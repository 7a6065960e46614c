import { HttpStatus } from '@nestjs/common';
import { inflateRawSync } from 'node:zlib';
import { DomainException } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';

/**
 * Office files (.docx, .xlsx, .pptx) are zip archives, and a zip of a few hundred KB can expand
 * to gigabytes. Parsers such as exceljs (JSZip) inflate whole entries into memory, so an archive
 * is checked from its central directory first, and each entry is then inflated with a cap at
 * the size it declares, so a directory that lies about its sizes is caught too.
 */
export const ZIP_LIMITS = {
  /** Everything the archive holds once expanded. Real workbooks of 10 MB expand to well under this. */
  maxTotalUncompressed: 100 * 1024 * 1024,
  maxEntries: 10_000,
  /** Deflate does not do much better than 1000:1; XML rarely beats 100:1. */
  maxRatio: 200,
} as const;

export class UnsafeArchiveError extends Error {
  /** True when the archive would expand too far; false when it is merely not a zip we can read safely. */
  constructor(
    message: string,
    readonly expands = false,
  ) {
    super(message);
  }
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;

export function isZip(content: Buffer): boolean {
  return content.length >= 4 && content.readUInt32LE(0) === LOCAL_HEADER;
}

/** Throws UnsafeArchiveError when the archive would expand past the limits (or cannot be read safely). */
export function assertSafeZip(
  content: Buffer,
  limits: { maxTotalUncompressed: number; maxEntries: number; maxRatio: number } = ZIP_LIMITS,
): void {
  const end = findEndOfDirectory(content);
  const entries = content.readUInt16LE(end + 10);
  const directoryOffset = content.readUInt32LE(end + 16);
  if (entries === 0xffff || directoryOffset === 0xffffffff)
    throw new UnsafeArchiveError('zip64 archives are not accepted');
  if (entries > limits.maxEntries) throw new UnsafeArchiveError(`more than ${limits.maxEntries} entries`, true);
  let offset = directoryOffset;
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > content.length || content.readUInt32LE(offset) !== CENTRAL_HEADER)
      throw new UnsafeArchiveError('broken central directory');
    const method = content.readUInt16LE(offset + 10);
    const compressed = content.readUInt32LE(offset + 20);
    const uncompressed = content.readUInt32LE(offset + 24);
    const nameLength = content.readUInt16LE(offset + 28);
    const extraLength = content.readUInt16LE(offset + 30);
    const commentLength = content.readUInt16LE(offset + 32);
    const localOffset = content.readUInt32LE(offset + 42);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff)
      throw new UnsafeArchiveError('zip64 entries are not accepted');
    total += uncompressed;
    if (total > limits.maxTotalUncompressed)
      throw new UnsafeArchiveError(`expands past ${limits.maxTotalUncompressed} bytes`, true);
    if (uncompressed > 1024 * 1024 && uncompressed > compressed * limits.maxRatio)
      throw new UnsafeArchiveError('compression ratio too high', true);
    verifyEntry(content, localOffset, method, compressed, uncompressed);
    offset += 46 + nameLength + extraLength + commentLength;
  }
}

/** Inflates an entry with its declared size as the cap: a stream that expands further is a lie. */
function verifyEntry(
  content: Buffer,
  localOffset: number,
  method: number,
  compressed: number,
  uncompressed: number,
): void {
  if (localOffset + 30 > content.length || content.readUInt32LE(localOffset) !== LOCAL_HEADER)
    throw new UnsafeArchiveError('broken local header');
  const start = localOffset + 30 + content.readUInt16LE(localOffset + 26) + content.readUInt16LE(localOffset + 28);
  const data = content.subarray(start, start + compressed);
  if (method === 0) {
    if (compressed !== uncompressed) throw new UnsafeArchiveError('stored entry with mismatched sizes');
    return;
  }
  if (method !== 8) throw new UnsafeArchiveError(`compression method ${method} is not accepted`);
  try {
    // maxOutputLength must be at least 1; one byte past the declared size shows a lie.
    const inflated = inflateRawSync(data, { maxOutputLength: uncompressed + 1 });
    if (inflated.length > uncompressed) throw new UnsafeArchiveError('entry expands past its declared size', true);
  } catch (error) {
    if (error instanceof UnsafeArchiveError) throw error;
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw new UnsafeArchiveError('entry expands past its declared size', true);
    }
    // A corrupt stream is the parser's to refuse; it cannot expand.
  }
}

function findEndOfDirectory(content: Buffer): number {
  const earliest = Math.max(0, content.length - 22 - 0xffff);
  for (let i = content.length - 22; i >= earliest; i--) {
    if (content.readUInt32LE(i) === END_OF_DIRECTORY) return i;
  }
  throw new UnsafeArchiveError('no central directory');
}

/** The API's answer to an archive that fails the guard: 413 when it expands too far, else 415. */
export function refuseUnsafeArchive(content: Buffer): void {
  if (!isZip(content)) return;
  try {
    assertSafeZip(content);
  } catch (error) {
    if (!(error instanceof UnsafeArchiveError)) throw error;
    throw error.expands
      ? new DomainException(ErrorCode.PayloadTooLarge, HttpStatus.PAYLOAD_TOO_LARGE, [
          { field: 'file', reason: 'archiveTooLarge', args: [ZIP_LIMITS.maxTotalUncompressed / 1024 / 1024] },
        ])
      : new DomainException(ErrorCode.UnsupportedMediaType, HttpStatus.UNSUPPORTED_MEDIA_TYPE, [
          { field: 'file', reason: 'fileType' },
        ]);
  }
}
