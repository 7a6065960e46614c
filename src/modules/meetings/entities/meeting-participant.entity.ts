import { Column, Entity, Index } from 'typeorm';
import { SameTenantReference, UserReference } from '../../../platform/database/references';
import { TenantOwnedEntity } from '../../../platform/database/tenant-owned.entity';
import { RsvpResponse } from './rsvp-status';

/** An invited person, or an invited organisation and the person it sends. */
@Entity('meeting_participants')
@Index('ix_meeting_participants__meeting', ['meetingId'])
// Covering for "the meetings these people are expected at" (free slots, conflicts): read from the
// index alone, not from a heap page per participation.
@Index('ix_meeting_participants__attendee', ['tenantId', 'attendeeId', 'response', 'meetingId'])
// The same over a time: a person's invitations by their meeting's start, read from the index alone.
@Index(
  'ix_meeting_participants__attendee_starts',
  ['tenantId', 'attendeeId', 'meetingStartsAt', 'response', 'meetingId'],
  {
    where: '"attendee_id" IS NOT NULL',
  },
)
// Who sees a meeting: its invited people or organisations (attendee_id = me OR organization_id = mine).
@Index('ix_meeting_participants__organization', ['tenantId', 'organizationId'])
@Index('ix_meeting_participants__unnamed', ['tenantId', 'organizationId', 'meetingId'], {
  where: '"attendee_id" IS NULL',
})
@Index('ix_meeting_participants__pending', ['tenantId', 'attendeeId', 'meetingId'], { where: `"response" = 'pending'` })
@SameTenantReference('meetings', 'meetingId')
@SameTenantReference('organizations', 'organizationId')
@UserReference('attendeeId')
@UserReference('delegatedFromId')
export class MeetingParticipant extends TenantOwnedEntity {
  @Column('uuid')
  meetingId: string;

  /**
   * A copy of the meeting's start, so a person's meetings over a time are read by index
   * (migration MeetingParticipantStarts): the database sets it on insert and follows the meeting
   * when it moves; the application never writes it.
   */
  @Column({ type: 'timestamptz', insert: false, update: false, select: false })
  meetingStartsAt: Date;

  @Column('uuid', { nullable: true })
  organizationId: string | null;

  /** Who is expected: the invited person, the one the organisation names, or a delegate. */
  @Column('uuid', { nullable: true })
  attendeeId: string | null;

  /** A required person's other meetings are conflicts. */
  @Column({ default: false })
  required: boolean;

  @Column({ type: 'enum', enum: RsvpResponse, enumName: 'rsvp_response', default: RsvpResponse.Pending })
  response: RsvpResponse;

  @Column({ type: 'text', nullable: true })
  declineReason: string | null;

  @Column('uuid', { nullable: true })
  delegatedFromId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;
}
