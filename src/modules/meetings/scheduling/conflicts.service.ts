import { HttpStatus, Injectable } from '@nestjs/common';
import { localDateTime } from '../../../platform/clock/local-date';
import { DomainException, FieldProblem } from '../../../platform/errors/domain.exception';
import { ErrorCode } from '../../../platform/errors/error-code';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import type { Occurrence } from './occurrences';

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

  async assertFree(occurrences: Occurrence[], zoneId: string | null, requiredUserIds: string[], ignoreMeetingIds: string[] = []): Promise<void> {
    const clashes = await this.find(occurrences, zoneId, requiredUserIds, ignoreMeetingIds);
    if (clashes.length === 0) return;
    const details: FieldProblem[] = clashes.map((c) => ({
      field: c.kind === 'room' ? 'place.zoneId' : 'invitees.requiredUserIds',
      reason: c.kind === 'room' ? 'roomTaken' : 'personBusy',
      args: [c.name, c.title, `${localDateTime(c.starts_at, undefined, { withYear: false })}–${localDateTime(c.ends_at, undefined, { withYear: false }).slice(-5)}`],
    }));
    throw new DomainException(ErrorCode.MeetingConflict, HttpStatus.CONFLICT, details);
  }

  async find(occurrences: Occurrence[], zoneId: string | null, requiredUserIds: string[], ignoreMeetingIds: string[] = []): Promise<Clash[]> {
    const starts = occurrences.map((o) => o.startsAt);
    const ends = occurrences.map((o) => o.endsAt);
    const clashes: Clash[] = [];
    if (zoneId) {
      clashes.push(
        ...(await this.tenant.manager.query<Clash[]>(
          // Members' venue bookings hold the same rows (booking_id instead of meeting_id).
          `SELECT DISTINCT 'room' AS kind, z.name, COALESCE(m.title, b.purpose) AS title, lower(r.during) AS starts_at, upper(r.during) AS ends_at
             FROM room_reservations r JOIN venue_zones z ON z.id = r.zone_id
             LEFT JOIN meetings m ON m.id = r.meeting_id LEFT JOIN venue_bookings b ON b.id = r.booking_id
             JOIN unnest($2::timestamptz[], $3::timestamptz[]) AS o(s, e) ON r.during && tstzrange(o.s, o.e, '[)')
            WHERE r.zone_id = $1 AND (r.meeting_id IS NULL OR NOT (r.meeting_id = ANY($4::uuid[])))
            ORDER BY starts_at`,
          [zoneId, starts, ends, ignoreMeetingIds],
        )),
      );
    }
    if (requiredUserIds.length > 0) {
      clashes.push(
        ...(await this.tenant.manager.query<Clash[]>(
          `SELECT DISTINCT 'person' AS kind, u.display_name AS name, m.title, m.starts_at, m.ends_at
             FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id JOIN users u ON u.id = p.attendee_id
             JOIN unnest($2::timestamptz[], $3::timestamptz[]) AS o(s, e) ON m.starts_at < o.e AND m.ends_at > o.s
            WHERE p.attendee_id = ANY($1::uuid[]) AND p.response <> 'declined' AND m.status = 'scheduled'
              AND NOT (m.id = ANY($4::uuid[]))
            ORDER BY m.starts_at`,
          [requiredUserIds, starts, ends, ignoreMeetingIds],
        )),
      );
    }
    return clashes;
  }
}
