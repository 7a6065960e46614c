/**
 * Each step of these statements is its own subquery (OFFSET 0 keeps the planner from pulling it
 * up), so a value computed once is read by the next step instead of its expression being repeated.
 */

/**
 * The CTEs g, d and t that give request i of the range [first, last] its created_at, for i from
 * `from` to `to` (a part of the range): day b (1-based) of the axis `bounds` starting on
 * `firstDay`, at the point of its office hours (08:00-18:00, the last day's `lastDaySeconds`) that i
 * has reached of the day's share, so created_at rises with i. Arguments are parameter references.
 */
export function requestTimesSql(ref: {
  first: string;
  last: string;
  from: string;
  to: string;
  firstDay: string;
  bounds: string;
  lastDaySeconds: string;
}): string {
  const bounds = `${ref.bounds}::float8[]`;
  return `g AS (
  SELECT i, (i - ${ref.first} + 0.5)::float8 / (${ref.last} - ${ref.first} + 1) AS x FROM generate_series(${ref.from}::bigint, ${ref.to}::bigint) AS i
  OFFSET 0
), d AS (
  SELECT g.i, g.x, width_bucket(g.x, ${bounds}) AS b FROM g
  OFFSET 0
), t AS (
  SELECT d.i, ((${ref.firstDay}::date + (d.b - 1))::timestamp
               + make_interval(secs => 28800 + (d.x - (${bounds})[d.b]) / ((${bounds})[d.b + 1] - (${bounds})[d.b])
                                               * CASE WHEN d.b = cardinality(${bounds}) - 1 THEN ${ref.lastDaySeconds} ELSE 36000 END)) AT TIME ZONE 'Asia/Shanghai' AS created
    FROM d
  OFFSET 0
)`;
}

/** The first request index of each year of the range: $1..$2 the range, $3 first day, $4 day bounds, $5 the last day's seconds. */
export const REQUEST_YEARS_SQL = `
WITH ${requestTimesSql({ first: '$1', last: '$2', from: '$1', to: '$2', firstDay: '$3', bounds: '$4', lastDaySeconds: '$5' })}
SELECT extract(year FROM created AT TIME ZONE 'Asia/Shanghai')::int AS year, min(i) AS first FROM t GROUP BY 1 ORDER BY 1`;

/**
 * The statement that plans every generated service request into the temp table bench_sr: who asks,
 * when, what, who serves it, and its whole planned lifecycle; the status is where that lifecycle
 * stands at the seed's "now", so old requests are closed and recent ones still open.
 *
 * Parameters: $1 now, $2 first day (local date), $3 each day's lower bound of the requests' [0, 1)
 * axis and a last 1, $4..$5 the whole index range, $6 alliance bucket bounds, $7 each alliance's
 * first request time, $8 pool sizes, $9 category bucket bounds, $10 category codes, $11 titles (5
 * per code), $12..$15 jingong and xingyi (organisation, user), $16 description endings, $17 rating
 * comments, $18 index of 'policy', $19 seconds of office time on the last day, $20, $23
 * and $24 each year's counter before the seed, the year and its first index, $21..$22 the part of
 * the range this statement plans.
 */
export const REQUEST_STAGE_SQL = `
CREATE TEMP TABLE bench_sr AS
WITH ${requestTimesSql({ first: '$4', last: '$5', from: '$21', to: '$22', firstDay: '$2', bounds: '$3', lastDaySeconds: '$19' })}, n AS (
  -- Numbers continue the tenant's counter of the year (as it was before the seed) in created
  -- order, whichever part i is in.
  SELECT t.i, t.created, y.year, yf.base + (t.i - yf.first + 1) AS seq
    FROM t CROSS JOIN LATERAL (SELECT extract(year FROM t.created AT TIME ZONE 'Asia/Shanghai')::int AS year) y
    JOIN unnest($23::int[], $24::bigint[], $20::int[]) AS yf(year, first, base) ON yf.year = y.year
  OFFSET 0
), who AS (
  SELECT n.i, n.created, n.year, n.seq, w.demo,
         CASE WHEN w.demo > 0 OR n.created < ($7::timestamptz[])[w.k0 + 1] THEN 0 ELSE w.k0 END AS k
    FROM n CROSS JOIN LATERAL (SELECT CASE WHEN n.i % 500 = 0 THEN 1 WHEN n.i % 1000 = 1 THEN 2 ELSE 0 END AS demo,
                                      width_bucket(pg_temp.u(n.i, 208), $6::float8[]) - 1 AS k0) w
  OFFSET 0
), req AS (
  SELECT w.i, w.created, w.year, w.seq, w.k,
         CASE w.demo WHEN 1 THEN $12::uuid WHEN 2 THEN $14::uuid ELSE p.org_id END AS org,
         CASE w.demo WHEN 1 THEN $13::uuid WHEN 2 THEN $15::uuid ELSE p.contacts[1 + floor(pg_temp.u(w.i, 210) * cardinality(p.contacts))::int] END AS requester,
         CASE WHEN w.demo > 0 THEN NULL ELSE p.paired END AS paired,
         w.demo = 1 OR coalesce(p.is_lead, false) AS is_lead,
         width_bucket(pg_temp.u(w.i, 211), $9::float8[]) - 1 AS ci
    FROM who w
    LEFT JOIN bench_pool p ON w.demo = 0 AND p.k = w.k AND p.rank = floor(($8::int[])[w.k + 1] * power(pg_temp.u(w.i, 209), 1.7))::int
  OFFSET 0
), cat AS (
  -- A lead enterprise serves project applications itself, so it asks for policy advice instead.
  SELECT r.*, CASE WHEN r.is_lead AND ($10::text[])[r.ci + 1] = 'project_application' THEN $18 ELSE r.ci END AS code_index
    FROM req r
  OFFSET 0
), routed AS (
  SELECT x.i, x.created, x.year, x.seq, x.k, x.org, x.requester, x.code_index, bc.id AS category_id, bc.accept_span, bc.resolve_span,
         coalesce(bc.rule_target, x.paired, bc.provider) AS assigned,
         CASE WHEN bc.rule_target IS NOT NULL THEN 'rule' WHEN x.paired IS NOT NULL THEN 'paired_department' ELSE 'category_provider' END AS reason,
         ($11::text[])[1 + x.code_index * 5 + floor(pg_temp.u(x.i, 212) * 5)::int] AS title,
         CASE WHEN pg_temp.u(x.i, 213) < 0.001 THEN 'stuck' WHEN pg_temp.u(x.i, 213) < 0.046 THEN 'rejected' ELSE 'normal' END AS fate
    FROM cat x JOIN bench_cat bc ON bc.k = x.k AND bc.code = ($10::text[])[x.code_index + 1]
  OFFSET 0
), plan AS (
  SELECT r.*, s.ids[1 + floor(pg_temp.u(r.i, 214) * cardinality(s.ids))::int] AS handler,
         r.created + make_interval(secs => 15 + 90 * pg_temp.u(r.i, 215)) AS routed_at,
         r.created + r.resolve_span AS resolve_due0,
         pg_temp.u(r.i, 216) < 0.03 AND r.fate = 'normal' AS has_return,
         CASE WHEN pg_temp.u(r.i, 217) < 0.65 THEN 'rated' WHEN pg_temp.u(r.i, 217) < 0.9 THEN 'auto' ELSE 'manual' END AS closure
    FROM routed r LEFT JOIN bench_staff s ON s.org_id = r.assigned
  OFFSET 0
), p1 AS (
  SELECT p.*, p.routed_at + p.accept_span AS accept_due,
         -- 4 % are accepted late, 6 % resolved late; a refusal comes within a working day.
         p.routed_at + p.accept_span * CASE WHEN pg_temp.u(p.i, 218) < 0.04 THEN 1.02 + 0.5 * pg_temp.u(p.i, 219) ELSE 0.05 + 0.85 * pg_temp.u(p.i, 219) END AS accepted_p,
         p.routed_at + make_interval(mins => 30 + floor(pg_temp.u(p.i, 220) * 480)::int) AS rejected_p
    FROM plan p
  OFFSET 0
), p2 AS (
  SELECT p.*, p.accepted_p + make_interval(mins => 10 + floor(pg_temp.u(p.i, 221) * 240)::int) AS started_p,
         -- A stuck request is never resolved (far future rather than infinity, which cannot be subtracted).
         CASE WHEN p.fate = 'stuck' THEN $1::timestamptz + interval '100 years'
              ELSE greatest(p.accepted_p + interval '2 hours',
                            p.accepted_p + (p.resolve_due0 - p.accepted_p) * CASE WHEN pg_temp.u(p.i, 222) < 0.06 THEN 1.02 + 0.4 * pg_temp.u(p.i, 223) ELSE 0.25 + 0.7 * pg_temp.u(p.i, 223) END) END AS resolved0
    FROM p1 p
  OFFSET 0
), p3 AS (
  -- Returned for information a third of the way through; the clock stops until the enterprise answers.
  SELECT p.*, p.started_p + (p.resolved0 - p.started_p) * 0.3 AS returned_p,
         p.started_p + (p.resolved0 - p.started_p) * 0.3 + make_interval(hours => 6 + floor(pg_temp.u(p.i, 224) * 96)::int) AS info_p
    FROM p2 p
  OFFSET 0
), p4 AS (
  SELECT p.*, p.resolved0 + CASE WHEN p.has_return THEN p.info_p - p.returned_p ELSE interval '0' END AS resolved_p
    FROM p3 p
  OFFSET 0
), p5 AS (
  SELECT p.*, p.resolved_p + CASE p.closure WHEN 'rated' THEN make_interval(hours => 1 + floor(pg_temp.u(p.i, 225) * 120)::int)
                                            WHEN 'auto' THEN interval '7 days'
                                            ELSE make_interval(hours => 1 + floor(pg_temp.u(p.i, 225) * 48)::int) END AS closed_p
    FROM p4 p
  OFFSET 0
), st AS (
  SELECT p.*,
         CASE WHEN p.fate = 'rejected' THEN CASE WHEN p.rejected_p <= $1 THEN 'rejected' ELSE 'routed' END
              WHEN p.accepted_p > $1 THEN 'routed'
              WHEN p.started_p > $1 THEN 'accepted'
              WHEN p.has_return AND p.returned_p <= $1 AND p.info_p > $1 THEN 'returned'
              WHEN p.resolved_p > $1 THEN 'in_progress'
              WHEN p.closed_p > $1 THEN 'resolved'
              ELSE 'closed' END AS status,
         p.resolve_due0 + CASE WHEN p.has_return AND p.info_p <= $1 THEN p.info_p - p.returned_p ELSE interval '0' END AS resolve_due
    FROM p5 p
  OFFSET 0
), sla AS (
  -- Open requests: the milestones of the SLA sweep (warning at 80 %, levels 1-3 at the deadline and
  -- one and two working days after) measured at now; finished ones keep what they reached.
  SELECT s.*,
         CASE WHEN s.status IN ('routed', 'accepted', 'in_progress', 'returned') THEN $1::timestamptz
              WHEN s.status = 'rejected' THEN s.rejected_p ELSE s.resolved_p END AS measured_at
    FROM st s
  OFFSET 0
), lv AS (
  SELECT s.*,
         greatest(
           CASE WHEN s.measured_at >= s.resolve_due + interval '68 hours' THEN 3 WHEN s.measured_at >= s.resolve_due + interval '34 hours' THEN 2
                WHEN s.measured_at > s.resolve_due THEN 1 ELSE 0 END,
           CASE WHEN s.fate = 'rejected' OR s.status = 'routed' THEN
             CASE WHEN s.measured_at >= s.accept_due + interval '68 hours' THEN 3 WHEN s.measured_at >= s.accept_due + interval '34 hours' THEN 2
                  WHEN s.measured_at > s.accept_due THEN 1 ELSE 0 END
           ELSE CASE WHEN s.accepted_p > s.accept_due THEN 1 ELSE 0 END END) AS level
    FROM sla s
  OFFSET 0
), fin AS (
  SELECT l.i, pg_temp.uuid7(l.created, 'sr' || l.i) AS id, l.created, l.seq, l.k, l.org, l.requester, l.category_id, l.assigned, l.handler, l.reason, l.title,
       l.title || '，' || ($16::text[])[1 + floor(pg_temp.u(l.i, 226) * cardinality($16::text[]))::int] AS description,
       l.status, l.fate, l.closure, l.has_return, l.routed_at, l.accept_due, l.resolve_due, l.started_p, l.returned_p, l.info_p,
       CASE WHEN l.status NOT IN ('routed', 'rejected') THEN l.accepted_p END AS accepted_at,
       CASE WHEN l.status IN ('resolved', 'closed') THEN l.resolved_p END AS resolved_at,
       CASE l.status WHEN 'closed' THEN l.closed_p WHEN 'rejected' THEN l.rejected_p END AS closed_at,
       CASE l.status WHEN 'routed' THEN l.routed_at WHEN 'accepted' THEN l.accepted_p WHEN 'returned' THEN l.returned_p
                     WHEN 'in_progress' THEN greatest(l.started_p, CASE WHEN l.has_return AND l.info_p <= $1 THEN l.info_p END)
                     WHEN 'resolved' THEN l.resolved_p WHEN 'closed' THEN l.closed_p ELSE l.rejected_p END AS updated,
       l.level,
       CASE WHEN l.level > 0 THEN 'breached'
            WHEN l.status IN ('routed', 'accepted', 'in_progress')
                 AND ($1 >= l.created + (l.resolve_due - l.created) * 0.8 OR (l.status = 'routed' AND $1 >= l.routed_at + (l.accept_due - l.routed_at) * 0.8)) THEN 'at_risk'
            ELSE 'on_track' END AS sla_state,
       CASE WHEN l.status IN ('routed', 'accepted', 'in_progress') THEN
         least(CASE WHEN l.created + (l.resolve_due - l.created) * 0.8 > $1 THEN l.created + (l.resolve_due - l.created) * 0.8 END,
               CASE WHEN l.resolve_due > $1 THEN l.resolve_due END,
               CASE WHEN l.resolve_due + interval '34 hours' > $1 THEN l.resolve_due + interval '34 hours' END,
               CASE WHEN l.resolve_due + interval '68 hours' > $1 THEN l.resolve_due + interval '68 hours' END,
               CASE WHEN l.status = 'routed' AND l.routed_at + (l.accept_due - l.routed_at) * 0.8 > $1 THEN l.routed_at + (l.accept_due - l.routed_at) * 0.8 END,
               CASE WHEN l.status = 'routed' AND l.accept_due > $1 THEN l.accept_due END,
               CASE WHEN l.status = 'routed' AND l.accept_due + interval '34 hours' > $1 THEN l.accept_due + interval '34 hours' END,
               CASE WHEN l.status = 'routed' AND l.accept_due + interval '68 hours' > $1 THEN l.accept_due + interval '68 hours' END) END AS next_check,
       CASE WHEN l.status = 'closed' AND l.closure = 'rated' THEN
         greatest(1, CASE WHEN pg_temp.u(l.i, 227) < 0.62 THEN 5 WHEN pg_temp.u(l.i, 227) < 0.87 THEN 4 WHEN pg_temp.u(l.i, 227) < 0.95 THEN 3
                          WHEN pg_temp.u(l.i, 227) < 0.98 THEN 2 ELSE 1 END - CASE WHEN l.level > 0 THEN 1 ELSE 0 END) END AS rating,
       pg_temp.u(l.i, 228) < 0.3 AS commented,
       CASE WHEN pg_temp.u(l.i, 229) < 0.08 THEN 'urgent' ELSE 'normal' END AS urgency,
       CASE WHEN pg_temp.u(l.i, 230) < 0.6 THEN
         jsonb_build_object('name', pg_temp.person(l.i), 'phone', '13' || lpad((abs(hashint8(l.i)) % 1000000000)::text, 9, '0'),
                            'method', (ARRAY['phone', 'phone', 'visit', 'online'])[1 + floor(pg_temp.u(l.i, 231) * 4)::int])
         ELSE '{}'::jsonb END AS preferred_contact,
       l.year
  FROM lv l
  OFFSET 0
)
SELECT f.*,
       CASE WHEN f.rating IS NOT NULL AND f.commented THEN ($17::text[])[CASE WHEN f.rating >= 4 THEN 1 + f.i % 4 ELSE 5 + f.i % 2 END] END AS rating_comment
  FROM fin f
`;
