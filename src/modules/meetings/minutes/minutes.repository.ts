import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import { MeetingMinutes } from '../entities/meeting-minutes.entity';
import { MinutesComment } from '../entities/minutes-comment.entity';

export interface MinutesCommentRow {
  id: string;
  author: string;
  version: number;
  body: string;
  created_at: Date;
}

/** Minutes of meetings, the comments on them, and the names they print. Queries only. */
@Injectable()
export class MinutesRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  findByMeeting(meetingId: string): Promise<MeetingMinutes | null> {
    return this.manager.getRepository(MeetingMinutes).findOneBy({ meetingId });
  }

  findByMeetingForUpdate(meetingId: string): Promise<MeetingMinutes | null> {
    return this.manager
      .getRepository(MeetingMinutes)
      .findOne({ where: { meetingId }, lock: { mode: 'pessimistic_write' } });
  }

  save(minutes: Partial<MeetingMinutes>): Promise<MeetingMinutes> {
    return this.manager.getRepository(MeetingMinutes).save(minutes);
  }

  async update(id: string, changes: Partial<MeetingMinutes>): Promise<void> {
    await this.manager.getRepository(MeetingMinutes).update({ id }, changes);
  }

  async addComment(comment: Partial<MinutesComment>): Promise<void> {
    await this.manager.getRepository(MinutesComment).save(comment);
  }

  /** The comments with their authors' names, oldest first. */
  comments(minutesId: string): Promise<MinutesCommentRow[]> {
    return this.manager.query<MinutesCommentRow[]>(
      `SELECT c.id, u.display_name AS author, c.version, c.body, c.created_at FROM minutes_comments c JOIN people_directory u ON u.id = c.author_id
        WHERE c.minutes_id = $1 ORDER BY c.created_at`,
      [minutesId],
    );
  }

  /** The names of the chair, the approver and everyone who checked in to the meeting. */
  namesFor(
    meetingId: string,
    chairId: string,
    approvedById: string | null,
  ): Promise<{ id: string; display_name: string }[]> {
    return this.manager.query<{ id: string; display_name: string }[]>(
      `SELECT u.id, u.display_name FROM people_directory u WHERE u.id = $1 OR u.id = $2
        UNION SELECT u.id, u.display_name FROM meeting_attendance a JOIN people_directory u ON u.id = a.user_id WHERE a.meeting_id = $3`,
      [chairId, approvedById, meetingId],
    );
  }

  /** The names of who checked in, in the order they came. */
  async attendeeNames(meetingId: string): Promise<string[]> {
    const rows = await this.manager.query<{ display_name: string }[]>(
      'SELECT u.display_name FROM meeting_attendance a JOIN people_directory u ON u.id = a.user_id WHERE a.meeting_id = $1 ORDER BY a.checked_in_at',
      [meetingId],
    );
    return rows.map((r) => r.display_name);
  }
}
