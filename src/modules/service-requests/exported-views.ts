/**
 * What other modules may name in their SQL of the service-requests module's data (migration
 * ModuleExportedViews), under the reader's row-level security: service_request_directory (tenant_id,
 * id, alliance_id, number, title, status, sla_state, escalation_level, requester_organization_id,
 * rating, merged_into_id (set on a duplicate merged into another), created_at) and
 * service_category_directory (tenant_id, id, alliance_id, active).
 */
export const EXPORTED_VIEWS = ['service_request_directory', 'service_category_directory'] as const;
