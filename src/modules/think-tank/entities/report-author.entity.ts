import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An author of a report, in byline order; a user of the tenant, with the organisation they wrote for. */
@Entity('report_authors')
@Index('uq_report_authors__user', ['reportId', 'userId'], { unique: true })
@Index('ix_report_authors__user', ['userId'])
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
