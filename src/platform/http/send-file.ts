import type { FastifyReply } from 'fastify';

/** Sends a file as a download, never rendered inline, with its name in ASCII and in UTF-8 (RFC 6266). */
export async function sendFile(
  reply: FastifyReply,
  fileName: string,
  contentType: string,
  content: Buffer,
): Promise<void> {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  await reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(content);
}
