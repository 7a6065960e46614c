import { fileTypeFromBuffer } from 'file-type';
import { refuseUnsafeArchive } from './zip-guard';

/** What the attachments accept, by their real type: documents, spreadsheets, slides, images. */
const ALLOWED = new Map<string, string>([
  ['pdf', 'application/pdf'],
  ['png', 'image/png'],
  ['jpg', 'image/jpeg'],
  ['webp', 'image/webp'],
  ['gif', 'image/gif'],
  ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  ['cfb', 'application/x-cfb'], // .doc, .xls, .ppt (Office 97–2003)
]);

/** The content type from the bytes themselves, or null when the file is not one we accept; a zip bomb is a 413. */
export async function detectAllowedType(content: Buffer): Promise<{ extension: string; mime: string } | null> {
  // Before anything reads inside an Office file (file-type itself inflates some entries).
  refuseUnsafeArchive(content);
  const detected = await fileTypeFromBuffer(content);
  if (!detected || !ALLOWED.has(detected.ext)) return null;
  return { extension: detected.ext, mime: ALLOWED.get(detected.ext)! };
}
