import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SameTenantReference, TenantReference, UserReference } from '../../../platform/database/references';

@Entity('service_request_attachments')
@Index('ix_service_request_attachments__request', ['requestId'])
@TenantReference()
@SameTenantReference('service_requests', 'requestId', { onDelete: 'CASCADE' })
@UserReference('uploadedById')
export class ServiceRequestAttachment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  tenantId: string;

  @Column('uuid')
  requestId: string;

  @Column({ length: 255 })
  fileName: string;

  /** Detected from the content, not taken from the name or the client. */
  @Column({ length: 100 })
  contentType: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ length: 300 })
  storageKey: string;

  @Column({ length: 64 })
  sha256: string;

  @Column('uuid')
  uploadedById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
