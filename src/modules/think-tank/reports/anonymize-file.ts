import JSZip from 'jszip';
import type { PDFObject, PDFRef } from 'pdf-lib';

export const PDF_MIME = 'application/pdf';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * A copy of a report file without the metadata that names people: what a double-blind reviewer
 * downloads. The stored file stays as uploaded, for the authors and the editor, and a report's
 * blind mode is applied when the file is served, so the rule follows the report as it is now.
 * Throws when the file cannot be read: the caller refuses rather than serve the original.
 */
export async function anonymizeFile(content: Buffer, contentType: string): Promise<Buffer> {
  if (contentType === PDF_MIME) return anonymizePdf(content);
  if (contentType === DOCX_MIME) return anonymizeDocx(content);
  throw new Error(`cannot anonymize ${contentType}`);
}

/**
 * Drops the document information dictionary (/Author, /Creator, /Producer, ...) and the XMP
 * metadata streams, then writes only the objects still reachable from the trailer: an
 * incrementally updated PDF keeps earlier versions of its metadata as unreferenced objects.
 */
export async function anonymizePdf(content: Buffer): Promise<Buffer> {
  // Loaded on the first report, not at start-up: pdf-lib is a few megabytes the API rarely needs.
  const { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream } = await import('pdf-lib');
  // Encrypted files are refused by load(): their strings cannot be rewritten without the key.
  const doc = await PDFDocument.load(content, { updateMetadata: false });
  const { context } = doc;
  context.trailerInfo.Info = undefined;
  for (const [, object] of context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : null;
    if (!dict) continue;
    for (const key of ['Metadata', 'PieceInfo']) dict.delete(PDFName.of(key));
  }
  const reachable = new Set<PDFRef>();
  const pending: PDFObject[] = [context.trailerInfo.Root, context.trailerInfo.Encrypt].filter(
    (o): o is PDFObject => o !== undefined,
  );
  while (pending.length > 0) {
    const object = pending.pop()!;
    if (object instanceof PDFRef) {
      if (reachable.has(object)) continue;
      reachable.add(object);
      const target = context.lookup(object);
      if (target) pending.push(target);
    } else if (object instanceof PDFStream) {
      pending.push(object.dict);
    } else if (object instanceof PDFDict) {
      for (const [, value] of object.entries()) pending.push(value);
    } else if (object instanceof PDFArray) {
      pending.push(...object.asArray());
    }
  }
  for (const [ref] of context.enumerateIndirectObjects()) if (!reachable.has(ref)) context.delete(ref);
  return Buffer.from(await doc.save({ useObjectStreams: false, updateFieldAppearances: false, addDefaultPage: false }));
}

/** Properties that name people or organisations, by local name, in docProps/core.xml and docProps/app.xml. */
const DOCX_PROPERTIES = /<((?:[\w-]+:)?(?:creator|lastModifiedBy|Company|Manager))\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g;
/** Who wrote a comment or a tracked change, and the people list of modern Word. */
const DOCX_PEOPLE = /\b((?:w|w15):(?:author|initials|userId|providerId))="[^"]*"/g;

/**
 * Removes the author, last editor, company and manager from the document properties, blanks who
 * wrote each comment and tracked change, and drops the custom properties (free-form, often the
 * department or the author again).
 */
export async function anonymizeDocx(content: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(content);
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name];
    if (entry.dir) continue;
    if (name === 'docProps/core.xml' || name === 'docProps/app.xml') {
      zip.file(name, (await entry.async('string')).replace(DOCX_PROPERTIES, ''));
    } else if (name === 'docProps/custom.xml') {
      zip.file(name, (await entry.async('string')).replace(/<property\b[\s\S]*?<\/property>/g, ''));
    } else if (name.startsWith('word/') && name.endsWith('.xml')) {
      const xml = await entry.async('string');
      const blanked = xml.replace(DOCX_PEOPLE, '$1=""');
      if (blanked !== xml) zip.file(name, blanked);
    }
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
