import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import * as QRCode from 'qrcode';
import { Role } from '../../../platform/auth/entities/role';
import { randomSecret } from '../../../platform/auth/token-hash';
import { Clock } from '../../../platform/clock/clock';
import type { Environment } from '../../../platform/config/environment';
import { DomainException } from '../../../platform/errors/domain.exception';
import { ErrorCode } from '../../../platform/errors/error-code';
import type { Actor } from '../../../platform/tenancy/request-actor';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import type { AttendanceStatisticsView, AttendanceView, CheckInCodeView } from '../dto/meeting-session.dto';
import { MeetingStatus } from '../entities/meeting.entity';
import { MeetingsService } from '../meetings.service';

const EARLY_MS = 60 * 60_000;

/** Check-in by QR code: the code is shown at the meeting; attendees scan it while signed in. */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly meetings: MeetingsService,
    private readonly config: ConfigService<Environment, true>,
    private readonly clock: Clock,
  ) {}

  async code(actor: Actor, meetingId: string): Promise<CheckInCodeView> {
    if (actor.role !== Role.TownshipAdmin) throw DomainException.forbidden();
    await this.meetings.requireVisible(actor, meetingId);
    const [row] = await this.tenant.manager.query<{ check_in_code: string | null }[]>(
      'SELECT check_in_code FROM meetings WHERE id = $1',
      [meetingId],
    );
    let code = row.check_in_code;
    if (!code) {
      code = randomSecret(24);
      await this.tenant.manager.query('UPDATE meetings SET check_in_code = $2 WHERE id = $1', [meetingId, code]);
    }
    const url = new URL(
      `/meetings/${meetingId}/check-in?code=${code}`,
      this.config.get('PUBLIC_URL', { infer: true }),
    ).toString();
    return { url, svg: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) };
  }

  /** Records the signed-in person as present; scanning twice changes nothing. Open from an hour before to the end. */
  async checkIn(actor: Actor, meetingId: string, code: string): Promise<AttendanceView> {
    const meeting = await this.meetings.requireVisible(actor, meetingId);
    const [row] = await this.tenant.manager.query<{ check_in_code: string | null }[]>(
      'SELECT check_in_code FROM meetings WHERE id = $1',
      [meetingId],
    );
    if (!row.check_in_code || row.check_in_code !== code)
      throw DomainException.invalid([{ field: 'code', reason: 'matches' }]);
    const now = this.clock.now();
    if (
      meeting.status !== MeetingStatus.Scheduled ||
      now.getTime() < meeting.startsAt.getTime() - EARLY_MS ||
      now > meeting.endsAt
    ) {
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'code', reason: 'checkInClosed' }]);
    }
    await this.tenant.manager.query(
      `INSERT INTO meeting_attendance (tenant_id, meeting_id, user_id, organization_id, checked_in_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (meeting_id, user_id) DO NOTHING`,
      [meeting.tenantId, meetingId, actor.userId, actor.organizationId, now],
    );
    return this.attendance(actor, meetingId);
  }

  async attendance(actor: Actor, meetingId: string): Promise<AttendanceView> {
    await this.meetings.requireVisible(actor, meetingId);
    const rows = await this.tenant.manager.query<Record<string, any>[]>(
      `SELECT a.user_id, u.display_name, o.name AS organization, a.checked_in_at FROM meeting_attendance a
         JOIN people_directory u ON u.id = a.user_id LEFT JOIN organization_directory o ON o.id = a.organization_id
        WHERE a.meeting_id = $1 ORDER BY a.checked_in_at`,
      [meetingId],
    );
    const [{ invited }] = await this.tenant.manager.query<{ invited: number }[]>(
      'SELECT count(DISTINCT organization_id)::int AS invited FROM meeting_participants WHERE meeting_id = $1 AND organization_id IS NOT NULL',
      [meetingId],
    );
    return {
      attendees: rows.map((r) => ({
        userId: r.user_id,
        displayName: r.display_name,
        organization: r.organization,
        checkedInAt: r.checked_in_at,
      })),
      organizationsPresent: [...new Set(rows.map((r) => r.organization).filter((o): o is string => !!o))],
      invitedOrganizations: invited,
    };
  }

  /** Per organisation: meetings it was invited to in the period, and those someone from it attended. */
  async statistics(allianceId: string, from: Date, to: Date): Promise<AttendanceStatisticsView> {
    const rows = await this.tenant.manager.query<
      { organization_id: string; name: string; invited: number; attended: number }[]
    >(
      `SELECT p.organization_id, o.name, count(DISTINCT m.id)::int AS invited,
              count(DISTINCT m.id) FILTER (WHERE EXISTS (
                SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.organization_id = p.organization_id))::int AS attended
         FROM meetings m JOIN meeting_participants p ON p.meeting_id = m.id AND p.organization_id IS NOT NULL
         JOIN organization_directory o ON o.id = p.organization_id
        WHERE m.alliance_id = $1 AND m.status = 'scheduled' AND m.starts_at >= $2 AND m.starts_at < $3 AND m.starts_at < $4
        GROUP BY p.organization_id, o.name ORDER BY o.name`,
      [allianceId, from, to, this.clock.now()],
    );
    const [{ meetings }] = await this.tenant.manager.query<{ meetings: number }[]>(
      `SELECT count(*)::int AS meetings FROM meetings WHERE alliance_id = $1 AND status = 'scheduled' AND starts_at >= $2 AND starts_at < $3 AND starts_at < $4`,
      [allianceId, from, to, this.clock.now()],
    );
    return {
      meetings,
      organizations: rows.map((r) => ({
        organizationId: r.organization_id,
        name: r.name,
        invited: r.invited,
        attended: r.attended,
        rate: r.invited ? Math.round((r.attended / r.invited) * 1000) / 1000 : null,
      })),
    };
  }
}
