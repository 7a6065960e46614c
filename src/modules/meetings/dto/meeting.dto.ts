import { NamedRef, PersonRef } from '../../../platform/http/references.view';
import { PageQueryDto } from '../../../platform/pagination/page.dto';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MeetingStatus } from '../entities/meeting-status';
import { PlaceKind } from '../entities/meeting.entity';
import { RsvpResponse } from '../entities/rsvp-status';

export class PlaceDto {
  @IsEnum(PlaceKind)
  kind: PlaceKind;

  @IsOptional()
  @IsUUID()
  zoneId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(500)
  onlineUrl?: string;
}

export class InviteesDto {
  /** Organisations of the alliance; each names who attends. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  organizationIds?: string[];

  /** Shortcut: every current member organisation (1 and N), or everyone (1, X and N). */
  @IsOptional()
  @IsIn(['members', 'all'])
  allOf?: 'members' | 'all';

  /** People whose presence is required: their other meetings are conflicts. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  requiredUserIds?: string[];
}

export class ScheduleMeetingDto {
  @IsUUID()
  allianceId: string;

  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @IsUUID()
  chairId: string;

  @IsOptional()
  @IsUUID()
  recorderId?: string;

  @ValidateNested()
  @Type(() => PlaceDto)
  place: PlaceDto;

  @IsDateString()
  startsAt: string;

  @IsDateString()
  endsAt: string;

  /** An RRULE line, e.g. FREQ=MONTHLY;INTERVAL=3;COUNT=4 for the quarterly joint meeting. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  recurrence?: string;

  @ValidateNested()
  @Type(() => InviteesDto)
  invitees: InviteesDto;
}

export class RescheduleDto {
  @IsDateString()
  startsAt: string;

  @IsDateString()
  endsAt: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => PlaceDto)
  place?: PlaceDto;

  /** For an occurrence of a series: this one only, or this and all following. */
  @IsOptional()
  @IsIn(['this', 'following'])
  scope?: 'this' | 'following';
}

export class CancelMeetingDto {
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  reason: string;

  @IsOptional()
  @IsIn(['this', 'following'])
  scope?: 'this' | 'following';
}

export class RsvpDto {
  @IsIn([RsvpResponse.Accepted, RsvpResponse.Declined, RsvpResponse.Delegated])
  response: RsvpResponse;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;

  @IsOptional()
  @IsUUID()
  delegateUserId?: string;
}

export class NameAttendeeDto {
  @IsUUID()
  organizationId: string;

  @IsUUID()
  attendeeId: string;
}

export class ListMeetingsQuery extends PageQueryDto {
  @IsDateString()
  from: string;

  @IsDateString()
  to: string;

  @IsOptional()
  @IsUUID()
  allianceId?: string;
}

/** A page of free slots; the cursor is the last slot given, the next page starts after it. */
export class FreeSlotsQuery extends PageQueryDto {
  @IsDateString()
  from: string;

  @IsDateString()
  to: string;

  @Type(() => Number)
  @IsInt()
  @Min(15)
  @Max(8 * 60)
  durationMinutes: number;

  @IsOptional()
  @IsUUID()
  zoneId?: string;

  /** Comma-separated user ids. */
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  userIds?: string;
}

export class PlaceView {
  kind: PlaceKind;
  zone: NamedRef | null;
  address: string | null;
  onlineUrl: string | null;
}

export class ParticipantView {
  id: string;
  organization: NamedRef | null;
  attendee: PersonRef | null;
  required: boolean;
  response: RsvpResponse;
  declineReason: string | null;
}

export class MeetingView {
  id: string;
  allianceId: string;
  seriesId: string | null;
  title: string;
  description: string | null;
  convenerId: string;
  chairId: string;
  recorderId: string | null;
  chairName: string;
  recorderName: string | null;
  place: PlaceView;
  startsAt: Date;
  endsAt: Date;
  status: MeetingStatus;
  cancelReason: string | null;
  participants: ParticipantView[];
}

export class MeetingList {
  items: MeetingView[];
  nextCursor: string | null;
}

export class ScheduledView {
  items: MeetingView[];
}

export class NewMeetingsView extends ScheduledView {
  /** How many people the invitation went to (the required people and everyone of the invited organisations). */
  notified: number;
}

export class SlotView {
  startsAt: Date;
  endsAt: Date;
}

export class SlotList {
  items: SlotView[];
  nextCursor: string | null;
}

export class FeedView {
  /** The private subscription URL; shown once, only a hash is kept. */
  url: string;
}
