import { HttpStatus, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DomainException } from '../../platform/errors/domain.exception';
import { ErrorCode } from '../../platform/errors/error-code';
import { detectAllowedType } from '../../platform/storage/detect-file-type';
import { FileStorage } from '../../platform/storage/file-storage';
import { StorageQuota } from '../../platform/storage/storage-quota';
import { safeFileName } from '../../platform/storage/safe-file-name';
import type { Actor } from '../../platform/tenancy/request-actor';
import type { AttachmentView } from './dto/service-request.dto';
import type { ServiceRequestAttachment } from './entities/service-request-attachment.entity';
import { AttachmentsRepository } from './attachments.repository';
import { TimelineEntryType } from './entities/service-request-event.entity';
import { ServiceRequestsRepository } from './service-requests.repository';
import { ServiceRequestsService } from './service-requests.service';

export const MAX_ATTACHMENTS_PER_REQUEST = 20;

@Injectable()
export class AttachmentsService {
  constructor(
    private readonly attachments: AttachmentsRepository,
    private readonly requests: ServiceRequestsRepository,
    private readonly service: ServiceRequestsService,
    private readonly storage: FileStorage,
    private readonly quota: StorageQuota,
  ) {}

  async add(actor: Actor, requestId: string, fileName: string, content: Buffer): Promise<AttachmentView> {
    const request = await this.service.requireVisible(actor, requestId, true);
    const type = await detectAllowedType(content);
    if (!type)
      throw new DomainException(ErrorCode.UnsupportedMediaType, HttpStatus.UNSUPPORTED_MEDIA_TYPE, [
        { field: 'file', reason: 'fileType' },
      ]);
    if ((await this.attachments.countOf(requestId)) >= MAX_ATTACHMENTS_PER_REQUEST) {
      throw DomainException.conflict(ErrorCode.Conflict, [
        { field: 'file', reason: 'tooManyFiles', args: [MAX_ATTACHMENTS_PER_REQUEST] },
      ]);
    }
    await this.quota.reserve(content.length);
    const storageKey = `${request.tenantId}/${requestId}/${randomUUID()}`;
    await this.storage.put(storageKey, content, type.mime);
    const saved = await this.attachments.save({
      tenantId: request.tenantId,
      requestId,
      fileName: safeFileName(fileName),
      contentType: type.mime,
      size: content.length,
      storageKey,
      sha256: createHash('sha256').update(content).digest('hex'),
      uploadedById: actor.userId,
    });
    await this.requests.addEvent({
      tenantId: request.tenantId,
      requestId,
      type: TimelineEntryType.AttachmentAdded,
      actorUserId: actor.userId,
      data: { attachmentId: saved.id, fileName: saved.fileName },
    });
    return {
      id: saved.id,
      fileName: saved.fileName,
      contentType: saved.contentType,
      size: saved.size,
      createdAt: saved.createdAt,
    };
  }

  async read(
    actor: Actor,
    requestId: string,
    attachmentId: string,
  ): Promise<{ attachment: ServiceRequestAttachment; content: Buffer }> {
    await this.service.requireVisible(actor, requestId);
    const attachment = await this.attachments.find(requestId, attachmentId);
    if (!attachment) throw DomainException.notFound();
    return { attachment, content: await this.storage.get(attachment.storageKey) };
  }
}
