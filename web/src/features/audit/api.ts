import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { ListItem, QueryParams } from '../../api/types';
import { PAGE_SIZE, useCursorList } from '../../api/useCursorList';

export type AuditEntry = ListItem<'/api/v1/audit-log'>;
export type AuditFilters = Pick<QueryParams<'/api/v1/audit-log', 'get'>, 'entityType' | 'entityId'>;

/** Entity types the registry writes today; the filter also accepts any typed value. */
export const KNOWN_ENTITY_TYPES = ['alliance', 'organization', 'membership', 'user', 'tenant'] as const;

export function useAuditLog(filters: AuditFilters) {
  return useCursorList(['audit-log', filters], (cursor) =>
    unwrap(api.GET('/api/v1/audit-log', { params: { query: { ...filters, limit: PAGE_SIZE, cursor } } })),
  );
}
