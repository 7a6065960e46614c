import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import {
  ReferencedInTenant,
  SameTenantReference,
  TenantReference,
  UserReference,
} from '../../../platform/database/references';

/** One uploaded version of a report's file; a revision carries the authors' response to the reviews. */
@Entity('report_versions')
@Index('uq_report_versions__number', ['reportId', 'number'], { unique: true })
@ReferencedInTenant('report_versions')
@TenantReference()
@SameTenantReference('research_reports', 'reportId')
@UserReference('uploadedById')
export class ReportVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  tenantId: string;

  @Column('uuid')
  reportId: string;

  @Column({ type: 'int' })
  number: number;

  @Column({ length: 200 })
  fileName: string;

  @Column({ length: 120 })
  contentType: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ length: 300 })
  storageKey: string;

  @Column({ type: 'text', nullable: true })
  response: string | null;

  @Column('uuid')
  uploadedById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
