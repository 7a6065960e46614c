/**
 * Each pair with its official's and enterprise's names, its last visit, its visit count and its next
 * visit: due `interval_days` after the last visit, or after the pairing itself. A SQL subquery; the
 * workbench embeds it too.
 */
export const PAIR_STATUS_SQL = `
  SELECT p.*, u.display_name AS official_name, o.name AS organization_name, to_char(last.visited_on, 'YYYY-MM-DD') AS last_visit_on, last.visits,
         to_char(COALESCE(last.visited_on, (p.created_at AT TIME ZONE 'Asia/Shanghai')::date) + p.interval_days, 'YYYY-MM-DD') AS due_on
    FROM pairing_pairs p JOIN people_directory u ON u.id = p.official_user_id JOIN organization_directory o ON o.id = p.organization_id
    LEFT JOIN LATERAL (SELECT max(v.visited_on) AS visited_on, count(*)::int AS visits FROM pairing_visits v WHERE v.pair_id = p.id) last ON true`;
