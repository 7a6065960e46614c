import { Injectable } from '@nestjs/common';
import { RoomReservationsRepository } from './room-reservations.repository';

/** What a meeting holds of a room: a zone over its time, or nothing (no room, or not taking place). */
export interface MeetingHold {
  tenantId: string;
  meetingId: string;
  zoneId: string | null;
  startsAt: Date;
  endsAt: Date;
}

/**
 * The venues module's door for meetings that take a room: room_reservations is the venues' table,
 * shared by meetings and members' bookings alike. Runs in the caller's transaction.
 */
@Injectable()
export class RoomReservations {
  constructor(private readonly reservations: RoomReservationsRepository) {}

  /**
   * Replaces the meeting's reservations with `hold`. The exclusion constraint refuses an overlap:
   * the driver error (code 23P01) reaches the caller, who knows how to explain it.
   */
  async replaceForMeeting(hold: MeetingHold): Promise<void> {
    await this.reservations.releaseMeeting(hold.meetingId);
    if (hold.zoneId) await this.reservations.reserve({ ...hold, zoneId: hold.zoneId, bookingId: null });
  }
}
