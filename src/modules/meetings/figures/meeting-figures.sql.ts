/**
 * The SQL of the dashboard's meeting figures over `meeting_daily_figures` (migration
 * MeetingDailyFigures): per alliance and day (Beijing time), the scheduled meetings, the
 * organisations invited to them and those that checked in; the days changed since the worker last
 * summed them, and the parts of days a period cuts, are counted live from the meetings.
 */

/** Midnight, Beijing time, starting the day `day` (a date column or expression). */
const dayStart = (day: string) => `(${day})::timestamp AT TIME ZONE 'Asia/Shanghai'`;

/**
 * The figures of `ranges` (rows of tenant_id, alliance_id, day, starts, ends), counted from the
 * meetings that start in [starts, ends): one index range scan per range.
 */
const countMeetingsOf = (ranges: string) => `
  SELECT d.tenant_id, d.alliance_id, d.day, s.*
    FROM ${ranges} d
   CROSS JOIN LATERAL (
     SELECT count(*)::int AS held, coalesce(sum(i.invited), 0)::int AS invited, coalesce(sum(i.attended), 0)::int AS attended
       FROM meetings m
      CROSS JOIN LATERAL (
        SELECT count(DISTINCT p.organization_id)::int AS invited,
               count(DISTINCT p.organization_id) FILTER (WHERE EXISTS (
                 SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.organization_id = p.organization_id))::int AS attended
          FROM meeting_participants p WHERE p.meeting_id = m.id AND p.organization_id IS NOT NULL
      ) i
      WHERE m.tenant_id = d.tenant_id AND m.alliance_id = d.alliance_id AND m.status = 'scheduled'
        AND m.starts_at >= d.starts AND m.starts_at < d.ends
   ) s`;

/** Folds the current tenant's changed days back into the sums, in one statement (one snapshot). */
export const REFRESH_MEETING_FIGURES_SQL = `
  WITH taken AS (
    DELETE FROM meeting_figure_changes RETURNING tenant_id, alliance_id, day
  ), days AS MATERIALIZED (
    SELECT tenant_id, alliance_id, day, ${dayStart('day')} AS starts, ${dayStart('day + 1')} AS ends
      FROM (SELECT DISTINCT tenant_id, alliance_id, day FROM taken) d
  ), cleared AS (
    DELETE FROM meeting_daily_figures f USING days d WHERE f.tenant_id = d.tenant_id AND f.alliance_id = d.alliance_id AND f.day = d.day
  ), summed AS (
    INSERT INTO meeting_daily_figures (tenant_id, alliance_id, day, held, invited, attended)
    SELECT * FROM (${countMeetingsOf('days')}) counted WHERE held > 0
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM days)::int AS days, (SELECT count(*) FROM summed)::int AS rows`;

export const REFRESH_MEETING_LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtext('meeting_daily_figures'), hashtext(coalesce(current_setting('app.tenant_id', true), '')))`;

/**
 * The figures of alliance `$1` per month (YYYY-MM, Beijing time) for meetings starting in [`$2`,
 * `$3`) (instants; `$3` may be 'infinity'): the whole days inside from the sums (those changed since
 * counted live), the part days at either end live. Months without a meeting are left out.
 */
export const MEETING_MONTHS_SQL = `
  WITH bounds AS MATERIALIZED (
    SELECT b.*, ${dayStart('b.first_day')} AS first_start, ${dayStart('b.end_day')} AS end_start
      FROM (SELECT $2::timestamptz AS starts, $3::timestamptz AS ends,
                   (($2::timestamptz - interval '1 microsecond') AT TIME ZONE 'Asia/Shanghai')::date + 1 AS first_day,
                   ($3::timestamptz AT TIME ZONE 'Asia/Shanghai')::date AS end_day) b
  ), changed AS MATERIALIZED (
    SELECT tenant_id, alliance_id, day, ${dayStart('day')} AS starts, ${dayStart('day + 1')} AS ends
      FROM (SELECT DISTINCT c.tenant_id, c.alliance_id, c.day FROM meeting_figure_changes c, bounds b
             WHERE c.alliance_id = $1 AND c.day >= b.first_day AND c.day < b.end_day) d
  ), edges AS MATERIALIZED (
    SELECT app_tenant_id() AS tenant_id, $1::uuid AS alliance_id, (e.starts AT TIME ZONE 'Asia/Shanghai')::date AS day, e.starts, e.ends
      FROM bounds b
     CROSS JOIN LATERAL (VALUES (1, b.starts, least(b.ends, b.first_start)), (2, greatest(b.starts, b.end_start), b.ends)) e (n, starts, ends)
     -- Within one day, the first part is the whole range.
     WHERE e.starts < e.ends AND (b.first_day < b.end_day OR e.n = 1)
  ), cells AS (
    SELECT f.day, f.held, f.invited, f.attended
      FROM meeting_daily_figures f, bounds b
     WHERE f.alliance_id = $1 AND f.day >= b.first_day AND f.day < b.end_day AND f.day NOT IN (SELECT day FROM changed)
    UNION ALL
    SELECT day, held, invited, attended FROM (${countMeetingsOf('changed')}) live
    UNION ALL
    SELECT day, held, invited, attended FROM (${countMeetingsOf('edges')}) parts
  )
  SELECT to_char(day::timestamp, 'YYYY-MM') AS month, sum(held)::int AS held, sum(invited)::int AS invited, sum(attended)::int AS attended
    FROM cells
   GROUP BY 1
  HAVING sum(held) > 0
   ORDER BY 1`;
