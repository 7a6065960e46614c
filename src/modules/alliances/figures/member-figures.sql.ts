/**
 * The SQL of the dashboard's member figures over `alliance_member_figures` (migration
 * AllianceMemberFigures): per alliance, role and chain position, the current members and their
 * Party organisations' members. An alliance with a change not folded yet, of its memberships or of
 * one of its organisations, is counted live.
 */

/** The figures of the alliances `alliances` (a set of alliance_id) counted from the memberships. */
const countMembersOf = (alliances: string) => `
  SELECT m.tenant_id, m.alliance_id, m.role, o.chain_position::text AS chain_position,
         count(*)::int AS members, coalesce(sum(p.member_count), 0)::int AS party_members
    FROM alliance_memberships m
    JOIN organization_directory o ON o.id = m.organization_id
    LEFT JOIN party_organization_directory p ON p.organization_id = m.organization_id
   WHERE m.alliance_id IN (${alliances}) AND m.left_on IS NULL
   GROUP BY 1, 2, 3, 4`;

/** Folds the current tenant's changed alliances (and those of the organisations `$1`) back into the sums, in one statement. */
export const REFRESH_MEMBER_FIGURES_SQL = `
  WITH taken AS (
    DELETE FROM alliance_member_figure_changes RETURNING alliance_id
  ), alliances AS MATERIALIZED (
    SELECT alliance_id FROM taken
    UNION
    SELECT alliance_id FROM alliance_memberships WHERE organization_id = ANY($1::uuid[])
  ), cleared AS (
    DELETE FROM alliance_member_figures f USING alliances a WHERE f.alliance_id = a.alliance_id
  ), summed AS (
    INSERT INTO alliance_member_figures (tenant_id, alliance_id, role, chain_position, members, party_members)
    ${countMembersOf('SELECT alliance_id FROM alliances')}
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM alliances)::int AS alliances, (SELECT count(*) FROM summed)::int AS rows`;

export const REFRESH_MEMBER_LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtext('alliance_member_figures'), hashtext(coalesce(current_setting('app.tenant_id', true), '')))`;

/**
 * Alliance \`$1\`'s members per role (in the roles' order) and per chain position (departments
 * aside; by name, none last), their Party organisations' members, and the memberships that began
 * on a day in [\`$2\`, \`$3\`) (dates).
 */
export const MEMBER_FIGURES_SQL = `
  WITH live AS MATERIALIZED (
    SELECT EXISTS (SELECT 1 FROM alliance_member_figure_changes WHERE alliance_id = $1)
        OR EXISTS (SELECT 1 FROM organization_figure_change_directory c
                     JOIN alliance_memberships m ON m.tenant_id = c.tenant_id AND m.organization_id = c.organization_id
                    WHERE m.alliance_id = $1) AS yes
  ), cells AS MATERIALIZED (
    SELECT f.role, f.chain_position, f.members, f.party_members
      FROM alliance_member_figures f, live WHERE f.alliance_id = $1 AND NOT live.yes
    UNION ALL
    SELECT c.role, c.chain_position, c.members, c.party_members
      FROM (${countMembersOf('$1')}) c, live WHERE live.yes
  )
  SELECT (SELECT coalesce(json_agg(json_build_object('key', role, 'count', n) ORDER BY role), '[]')
            FROM (SELECT role, sum(members)::int AS n FROM cells GROUP BY role) r) AS "byRole",
         (SELECT coalesce(json_agg(json_build_object('key', chain_position, 'count', n) ORDER BY chain_position), '[]')
            FROM (SELECT chain_position, sum(members)::int AS n FROM cells WHERE role <> 'department' GROUP BY chain_position) c) AS "byChainPosition",
         (SELECT coalesce(sum(party_members), 0)::int FROM cells) AS "partyMembers",
         (SELECT count(*)::int FROM alliance_memberships WHERE alliance_id = $1 AND joined_on >= $2::date AND joined_on < $3::date) AS joined`;
