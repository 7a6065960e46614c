import { HttpStatus } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainException } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';
import { readMultipartUpload } from '../http/multipart-upload';
import { detectAllowedType } from './detect-file-type';
import { safeFileName } from './safe-file-name';

/** Photos of venues and sites: small enough for a phone's picture, never a whole album. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);

/** Reads the multipart `file` of a photo upload; its type is judged by its content (PNG, JPEG or WebP). */
export async function readPhotoUpload(
  request: FastifyRequest,
): Promise<{ fileName: string; content: Buffer; mime: string }> {
  const { fileName, content } = await readMultipartUpload(request);
  if (content.length > MAX_PHOTO_BYTES) {
    throw new DomainException(ErrorCode.PayloadTooLarge, HttpStatus.PAYLOAD_TOO_LARGE, [
      { field: 'file', reason: 'photoTooLarge', args: [MAX_PHOTO_BYTES / 1024 / 1024] },
    ]);
  }
  const type = await detectAllowedType(content);
  if (!type || !IMAGE_TYPES.has(type.mime))
    throw new DomainException(ErrorCode.UnsupportedMediaType, HttpStatus.UNSUPPORTED_MEDIA_TYPE, [
      { field: 'file', reason: 'photoType' },
    ]);
  return {
    fileName: safeFileName(fileName, `photo.${type.extension}`),
    content,
    mime: type.mime,
  };
}
