import { Column, Entity, Index } from 'typeorm';
import { SameTenantReference, UserReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';
import { TransferJobKind } from './transfer-job-kind';
import { TransferJobStatus } from './transfer-job-status';

export interface RefusedRow {
  row: number;
  field: string;
  reason: string;
}

/** An import or export of the registry, run by the worker; the page polls it for progress. */
@Entity('transfer_jobs')
@Index('ix_transfer_jobs__tenant_created', ['tenantId', 'createdAt'])
@SameTenantReference('alliances', 'allianceId')
@UserReference('createdById')
export class TransferJob extends TenantOwnedEntity {
  @Column({ type: 'enum', enum: TransferJobKind, enumName: 'transfer_job_kind' })
  kind: TransferJobKind;

  @Column({ type: 'enum', enum: TransferJobStatus, enumName: 'transfer_job_status', default: TransferJobStatus.Queued })
  status: TransferJobStatus;

  @Column('uuid')
  allianceId: string;

  @Column('uuid')
  createdById: string;

  /** The language the requester reads, for the reasons of refused rows and the export's headers. */
  @Column({ type: 'varchar', length: 10, default: 'zh-CN' })
  language: string;

  /** What the job works on beyond the alliance, e.g. the period of a statistics export. */
  @Column('jsonb', { default: () => "'{}'" })
  parameters: { from?: string; to?: string; format?: 'xlsx' | 'pdf' | 'docx' };

  @Column({ type: 'int', default: 0 })
  progress: number;

  @Column({ type: 'int', default: 0 })
  totalRows: number;

  @Column({ type: 'int', default: 0 })
  processedRows: number;

  @Column({ type: 'int', default: 0 })
  acceptedRows: number;

  @Column('jsonb', { default: () => "'[]'" })
  refusedRows: RefusedRow[];

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  fileName: string | null;

  /** The uploaded file, or the produced export; kept in the database so API and worker need no shared disk. */
  @Column({ type: 'bytea', nullable: true, select: false })
  file: Buffer | null;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
