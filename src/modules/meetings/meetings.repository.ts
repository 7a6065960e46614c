import { Injectable } from '@nestjs/common';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { RoomReservations } from '../venues/room-reservations.service';
import type { MeetingView, ParticipantView } from './dto/meeting.dto';
import { MeetingParticipant } from './entities/meeting-participant.entity';
import { MeetingSeries } from './entities/meeting-series.entity';
import { MeetingStatus } from './entities/meeting-status';
import { Meeting, PlaceKind } from './entities/meeting.entity';
import { RsvpResponse } from './entities/rsvp-status';

/** A meeting with its room's, chair's and recorder's names. */
interface MeetingRow {
  id: string;
  alliance_id: string;
  series_id: string | null;
  title: string;
  description: string | null;
  convener_id: string;
  chair_id: string;
  recorder_id: string | null;
  chair_name: string;
  recorder_name: string | null;
  place_kind: PlaceKind;
  zone_id: string | null;
  /** Set when zone_id is (a foreign key). */
  zone_name: string;
  address: string | null;
  online_url: string | null;
  starts_at: Date;
  ends_at: Date;
  status: MeetingStatus;
  cancel_reason: string | null;
}

/** An invitation with its organisation's and person's names. */
interface ParticipantRow {
  id: string;
  meeting_id: string;
  organization_id: string | null;
  /** Set when organization_id is (a foreign key). */
  organization_name: string;
  attendee_id: string | null;
  /** Set when attendee_id is (a foreign key). */
  attendee_name: string;
  required: boolean;
  response: RsvpResponse;
  decline_reason: string | null;
}

/** Who may see which meetings: those they or their organisation are invited to. */
export interface InviteeScope {
  userId: string;
  organizationId: string | null;
}

@Injectable()
export class MeetingsRepository {
  constructor(
    private readonly tenant: TenantContext,
    private readonly rooms: RoomReservations,
  ) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  findById(id: string): Promise<Meeting | null> {
    return this.manager.getRepository(Meeting).findOneBy({ id });
  }

  findForUpdate(id: string): Promise<Meeting | null> {
    return this.manager.getRepository(Meeting).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** This occurrence and the later ones of its series that were not edited on their own. */
  following(meeting: Meeting): Promise<Meeting[]> {
    return this.manager
      .getRepository(Meeting)
      .createQueryBuilder('m')
      .where('m.series_id = :series AND m.starts_at >= :from AND m.status = :status', {
        series: meeting.seriesId,
        from: meeting.startsAt,
        status: MeetingStatus.Scheduled,
      })
      .andWhere('(m.id = :id OR NOT m.detached)', { id: meeting.id })
      .orderBy('m.starts_at')
      .getMany();
  }

  /** Replaces the room reservations of a meeting (the venues module's); the exclusion constraint refuses an overlap. */
  reserve(meeting: Meeting): Promise<void> {
    const zoneId = meeting.status === MeetingStatus.Scheduled ? meeting.zoneId : null;
    return this.rooms.replaceForMeeting({
      tenantId: meeting.tenantId,
      meetingId: meeting.id,
      zoneId,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
    });
  }

  async views(ids: string[]): Promise<MeetingView[]> {
    if (ids.length === 0) return [];
    const meetings = await this.manager.query<MeetingRow[]>(
      `SELECT m.*, z.name AS zone_name, c.display_name AS chair_name, r.display_name AS recorder_name FROM meetings m
         LEFT JOIN venue_zone_directory z ON z.id = m.zone_id JOIN people_directory c ON c.id = m.chair_id LEFT JOIN people_directory r ON r.id = m.recorder_id
        WHERE m.id = ANY($1) ORDER BY m.starts_at, m.id`,
      [ids],
    );
    const participants = await this.manager.query<ParticipantRow[]>(
      `SELECT p.id, p.meeting_id, p.organization_id, o.name AS organization_name, p.attendee_id, u.display_name AS attendee_name,
              p.required, p.response, p.decline_reason
         FROM meeting_participants p LEFT JOIN organization_directory o ON o.id = p.organization_id LEFT JOIN people_directory u ON u.id = p.attendee_id
        WHERE p.meeting_id = ANY($1) ORDER BY o.name NULLS FIRST, u.display_name`,
      [ids],
    );
    return meetings.map((m) => ({
      id: m.id,
      allianceId: m.alliance_id,
      seriesId: m.series_id,
      title: m.title,
      description: m.description,
      convenerId: m.convener_id,
      chairId: m.chair_id,
      recorderId: m.recorder_id,
      chairName: m.chair_name,
      recorderName: m.recorder_name,
      place: {
        kind: m.place_kind,
        zone: m.zone_id ? { id: m.zone_id, name: m.zone_name } : null,
        address: m.address,
        onlineUrl: m.online_url,
      },
      startsAt: m.starts_at,
      endsAt: m.ends_at,
      status: m.status,
      cancelReason: m.cancel_reason,
      participants: participants
        .filter((p) => p.meeting_id === m.id)
        .map((p): ParticipantView => ({
          id: p.id,
          organization: p.organization_id ? { id: p.organization_id, name: p.organization_name } : null,
          attendee: p.attendee_id ? { id: p.attendee_id, displayName: p.attendee_name } : null,
          required: p.required,
          response: p.response,
          declineReason: p.decline_reason,
        })),
    }));
  }

  /** Meetings in a window the user may see: officials all, everyone else those they or their organisation are invited to. */
  async idsBetween(
    from: Date,
    to: Date,
    allianceId: string | undefined,
    visibleTo: InviteeScope | null,
  ): Promise<string[]> {
    const { where, params } = this.between(from, to, allianceId, visibleTo);
    const rows = await this.manager.query<{ id: string }[]>(
      `SELECT m.id FROM meetings m WHERE ${where} ORDER BY m.starts_at LIMIT 500`,
      params,
    );
    return rows.map((r) => r.id);
  }

  /** A page of the meetings between from and to by start, then id; `after` is the last row's start (as text: to the microsecond) and id. */
  async pageBetween(
    from: Date,
    to: Date,
    allianceId: string | undefined,
    visibleTo: InviteeScope | null,
    page: { limit: number; after: [string, string] | null },
  ): Promise<{ id: string; starts_at: string }[]> {
    const { where, params } = this.between(from, to, allianceId, visibleTo);
    let keyset = '';
    if (page.after) {
      params.push(page.after[0], page.after[1]);
      keyset = ` AND (m.starts_at, m.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    params.push(page.limit + 1);
    return this.manager.query<{ id: string; starts_at: string }[]>(
      `SELECT m.id, m.starts_at::text AS starts_at FROM meetings m WHERE ${where}${keyset} ORDER BY m.starts_at, m.id LIMIT $${params.length}`,
      params,
    );
  }

  private between(
    from: Date,
    to: Date,
    allianceId: string | undefined,
    visibleTo: InviteeScope | null,
  ): { where: string; params: unknown[] } {
    const params: unknown[] = [from, to];
    let where = 'm.starts_at < $2 AND m.ends_at > $1';
    if (allianceId) {
      params.push(allianceId);
      where += ` AND m.alliance_id = $${params.length}`;
    }
    if (visibleTo) {
      params.push(visibleTo.userId, visibleTo.organizationId);
      where += ` AND EXISTS (SELECT 1 FROM meeting_participants p WHERE p.meeting_id = m.id AND (p.attendee_id = $${params.length - 1} OR p.organization_id = $${params.length}))`;
    }
    return { where, params };
  }

  saveSeries(series: Partial<MeetingSeries>): Promise<MeetingSeries> {
    return this.manager.getRepository(MeetingSeries).save(series);
  }

  save(meeting: Partial<Meeting>): Promise<Meeting> {
    return this.manager.getRepository(Meeting).save(meeting);
  }

  participantsOf(meetingId: string): Promise<MeetingParticipant[]> {
    return this.manager.getRepository(MeetingParticipant).find({ where: { meetingId } });
  }

  findParticipant(where: FindOptionsWhere<MeetingParticipant>): Promise<MeetingParticipant | null> {
    return this.manager.getRepository(MeetingParticipant).findOneBy(where);
  }

  async addParticipants(participants: Partial<MeetingParticipant>[]): Promise<void> {
    await this.manager.getRepository(MeetingParticipant).save(participants);
  }

  async updateParticipant(id: string, changes: Partial<MeetingParticipant>): Promise<void> {
    await this.manager.getRepository(MeetingParticipant).update({ id }, changes);
  }

  /** Whether the person, or their organisation, is invited to the meeting. */
  async isInvited(meetingId: string, invitee: InviteeScope): Promise<boolean> {
    const [invited] = await this.manager.query<unknown[]>(
      'SELECT 1 FROM meeting_participants WHERE meeting_id = $1 AND (attendee_id = $2 OR organization_id = $3)',
      [meetingId, invitee.userId, invitee.organizationId],
    );
    return !!invited;
  }

  /** Everyone invited who is active: the people named, and every user of the invited organisations naming nobody. */
  async recipients(meetingId: string): Promise<string[]> {
    const rows = await this.manager.query<{ id: string }[]>(
      `SELECT DISTINCT u.id FROM meeting_participants p
         JOIN people_directory u ON u.id = p.attendee_id OR (p.attendee_id IS NULL AND u.organization_id = p.organization_id)
        WHERE p.meeting_id = $1 AND u.status = 'active'`,
      [meetingId],
    );
    return rows.map((r) => r.id);
  }
}
