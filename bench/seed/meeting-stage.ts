/**
 * Plans the generated meetings into the temp table bench_mt. Meeting k (0-based) falls on working
 * day d = k·D/M (bench_day), in slot k mod 5, and r = its rank within the day.
 *
 * Parameters: $1 now, $2 meetings to add (M), $3 working days (D), $4 alliance bucket bounds,
 * $5 chairs (a prime count), $6 officials (conveners), $7 department staff (a prime count),
 * $8 zones for ordinary room meetings, $9 the densely booked demo room, $10 today (local),
 * $11 days back the dense bookings start.
 */
export const MEETING_STAGE_SQL = (
  slots: { start: string; minutes: number }[],
  topics: string,
  cancelReasons: string,
) => `
CREATE TEMP TABLE bench_mt AS
WITH g AS (
  SELECT k, (k * $3::bigint / $2::bigint)::int AS d FROM generate_series(0::bigint, $2::bigint - 1) AS k
), s AS (
  SELECT g.k, g.d, g.k - (g.d::bigint * $2::bigint + $3::bigint - 1) / $3::bigint AS r, (g.k % 5)::int AS slot, bd.day,
         width_bucket(pg_temp.u(g.k, 301), $4::float8[]) - 1 AS ak0
    FROM g JOIN bench_day bd ON bd.d = g.d
), p AS (
  SELECT s.*, CASE WHEN s.day < ma.founded THEN 0 ELSE s.ak0 END AS ak,
         -- The first meeting of each of the first four slots of a day takes the demo room.
         $9::uuid IS NOT NULL AND s.day >= $10::date - $11::int AND s.r < 5 AND s.slot <> 4 AS dense,
         (s.day + (ARRAY[${slots.map((x) => `'${x.start}'`).join(', ')}]::time[])[s.slot + 1]) AT TIME ZONE 'Asia/Shanghai' AS starts_at,
         (ARRAY[${slots.map((x) => x.minutes).join(', ')}]::int[])[s.slot + 1] AS slot_minutes
    FROM s JOIN bench_meeting_alliance ma ON ma.k = s.ak0
), z AS (
  SELECT p.*, CASE WHEN p.dense THEN $9::uuid
                   WHEN (p.k / 5) % 5 = 0 AND cardinality($8::uuid[]) > 0 THEN ($8::uuid[])[1 + (p.k / 25) % cardinality($8::uuid[])] END AS zone_id,
         NOT p.dense AND pg_temp.u(p.k, 304) < CASE WHEN p.starts_at < $1 THEN 0.05 ELSE 0.03 END AS cancelled,
         least(p.starts_at - make_interval(days => 3 + floor(pg_temp.u(p.k, 305) * 18)::int), $1::timestamptz - interval '1 hour') AS created_at
    FROM p
)
SELECT z.k, pg_temp.uuid7(z.starts_at, 'mt' || z.k) AS id, z.ak, z.d, z.dense, z.zone_id, z.starts_at, z.created_at,
       ma.short || '产业集群' || (${topics})[1 + floor(pg_temp.u(z.k, 306) * 10)::int] AS title,
       ($6::uuid[])[1 + z.k % cardinality($6::uuid[])] AS convener_id,
       ($5::uuid[])[1 + z.k % cardinality($5::uuid[])] AS chair_id,
       CASE WHEN z.k % 3 = 0 THEN ($7::uuid[])[1 + (z.k + 7) % cardinality($7::uuid[])] END AS recorder_id,
       CASE WHEN z.k % 2 = 0 THEN ($7::uuid[])[1 + z.k % cardinality($7::uuid[])] END AS required_id,
       CASE WHEN z.zone_id IS NOT NULL THEN 'room' WHEN pg_temp.u(z.k, 302) < 0.35 THEN 'online' ELSE 'address' END AS place_kind,
       CASE WHEN z.zone_id IS NULL AND pg_temp.u(z.k, 302) >= 0.35 THEN
         (ARRAY['安海镇人民政府三楼会议室', '安海镇便民服务中心二楼会议室', coalesce(ma.lead_name, '安海镇企业服务中心') || '会议室'])[1 + floor(pg_temp.u(z.k, 307) * 3)::int] END AS address,
       CASE WHEN z.zone_id IS NULL AND pg_temp.u(z.k, 302) < 0.35 THEN 'https://meeting.tencent.com/dm/' || substr(md5('bench-meeting-' || z.k), 1, 12) END AS online_url,
       z.starts_at + make_interval(mins => CASE WHEN pg_temp.u(z.k, 303) < 0.6 THEN z.slot_minutes ELSE 60 END) AS ends_at,
       CASE WHEN z.cancelled THEN 'cancelled' ELSE 'scheduled' END AS status,
       CASE WHEN z.cancelled THEN (${cancelReasons})[1 + z.k % 3] END AS cancel_reason,
       CASE WHEN z.cancelled THEN z.created_at + (least(z.starts_at, $1::timestamptz) - z.created_at) * 0.7 ELSE z.created_at END AS updated_at
  FROM z JOIN bench_meeting_alliance ma ON ma.k = z.ak
`;

/**
 * Who is invited: the chair (required, accepted), every other meeting a required member of staff,
 * the alliance's lead enterprise (to every joint meeting, else a quarter of the time), one or two
 * departments and two or three member enterprises, popular ones more often; an invited
 * organisation names its attendee half of the time. Past meetings are mostly accepted; future
 * ones mostly still pending. The seed runs without triggers, so it copies each meeting's start itself
 * (meeting_starts_at). Parameters: $1 tenant, $2 now.
 */
export const MEETING_PARTICIPANTS_SQL = `
INSERT INTO meeting_participants (id, tenant_id, meeting_id, meeting_starts_at, organization_id, attendee_id, required, response, decline_reason, responded_at, created_at, updated_at)
SELECT pg_temp.uuid7(x.starts_at, x.meeting_id::text || x.n), $1, x.meeting_id, x.starts_at, x.org, x.person, x.required, r.response::rsvp_response,
       CASE WHEN r.response = 'declined' THEN '当天另有公务安排。' END,
       CASE WHEN r.response <> 'pending' THEN least($2::timestamptz, x.created_at + interval '1 day') END,
       x.created_at,
       CASE WHEN r.response <> 'pending' THEN least($2::timestamptz, x.created_at + interval '1 day') ELSE x.created_at END
  FROM (
    SELECT m.k, m.id AS meeting_id, m.starts_at, m.created_at, 0 AS n, NULL::uuid AS org, m.chair_id AS person, true AS required
      FROM bench_mt m
    UNION ALL
    SELECT m.k, m.id, m.starts_at, m.created_at, 1, NULL, m.required_id, true
      FROM bench_mt m WHERE m.required_id IS NOT NULL
    UNION ALL
    SELECT m.k, m.id, m.starts_at, m.created_at, 2, ma.lead, CASE WHEN pg_temp.u(m.k, 311) < 0.6 THEN ma.lead_person END, false
      FROM bench_mt m JOIN bench_meeting_alliance ma ON ma.k = m.ak
     WHERE ma.lead IS NOT NULL AND (pg_temp.u(m.k, 310) < 0.25 OR m.title LIKE '%联席会议')
    UNION ALL
    SELECT m.k, m.id, m.starts_at, m.created_at, 3 + j, dp.org_id, CASE WHEN pg_temp.u(m.k * 8 + j, 313) < 0.5 THEN dp.person END, false
      FROM bench_mt m JOIN bench_meeting_alliance ma ON ma.k = m.ak CROSS JOIN generate_series(0, 1) AS j
      JOIN bench_dpool dp ON dp.k = m.ak
       AND dp.rank = (floor(pg_temp.u(m.k, 314) * ma.departments)::int + j * (ma.departments / 2)) % greatest(ma.departments, 1)
     WHERE j < ma.departments AND (j = 0 OR pg_temp.u(m.k, 312) < 0.5)
    UNION ALL
    SELECT m.k, m.id, m.starts_at, m.created_at, 5 + j, mp.org_id, CASE WHEN pg_temp.u(m.k * 8 + j, 316) < 0.5 THEN mp.person END, false
      FROM bench_mt m JOIN bench_meeting_alliance ma ON ma.k = m.ak CROSS JOIN generate_series(0, 2) AS j
      JOIN bench_mpool mp ON mp.k = m.ak
       AND mp.rank = (floor(power(pg_temp.u(m.k, 317), 1.5) * ma.members)::int + j * greatest(1, ma.members / 3)) % greatest(ma.members, 1)
     WHERE j < ma.members AND (j < 2 OR pg_temp.u(m.k, 315) < 0.5)
  ) x
 CROSS JOIN LATERAL (
   SELECT CASE WHEN x.n = 0 THEN 'accepted'
               WHEN x.starts_at < $2 THEN CASE WHEN pg_temp.u(x.k * 8 + x.n, 318) < 0.85 THEN 'accepted' WHEN pg_temp.u(x.k * 8 + x.n, 318) < 0.93 THEN 'declined' ELSE 'pending' END
               ELSE CASE WHEN pg_temp.u(x.k * 8 + x.n, 318) < 0.45 THEN 'accepted' WHEN pg_temp.u(x.k * 8 + x.n, 318) < 0.5 THEN 'declined' ELSE 'pending' END END AS response
 ) r
`;
