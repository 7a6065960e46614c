import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { ListItem, QueryParams } from '../../api/types';
import { PAGE_SIZE, useCursorList } from '../../api/useCursorList';

export type AuditEntry = ListItem<'/api/v1/audit-log'>;
export type AuditFilters = Pick<QueryParams<'/api/v1/audit-log', 'get'>, 'entityType' | 'entityId'>;

/** Entity types the registry writes today; the filter also accepts any typed value. */
/** The tables the audit log records (its entity types are table names). */
export const KNOWN_ENTITY_TYPES = ['alliances', 'alliance_memberships', 'organizations', 'party_organizations', 'users', 'tenants'] as const;

export function useAuditLog(filters: AuditFilters) {
  return useCursorList(['audit-log', filters], (cursor) =>
    unwrap(api.GET('/api/v1/audit-log', { params: { query: { ...filters, limit: PAGE_SIZE, cursor } } })),
  );
}
