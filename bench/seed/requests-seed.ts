import { localDate } from './registry-seed';
import { createRequestPools, demoUser } from './request-pools';
import { REQUEST_STAGE_SQL, REQUEST_YEARS_SQL } from './request-stage';
import { bucketBounds, count, SeedContext, timed } from './seed-context';
import { RATING_COMMENTS, REJECT_REASONS, REQUEST_DETAILS, REQUEST_TOPICS } from './vocabulary';

/** Requests spread over this many days up to now. */
export const REQUEST_DAYS = 3 * 365;

/**
 * Every request has its submitted and routed entries; the whole timeline (accepted, started,
 * returned, resolved, rated or closed, rejected) only the last half year's requests and those the
 * demo enterprises asked for or the demo department served. All of them, six million entries at
 * full scale, took a minute to load on their own; this way about three million.
 */
export const FULL_TIMELINE_DAYS = 180;

/**
 * The requests' time axis: each day of the window gets a share of [0, 1) growing from 0.5 to 1.5
 * towards now (so volume triples in three years), a weekend day 15 % of a weekday's, and today
 * only the office time that has passed (08:00-18:00 Asia/Shanghai).
 */
export function requestDays(now: Date): { bounds: number[]; lastDaySeconds: number } {
  const local = new Date(now.getTime() + 8 * 3600_000);
  const today = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const todaySeconds = Math.round(Math.min(36_000, Math.max(0, (local.getTime() - today) / 1000 - 28_800)));
  const weights: number[] = [];
  for (let d = 0; d <= REQUEST_DAYS; d++) {
    const weekday = new Date(today - (REQUEST_DAYS - d) * 86_400_000).getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? 0.15 : 1;
    weights.push((0.5 + d / REQUEST_DAYS) * weekend * (d === REQUEST_DAYS ? todaySeconds / 36_000 : 1));
  }
  // Before 08:00 today has no requests yet: the axis ends with yesterday, a whole day.
  const lastDaySeconds = todaySeconds > 0 ? todaySeconds : 36_000;
  if (todaySeconds === 0) weights.pop();
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  const bounds = weights.map((w) => {
    const lower = sum / total;
    sum += w;
    return lower;
  });
  return { bounds: [...bounds, 1], lastDaySeconds };
}

/** What every part of the requests shares, decided once before the parts run side by side. */
export interface RequestPlan {
  /** The whole range of request indexes to add. */
  first: number;
  last: number;
  windowStart: string;
  days: { bounds: number[]; lastDaySeconds: number };
  /** Per year: the counter before the seed and the first index of the year. */
  years: { year: number; base: number; first: number }[];
}

/** The range of requests to add up to `target`, or null when there are enough. */
export async function planRequests(ctx: SeedContext, target: number): Promise<RequestPlan | null> {
  const have = await count(ctx, 'SELECT count(*) AS n FROM service_requests WHERE tenant_id = $1', [ctx.tenantId]);
  if (target <= have) {
    ctx.log(`  service requests: ${have} already, none added`);
    return null;
  }
  const windowStart = localDate(new Date(ctx.now.getTime() - REQUEST_DAYS * 86_400_000));
  const days = requestDays(ctx.now);
  const { rows } = await ctx.db.query<{ year: number; first: string; base: number }>(
    // After the numbers already handed out: the year's counter, or its sequence (next_request_number) when the demo seed or a submission made it.
    `SELECT y.year, y.first, greatest(c.value, q.last_value, 0)::int AS base FROM (${REQUEST_YEARS_SQL}) y
       LEFT JOIN tenant_counters c ON c.tenant_id = $6 AND c.name = 'service-request-' || y.year
       LEFT JOIN pg_sequences q ON q.schemaname = 'public'
        AND q.sequencename = request_number_sequence($6, y.year)`,
    [have + 1, target, windowStart, days.bounds, days.lastDaySeconds, ctx.tenantId],
  );
  return {
    first: have + 1,
    last: target,
    windowStart,
    days,
    years: rows.map((r) => ({ year: r.year, base: r.base, first: Number(r.first) })),
  };
}

/**
 * Adds part `part` (0-based) of `parts` equal parts of the plan's requests, on this session. Every
 * 500th generated request is 晋工机械's (jingong@anhai.demo), every 1000th 兴翼机械's (xingyi@anhai.demo).
 */
export async function seedRequestPart(ctx: SeedContext, plan: RequestPlan, part: number, parts: number): Promise<void> {
  const t = ctx.tenantId;
  const size = Math.ceil((plan.last - plan.first + 1) / parts);
  const from = plan.first + part * size;
  const to = Math.min(plan.last, from + size - 1);
  if (from > to) return;
  const label = parts > 1 ? ` (part ${part + 1} of ${parts})` : '';
  const jingong = await demoUser(ctx, 'jingong@anhai.demo');
  const xingyi = await demoUser(ctx, 'xingyi@anhai.demo');
  const dept = await demoUser(ctx, 'dept@anhai.demo');
  const pools = await createRequestPools(ctx, plan.windowStart, [jingong.organizationId, xingyi.organizationId]);

  const codes = REQUEST_TOPICS.map((topic) => topic.code);
  await ctx.db.query('DROP TABLE IF EXISTS bench_sr');
  // Every join of the plan matches a million rows against a small table: hash it rather than scan
  // it per row (the planner cannot tell how many rows generate_series over parameters yields).
  await ctx.db.query('SET enable_nestloop = off');
  await timed(ctx, `plan service requests${label}`, REQUEST_STAGE_SQL, [
    ctx.now,
    plan.windowStart,
    plan.days.bounds,
    plan.first,
    plan.last,
    bucketBounds(pools.counts),
    pools.activeFrom,
    pools.counts,
    bucketBounds(REQUEST_TOPICS.map((topic) => topic.weight)),
    codes,
    REQUEST_TOPICS.flatMap((topic) => topic.titles),
    jingong.organizationId,
    jingong.id,
    xingyi.organizationId,
    xingyi.id,
    REQUEST_DETAILS,
    RATING_COMMENTS,
    codes.indexOf('policy'),
    plan.days.lastDaySeconds,
    plan.years.map((y) => y.base),
    from,
    to,
    plan.years.map((y) => y.year),
    plan.years.map((y) => y.first),
  ]);
  await ctx.db.query('RESET enable_nestloop');

  await ctx.db.query('BEGIN');
  try {
    // The audit triggers would copy each of the million rows (and their timeline) into audit_log as
    // jsonb, doubling the load; the audit page lists changes newest first and no request page reads
    // it, so the generated history goes in without audit rows. Replica mode skips triggers for this
    // transaction only; these tables have no foreign keys whose checks it would also skip.
    await ctx.db.query(`SET LOCAL session_replication_role = replica`);
    await timed(
      ctx,
      `service requests${label}`,
      `INSERT INTO service_requests (id, tenant_id, created_at, updated_at, number, alliance_id, requester_organization_id, requester_user_id,
                                     category_id, title, description, urgency, preferred_contact, status, returned_from, assigned_organization_id,
                                     handler_id, routed_at, accept_due_at, resolve_due_at, accepted_at, returned_at, resolved_at, closed_at,
                                     escalation_level, sla_state, next_sla_check_at, rating, rating_comment)
       SELECT s.id, $1, s.created, s.updated, 'FW-' || s.year || '-' || lpad(s.seq::text, greatest(6, length(s.seq::text)), '0'),
              a.id, s.org, s.requester, s.category_id, s.title, s.description, s.urgency::service_request_urgency, s.preferred_contact,
              s.status::service_request_status, CASE WHEN s.status = 'returned' THEN 'in_progress'::service_request_status END, s.assigned,
              s.handler, s.routed_at, s.accept_due, s.resolve_due, s.accepted_at, CASE WHEN s.status = 'returned' THEN s.returned_p END,
              s.resolved_at, s.closed_at, s.level, s.sla_state, s.next_check, s.rating, s.rating_comment
         FROM bench_sr s JOIN bench_alliance a ON a.k = s.k`,
      [t],
    );
    await timed(
      ctx,
      `service request events${label}`,
      `INSERT INTO service_request_events (id, tenant_id, request_id, type, actor_user_id, body, data, dedupe_key, created_at)
       SELECT pg_temp.uuid7(s.created, s.id::text || e.type), $1, s.id, e.type::timeline_entry_type, e.actor, e.body, e.data, e.dedupe, e.at
         FROM bench_sr s
        CROSS JOIN LATERAL (VALUES
          ('submitted', s.created, s.requester, NULL::text, '{}'::jsonb, NULL::text),
          ('routed', s.routed_at, NULL::uuid, NULL, jsonb_build_object('to', 'routed', 'organizationId', s.assigned, 'handlerId', s.handler, 'reason', s.reason), 'routed:auto'),
          ('accepted', s.accepted_at, s.handler, NULL, '{"from": "routed", "to": "accepted"}', NULL),
          ('started', CASE WHEN s.accepted_at IS NOT NULL AND s.started_p <= $2 THEN s.started_p END, s.handler, NULL, '{"from": "accepted", "to": "in_progress"}', NULL),
          ('returned', CASE WHEN s.has_return AND s.returned_p <= $2 THEN s.returned_p END, s.handler, '请补充近三年财务报表和相关证明材料。', '{"from": "in_progress", "to": "returned"}', NULL),
          ('information_provided', CASE WHEN s.has_return AND s.info_p <= $2 THEN s.info_p END, s.requester, '已补充相关材料。', '{"from": "returned", "to": "in_progress"}', NULL),
          ('resolved', s.resolved_at, s.handler, '已按要求办理完毕。', '{"from": "in_progress", "to": "resolved"}', NULL),
          ('rated', CASE WHEN s.rating IS NOT NULL THEN s.closed_at END, s.requester, s.rating_comment,
           jsonb_build_object('from', 'resolved', 'to', 'closed', 'rating', s.rating), NULL),
          ('closed', CASE WHEN s.status = 'closed' AND s.rating IS NULL THEN s.closed_at END, CASE WHEN s.closure = 'manual' THEN s.requester END, NULL,
           CASE WHEN s.closure = 'auto' THEN '{"from": "resolved", "to": "closed", "automatic": true}'::jsonb ELSE '{"from": "resolved", "to": "closed"}' END,
           CASE WHEN s.closure = 'auto' THEN 'auto-close:' || to_char(s.resolved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END),
          ('rejected', CASE WHEN s.status = 'rejected' THEN s.closed_at END, s.handler, ($3::text[])[1 + s.i % cardinality($3::text[])],
           '{"from": "routed", "to": "rejected"}', NULL)
        ) AS e(type, at, actor, body, data, dedupe)
        WHERE e.at IS NOT NULL
          AND (e.type IN ('submitted', 'routed') OR s.created >= $2::timestamptz - make_interval(days => $4)
               OR s.org = ANY($5::uuid[]) OR s.assigned = ANY($5::uuid[]))`,
      [
        t,
        ctx.now,
        REJECT_REASONS,
        FULL_TIMELINE_DAYS,
        [jingong.organizationId, xingyi.organizationId, dept.organizationId],
      ],
    );
    // A rating of 2 or less opens a call-back (回访) for a township leader, as rating through the API does.
    await timed(
      ctx,
      `follow-up tasks${label}`,
      `INSERT INTO follow_up_tasks (tenant_id, request_id, assignee_id, reason, status, outcome, created_at, updated_at)
       SELECT $1, s.id, l.id, 'rating ' || s.rating, CASE WHEN d.done THEN 'done' ELSE 'open' END,
              CASE WHEN d.done THEN '已回访，企业表示理解，相关问题已协调解决。' END,
              s.closed_at, CASE WHEN d.done THEN s.closed_at + interval '3 days' ELSE s.closed_at END
         FROM bench_sr s
        CROSS JOIN LATERAL (SELECT s.closed_at < $2::timestamptz - interval '14 days' AS done) d
        CROSS JOIN (SELECT id FROM users WHERE tenant_id = $1 AND role = 'township_admin' AND status = 'active'
                     ORDER BY email = 'official@anhai.demo' DESC, is_leader DESC, email LIMIT 1) l
        WHERE s.rating <= 2`,
      [t, ctx.now],
    );
    // Numbers continue from the counters and the sequences, which must end past them so new
    // submissions do not collide (in year order, so two parts never wait on each other in a cycle).
    await timed(
      ctx,
      `tenant counters${label}`,
      `INSERT INTO tenant_counters (tenant_id, name, value)
       SELECT $1, 'service-request-' || year, max(seq) FROM bench_sr GROUP BY year ORDER BY year
       ON CONFLICT (tenant_id, name) DO UPDATE SET value = greatest(tenant_counters.value, EXCLUDED.value)`,
      [t],
    );
    await ctx.db.query(
      `SELECT setval(format('public.%I', q.sequencename)::regclass, m.top)
         FROM (SELECT year, max(seq) AS top FROM bench_sr GROUP BY year) m
         JOIN pg_sequences q ON q.schemaname = 'public'
          AND q.sequencename = request_number_sequence($1, m.year)
        WHERE m.top > coalesce(q.last_value, 0)`,
      [t],
    );
    await ctx.db.query('COMMIT');
  } catch (error) {
    await ctx.db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  await ctx.db.query('DROP TABLE IF EXISTS bench_sr');
}
