import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { ListItem, QueryParams } from '../../api/types';
import { PAGE_SIZE, useCursorList } from '../../api/useCursorList';

export type AuditEntry = ListItem<'/api/v1/audit-log'>;
export type AuditFilters = Pick<QueryParams<'/api/v1/audit-log', 'get'>, 'entityType' | 'entityId'>;

/**
 * What the audit log records: the audited tables (every table with the audit_row_change trigger)
 * and `route` (a refused access); each has a name under `entityTypes`. The filter also accepts any
 * typed value.
 */
export const KNOWN_ENTITY_TYPES = [
  'alliances',
  'alliance_memberships',
  'organizations',
  'party_organizations',
  'users',
  'tenants',
  'action_items',
  'agenda_items',
  'alliance_showcases',
  'expert_declarations',
  'experts',
  'follow_up_tasks',
  'group_robots',
  'indicator_rounds',
  'indicator_submissions',
  'knowledge_articles',
  'listings',
  'meeting_minutes',
  'meeting_participants',
  'meeting_series',
  'meetings',
  'pairing_pairs',
  'pairing_visit_problems',
  'pairing_visits',
  'project_applications',
  'project_calls',
  'research_reports',
  'review_assignments',
  'review_criteria',
  'review_rounds',
  'routing_rules',
  'service_categories',
  'service_requests',
  'study_bookings',
  'study_site_photos',
  'study_sites',
  'typical_case_photos',
  'typical_cases',
  'venue_bookings',
  'venue_photos',
  'venue_zones',
  'venues',
  'route',
] as const;

export function useAuditLog(filters: AuditFilters) {
  return useCursorList(['audit-log', filters], (cursor) =>
    unwrap(api.GET('/api/v1/audit-log', { params: { query: { ...filters, limit: PAGE_SIZE, cursor } } })),
  );
}
