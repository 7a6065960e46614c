import { NamedRef, PersonRef, RequestRef } from '../../../platform/http/references.view';
import { IsBoolean, IsDateString, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { AgendaStatus } from '../entities/agenda-item.entity';
import { MinutesStatus } from '../entities/minutes-status';

export class ProposeAgendaItemDto {
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  title: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  /** A service request escalated to the township, to discuss at the meeting (officials only). */
  @IsOptional()
  @IsUUID()
  serviceRequestId?: string;
}

export class DecideAgendaItemDto {
  @IsBoolean()
  accept: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class AgendaItemView {
  id: string;
  title: string;
  description: string | null;
  proposedBy: { id: string; displayName: string };
  proposedByOrganization: NamedRef | null;
  serviceRequest: RequestRef | null;
  status: AgendaStatus;
  decisionNote: string | null;
}

export class ReviewItemView {
  id: string;
  title: string;
  ownerOrganization: string;
  dueOn: string;
  progress: number;
  status: string;
}

export class AgendaPage {
  items: AgendaItemView[];
  nextCursor: string | null;
}

/** Unfinished action items of the alliance's previous meeting, reviewed automatically. */
export class ReviewItemPage {
  items: ReviewItemView[];
  nextCursor: string | null;
}

export class CheckInCodeView {
  /** What the QR code holds: the web app's check-in page with the secret. */
  url: string;
  /** The QR code as SVG, to show at the meeting. */
  svg: string;
}

export class CheckInDto {
  @IsString()
  @MinLength(16)
  @MaxLength(64)
  code: string;
}

export class AttendanceView {
  attendees: { userId: string; displayName: string; organization: string | null; checkedInAt: Date }[];
  organizationsPresent: string[];
  invitedOrganizations: number;
}

export class MinutesContentDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100_000)
  content: string;
}

export class MinutesCommentDto {
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  body: string;
}

export class MinutesView {
  content: string;
  status: MinutesStatus;
  version: number;
  approvedAt: Date | null;
  approvedBy: PersonRef | null;
  comments: { id: string; author: string; version: number; body: string; createdAt: Date }[];
}

export class AttendanceStatisticsQuery {
  @IsUUID()
  allianceId: string;

  @IsDateString()
  from: string;

  @IsDateString()
  to: string;
}

export class OrganizationAttendanceView {
  organizationId: string;
  name: string;
  invited: number;
  attended: number;
  /** attended / invited, 0–1. */
  rate: number | null;
}

export class AttendanceStatisticsView {
  meetings: number;
  organizations: OrganizationAttendanceView[];
}
