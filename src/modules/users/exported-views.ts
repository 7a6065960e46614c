/**
 * What other modules may name in their SQL of the users module's data (migration DirectoryViews):
 * people_directory (tenant_id, id, display_name, organization_id, role, status, is_leader, email,
 * mobile, locale, created_at), under the reader's row-level security.
 */
export const EXPORTED_VIEWS = ['people_directory'] as const;
