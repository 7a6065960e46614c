import { Column, Entity, Index } from 'typeorm';
import { ReferencedInTenant, SameTenantReference, UserReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';

/** The steps of an application, in order; approved and rejected end it. */
export enum ApplicationStep {
  Preparing = 'preparing',
  MaterialsSubmitted = 'materials_submitted',
  UnderReview = 'under_review',
  Approved = 'approved',
  Rejected = 'rejected',
}

/** A member's application to a call, tracked step by step with the service team. */
@Entity('project_applications')
@Index('uq_project_applications__call_org', ['callId', 'organizationId'], { unique: true })
@Index('ix_project_applications__organization', ['tenantId', 'organizationId'])
@ReferencedInTenant('project_applications')
@SameTenantReference('project_calls', 'callId')
@SameTenantReference('organizations', 'organizationId')
@UserReference('createdById')
export class ProjectApplication extends TenantOwnedEntity {
  @Column('uuid')
  callId: string;

  @Column('uuid')
  organizationId: string;

  @Column({
    type: 'enum',
    enum: ApplicationStep,
    enumName: 'project_application_step',
    default: ApplicationStep.Preparing,
  })
  step: ApplicationStep;

  @Column('uuid')
  createdById: string;
}
