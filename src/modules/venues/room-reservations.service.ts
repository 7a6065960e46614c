import { Injectable } from '@nestjs/common';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { RESERVE_ROOM_SQL } from './room-reservation.sql';

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
  constructor(private readonly tenant: TenantContext) {}

  /**
   * Replaces the meeting's reservations with `hold`. The exclusion constraint refuses an overlap:
   * the driver error (code 23P01) reaches the caller, who knows how to explain it.
   */
  async replaceForMeeting(hold: MeetingHold): Promise<void> {
    await this.tenant.manager.query('DELETE FROM room_reservations WHERE meeting_id = $1', [hold.meetingId]);
    if (hold.zoneId)
      await this.tenant.manager.query(RESERVE_ROOM_SQL, [
        hold.tenantId,
        hold.zoneId,
        hold.startsAt,
        hold.endsAt,
        hold.meetingId,
        null,
      ]);
  }
}
