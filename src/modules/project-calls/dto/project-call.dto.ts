import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ApplicationStep } from '../entities/project-application.entity';

export class CreateProjectCallDto {
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @IsString()
  @MinLength(2)
  @MaxLength(200)
  issuingBody: string;

  @IsDateString({ strict: true })
  deadline: string;

  /** Members whose product tags overlap these are eligible and told; empty: every member. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(30, { each: true })
  eligibilityTags?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string;

  /** Limits the call to one alliance's members. */
  @IsOptional()
  @IsUUID()
  allianceId?: string;
}

export class ApplyDto {
  /** The applying organisation; enterprise contacts may leave it out (their own), the service team must give it. */
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class AdvanceStepDto {
  @IsEnum(ApplicationStep)
  step: ApplicationStep;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ApplicationNoteDto {
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note: string;
}
