import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SameTenantReference, TenantReference, UserReference } from '../../../platform/database/references';

/** An author of a report, in byline order; a user of the tenant, with the organisation they wrote for. */
@Entity('report_authors')
@Index('uq_report_authors__user', ['reportId', 'userId'], { unique: true })
@Index('ix_report_authors__user', ['userId'])
@TenantReference()
@SameTenantReference('organizations', 'organizationId')
@SameTenantReference('research_reports', 'reportId')
@UserReference('userId')
export class ReportAuthor {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  tenantId: string;

  @Column('uuid')
  reportId: string;

  @Column('uuid')
  userId: string;

  @Column('uuid', { nullable: true })
  organizationId: string | null;

  @Column({ type: 'int' })
  position: number;
}
