import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { PageQueryDto } from '../../../platform/pagination/page.dto';
import { ReportSummary } from './report.dto';

export class LibraryQuery extends PageQueryDto {
  /** Words or a phrase, Chinese or English; matched inside longer text. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  topic?: string;

  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;
}

export class LibraryEntry extends ReportSummary {
  abstract: string;
  recommendationsTotal: number;
  recommendationsDone: number;
}

export class LibraryPage {
  items: LibraryEntry[];
  nextCursor: string | null;
}

export class LibraryTopic {
  topic: string;
  count: number;
}

export class LibraryTopics {
  topics: LibraryTopic[];
}

export class RubricCriterionDto {
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  key: string;

  @IsString()
  @MinLength(1)
  @MaxLength(100)
  label: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @IsInt()
  @Min(1)
  @Max(100)
  maxScore: number;
}

export class RubricDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RubricCriterionDto)
  criteria: RubricCriterionDto[];
}

export class RubricView {
  allianceId: string;
  criteria: { key: string; label: string; description: string | null; maxScore: number }[];
}
