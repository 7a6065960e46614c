import type { FastifyReply } from 'fastify';

/** An image we checked by content; served with nosniff and a sandboxing CSP all the same. */
export async function sendImage(reply: FastifyReply, contentType: string, content: Buffer): Promise<void> {
  await reply
    .header('content-type', contentType)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, max-age=3600')
    .send(content);
}
