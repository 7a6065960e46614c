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
import type { AttendanceStatisticsView, AttendanceView, CheckInCodeView } from '../dto/meeting-session.dto';
import { MeetingStatus } from '../entities/meeting-status';
import { MeetingsService } from '../meetings.service';
import { AttendanceRepository } from './attendance.repository';

const EARLY_MS = 60 * 60_000;

/** Check-in by QR code: the code is shown at the meeting; attendees scan it while signed in. */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly attendanceRows: AttendanceRepository,
    private readonly meetings: MeetingsService,
    private readonly config: ConfigService<Environment, true>,
    private readonly clock: Clock,
  ) {}

  async code(actor: Actor, meetingId: string): Promise<CheckInCodeView> {
    if (actor.role !== Role.TownshipAdmin) throw DomainException.forbidden();
    await this.meetings.requireVisible(actor, meetingId);
    let code = await this.attendanceRows.checkInCode(meetingId);
    if (!code) {
      code = randomSecret(24);
      await this.attendanceRows.setCheckInCode(meetingId, code);
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
    const expected = await this.attendanceRows.checkInCode(meetingId);
    if (!expected || expected !== code) throw DomainException.invalid([{ field: 'code', reason: 'matches' }]);
    const now = this.clock.now();
    if (
      meeting.status !== MeetingStatus.Scheduled ||
      now.getTime() < meeting.startsAt.getTime() - EARLY_MS ||
      now > meeting.endsAt
    ) {
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'code', reason: 'checkInClosed' }]);
    }
    await this.attendanceRows.checkIn({
      tenantId: meeting.tenantId,
      meetingId,
      userId: actor.userId,
      organizationId: actor.organizationId,
      at: now,
    });
    return this.attendance(actor, meetingId);
  }

  async attendance(actor: Actor, meetingId: string): Promise<AttendanceView> {
    await this.meetings.requireVisible(actor, meetingId);
    const rows = await this.attendanceRows.attendees(meetingId);
    const invited = await this.attendanceRows.invitedOrganizationCount(meetingId);
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
    const now = this.clock.now();
    const rows = await this.attendanceRows.byOrganization(allianceId, from, to, now);
    const meetings = await this.attendanceRows.meetingCount(allianceId, from, to, now);
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
