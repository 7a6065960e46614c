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

/** The requests this test submitted (their Idempotency-Key starts with `keyPrefix`), not the demo's. */
export async function requestEffects(stack: FaultStack, keyPrefix = 'fault-'): Promise<RequestEffects[]> {
  return stack.query<RequestEffects>(`
    SELECT r.id, r.idempotency_key, r.status::text AS status,
      (SELECT count(*)::int FROM service_request_events e WHERE e.request_id = r.id AND e.type = 'submitted') AS submitted,
      (SELECT count(*)::int FROM service_request_events e WHERE e.request_id = r.id AND e.type = 'routed') AS routed,
      (SELECT count(*)::int FROM outbox_events o WHERE o.job_name = 'route-service-request' AND o.payload->>'requestId' = r.id::text) AS route_events,
      (SELECT count(*)::int FROM outbox_events o WHERE o.job_name = 'route-service-request' AND o.payload->>'requestId' = r.id::text AND o.published_at IS NOT NULL) AS published_route_events,
      (SELECT count(*)::int FROM audit_log a WHERE a.entity_type = 'service_requests' AND a.entity_id = r.id AND a.action ILIKE 'insert') AS audit_inserts,
      (SELECT count(*)::int FROM notification_events n WHERE n.type = 'service-request.assigned' AND n.payload->>'requestId' = r.id::text) AS assigned_events,
      COALESCE((SELECT max(c)::int FROM (SELECT count(*) AS c FROM notifications n JOIN notification_events ne ON ne.id = n.event_id
                 WHERE ne.payload->>'requestId' = r.id::text GROUP BY n.user_id, n.type) per_user), 0) AS max_assigned_per_user
    FROM service_requests r WHERE r.idempotency_key LIKE $1 ORDER BY r.created_at`, [`${keyPrefix}%`]);
}

/** Every request routed exactly once: one routed entry, one assignment event, nobody told twice (a lost job may be enqueued again). */
export function expectRoutedOnce(effects: RequestEffects[]): void {
  const wrong = effects.filter(
    (r) => r.status === 'submitted' || r.submitted !== 1 || r.routed !== 1 || r.route_events < 1 || r.assigned_events > 1 || r.max_assigned_per_user > 1,
  );
  expect(wrong).toEqual([]);
}
