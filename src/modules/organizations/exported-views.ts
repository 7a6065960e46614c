/**
 * What other modules may name in their SQL of the organizations module's data, under the reader's
 * row-level security: organization_directory (migration DirectoryViews: tenant_id, id, name, kind,
 * unified_code, industry, chain_position, product_tags, address, contacts, paired_department_id,
 * created_at, updated_at) and party_organization_directory (migration ModuleExportedViews: tenant_id,
 * id, organization_id, member_count) and organization_figure_change_directory (migration
 * AllianceMemberFigures: tenant_id, organization_id; emptied through OrganizationFigureChanges).
 */
export const EXPORTED_VIEWS = [
  'organization_directory',
  'party_organization_directory',
  'organization_figure_change_directory',
] as const;
