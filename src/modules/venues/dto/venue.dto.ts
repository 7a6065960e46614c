import { ApiProperty, PartialType } from '@nestjs/swagger';
import {
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ZoneKind, type DayHours } from '../entities/venue-zone.entity';

/** One weekday's hours, or null when closed (inline: a class used only in arrays is not registered). */
const DAY_HOURS_SCHEMA = {
  type: 'object' as const,
  nullable: true,
  required: ['open', 'close'],
  properties: {
    open: { type: 'string' as const, example: '08:30' },
    close: { type: 'string' as const, example: '17:30' },
  },
};

export class CreateVenueDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;
}

/** Only the fields given change; an empty address or description clears it. */
export class UpdateVenueDto extends PartialType(CreateVenueDto) {}

export class DayHoursView {
  /** HH:MM, local time of the township. */
  open: string;
  close: string;
}

export class CreateZoneDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @IsEnum(ZoneKind)
  kind: ZoneKind;

  @IsInt()
  @Min(1)
  @Max(10_000)
  capacity: number;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  /** Seven entries, Monday first; null closes the day. Omitted: no opening-hour limit. Checked by the service. */
  @ApiProperty({ type: 'array', nullable: true, items: DAY_HOURS_SCHEMA, minItems: 7, maxItems: 7 })
  @IsOptional()
  @IsArray()
  openingHours?: (DayHours | null)[] | null;

  @IsOptional()
  @IsBoolean()
  requiresApproval?: boolean;
}

export class UpdateZoneDto {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  capacity?: number;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ type: 'array', nullable: true, required: false, items: DAY_HOURS_SCHEMA, minItems: 7, maxItems: 7 })
  @IsOptional()
  @IsArray()
  openingHours?: (DayHours | null)[] | null;

  @IsOptional()
  @IsBoolean()
  requiresApproval?: boolean;
}

export class PhotoView {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  /** The zone the photo shows, or null for the venue as a whole. */
  zoneId: string | null;
}

export class ZoneView {
  id: string;
  name: string;
  kind: ZoneKind;
  capacity: number;
  description: string | null;
  @ApiProperty({ type: 'array', nullable: true, items: DAY_HOURS_SCHEMA })
  openingHours: (DayHoursView | null)[] | null;
  requiresApproval: boolean;
}

export class VenueView {
  id: string;
  name: string;
  address: string | null;
  description: string | null;
  zones: ZoneView[];
  photos: PhotoView[];
}

export class VenuePage {
  items: VenueView[];
  nextCursor: string | null;
}
