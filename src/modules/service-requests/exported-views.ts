/**
 * What other modules may name in their SQL of the service-requests module's data (migration
 * ModuleExportedViews), under the reader's row-level security: service_request_directory (tenant_id,
 * id, alliance_id, number, title, status, sla_state, escalation_level, requester_organization_id,
 * assigned_organization_id, accept_due_at, resolve_due_at, routed_at, accepted_at, returned_at,
 * resolved_at, last_chased_at, rating, merged_into_id (set on a duplicate merged into another),
 * created_at), service_category_directory (tenant_id, id, alliance_id, active) and
 * follow_up_task_directory (tenant_id, id, request_id, status, assignee_id, created_at); for the intake
 * module (migration IntakeModels): service_request_training_history (tenant_id, id, alliance_id, category_code,
 * title, description, department_id: the organisation that finally resolved it, resolved_at) and
 * service_category_catalogue (tenant_id, id, alliance_id, code, name, active).
 */
export const EXPORTED_VIEWS = [
  'service_request_directory',
  'service_category_directory',
  'follow_up_task_directory',
  'service_request_training_history',
  'service_category_catalogue',
] as const;
