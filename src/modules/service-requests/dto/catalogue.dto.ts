import { PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { CategoryCode } from '../entities/service-request-status';

const UNITS = ['working_hours', 'working_days'] as const;

export class CreateCategoryDto {
  @IsEnum(CategoryCode)
  code: CategoryCode;

  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @IsUUID()
  providerOrganizationId: string;

  @IsInt()
  @Min(1)
  @Max(1000)
  acceptWithin: number;

  @IsIn(UNITS)
  acceptUnit: (typeof UNITS)[number];

  @IsInt()
  @Min(1)
  @Max(1000)
  resolveWithin: number;

  @IsIn(UNITS)
  resolveUnit: (typeof UNITS)[number];

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateCategoryDto extends PartialType(CreateCategoryDto) {}

export class CategoryView {
  id: string;
  allianceId: string;
  code: CategoryCode;
  name: string;
  description: string | null;
  providerOrganization: { id: string; name: string };
  acceptWithin: number;
  acceptUnit: string;
  resolveWithin: number;
  resolveUnit: string;
  active: boolean;
}

export class CategoryList {
  items: CategoryView[];
  nextCursor: string | null;
}

export class CreateRoutingRuleDto {
  @IsInt()
  @Min(0)
  @Max(10_000)
  priority: number;

  @IsOptional()
  @IsUUID()
  categoryId?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(30, { each: true })
  keywords?: string[];

  @IsUUID()
  targetOrganizationId: string;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateRoutingRuleDto extends PartialType(CreateRoutingRuleDto) {}

export class RoutingRuleView {
  id: string;
  priority: number;
  categoryId: string | null;
  keywords: string[];
  targetOrganization: { id: string; name: string };
  active: boolean;
}

export class RoutingRuleList {
  items: RoutingRuleView[];
  nextCursor: string | null;
}

/** An alliance's routing settings besides its rules. */
export class RoutingSettingsDto {
  /** 按历史分派: when no rule or pairing decides, route to the department the township's history suggests, if the model is confident. */
  @IsBoolean()
  routeByHistory: boolean;
}

export class RoutingSettingsView {
  routeByHistory: boolean;
}

export class CalendarDayDto {
  @IsDateString({ strict: true })
  date: string;

  @IsIn(['holiday', 'workday'])
  kind: 'holiday' | 'workday';

  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;
}

export class CalendarQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class CalendarDayView {
  date: string;
  kind: 'holiday' | 'workday';
  name: string | null;
}

export class CalendarView {
  timeZone: string;
  workingHours: string[];
  days: CalendarDayView[];
}
