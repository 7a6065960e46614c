import { HttpStatus, Injectable } from '@nestjs/common';
import { localDateTime } from '../../../platform/clock/local-date';
import { DomainException, FieldProblem } from '../../../platform/errors/domain.exception';
import { ErrorCode } from '../../../platform/errors/error-code';
import type { Occurrence } from './occurrences';
import { type ClashRow, personClashQuery, roomClashQuery, SchedulingRepository } from './scheduling.repository';

/**
 * Finds what clashes with a set of occurrences: the room already reserved, or a required person
 * already expected in another meeting. The room rule is also the database's (an exclusion
 * constraint); this gives the friendly list of every clash.
 */
@Injectable()
export class ConflictsService {
  constructor(private readonly scheduling: SchedulingRepository) {}

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
  ): Promise<ClashRow[]> {
    const clashes: ClashRow[] = [];
    if (occurrences.length === 0) return clashes;
    if (zoneId) clashes.push(...(await this.scheduling.clashes(roomClashQuery(occurrences, zoneId, ignoreMeetingIds))));
    if (requiredUserIds.length > 0)
      clashes.push(
        ...(await this.scheduling.clashes(personClashQuery(occurrences, requiredUserIds, ignoreMeetingIds))),
      );
    return clashes;
  }
}
