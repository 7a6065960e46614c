import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../../../platform/pagination/page.dto';
import { Urgency } from '../../service-requests/entities/service-request-status';

export class CreatePairDto {
  /** A township official (township_admin). */
  @IsUUID()
  officialUserId: string;

  /** An enterprise. */
  @IsUUID()
  organizationId: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(366)
  intervalDays?: number;
}

export class UpdatePairDto {
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(366)
  intervalDays?: number;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class ListPairsQuery extends PageQueryDto {
  /** Officials see their own pairs; `all=true` lists every official's. */
  @IsOptional()
  @IsEnum(['true', 'false'])
  all?: 'true' | 'false';

  @IsOptional()
  @IsEnum(['true', 'false'])
  overdue?: 'true' | 'false';
}

export class PairView {
  id: string;
  official: { id: string; name: string };
  organization: { id: string; name: string };
  intervalDays: number;
  active: boolean;
  /** YYYY-MM-DD of the last visit, or null before the first. */
  lastVisitOn: string | null;
  /** The day by which the next visit is due (from the last visit, or from the pairing). */
  dueOn: string;
  overdue: boolean;
  /** Days past `dueOn`, 0 when not overdue. */
  daysOverdue: number;
  visitCount: number;
}

export class PairPage {
  items: PairView[];
  nextCursor: string | null;
}

export class LogVisitDto {
  @IsISO8601({ strict: true })
  visitedOn: string;

  @IsString()
  @MinLength(1)
  @MaxLength(500)
  peopleMet: string;

  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  notes?: string;

  /** Problems the enterprise raised, each may become a service request. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(2, { each: true })
  @MaxLength(2000, { each: true })
  problems?: string[];
}

export class ProblemView {
  index: number;
  description: string;
  serviceRequest: { id: string; number: string; status: string } | null;
}

export class PairingVisitView {
  id: string;
  pairId: string;
  organization: { id: string; name: string };
  official: { id: string; name: string };
  visitedOn: string;
  peopleMet: string;
  notes: string | null;
  recordedBy: { id: string; name: string };
  problems: ProblemView[];
}

export class PairingVisitPage {
  items: PairingVisitView[];
  nextCursor: string | null;
}

export class ProblemToRequestDto {
  /** The service category (its alliance is the request's; the enterprise must be a member of it). */
  @IsUUID()
  categoryId: string;

  /** Defaults to the problem's first line. */
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title?: string;

  @IsOptional()
  @IsEnum(Urgency)
  urgency?: Urgency;
}

export class ProblemRequestView {
  /** False the first time; true when the problem had already become this request. */
  replayed: boolean;
  visitId: string;
  index: number;
  serviceRequest: { id: string; number: string; status: string };
}

export class IndexParam {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(19)
  index: number;
}
