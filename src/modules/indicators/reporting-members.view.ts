/**
 * The members of alliance $1 who report indicators: the lead and the member enterprises, not the
 * departments. A SQL fragment over the alliances module's exported alliance_membership_directory, for
 * `organization_id IN (...)`; the workbench embeds it too.
 */
export const REPORTING_MEMBERS = `SELECT m.organization_id FROM alliance_membership_directory m
  WHERE m.alliance_id = $1 AND m.left_on IS NULL AND m.role IN ('lead', 'member')`;
