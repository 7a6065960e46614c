import { Module } from '@nestjs/common';
import { VenueBookingsController } from './bookings/venue-bookings.controller';
import { VenueBookingsService } from './bookings/venue-bookings.service';
import { RoomReservations } from './room-reservations.service';
import { VenuesController } from './venues.controller';
import { VenuesService } from './venues.service';

@Module({
  controllers: [VenuesController, VenueBookingsController],
  providers: [VenuesService, VenueBookingsService, RoomReservations],
  exports: [RoomReservations],
})
export class VenuesModule {}
