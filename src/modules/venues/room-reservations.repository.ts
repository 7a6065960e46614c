import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';

const EXCLUSION_VIOLATION = '23P01';

/**
 * Reserves a room: $1 tenant, $2 zone, $3 start, $4 end, $5 meeting or null, $6 venue booking or null.
 * Concurrent inserts of overlapping ranges into the exclusion constraint's GiST index wait on one
 * another and can deadlock (seen with 50 simultaneous bookings of one room); a transaction lock on
 * the zone, taken in the same statement, lines them up so the losers get the constraint's refusal.
 */
const RESERVE_ROOM_SQL = `
  INSERT INTO room_reservations (tenant_id, zone_id, starts_at, ends_at, meeting_id, booking_id)
  SELECT $1::uuid, $2::uuid, $3::timestamptz, $4::timestamptz, $5::uuid, $6::uuid
    FROM (SELECT pg_advisory_xact_lock(hashtextextended('room_reservations:' || $2::text, 0))) AS zone_lock`;

/** A zone held over a time, by a meeting or a member's booking (exactly one of the two). */
export interface RoomHold {
  tenantId: string;
  zoneId: string;
  startsAt: Date;
  endsAt: Date;
  meetingId: string | null;
  bookingId: string | null;
}

/** room_reservations: what holds each zone when. Queries only; runs in the caller's transaction. */
@Injectable()
export class RoomReservationsRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  /** Writes the reservation; an overlap fails with the exclusion constraint's driver error (23P01). */
  async reserve(hold: RoomHold): Promise<void> {
    await this.manager.query(RESERVE_ROOM_SQL, [
      hold.tenantId,
      hold.zoneId,
      hold.startsAt,
      hold.endsAt,
      hold.meetingId,
      hold.bookingId,
    ]);
  }

  /**
   * Writes the reservation under a savepoint: false when the exclusion constraint refuses an
   * overlap, and the transaction goes on (the caller can still read what holds the slot).
   */
  async tryReserve(hold: RoomHold): Promise<boolean> {
    await this.manager.query('SAVEPOINT venue_booking_reserve');
    try {
      await this.reserve(hold);
      await this.manager.query('RELEASE SAVEPOINT venue_booking_reserve');
      return true;
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code !== EXCLUSION_VIOLATION) throw error;
      await this.manager.query('ROLLBACK TO SAVEPOINT venue_booking_reserve');
      return false;
    }
  }

  async releaseMeeting(meetingId: string): Promise<void> {
    await this.manager.query('DELETE FROM room_reservations WHERE meeting_id = $1', [meetingId]);
  }

  async releaseBooking(bookingId: string): Promise<void> {
    await this.manager.query('DELETE FROM room_reservations WHERE booking_id = $1', [bookingId]);
  }
}
