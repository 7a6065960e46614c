/**
 * What other modules may name in their SQL of the alliances module's data (migration
 * AllianceDirectoryViews), under the reader's row-level security: alliance_directory (tenant_id, id,
 * name, industry, description, created_at, updated_at) and alliance_membership_directory (tenant_id,
 * id, alliance_id, organization_id, role, joined_on, left_on; a current membership has no left_on).
 */
export const EXPORTED_VIEWS = ['alliance_directory', 'alliance_membership_directory'] as const;
