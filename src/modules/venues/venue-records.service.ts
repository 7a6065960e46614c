import { Injectable } from '@nestjs/common';
import { VenueBookingsRepository } from './bookings/venue-bookings.repository';

export interface VenueUseRecord {
  venue: string;
  bookings: number;
  attendees: number;
  hours: number;
}

/** Venue use as other features' documents (the alliance's ledger) record it. */
@Injectable()
export class VenueRecords {
  constructor(private readonly bookings: VenueBookingsRepository) {}

  /** The approved bookings of the given organisations starting in [from, to), by venue. */
  use(organizationIds: string[], period: { from: string; to: string }): Promise<VenueUseRecord[]> {
    if (organizationIds.length === 0) return Promise.resolve([]);
    return this.bookings.useByVenue(organizationIds, period.from, period.to);
  }
}
