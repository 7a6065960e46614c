/**
 * What other modules may name in their SQL of the organizations module's data (migration
 * DirectoryViews): organization_directory (tenant_id, id, name, kind, unified_code, industry,
 * chain_position, product_tags, address, contacts, paired_department_id, created_at, updated_at),
 * under the reader's row-level security.
 */
export const EXPORTED_VIEWS = ['organization_directory'] as const;
