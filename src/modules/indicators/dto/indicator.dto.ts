import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class RoundFieldDto {
  /** A key of the catalogue, e.g. output_value. */
  @IsString()
  @MaxLength(50)
  key: string;

  @IsOptional()
  @IsBoolean()
  required?: boolean;
}

export class OpenRoundDto {
  @IsUUID()
  allianceId: string;

  /** A year (2026) or a quarter (2026-Q3). */
  @Matches(/^[0-9]{4}(-Q[1-4])?$/)
  period: string;

  @IsDateString({ strict: true })
  deadline: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RoundFieldDto)
  fields: RoundFieldDto[];
}

export class RescheduleRoundDto {
  /** The new last day to report (the tenant's date); a closed round opens again. */
  @IsDateString({ strict: true })
  deadline: string;
}

export class SaveSubmissionDto {
  /** Field key to number; strings and unknown keys are refused per field. */
  @IsObject()
  values: Record<string, unknown>;

  /** Submit now (required fields must be there); otherwise the draft is saved. */
  @IsOptional()
  @IsBoolean()
  submit?: boolean;
}
