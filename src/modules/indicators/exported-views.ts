/**
 * What other modules may name in their SQL of the indicators module's data (migration
 * ModuleExportedViews), under the reader's row-level security: indicator_round_directory (tenant_id,
 * id, alliance_id, period, year, quarter (null for a yearly round), fields: the round's indicators as
 * [{ key }], status, deadline, created_at) and indicator_submission_directory (tenant_id, id, round_id, organization_id, status,
 * values: the figures by indicator key).
 */
export const EXPORTED_VIEWS = ['indicator_round_directory', 'indicator_submission_directory'] as const;
