import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../platform/auth/access.decorators';
import { CurrentActor } from '../../../platform/auth/current-actor.decorator';
import { Role } from '../../../platform/auth/entities/role';
import { IdParam } from '../../../platform/http/id-param.decorator';
import type { Actor } from '../../../platform/tenancy/request-actor';
import {
  BookZoneDto,
  DecideBookingDto,
  ListBookingsQuery,
  VenueBookingList,
  VenueBookingView,
} from '../dto/venue-booking.dto';
import { VenueBookingsService } from './venue-bookings.service';

/** Members, department staff and officials book; experts only read the venues. */
const BOOKERS = [Role.TownshipAdmin, Role.DepartmentStaff, Role.EnterpriseContact];

@ApiTags('venues')
@ApiBearerAuth()
@Controller('venue-bookings')
export class VenueBookingsController {
  constructor(private readonly bookings: VenueBookingsService) {}

  @Roles(...BOOKERS)
  @ApiOperation({ summary: 'Book a venue' })
  @ApiConflictResponse({ description: 'The slot is taken.' })
  @Post()
  book(@CurrentActor() actor: Actor, @Body() body: BookZoneDto): Promise<VenueBookingView> {
    return this.bookings.book(actor, body);
  }

  @Roles(...BOOKERS)
  @ApiOperation({ summary: 'List venue bookings' })
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListBookingsQuery): Promise<VenueBookingList> {
    return this.bookings.list(actor, query);
  }

  @Roles(...BOOKERS)
  @ApiOperation({ summary: 'Get a venue booking' })
  @Get(':id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<VenueBookingView> {
    return this.bookings.get(actor, id);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Approve a booking' })
  @ApiConflictResponse({ description: 'The booking is not pending, or the slot is taken.' })
  @Post(':id/approve')
  @HttpCode(HttpStatus.OK)
  approve(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: DecideBookingDto,
  ): Promise<VenueBookingView> {
    return this.bookings.approve(actor, id, body);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Reject a booking' })
  @ApiConflictResponse({ description: 'The booking is not pending.' })
  @Post(':id/reject')
  @HttpCode(HttpStatus.OK)
  reject(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: DecideBookingDto,
  ): Promise<VenueBookingView> {
    return this.bookings.reject(actor, id, body);
  }

  @Roles(...BOOKERS)
  @ApiOperation({ summary: 'Cancel a booking' })
  @ApiConflictResponse({ description: 'The booking can no longer be cancelled.' })
  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  cancel(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<VenueBookingView> {
    return this.bookings.cancel(actor, id);
  }
}
