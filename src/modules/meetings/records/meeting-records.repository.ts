import { Injectable } from '@nestjs/common';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import type { MeetingRecord } from './meeting-record.view';

/**
 * The alliance's scheduled meetings starting in [from, to), in the order held, with what a ledger
 * shows of each: the same meetings the dashboard counts as held (meeting-figures.sql). Names come
 * from the exported directories of organisations, people and venues.
 */
const MEETING_RECORDS_SQL = `
  SELECT m.id, m.title, m.starts_at AS "startsAt",
         coalesce(z.name, m.address, m.online_url) AS place,
         c.display_name AS chair,
         coalesce((SELECT json_agg(json_build_object('organization', o.name, 'present', EXISTS (
                     SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.organization_id = p.organization_id))
                   ORDER BY o.name)
                     FROM (SELECT DISTINCT organization_id FROM meeting_participants
                            WHERE meeting_id = m.id AND organization_id IS NOT NULL) p
                     JOIN organization_directory o ON o.id = p.organization_id), '[]'::json) AS attendance,
         coalesce((SELECT json_agg(json_build_object('title', g.title, 'decision', g.decision_note) ORDER BY g.position, g.title)
                     FROM agenda_items g WHERE g.meeting_id = m.id AND g.status = 'accepted'), '[]'::json) AS topics,
         mm.content AS minutes
    FROM meetings m
    LEFT JOIN venue_zone_directory z ON z.id = m.zone_id
    LEFT JOIN people_directory c ON c.id = m.chair_id
    LEFT JOIN meeting_minutes mm ON mm.meeting_id = m.id AND mm.status = 'approved'
   WHERE m.alliance_id = $1 AND m.status = 'scheduled' AND m.starts_at >= $2 AND m.starts_at < $3
   ORDER BY m.starts_at, m.id`;

@Injectable()
export class MeetingRecordsRepository {
  constructor(private readonly tenant: TenantContext) {}

  held(allianceId: string, from: Date | string, to: Date | string): Promise<MeetingRecord[]> {
    return this.tenant.manager.query<MeetingRecord[]>(MEETING_RECORDS_SQL, [allianceId, from, to]);
  }
}
