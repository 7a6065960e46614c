import { Column, Entity, Index } from 'typeorm';
import { SameTenantReference, UserReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';

/** 回访: an official calls the enterprise back after a low rating. */
@Entity('follow_up_tasks')
@Index('uq_follow_up_tasks__request', ['requestId'], { unique: true })
@Index('ix_follow_up_tasks__open', ['tenantId', 'createdAt', 'id'], { where: `"status" = 'open'` })
@SameTenantReference('service_requests', 'requestId', { onDelete: 'CASCADE' })
@UserReference('assigneeId')
export class FollowUpTask extends TenantOwnedEntity {
  @Column('uuid')
  requestId: string;

  @Column('uuid', { nullable: true })
  assigneeId: string | null;

  @Column('text')
  reason: string;

  @Column({ type: 'varchar', length: 10, default: 'open' })
  status: 'open' | 'done';

  @Column({ type: 'text', nullable: true })
  outcome: string | null;
}
