import { Injectable } from '@nestjs/common';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import type { Occurrence } from './occurrences';
import { earliestReservationStart } from '../../venues/exported-views';
import { earliestMeetingStart } from './time-bounds';

/** A statement and its parameters. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** Something that clashes with an occurrence: the room's reservation, or a required person's other meeting. */
export interface ClashRow {
  kind: 'room' | 'person';
  name: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
}

/** What meetings, rooms and people already hold over a time. Queries only. */
@Injectable()
export class SchedulingRepository {
  constructor(private readonly tenant: TenantContext) {}

  clashes({ sql, params }: Statement): Promise<ClashRow[]> {
    return this.tenant.manager.query<ClashRow[]>(sql, params);
  }

  async busy({ sql, params }: Statement): Promise<Occurrence[]> {
    const rows = await this.tenant.manager.query<{ starts_at: Date; ends_at: Date }[]>(sql, params);
    return rows.map((r) => ({ startsAt: r.starts_at, endsAt: r.ends_at }));
  }
}

/** Occurrences as an unnest() of starts, ends and the earliest start of anything that can overlap each. */
function occurrenceArrays(occurrences: Occurrence[], earliest: (from: Date) => Date) {
  return [
    occurrences.map((o) => o.startsAt),
    occurrences.map((o) => o.endsAt),
    occurrences.map((o) => earliest(o.startsAt)),
  ];
}

/** The earliest start that can overlap the first occurrence and the end of the last: plain bounds the planner can estimate. */
function hull(occurrences: Occurrence[], earliest: (from: Date) => Date): [Date, Date] {
  return [
    new Date(Math.min(...occurrences.map((o) => earliest(o.startsAt).getTime()))),
    new Date(Math.max(...occurrences.map((o) => o.endsAt.getTime()))),
  ];
}

/**
 * The reservations of the room over the occurrences; exported so tests and the benchmark can
 * EXPLAIN it. The holder's title is looked up per clash: joined, a series of occurrences made the
 * planner expect thousands of clashes and read every meeting.
 */
export function roomClashQuery(occurrences: Occurrence[], zoneId: string, ignoreMeetingIds: string[]): Statement {
  return {
    // Members' venue bookings hold the same rows (booking_id instead of meeting_id).
    sql: `SELECT DISTINCT 'room' AS kind, z.name,
                 COALESCE((SELECT m.title FROM meetings m WHERE m.id = r.meeting_id),
                          (SELECT b.purpose FROM venue_booking_directory b WHERE b.id = r.booking_id)) AS title,
                 r.starts_at, r.ends_at
            FROM unnest($2::timestamptz[], $3::timestamptz[], $4::timestamptz[]) AS o(s, e, earliest)
            JOIN room_reservation_directory r ON r.zone_id = $1 AND r.starts_at > $6 AND r.starts_at < $7
             AND r.starts_at < o.e AND r.ends_at > o.s AND r.starts_at > o.earliest
            JOIN venue_zone_directory z ON z.id = r.zone_id
           WHERE r.meeting_id IS NULL OR NOT (r.meeting_id = ANY($5::uuid[]))
           ORDER BY r.starts_at`,
    params: [
      zoneId,
      ...occurrenceArrays(occurrences, earliestReservationStart),
      ignoreMeetingIds,
      ...hull(occurrences, earliestReservationStart),
    ],
  };
}

/**
 * The required people's other meetings over the occurrences, read from the people's invitations by
 * their meetings' start (ix_meeting_participants__attendee_starts) within the occurrences' hull:
 * a few invitations rather than every one the people ever had.
 */
export function personClashQuery(
  occurrences: Occurrence[],
  requiredUserIds: string[],
  ignoreMeetingIds: string[],
): Statement {
  return {
    sql: `SELECT DISTINCT 'person' AS kind, u.display_name AS name, m.title, m.starts_at, m.ends_at
            FROM unnest($2::timestamptz[], $3::timestamptz[], $4::timestamptz[]) AS o(s, e, earliest)
            JOIN meeting_participants p ON p.attendee_id = ANY($1::uuid[])
             AND p.meeting_starts_at > $6 AND p.meeting_starts_at < $7
             AND p.meeting_starts_at > o.earliest AND p.meeting_starts_at < o.e
            JOIN meetings m ON m.id = p.meeting_id AND m.starts_at < o.e AND m.ends_at > o.s
            JOIN people_directory u ON u.id = p.attendee_id
           WHERE p.response <> 'declined' AND m.status = 'scheduled' AND NOT (m.id = ANY($5::uuid[]))
           ORDER BY m.starts_at`,
    params: [
      requiredUserIds,
      ...occurrenceArrays(occurrences, earliestMeetingStart),
      ignoreMeetingIds,
      ...hull(occurrences, earliestMeetingStart),
    ],
  };
}

/**
 * What keeps the room or the people busy in the window: the room's reservations (meetings and
 * members' bookings alike) and the meetings any of the people are expected at; null when there is
 * neither room nor person. Exported so tests and the benchmark can EXPLAIN it.
 */
export function busyQuery(from: Date, to: Date, zoneId: string | null, userIds: string[]): Statement | null {
  const parts: string[] = [];
  const params: unknown[] = [from, to];
  if (zoneId) {
    params.push(zoneId, earliestReservationStart(from));
    parts.push(`SELECT r.starts_at, r.ends_at FROM room_reservation_directory r
        WHERE r.zone_id = $${params.length - 1} AND r.starts_at < $2 AND r.ends_at > $1 AND r.starts_at > $${params.length}`);
  }
  if (userIds.length > 0) {
    params.push(userIds, earliestMeetingStart(from));
    // The people's invitations in the window by their meetings' start, then those meetings.
    parts.push(`SELECT m.starts_at, m.ends_at FROM meetings m
        WHERE m.status = 'scheduled' AND m.starts_at < $2 AND m.ends_at > $1 AND m.starts_at > $${params.length}
          AND m.id IN (SELECT p.meeting_id FROM meeting_participants p
                        WHERE p.attendee_id = ANY($${params.length - 1}::uuid[]) AND p.response <> 'declined'
                          AND p.meeting_starts_at < $2 AND p.meeting_starts_at > $${params.length})`);
  }
  return parts.length > 0 ? { sql: parts.join('\n      UNION ALL\n      '), params } : null;
}
