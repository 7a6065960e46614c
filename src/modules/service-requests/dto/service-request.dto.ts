import { NamedRef, PersonRef } from '../../../platform/http/references.view';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../platform/pagination/page.dto';
import { ServiceRequestStatus, Urgency } from '../entities/service-request-status';

export class PreferredContactDto {
  @IsOptional()
  @IsString()
  @MaxLength(50)
  name?: string;

  @IsOptional()
  @Matches(/^[0-9+\- ]{5,20}$/)
  phone?: string;

  @IsOptional()
  @IsIn(['phone', 'visit', 'online'])
  method?: 'phone' | 'visit' | 'online';
}

export class SubmitServiceRequestDto {
  @IsUUID()
  allianceId: string;

  @IsUUID()
  categoryId: string;

  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title: string;

  @IsString()
  @MinLength(5)
  @MaxLength(10_000)
  description: string;

  @IsOptional()
  @IsEnum(Urgency)
  urgency?: Urgency;

  @IsOptional()
  @ValidateNested()
  @Type(() => PreferredContactDto)
  preferredContact?: PreferredContactDto;
}

export class ListServiceRequestsQuery extends PageQueryDto {
  @IsOptional()
  @IsEnum(ServiceRequestStatus)
  status?: ServiceRequestStatus;

  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @IsOptional()
  @IsUUID()
  assignedOrganizationId?: string;

  @IsOptional()
  @IsUUID()
  allianceId?: string;

  /** Only the requests this organisation asked (an enterprise's "my requests"). */
  @IsOptional()
  @IsUUID()
  requesterOrganizationId?: string;

  @IsOptional()
  @IsDateString()
  from?: string;

  @IsOptional()
  @IsDateString()
  to?: string;

  /** Only the requests assigned to the signed-in handler. */
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  mine?: boolean;
}

export class ReasonDto {
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  reason: string;
}

export class TransferDto extends ReasonDto {
  @IsUUID()
  organizationId: string;
}

export class RouteDto {
  @IsUUID()
  organizationId: string;

  @IsOptional()
  @IsUUID()
  handlerId?: string;
}

export class ResolveDto {
  @IsString()
  @MinLength(2)
  @MaxLength(5000)
  resolution: string;
}

export class ProvideInformationDto {
  @IsString()
  @MinLength(2)
  @MaxLength(5000)
  information: string;
}

export class RateDto {
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class MergeDto {
  @IsUUID()
  intoId: string;
}

export class CommentDto {
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  body: string;

  /** An internal note: the enterprise never sees it. */
  @IsOptional()
  @IsBoolean()
  internal?: boolean;
}

export class TimelineEntryView {
  id: string;
  type: string;
  actor: PersonRef | null;
  internal: boolean;
  body: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
}

export class AttachmentView {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: Date;
}

export class ServiceRequestView {
  id: string;
  number: string;
  allianceId: string;
  title: string;
  description: string;
  urgency: Urgency;
  status: ServiceRequestStatus;
  category: { id: string; name: string; code: string };
  requesterOrganization: { id: string; name: string };
  assignedOrganization: NamedRef | null;
  handler: PersonRef | null;
  preferredContact: PreferredContactDto;
  acceptDueAt: Date | null;
  resolveDueAt: Date | null;
  acceptedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  slaState: 'on_track' | 'at_risk' | 'breached';
  escalationLevel: number;
  rating: number | null;
  ratingComment: string | null;
  mergedIntoId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export class ServiceRequestDetailView extends ServiceRequestView {
  timeline: TimelineEntryView[];
  attachments: AttachmentView[];
  /** What the signed-in user may do now, for the page's buttons. */
  allowedActions: string[];
}

export class ServiceRequestPage {
  items: ServiceRequestView[];
  nextCursor: string | null;
}
