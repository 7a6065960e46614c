import {
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
import { Type } from 'class-transformer';
import { PageQueryDto } from '../../../platform/pagination/page.dto';
import { VenueBookingStatus } from '../entities/venue-booking.entity';

export class BookZoneDto {
  @IsUUID()
  zoneId: string;

  /** ISO 8601 with offset. */
  @IsISO8601({ strict: true })
  startsAt: string;

  @IsISO8601({ strict: true })
  endsAt: string;

  @IsString()
  @MinLength(2)
  @MaxLength(200)
  purpose: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  attendees: number;
}

export class DecideBookingDto {
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ListBookingsQuery extends PageQueryDto {
  @IsOptional()
  @IsEnum(VenueBookingStatus)
  status?: VenueBookingStatus;

  @IsOptional()
  @IsUUID()
  venueId?: string;

  /** Only my own bookings (officials otherwise see every booking). */
  @IsOptional()
  @IsEnum(['true', 'false'])
  mine?: 'true' | 'false';
}

export class VenueCalendarQuery {
  @IsISO8601({ strict: true })
  from: string;

  @IsISO8601({ strict: true })
  to: string;
}

export class VenueBookingView {
  id: string;
  venueId: string;
  venueName: string;
  zoneId: string;
  zoneName: string;
  startsAt: Date;
  endsAt: Date;
  purpose: string;
  attendees: number;
  status: VenueBookingStatus;
  booker: { id: string; name: string };
  bookerOrganization: { id: string; name: string } | null;
  decisionNote: string | null;
  decidedAt: Date | null;
  /** What the viewer may do now: approve, reject, cancel. */
  allowedActions: string[];
}

export class VenueBookingList {
  items: VenueBookingView[];
  nextCursor: string | null;
}

export class CalendarEntryView {
  kind: 'booking' | 'meeting';
  zoneId: string;
  zoneName: string;
  startsAt: Date;
  endsAt: Date;
  /** The booking's purpose or the meeting's title; null when the viewer may not see it ("reserved"). */
  title: string | null;
  /** A booking's status; meetings are always "reserved". */
  status: string;
  bookingId: string | null;
  meetingId: string | null;
  mine: boolean;
}

export class VenueCalendarView {
  venueId: string;
  from: string;
  to: string;
  entries: CalendarEntryView[];
}
