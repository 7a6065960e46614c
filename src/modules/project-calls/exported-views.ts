/**
 * What other modules may name in their SQL of the project-calls module's data (migration
 * ModuleExportedViews), under the reader's row-level security: project_application_directory
 * (tenant_id, id, call_id, organization_id, step) and project_call_directory (tenant_id, id,
 * alliance_id, name, issuing_body, status, deadline, eligibility_tags, created_at).
 */
export const EXPORTED_VIEWS = ['project_application_directory', 'project_call_directory'] as const;
