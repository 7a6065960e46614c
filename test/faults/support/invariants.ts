import type { FaultStack } from './fault-stack';

/** How each request stands: its status and how many of each effect it has. */
export interface RequestEffects {
  id: string;
  idempotency_key: string | null;
  status: string;
  submitted: number;
  routed: number;
  route_events: number;
  published_route_events: number;
  audit_inserts: number;
  assigned_events: number;
  max_assigned_per_user: number;
}

/**
 * The requests this test submitted (their Idempotency-Key starts with `keyPrefix`), not the demo's.
 * Each effect is counted once per table and joined, so it stays quick for 10,000 requests.
 */
export async function requestEffects(stack: FaultStack, keyPrefix = 'fault-'): Promise<RequestEffects[]> {
  return stack.query<RequestEffects>(
    `
    WITH r AS (SELECT id, idempotency_key, status, created_at FROM service_requests WHERE idempotency_key LIKE $1),
    events AS (
      SELECT e.request_id, count(*) FILTER (WHERE e.type = 'submitted')::int AS submitted, count(*) FILTER (WHERE e.type = 'routed')::int AS routed
        FROM service_request_events e JOIN r ON r.id = e.request_id GROUP BY 1),
    outbox AS (
      SELECT o.payload->>'requestId' AS request_id, count(*)::int AS route_events, count(*) FILTER (WHERE o.published_at IS NOT NULL)::int AS published_route_events
        FROM outbox_events o WHERE o.job_name = 'route-service-request' GROUP BY 1),
    audits AS (
      SELECT a.entity_id::text AS request_id, count(*)::int AS audit_inserts
        FROM audit_log a WHERE a.entity_type = 'service_requests' AND a.action ILIKE 'insert' GROUP BY 1),
    assigned AS (
      SELECT n.payload->>'requestId' AS request_id, count(*)::int AS assigned_events
        FROM notification_events n WHERE n.type = 'service-request.assigned' GROUP BY 1),
    told AS (
      SELECT request_id, max(c)::int AS max_assigned_per_user FROM (
        SELECT ne.payload->>'requestId' AS request_id, count(*) AS c FROM notifications n JOIN notification_events ne ON ne.id = n.event_id
         GROUP BY 1, n.user_id, n.type) per_user GROUP BY 1)
    SELECT r.id, r.idempotency_key, r.status::text AS status,
      COALESCE(events.submitted, 0) AS submitted, COALESCE(events.routed, 0) AS routed,
      COALESCE(outbox.route_events, 0) AS route_events, COALESCE(outbox.published_route_events, 0) AS published_route_events,
      COALESCE(audits.audit_inserts, 0) AS audit_inserts, COALESCE(assigned.assigned_events, 0) AS assigned_events,
      COALESCE(told.max_assigned_per_user, 0) AS max_assigned_per_user
    FROM r
      LEFT JOIN events ON events.request_id = r.id
      LEFT JOIN outbox ON outbox.request_id = r.id::text
      LEFT JOIN audits ON audits.request_id = r.id::text
      LEFT JOIN assigned ON assigned.request_id = r.id::text
      LEFT JOIN told ON told.request_id = r.id::text
    ORDER BY r.created_at`,
    [`${keyPrefix}%`],
  );
}

/** Every request routed exactly once: one routed entry, one assignment event, nobody told twice (a lost job may be enqueued again). */
export function expectRoutedOnce(effects: RequestEffects[]): void {
  const wrong = effects.filter(
    (r) =>
      r.status === 'submitted' ||
      r.submitted !== 1 ||
      r.routed !== 1 ||
      r.route_events < 1 ||
      r.assigned_events > 1 ||
      r.max_assigned_per_user > 1,
  );
  expect(wrong).toEqual([]);
}
