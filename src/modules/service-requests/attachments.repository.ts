import { Injectable } from '@nestjs/common';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import type { AttachmentView } from './dto/service-request.dto';
import { ServiceRequestAttachment } from './entities/service-request-attachment.entity';

@Injectable()
export class AttachmentsRepository {
  constructor(private readonly tenant: TenantContext) {}

  countOf(requestId: string): Promise<number> {
    return this.tenant.manager.getRepository(ServiceRequestAttachment).count({ where: { requestId } });
  }

  save(attachment: Partial<ServiceRequestAttachment>): Promise<ServiceRequestAttachment> {
    return this.tenant.manager.getRepository(ServiceRequestAttachment).save(attachment);
  }

  find(requestId: string, attachmentId: string): Promise<ServiceRequestAttachment | null> {
    return this.tenant.manager.getRepository(ServiceRequestAttachment).findOneBy({ id: attachmentId, requestId });
  }

  /** A request's attachments as its detail lists them, the oldest first. */
  listOf(requestId: string): Promise<AttachmentView[]> {
    return this.tenant.manager.query<AttachmentView[]>(
      `SELECT id, file_name AS "fileName", content_type AS "contentType", size, created_at AS "createdAt" FROM service_request_attachments WHERE request_id = $1 ORDER BY created_at`,
      [requestId],
    );
  }
}
