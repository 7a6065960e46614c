import { Column, Entity, Index } from 'typeorm';
import { ReferencedInTenant, SameTenantReference, UserReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';
import { MinutesStatus } from './minutes-status';

/** 会议纪要: drafted by the recorder, circulated for comments, approved by the chair, then locked. */
@Entity('meeting_minutes')
@Index('uq_meeting_minutes__meeting', ['meetingId'], { unique: true })
@ReferencedInTenant('meeting_minutes')
@SameTenantReference('meetings', 'meetingId')
@UserReference('approvedById')
export class MeetingMinutes extends TenantOwnedEntity {
  @Column('uuid')
  meetingId: string;

  @Column('text')
  content: string;

  @Column({ type: 'enum', enum: MinutesStatus, enumName: 'minutes_status', default: MinutesStatus.Draft })
  status: MinutesStatus;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column('uuid', { nullable: true })
  approvedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;
}
