/**
 * What other modules may name in their SQL of the project-calls module's data (migration
 * ModuleExportedViews), under the reader's row-level security: project_application_directory
 * (tenant_id, id, call_id, organization_id, step).
 */
export const EXPORTED_VIEWS = ['project_application_directory'] as const;
