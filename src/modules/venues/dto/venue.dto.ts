import { IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ZoneKind } from '../entities/venue-zone.entity';

export class CreateVenueDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;
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
}

export class ZoneView {
  id: string;
  name: string;
  kind: ZoneKind;
  capacity: number;
}

export class VenueView {
  id: string;
  name: string;
  address: string | null;
  zones: ZoneView[];
}

export class VenueList {
  items: VenueView[];
}
