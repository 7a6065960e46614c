import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';

export interface AttendeeRow {
  user_id: string;
  display_name: string;
  organization: string | null;
  checked_in_at: Date;
}

export interface OrganizationAttendanceRow {
  organization_id: string;
  name: string;
  invited: number;
  attended: number;
}

/** Check-in codes and who checked in. Queries only. */
@Injectable()
export class AttendanceRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  async checkInCode(meetingId: string): Promise<string | null> {
    const [row] = await this.manager.query<{ check_in_code: string | null }[]>(
      'SELECT check_in_code FROM meetings WHERE id = $1',
      [meetingId],
    );
    return row.check_in_code;
  }

  async setCheckInCode(meetingId: string, code: string): Promise<void> {
    await this.manager.query('UPDATE meetings SET check_in_code = $2 WHERE id = $1', [meetingId, code]);
  }

  /** Records a person as present; a second check-in changes nothing. */
  async checkIn(entry: {
    tenantId: string;
    meetingId: string;
    userId: string;
    organizationId: string | null;
    at: Date;
  }): Promise<void> {
    await this.manager.query(
      `INSERT INTO meeting_attendance (tenant_id, meeting_id, user_id, organization_id, checked_in_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (meeting_id, user_id) DO NOTHING`,
      [entry.tenantId, entry.meetingId, entry.userId, entry.organizationId, entry.at],
    );
  }

  /** Who checked in, in the order they came. */
  attendees(meetingId: string): Promise<AttendeeRow[]> {
    return this.manager.query<AttendeeRow[]>(
      `SELECT a.user_id, u.display_name, o.name AS organization, a.checked_in_at FROM meeting_attendance a
         JOIN people_directory u ON u.id = a.user_id LEFT JOIN organization_directory o ON o.id = a.organization_id
        WHERE a.meeting_id = $1 ORDER BY a.checked_in_at`,
      [meetingId],
    );
  }

  async invitedOrganizationCount(meetingId: string): Promise<number> {
    const [{ invited }] = await this.manager.query<{ invited: number }[]>(
      'SELECT count(DISTINCT organization_id)::int AS invited FROM meeting_participants WHERE meeting_id = $1 AND organization_id IS NOT NULL',
      [meetingId],
    );
    return invited;
  }

  /** Per organisation, the alliance's scheduled meetings from `from` to before `to` and `now` it was invited to, and those it attended. */
  byOrganization(allianceId: string, from: Date, to: Date, now: Date): Promise<OrganizationAttendanceRow[]> {
    return this.manager.query<OrganizationAttendanceRow[]>(
      `SELECT p.organization_id, o.name, count(DISTINCT m.id)::int AS invited,
              count(DISTINCT m.id) FILTER (WHERE EXISTS (
                SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.organization_id = p.organization_id))::int AS attended
         FROM meetings m JOIN meeting_participants p ON p.meeting_id = m.id AND p.organization_id IS NOT NULL
         JOIN organization_directory o ON o.id = p.organization_id
        WHERE m.alliance_id = $1 AND m.status = 'scheduled' AND m.starts_at >= $2 AND m.starts_at < $3 AND m.starts_at < $4
        GROUP BY p.organization_id, o.name ORDER BY o.name`,
      [allianceId, from, to, now],
    );
  }

  /** The alliance's scheduled meetings from `from` to before `to` and `now`. */
  async meetingCount(allianceId: string, from: Date, to: Date, now: Date): Promise<number> {
    const [{ meetings }] = await this.manager.query<{ meetings: number }[]>(
      `SELECT count(*)::int AS meetings FROM meetings WHERE alliance_id = $1 AND status = 'scheduled' AND starts_at >= $2 AND starts_at < $3 AND starts_at < $4`,
      [allianceId, from, to, now],
    );
    return meetings;
  }
}
