import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SameTenantReference, TenantReference } from '../../../platform/database/references';

/** A photo of a typical case, kept in the file storage. */
@Entity('typical_case_photos')
@Index('ix_typical_case_photos__case', ['caseId', 'position'])
@TenantReference()
@SameTenantReference('typical_cases', 'caseId')
export class TypicalCasePhoto {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  tenantId: string;

  @Column('uuid')
  caseId: string;

  @Column({ length: 300 })
  storageKey: string;

  @Column({ length: 100 })
  contentType: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'int', default: 0 })
  position: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
