/**
 * What other modules may name in their SQL of the typical-cases module's data (migration
 * ModuleExportedViews), under the reader's row-level security: typical_case_directory (tenant_id, id,
 * organization_id, title, status, updated_at).
 */
export const EXPORTED_VIEWS = ['typical_case_directory'] as const;
