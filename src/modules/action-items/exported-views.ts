/**
 * What other modules may name in their SQL of the action-items module's data (migration
 * ModuleExportedViews), under the reader's row-level security: action_item_directory (tenant_id, id,
 * alliance_id, meeting_id, report_id, title, owner_organization_id, status, due_on, progress,
 * escalation_level, created_at). Creating or changing an item goes through ActionItemsService.
 */
export const EXPORTED_VIEWS = ['action_item_directory'] as const;
