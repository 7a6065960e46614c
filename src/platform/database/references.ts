import { ForeignKey, Unique } from 'typeorm';

/**
 * Foreign keys as the entities declare them, so `migration:check` agrees with the migrations.
 * Their names come from SnakeNamingStrategy.foreignKeyName: fk_<table>__<column>, which the error
 * filter turns into the request's field when a reference names nothing.
 */

/**
 * `property` names a row of `parentTable` in the same township: (tenant_id, column) → parent
 * (tenant_id, id), so no row can point into another township. The parent declares `ReferencedInTenant`.
 */
export function SameTenantReference(
  parentTable: string,
  property: string,
  options: { onDelete?: 'CASCADE' | 'RESTRICT' } = {},
): ClassDecorator {
  return ForeignKey(parentTable, ['tenantId', property] as const, ['tenantId', 'id'] as const, options);
}

/** The (tenant_id, id) key that same-township references point at. */
export function ReferencedInTenant(table: string): ClassDecorator {
  return Unique(`uq_${table}__tenant_id_id`, ['tenantId', 'id']);
}

/**
 * `property` names a user. users holds platform admins with no township, and its (tenant_id, id)
 * key is not declared yet, so this references users (id) alone.
 */
export function UserReference(property: string): ClassDecorator {
  return ForeignKey('users', [property] as const, ['id'] as const);
}

/** tenant_id names a township. */
export function TenantReference(): ClassDecorator {
  return ForeignKey('tenants', ['tenantId'] as const, ['id'] as const);
}
