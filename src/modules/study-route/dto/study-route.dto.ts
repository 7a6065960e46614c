import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
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
import { StudyBookingStatus } from '../entities/study-booking.entity';

export class CreateSiteDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @IsInt()
  @Min(1)
  @Max(100_000)
  dailyCapacity: number;

  /** The place along the route, from 1; omitted: last. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  position?: number;
}

export class UpdateSiteDto {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  dailyCapacity?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  position?: number;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** One place earlier or later along the route. */
export class MoveSiteDto {
  @ApiProperty({ enum: ['up', 'down'] })
  @IsIn(['up', 'down'])
  direction: 'up' | 'down';
}

export class SitePhotoView {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

export class StudySiteView {
  id: string;
  name: string;
  description: string | null;
  address: string | null;
  dailyCapacity: number;
  position: number;
  active: boolean;
  photos: SitePhotoView[];
}

export class StudyRouteView {
  sites: StudySiteView[];
}

export class AvailabilityQuery {
  @IsISO8601({ strict: true })
  date: string;
}

export class SiteAvailabilityView {
  siteId: string;
  name: string;
  dailyCapacity: number;
  booked: number;
  remaining: number;
}

export class AvailabilityView {
  date: string;
  /** The largest group the whole route can still take that day. */
  maxGroupSize: number;
  sites: SiteAvailabilityView[];
}

export class BookRouteDto {
  /** The day of the visit, YYYY-MM-DD. */
  @IsISO8601({ strict: true })
  visitOn: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  groupSize: number;

  @IsString()
  @MinLength(2)
  @MaxLength(100)
  groupName: string;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  contactName?: string;

  @IsOptional()
  @IsString()
  @MaxLength(30)
  contactPhone?: string;

  /** Officials only: a group from outside (another town, a school) registered by name and contact. */
  @IsOptional()
  @IsBoolean()
  outsideGroup?: boolean;
}

export class ListStudyBookingsQuery extends PageQueryDto {
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
}

export class StudyBookingView {
  id: string;
  visitOn: string;
  groupName: string;
  groupSize: number;
  contactName: string | null;
  contactPhone: string | null;
  outsideGroup: boolean;
  status: StudyBookingStatus;
  booker: { id: string; name: string };
  bookerOrganization: { id: string; name: string } | null;
  /** The sites where the group's visit is recorded. */
  visitedSiteIds: string[];
  allowedActions: string[];
}

export class StudyBookingList {
  items: StudyBookingView[];
  nextCursor: string | null;
}

export class SiteCodeView {
  url: string;
  svg: string;
}

export class ScanDto {
  @IsString()
  @MinLength(16)
  @MaxLength(64)
  token: string;

  /** Which of my bookings; omitted: my group's booking of today. */
  @IsOptional()
  @IsUUID()
  bookingId?: string;
}

export class RecordVisitDto {
  @IsUUID()
  bookingId: string;
}

export class ScannedSiteView {
  site: StudySiteView;
  /** The viewer's bookings of today that can record a visit here. */
  bookings: StudyBookingView[];
}

export class SiteVisitView {
  id: string;
  siteId: string;
  siteName: string;
  bookingId: string;
  groupName: string;
  people: number;
  visitedAt: Date;
}

export class VisitStatsQuery {
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

export class VisitStatsRow {
  siteId: string;
  siteName: string;
  /** YYYY-MM */
  month: string;
  visits: number;
  people: number;
}

export class VisitStatsView {
  year: number;
  rows: VisitStatsRow[];
}
