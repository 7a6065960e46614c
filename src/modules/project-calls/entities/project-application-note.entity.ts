import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SameTenantReference, TenantReference, UserReference } from '../../../platform/database/references';
import { ApplicationStep } from './project-application.entity';

/** A note on an application at one of its steps (the team's advice, the member's progress). */
@Entity('project_application_notes')
@Index('ix_project_application_notes__application', ['applicationId', 'createdAt'])
@TenantReference()
@SameTenantReference('project_applications', 'applicationId')
@UserReference('authorId')
export class ProjectApplicationNote {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  tenantId: string;

  @Column('uuid')
  applicationId: string;

  @Column({ type: 'enum', enum: ApplicationStep, enumName: 'project_application_step' })
  step: ApplicationStep;

  @Column('uuid')
  authorId: string;

  @Column({ type: 'text' })
  note: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
