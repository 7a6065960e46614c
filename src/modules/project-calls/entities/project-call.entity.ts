import { Column, Entity, Index } from 'typeorm';
import { ReferencedInTenant, SameTenantReference, UserReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';
import { ProjectCallStatus } from './project-call-status';

/** A government call for project applications (项目申报) that the service team helps members answer. */
@Entity('project_calls')
@Index('ix_project_calls__deadline', ['tenantId', 'status', 'deadline'])
@Index('ix_project_calls__tags', ['eligibilityTags'], { type: 'gin' })
@ReferencedInTenant('project_calls')
@SameTenantReference('alliances', 'allianceId')
@UserReference('createdById')
export class ProjectCall extends TenantOwnedEntity {
  @Column('uuid', { nullable: true })
  allianceId: string | null;

  @Column({ length: 200 })
  name: string;

  /** 发布单位, e.g. 泉州市工业和信息化局. */
  @Column({ length: 200 })
  issuingBody: string;

  @Column({ type: 'date' })
  deadline: string;

  /** Members whose product tags overlap these are eligible; empty: everyone. */
  @Column('text', { array: true, default: () => "'{}'" })
  eligibilityTags: string[];

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'enum', enum: ProjectCallStatus, enumName: 'project_call_status', default: ProjectCallStatus.Open })
  status: ProjectCallStatus;

  @Column('uuid')
  createdById: string;
}
