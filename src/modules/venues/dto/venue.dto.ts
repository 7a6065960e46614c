import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ZoneKind, type DayHours } from '../entities/venue-zone.entity';

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
  @ApiProperty({ type: 'array', nullable: true, items: { allOf: [{ $ref: '#/components/schemas/DayHoursView' }], nullable: true }, minItems: 7, maxItems: 7 })
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

  @ApiProperty({ type: 'array', nullable: true, required: false, items: { allOf: [{ $ref: '#/components/schemas/DayHoursView' }], nullable: true }, minItems: 7, maxItems: 7 })
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
  @ApiProperty({ type: 'array', nullable: true, items: { allOf: [{ $ref: '#/components/schemas/DayHoursView' }], nullable: true } })
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

export class VenueList {
  items: VenueView[];
}
