import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../../platform/pagination/page.dto';
import { TypicalCaseStatus } from '../entities/typical-case-status';

export class NominateCaseDto {
  @IsUUID()
  allianceId: string;

  /** The member whose story it is; enterprise contacts may only nominate their own. */
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title: string;

  @IsString()
  @MinLength(2)
  @MaxLength(500)
  summary: string;

  @IsString()
  @MinLength(2)
  @MaxLength(20000)
  body: string;
}

export class UpdateCaseDto {
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title?: string;

  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  summary?: string;

  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(20000)
  body?: string;
}

export enum ReviewDecision {
  Approve = 'approve',
  Return = 'return',
}

export class ReviewCaseDto {
  @IsEnum(ReviewDecision)
  decision: ReviewDecision;

  /** Required when returning. */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class ListCasesQuery extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  allianceId?: string;

  @IsOptional()
  @IsEnum(TypicalCaseStatus)
  status?: TypicalCaseStatus;
}

export class ShowcaseSettingsDto {
  @IsBoolean()
  enabled: boolean;

  /** A new unguessable address; the old one stops working. */
  @IsOptional()
  @IsBoolean()
  newAddress?: boolean;
}
