/**
 * The SQL of a submission (企业点单), kept apart so the benchmark's baselines run exactly these
 * statements. A submission is five round trips: BEGIN, the row-level-security settings, the check
 * below, the insert below, COMMIT.
 */

/** $1 category, $2 alliance, $3 requesting organisation, $4 requester, $5 idempotency key or null. */
export const SUBMISSION_CHECK_SQL = `
  SELECT EXISTS (SELECT 1 FROM service_categories WHERE id = $1 AND alliance_id = $2 AND active) AS category_active,
         EXISTS (SELECT 1 FROM alliance_membership_directory
                  WHERE alliance_id = $2 AND organization_id = $3 AND left_on IS NULL AND role IN ('lead', 'member')) AS member,
         e.id AS existing_id, e.idempotency_request_hash AS existing_hash
    FROM (SELECT) AS one LEFT JOIN service_requests e ON e.requester_user_id = $4 AND e.idempotency_key = $5`;

/**
 * Numbers the request from the township's sequence for the year (`next_request_number`, migration
 * RequestNumberSequences: no row lock, so submissions of one township do not wait for each other's
 * COMMIT; a rolled-back submission leaves a gap), stores it, its submitted timeline entry and the
 * outbox event that starts its routing, and returns it as the view shows it, in one statement.
 * The audit row comes from the table's trigger, the relay's wake-up from the outbox's.
 *
 * $1 tenant, $2 year, $3 number prefix ("FW-2026-"), $4 alliance, $5 requesting organisation,
 * $6 requester, $7 category, $8 title, $9 description, $10 urgency, $11 preferred contact (jsonb),
 * $12 idempotency key or null, $13 submitted at, $14 actor, $15 submitted event data (jsonb),
 * $16 the routing job's outbox row (jsonb: queue, jobName, payload, jobId; RouteRequest.submissionJob builds it from the
 * typed job map), $17 the request's id (made by the caller, which the job's payload names), $18 the idempotent body's hash
 * or null. No row when a concurrent submission took the idempotency key.
 */
export const SUBMISSION_INSERT_SQL = `
  WITH counter AS (
    SELECT next_request_number($1, $2::int) AS value
  ), request AS (
    INSERT INTO service_requests (id, tenant_id, number, alliance_id, requester_organization_id, requester_user_id, category_id,
                                  title, description, urgency, preferred_contact, idempotency_key, idempotency_request_hash, created_at, updated_at)
    SELECT $17, $1, $3 || lpad(value::text, greatest(6, length(value::text)), '0'), $4, $5, $6, $7, $8, $9, $10, $11, $12, $18, $13, $13
      FROM counter
    ON CONFLICT (tenant_id, requester_user_id, idempotency_key) DO NOTHING
    RETURNING *
  ), submitted AS (
    INSERT INTO service_request_events (tenant_id, request_id, type, actor_user_id, data)
    SELECT tenant_id, id, 'submitted', $14, $15 FROM request
  ), routing AS (
    INSERT INTO outbox_events (tenant_id, queue, job_name, payload, job_id)
    SELECT tenant_id, $16::jsonb->>'queue', $16::jsonb->>'jobName', $16::jsonb->'payload', $16::jsonb->>'jobId' FROM request
  )
  SELECT r.id, r.number, r.alliance_id, r.title, r.description, r.urgency, r.status,
         r.category_id, c.name AS category_name, c.code AS category_code,
         r.requester_organization_id, ro.name AS requester_name,
         NULL::uuid AS assigned_organization_id, NULL AS assigned_name, NULL::uuid AS handler_id, NULL AS handler_name,
         r.preferred_contact, r.accept_due_at, r.resolve_due_at, r.accepted_at, r.resolved_at, r.closed_at,
         r.sla_state, r.escalation_level, r.rating, r.rating_comment, r.merged_into_id, r.created_at, r.updated_at
    FROM request r
    JOIN service_categories c ON c.id = r.category_id
    JOIN organization_directory ro ON ro.id = r.requester_organization_id`;
