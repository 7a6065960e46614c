/**
 * What other modules may name in their SQL of the meetings module's data (migration
 * ModuleExportedViews), under the reader's row-level security: meeting_directory (tenant_id, id,
 * alliance_id, title, status, starts_at, ends_at, chair_id, zone_id, address),
 * meeting_participant_directory (tenant_id, id, meeting_id, organization_id, attendee_id, response;
 * an invitation names an organisation, a person, or both) and meeting_attendance_directory
 * (tenant_id, id, meeting_id, organization_id: who checked in) and
 * meeting_minutes_directory (tenant_id, id, meeting_id, status, updated_at).
 */
export const EXPORTED_VIEWS = [
  'meeting_directory',
  'meeting_participant_directory',
  'meeting_attendance_directory',
  'meeting_minutes_directory',
] as const;

/**
 * The longest meeting there is: scheduling refuses longer ones and the database too
 * (ck_meetings__length). Readers of meeting_directory by time bound `starts_at` from their `from`
 * minus this, so the start index narrows the scan.
 */
export const MAX_MEETING_HOURS = 12;
