import { HttpStatus, Injectable } from '@nestjs/common';
import { localDateTime } from '../../../platform/clock/local-date';
import { DomainException, FieldProblem } from '../../../platform/errors/domain.exception';
import { ErrorCode } from '../../../platform/errors/error-code';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import type { Occurrence } from './occurrences';
import { earliestMeetingStart, earliestReservationStart } from './time-bounds';

interface Clash {
  kind: 'room' | 'person';
  name: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
}

/**
 * Finds what clashes with a set of occurrences: the room already reserved, or a required person
 * already expected in another meeting. The room rule is also the database's (an exclusion
 * constraint); this gives the friendly list of every clash.
 */
@Injectable()
export class ConflictsService {
  constructor(private readonly tenant: TenantContext) {}

  async assertFree(
    occurrences: Occurrence[],
    zoneId: string | null,
    requiredUserIds: string[],
    ignoreMeetingIds: string[] = [],
  ): Promise<void> {
    const clashes = await this.find(occurrences, zoneId, requiredUserIds, ignoreMeetingIds);
    if (clashes.length === 0) return;
    const details: FieldProblem[] = clashes.map((c) => ({
      field: c.kind === 'room' ? 'place.zoneId' : 'invitees.requiredUserIds',
      reason: c.kind === 'room' ? 'roomTaken' : 'personBusy',
      args: [
        c.name,
        c.title,
        `${localDateTime(c.starts_at, undefined, { withYear: false })}–${localDateTime(c.ends_at, undefined, { withYear: false }).slice(-5)}`,
      ],
    }));
    throw new DomainException(ErrorCode.MeetingConflict, HttpStatus.CONFLICT, details);
  }

  async find(
    occurrences: Occurrence[],
    zoneId: string | null,
    requiredUserIds: string[],
    ignoreMeetingIds: string[] = [],
  ): Promise<Clash[]> {
    const clashes: Clash[] = [];
    if (zoneId) clashes.push(...(await this.run(roomClashQuery(occurrences, zoneId, ignoreMeetingIds))));
    if (requiredUserIds.length > 0)
      clashes.push(...(await this.run(personClashQuery(occurrences, requiredUserIds, ignoreMeetingIds))));
    return clashes;
  }

  private run({ sql, params }: { sql: string; params: unknown[] }): Promise<Clash[]> {
    return this.tenant.manager.query<Clash[]>(sql, params);
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

/** The reservations of the room over the occurrences; exported so tests and the benchmark can EXPLAIN it. */
export function roomClashQuery(occurrences: Occurrence[], zoneId: string, ignoreMeetingIds: string[]) {
  return {
    // Members' venue bookings hold the same rows (booking_id instead of meeting_id).
    sql: `SELECT DISTINCT 'room' AS kind, z.name, COALESCE(m.title, b.purpose) AS title, r.starts_at, r.ends_at
            FROM unnest($2::timestamptz[], $3::timestamptz[], $4::timestamptz[]) AS o(s, e, earliest)
            JOIN room_reservation_directory r ON r.zone_id = $1 AND r.starts_at < o.e AND r.ends_at > o.s AND r.starts_at > o.earliest
            JOIN venue_zone_directory z ON z.id = r.zone_id
            LEFT JOIN meetings m ON m.id = r.meeting_id LEFT JOIN venue_booking_directory b ON b.id = r.booking_id
           WHERE r.meeting_id IS NULL OR NOT (r.meeting_id = ANY($5::uuid[]))
           ORDER BY r.starts_at`,
    params: [zoneId, ...occurrenceArrays(occurrences, earliestReservationStart), ignoreMeetingIds],
  };
}

/** The required people's other meetings over the occurrences. */
export function personClashQuery(occurrences: Occurrence[], requiredUserIds: string[], ignoreMeetingIds: string[]) {
  return {
    sql: `SELECT DISTINCT 'person' AS kind, u.display_name AS name, m.title, m.starts_at, m.ends_at
            FROM unnest($2::timestamptz[], $3::timestamptz[], $4::timestamptz[]) AS o(s, e, earliest)
            JOIN meetings m ON m.starts_at < o.e AND m.ends_at > o.s AND m.starts_at > o.earliest
            JOIN meeting_participants p ON p.meeting_id = m.id
            JOIN people_directory u ON u.id = p.attendee_id
           WHERE p.attendee_id = ANY($1::uuid[]) AND p.response <> 'declined' AND m.status = 'scheduled'
             AND NOT (m.id = ANY($5::uuid[]))
           ORDER BY m.starts_at`,
    params: [requiredUserIds, ...occurrenceArrays(occurrences, earliestMeetingStart), ignoreMeetingIds],
  };
}
