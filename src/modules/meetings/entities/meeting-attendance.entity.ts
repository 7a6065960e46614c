import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SameTenantReference, TenantReference, UserReference } from '../../../platform/database/references';

/** A person checked in at a meeting by scanning its QR code while signed in. */
@Entity('meeting_attendance')
@Index('uq_meeting_attendance__person', ['meetingId', 'userId'], { unique: true })
@TenantReference()
@SameTenantReference('meetings', 'meetingId')
@SameTenantReference('organizations', 'organizationId')
@UserReference('userId')
export class MeetingAttendance {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  tenantId: string;

  @Column('uuid')
  meetingId: string;

  @Column('uuid')
  userId: string;

  @Column('uuid', { nullable: true })
  organizationId: string | null;

  @Column({ type: 'timestamptz' })
  checkedInAt: Date;
}
