import { Module } from '@nestjs/common';
import { VenueBookingsController } from './bookings/venue-bookings.controller';
import { VenueBookingsRepository } from './bookings/venue-bookings.repository';
import { VenueBookingsService } from './bookings/venue-bookings.service';
import { RoomReservationsRepository } from './room-reservations.repository';
import { RoomReservations } from './room-reservations.service';
import { VenuesController } from './venues.controller';
import { VenuesRepository } from './venues.repository';
import { VenuesService } from './venues.service';
import { PeopleDirectoryModule } from '../users/people-directory.module';

@Module({
  imports: [PeopleDirectoryModule],
  controllers: [VenuesController, VenueBookingsController],
  providers: [
    VenuesService,
    VenuesRepository,
    VenueBookingsService,
    VenueBookingsRepository,
    RoomReservations,
    RoomReservationsRepository,
  ],
  exports: [RoomReservations],
})
export class VenuesModule {}
