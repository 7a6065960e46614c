import type { FastifyRequest } from 'fastify';
import { DomainException } from '../errors/domain.exception';

export interface MultipartUpload {
  /** The name the client gave, as sent: each caller keeps only what its storage may hold. */
  fileName: string;
  content: Buffer;
  /** The text fields asked for that the body carried. */
  fields: Record<string, string>;
}

/**
 * Reads the one `file` part of an upload (and the named text fields beside it), the only way upload
 * routes read multipart bodies. Busboy reports a body it cannot parse (a boundary other than the
 * header's, none at all, a body cut short) as a plain Error, which would be a 500: that is the
 * client's broken request, so it is a 400 on the file field here. The plugin's own errors (its
 * limits, 413) carry their status and pass unchanged.
 */
export async function readMultipartUpload(
  request: FastifyRequest,
  options: { textFields?: readonly string[] } = {},
): Promise<MultipartUpload> {
  if (!request.isMultipart()) throw DomainException.invalid([{ field: 'file', reason: 'required' }]);
  let file: { fileName: string; content: Buffer } | undefined;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        // Every file part must be read to the end, or the next one never arrives.
        const content = await part.toBuffer();
        if (part.fieldname === 'file' && !file) file = { fileName: part.filename, content };
      } else if (options.textFields?.includes(part.fieldname)) {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    throw isMalformedBody(error) ? DomainException.invalid([{ field: 'file', reason: 'malformedMultipart' }]) : error;
  }
  if (!file) throw DomainException.invalid([{ field: 'file', reason: 'required' }]);
  if (file.content.length === 0) throw DomainException.invalid([{ field: 'file', reason: 'isNotEmpty' }]);
  return { ...file, fields };
}

/** Anything but an error that already says what the client did (a DomainException, the plugin's 4xx). */
function isMalformedBody(error: unknown): boolean {
  if (error instanceof DomainException) return false;
  const { statusCode, code } = (error ?? {}) as { statusCode?: unknown; code?: unknown };
  // The plugin's own name for a body that ended early: the same fault as a truncated one.
  if (code === 'FST_MP_PREMATURE_CLOSE') return true;
  return !(typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500);
}
