import { Module } from '@nestjs/common';
import { VenueBookingsRepository } from './bookings/venue-bookings.repository';
import { VenueRecords } from './venue-records.service';

/** Venue use, as other features' documents (the alliance's ledger) record it. */
@Module({ providers: [VenueRecords, VenueBookingsRepository], exports: [VenueRecords] })
export class VenueRecordsModule {}
