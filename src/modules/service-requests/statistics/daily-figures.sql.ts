/**
 * The SQL of the service statistics over `service_request_daily_figures` (migration
 * ServiceRequestDailyFigures), sums per alliance, day, serving organisation and category, and
 * `service_request_monthly_department_figures` and `service_request_monthly_category_figures`
 * (ServiceRequestMonthlyGrains), sums per alliance and month, one per serving organisation and one
 * per category; and the days changed since the worker last summed them, counted live from the
 * requests.
 */

/** The first day of the month of `day` (a date column or expression). */
const monthOf = (day: string) => `date_trunc('month', ${day}::timestamp)::date`;

/** Midnight, Beijing time, starting the day `day` (a date column or expression). */
const dayStart = (day: string) => `(${day})::timestamp AT TIME ZONE 'Asia/Shanghai'`;

/**
 * Distinct (tenant_id, alliance_id, day) rows of `source`, with the instants the day starts and
 * ends as columns of their own. Materialized, so the day's bounds reach the requests' scan as plain
 * values: written out there, the time-zone conversion (not leakproof) was left for after row-level
 * security, and the scan read every request of the alliance instead of the day's (1 s, not 30 ms,
 * for a day of a 335,000-request alliance).
 */
const daysOf = (source: string, where = '') => `MATERIALIZED (
    SELECT tenant_id, alliance_id, day, ${dayStart('day')} AS starts, ${dayStart('day + 1')} AS ends
      FROM (SELECT DISTINCT tenant_id, alliance_id, day FROM ${source} ${where}) d
  )`;

/**
 * Each day's requests summed per serving organisation and category; `days` names rows made by
 * `daysOf`. Summed inside a LATERAL subquery, so each day is one index range scan: as a plain join
 * on the range, the planner merge-joined every request of an alliance against every
 * changed day of it (17 s for 20,000 requests over a year).
 */
const sumRequestsOf = (days: string) => `
  SELECT d.tenant_id, d.alliance_id, d.day, s.*
    FROM ${days} d
   CROSS JOIN LATERAL (
     SELECT r.assigned_organization_id AS organization_id, r.category_id,
            count(*)::int AS submitted,
            count(*) FILTER (WHERE r.resolved_at IS NOT NULL)::int AS resolved,
            count(*) FILTER (WHERE r.status IN ('submitted', 'routed', 'accepted', 'in_progress', 'returned'))::int AS open,
            count(*) FILTER (WHERE r.routed_at IS NOT NULL)::int AS routed,
            count(*) FILTER (WHERE r.accepted_at IS NOT NULL AND r.accepted_at <= r.accept_due_at)::int AS accepted_on_time,
            count(*) FILTER (WHERE r.resolved_at IS NOT NULL AND r.resolved_at <= r.resolve_due_at)::int AS resolved_on_time,
            coalesce(sum(extract(epoch FROM r.accepted_at - r.routed_at) / 3600), 0)::float8 AS accept_hours_sum,
            count(r.accepted_at - r.routed_at)::int AS accept_hours_count,
            coalesce(sum(extract(epoch FROM r.resolved_at - r.created_at) / 3600), 0)::float8 AS resolve_hours_sum,
            coalesce(sum(r.rating), 0)::int AS rating_sum,
            count(r.rating)::int AS ratings
       FROM service_requests r
      WHERE r.tenant_id = d.tenant_id AND r.alliance_id = d.alliance_id
        AND r.created_at >= d.starts AND r.created_at < d.ends
        AND r.merged_into_id IS NULL
      GROUP BY r.assigned_organization_id, r.category_id
   ) s`;

/** Each day's requests counted per status; `days` names rows made by `daysOf`. One index range scan per day. */
const countStatusesOf = (days: string) => `
  SELECT d.tenant_id, d.alliance_id, d.day, s.status, s.requests
    FROM ${days} d
   CROSS JOIN LATERAL (
     SELECT r.status, count(*)::int AS requests
       FROM service_requests r
      WHERE r.tenant_id = d.tenant_id AND r.alliance_id = d.alliance_id
        AND r.created_at >= d.starts AND r.created_at < d.ends
        AND r.merged_into_id IS NULL
      GROUP BY r.status
   ) s`;

const SUMMED = [
  'submitted',
  'resolved',
  'open',
  'routed',
  'accepted_on_time',
  'resolved_on_time',
  'accept_hours_sum',
  'accept_hours_count',
  'resolve_hours_sum',
  'rating_sum',
  'ratings',
];
const SUMMED_COLUMNS = SUMMED.join(', ');
/** The summed columns of the row aliased `f`. */
const F_SUMMED_COLUMNS = SUMMED.map((column) => `f.${column}`).join(', ');
/** The sums of the summed columns over a group of rows that hold them. */
const SUMS_OF_SUMMED = SUMMED.map((column) =>
  column.endsWith('hours_sum') ? `sum(${column})::float8` : `sum(${column})::int`,
).join(', ');

/**
 * CTEs `<grain>_months_cleared` and `<grain>_months_summed` of REFRESH_DAILY_FIGURES_SQL: the
 * monthly sums per `key` in `table` of the months in `months`, from `month_cells`.
 */
const foldMonths = (grain: 'department' | 'category', table: string, key: string) => `${grain}_months_cleared AS (
    DELETE FROM ${table} f USING months m WHERE f.tenant_id = m.tenant_id AND f.alliance_id = m.alliance_id AND f.month = m.month
  ), ${grain}_months_summed AS (
    INSERT INTO ${table} (tenant_id, alliance_id, month, ${key}, ${SUMMED_COLUMNS})
    SELECT tenant_id, alliance_id, month, ${key}, ${SUMS_OF_SUMMED}
      FROM month_cells GROUP BY tenant_id, alliance_id, month, ${key}
    RETURNING 1
  )`;

/**
 * Folds the changed days of the current tenant back into the sums, in one statement (one snapshot):
 * the days' sums and counts per status (`service_request_daily_statuses`, migration
 * ServiceRequestDailyStatuses), and the sums of the months they fall in, per department and per
 * category, from the month's other days as they were summed and the changed days as just counted. The changes it deletes are those committed before it
 * started, and it counts every request committed before then, so a change committed later keeps its
 * row for the next pass. A transaction lock keeps two workers from summing the same days at once.
 */
export const REFRESH_DAILY_FIGURES_SQL = `
  WITH taken AS (
    DELETE FROM service_request_figure_changes RETURNING tenant_id, alliance_id, day
  ), days AS ${daysOf('taken')}, sums AS MATERIALIZED (
    ${sumRequestsOf('days')}
  ), cleared AS (
    DELETE FROM service_request_daily_figures f USING days d WHERE f.tenant_id = d.tenant_id AND f.alliance_id = d.alliance_id AND f.day = d.day
  ), summed AS (
    INSERT INTO service_request_daily_figures (tenant_id, alliance_id, day, organization_id, category_id, ${SUMMED_COLUMNS})
    SELECT * FROM sums
    RETURNING 1
  ), statuses_cleared AS (
    DELETE FROM service_request_daily_statuses f USING days d WHERE f.tenant_id = d.tenant_id AND f.alliance_id = d.alliance_id AND f.day = d.day
  ), statuses_counted AS (
    INSERT INTO service_request_daily_statuses (tenant_id, alliance_id, day, status, requests)
    ${countStatusesOf('days')}
  ), months AS (
    SELECT DISTINCT tenant_id, alliance_id, ${monthOf('day')} AS month FROM days
  ), month_cells AS MATERIALIZED (
    SELECT f.tenant_id, f.alliance_id, m.month, f.organization_id, f.category_id, ${F_SUMMED_COLUMNS}
      FROM months m
      JOIN service_request_daily_figures f ON f.tenant_id = m.tenant_id AND f.alliance_id = m.alliance_id
       AND f.day >= m.month AND f.day < (m.month + interval '1 month')::date
     WHERE NOT EXISTS (SELECT 1 FROM days d WHERE d.tenant_id = f.tenant_id AND d.alliance_id = f.alliance_id AND d.day = f.day)
    UNION ALL
    SELECT tenant_id, alliance_id, ${monthOf('day')}, organization_id, category_id, ${SUMMED_COLUMNS} FROM sums
  ), ${foldMonths('department', 'service_request_monthly_department_figures', 'organization_id')},
  ${foldMonths('category', 'service_request_monthly_category_figures', 'category_id')}
  SELECT (SELECT count(*) FROM days)::int AS days, (SELECT count(*) FROM summed)::int AS rows,
         (SELECT count(*) FROM department_months_summed)::int + (SELECT count(*) FROM category_months_summed)::int AS month_rows`;

export const REFRESH_LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtext('service_request_daily_figures'), hashtext(coalesce(current_setting('app.tenant_id', true), '')))`;

/** What STATISTICS_SQL shows of each group of rows: its sums, and the averages and satisfaction they give. */
const PERIOD_SUMS = `sum(submitted) AS submitted, sum(resolved) AS resolved, sum(open) AS open, sum(routed) AS routed,
           sum(accepted_on_time) AS accepted_on_time, sum(resolved_on_time) AS resolved_on_time,
           sum(accept_hours_sum) / nullif(sum(accept_hours_count), 0) AS avg_accept_hours,
           sum(resolve_hours_sum) / nullif(sum(resolved), 0) AS avg_resolve_hours,
           sum(rating_sum)::numeric / nullif(sum(ratings), 0) AS satisfaction,
           sum(ratings) AS ratings`;

/**
 * Rows of STATISTICS_SQL's `by_department` or `by_category`: the sums per `key` in `table` of the
 * whole months whose sums are not stale, and the `days` around and inside the others.
 */
const monthlyCells = (table: string, key: string) => `
    SELECT ${key}, month, ${SUMMED_COLUMNS} FROM ${table}
     WHERE alliance_id = $1 AND month >= $4::date AND month < $5::date AND month NOT IN (SELECT month FROM stale_months)
    UNION ALL
    SELECT ${key}, month, ${SUMMED_COLUMNS} FROM days`;

/**
 * The statistics of an alliance from `$2` to `$3` (dates, Beijing time): totals, per department,
 * per category and per month in one statement, with `kind` naming the grouping of each row.
 * [`$4`, `$5`) are the months wholly inside the period (`wholeMonths`): they come from the monthly
 * sums (per department for the departments, per category for the rest), the days before and after
 * them from the daily sums, and days changed since from the requests, with the rest of their month
 * (whose monthly sums are stale) from the daily sums. Months are grouped as dates and named as text
 * only on the way out: to_char on every row cost a quarter of the statement.
 */
export const STATISTICS_SQL = `
  WITH changed AS ${daysOf('service_request_figure_changes', 'WHERE alliance_id = $1 AND day >= $2::date AND day < $3::date')}, stale_months AS (
    SELECT DISTINCT ${monthOf('day')} AS month FROM changed WHERE day >= $4::date AND day < $5::date
  ), days AS MATERIALIZED (
    SELECT organization_id, category_id, ${monthOf('day')} AS month, ${SUMMED_COLUMNS}
      FROM service_request_daily_figures
     WHERE alliance_id = $1 AND (day >= $2::date AND day < $4::date OR day >= $5::date AND day < $3::date)
       AND day NOT IN (SELECT day FROM changed)
    UNION ALL
    SELECT f.organization_id, f.category_id, m.month, ${F_SUMMED_COLUMNS}
      FROM stale_months m
      JOIN service_request_daily_figures f ON f.alliance_id = $1 AND f.day >= m.month AND f.day < (m.month + interval '1 month')::date
     WHERE f.day NOT IN (SELECT day FROM changed)
    UNION ALL
    SELECT organization_id, category_id, ${monthOf('day')}, ${SUMMED_COLUMNS} FROM (${sumRequestsOf('changed')}) live
  ), by_department AS (${monthlyCells('service_request_monthly_department_figures', 'organization_id')}
  ), by_category AS (${monthlyCells('service_request_monthly_category_figures', 'category_id')}
  ), sets AS (
    SELECT CASE GROUPING(category_id, month) WHEN 3 THEN 'total' WHEN 1 THEN 'category' ELSE 'month' END AS kind,
           NULL::uuid AS organization_id, category_id, month, ${PERIOD_SUMS}
      FROM by_category
     GROUP BY GROUPING SETS ((), (category_id), (month))
    UNION ALL
    SELECT 'department', organization_id, NULL, NULL, ${PERIOD_SUMS}
      FROM by_department
     GROUP BY organization_id
  ), named AS (
    -- Names by key, one index look-up each: a join read every organisation of the township.
    SELECT s.*, CASE s.kind
                  WHEN 'department' THEN (SELECT o.name FROM organization_directory o WHERE o.id = s.organization_id)
                  WHEN 'category' THEN (SELECT c.name FROM service_categories c WHERE c.id = s.category_id)
                END AS name
      FROM sets s
  )
  SELECT kind, coalesce(organization_id::text, category_id::text, to_char(month::timestamp, 'YYYY-MM')) AS key, name,
         submitted, resolved, open, routed, accepted_on_time, resolved_on_time,
         avg_accept_hours, avg_resolve_hours, satisfaction, ratings
    FROM named
   ORDER BY kind, name, month`;

/**
 * The requests of alliance `$1` filed from `$2` to `$3` (dates, Beijing time), merged duplicates
 * aside, counted per status (in the status type's order): from the daily counts, and the days
 * changed since counted live.
 */
export const STATUS_COUNTS_SQL = `
  WITH changed AS ${daysOf('service_request_figure_changes', 'WHERE alliance_id = $1 AND day >= $2::date AND day < $3::date')}, cells AS (
    SELECT status, requests FROM service_request_daily_statuses
     WHERE alliance_id = $1 AND day >= $2::date AND day < $3::date AND day NOT IN (SELECT day FROM changed)
    UNION ALL
    SELECT status, requests FROM (${countStatusesOf('changed')}) live
  )
  SELECT status::text AS key, sum(requests)::int AS count FROM cells GROUP BY status ORDER BY status`;
