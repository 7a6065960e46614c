import { Injectable } from '@nestjs/common';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { Meeting } from '../entities/meeting.entity';

/** What the reminder jobs read: the meeting, who is expected, and the room's name. Queries only. */
@Injectable()
export class MeetingRemindersRepository {
  constructor(private readonly tenant: TenantContext) {}

  findMeeting(id: string): Promise<Meeting | null> {
    return this.tenant.manager.getRepository(Meeting).findOneBy({ id });
  }

  /** The people named on the invitation who have not declined. */
  async expectedAttendeeIds(meetingId: string): Promise<string[]> {
    const rows = await this.tenant.manager.query<{ attendee_id: string }[]>(
      `SELECT DISTINCT attendee_id FROM meeting_participants WHERE meeting_id = $1 AND attendee_id IS NOT NULL AND response IN ('pending', 'accepted')`,
      [meetingId],
    );
    return rows.map((r) => r.attendee_id);
  }

  async zoneName(zoneId: string | null): Promise<string | null> {
    const [place] = await this.tenant.manager.query<{ name: string | null }[]>(
      'SELECT name FROM venue_zone_directory WHERE id = $1',
      [zoneId],
    );
    return place?.name ?? null;
  }
}
