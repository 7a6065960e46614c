import { fileTypeFromBuffer } from 'file-type';
import { DomainException } from '../../../platform/errors/domain.exception';
import { refuseUnsafeArchive } from '../../../platform/storage/zip-guard';

/** How a page saved from a browser, an SVG or any XML begins, whatever the file is called. */
const MARKUP = /^\s*<|<(!doctype|html|head|body|script|svg)[\s>/]/i;

/**
 * Refuses at upload what the import can never read, by content: a file with a signature must be an
 * .xlsx (a zip whose content types name a workbook); one without must be text, which is what CSV is
 * (UTF-8 or GB18030, so only the control bytes give binary away), and not markup. A PDF, a web page or
 * a photo was accepted and failed in the worker with "missing column".
 */
export async function refuseUnlessSpreadsheet(content: Buffer): Promise<void> {
  // Before file-type reads inside a zip (it inflates entries to find the content types).
  refuseUnsafeArchive(content);
  const detected = await fileTypeFromBuffer(content);
  const acceptable = detected ? detected.ext === 'xlsx' : isPlainText(content) && !MARKUP.test(head(content));
  if (!acceptable) throw DomainException.invalid([{ field: 'file', reason: 'importFileType' }]);
}

/** No control byte but tab, line feed, form feed and carriage return: neither encoding of CSV uses them. */
function isPlainText(content: Buffer): boolean {
  for (const byte of content) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) return false;
  }
  return true;
}

/** The first KB without a byte-order mark, read byte for byte: tags are ASCII in either encoding. */
function head(content: Buffer): string {
  const start = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf ? 3 : 0;
  return content.subarray(start, start + 1024).toString('latin1');
}
