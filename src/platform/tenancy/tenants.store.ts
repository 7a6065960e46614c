import type { EntityManager } from 'typeorm';

/**
 * The tenancy folder's statements on `tenants`. Plain functions on a manager, not an injectable
 * repository: TenantContext, which every repository stands on, calls them itself.
 */
export async function listTenantIds(manager: EntityManager): Promise<string[]> {
  const rows = await manager.query<{ id: string }[]>('SELECT id FROM tenants ORDER BY created_at');
  return rows.map((r) => r.id);
}
