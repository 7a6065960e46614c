import { Check, Column, Entity, Index } from 'typeorm';
import { ReferencedInTenant, SameTenantReference, UserReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';
import { ActionItemStatus } from './action-item-status';

/**
 * 议定事项: a decision that must get done, with an owner organisation and person, a due date and
 * its progress. Joint meetings' resolutions are action items, and so are the think tank's recommendations.
 */
@Entity('action_items')
@Index('ix_action_items__board', ['tenantId', 'allianceId', 'status', 'dueOn'])
@Index('ix_action_items__meeting', ['meetingId'])
@Index('ix_action_items__report', ['reportId'])
@Index('ix_action_items__owner', ['tenantId', 'ownerOrganizationId', 'status'])
@Check('ck_action_items__progress', '"progress" BETWEEN 0 AND 100')
@ReferencedInTenant('action_items')
@SameTenantReference('alliances', 'allianceId')
@SameTenantReference('meetings', 'meetingId')
@SameTenantReference('organizations', 'ownerOrganizationId')
@SameTenantReference('research_reports', 'reportId')
@UserReference('createdById')
@UserReference('ownerUserId')
export class ActionItem extends TenantOwnedEntity {
  @Column('uuid')
  allianceId: string;

  @Column('uuid', { nullable: true })
  meetingId: string | null;

  /** The research report whose recommendation this is (成果转化). */
  @Column('uuid', { nullable: true })
  reportId: string | null;

  @Column({ length: 300 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column('uuid')
  ownerOrganizationId: string;

  @Column('uuid', { nullable: true })
  ownerUserId: string | null;

  @Column({ type: 'date' })
  dueOn: string;

  @Column({ type: 'enum', enum: ActionItemStatus, enumName: 'action_item_status', default: ActionItemStatus.Open })
  status: ActionItemStatus;

  @Column({ type: 'int', default: 0 })
  progress: number;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  /** 0: on time; 1: the owner was told it is late; 2: the owner's head; 3: the township leader. */
  @Column({ type: 'int', default: 0 })
  escalationLevel: number;

  @Column('uuid')
  createdById: string;
}
