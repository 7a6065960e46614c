import { SeedContext } from './seed-context';
import { RULES } from './vocabulary';

/**
 * Small lookup tables the request generator joins 1M rows against:
 *  - bench_pool: the enterprises that may submit in each alliance (active members with an active
 *    contact, who joined before the requests start), ranked by name; the demo enterprises 晋工机械
 *    and 兴翼机械 are left out, they get a fixed share instead;
 *  - bench_cat: each alliance's categories with SLA spans in calendar time and the routing rule
 *    that catches the category's titles;
 *  - bench_staff: the people who can handle requests in each serving organisation.
 * Working time is approximated: a working hour counts as 3 calendar hours, a working day as 34.
 */
export async function createRequestPools(
  ctx: SeedContext,
  windowStart: string,
  excluded: string[],
): Promise<{ counts: number[]; activeFrom: Date[] }> {
  const t = ctx.tenantId;
  await ctx.db.query('DROP TABLE IF EXISTS bench_pool, bench_cat, bench_staff');
  await ctx.db.query(
    `CREATE TEMP TABLE bench_pool AS
     WITH c AS (SELECT organization_id, array_agg(id ORDER BY email) AS ids FROM users
                 WHERE tenant_id = $1 AND role = 'enterprise_contact' AND status = 'active' GROUP BY organization_id)
     SELECT a.k, (row_number() OVER (PARTITION BY a.k ORDER BY o.name) - 1)::int AS rank, o.id AS org_id,
            o.paired_department_id AS paired, m.role = 'lead' AS is_lead, c.ids AS contacts
       FROM alliance_memberships m
       JOIN bench_alliance a ON a.id = m.alliance_id
       JOIN organizations o ON o.id = m.organization_id
       JOIN c ON c.organization_id = o.id
      WHERE m.tenant_id = $1 AND m.left_on IS NULL AND m.role IN ('lead', 'member')
        AND m.joined_on <= greatest($2::date, a.founded + 60) AND NOT (o.id = ANY($3::uuid[]))`,
    [t, windowStart, excluded],
  );
  await ctx.db.query(
    `CREATE TEMP TABLE bench_cat AS
     SELECT a.k, c.code::text AS code, c.id, c.provider_organization_id AS provider, r.target_organization_id AS rule_target,
            CASE c.accept_unit WHEN 'working_days' THEN c.accept_within * interval '34 hours' ELSE c.accept_within * interval '3 hours' END AS accept_span,
            CASE c.resolve_unit WHEN 'working_days' THEN c.resolve_within * interval '34 hours' ELSE c.resolve_within * interval '3 hours' END AS resolve_span
       FROM service_categories c JOIN bench_alliance a ON a.id = c.alliance_id
       LEFT JOIN unnest($1::text[], $2::int[]) AS x(code, priority) ON x.code = c.code::text
       LEFT JOIN routing_rules r ON r.alliance_id = a.id AND r.priority = x.priority AND r.active
      WHERE c.active`,
    [RULES.map((r) => r.code), RULES.map((r) => r.priority)],
  );
  await ctx.db.query(
    `CREATE TEMP TABLE bench_staff AS
     SELECT u.organization_id AS org_id, array_agg(u.id ORDER BY u.email) AS ids
       FROM users u JOIN organizations o ON o.id = u.organization_id
      WHERE u.tenant_id = $1 AND u.status = 'active' AND u.role IN ('department_staff', 'enterprise_contact')
        AND (o.kind = 'department' OR EXISTS (SELECT 1 FROM alliance_memberships m WHERE m.organization_id = o.id AND m.role = 'lead' AND m.left_on IS NULL))
      GROUP BY u.organization_id`,
    [t],
  );
  await ctx.db.query('ANALYZE bench_pool; ANALYZE bench_cat; ANALYZE bench_staff');
  const { rows } = await ctx.db.query<{ k: number; n: string; active_from: Date }>(
    `SELECT a.k, count(p.org_id) AS n, greatest($1::date, a.founded + 60)::timestamp AT TIME ZONE 'Asia/Shanghai' AS active_from
       FROM bench_alliance a LEFT JOIN bench_pool p ON p.k = a.k GROUP BY a.k, a.founded ORDER BY a.k`,
    [windowStart],
  );
  return { counts: rows.map((r) => Number(r.n)), activeFrom: rows.map((r) => r.active_from) };
}

/** The id and organisation of a demo user, by email. */
export async function demoUser(ctx: SeedContext, email: string): Promise<{ id: string; organizationId: string }> {
  const { rows } = await ctx.db.query<{ id: string; organization_id: string }>(
    'SELECT id, organization_id FROM users WHERE email = $1 AND tenant_id = $2',
    [email, ctx.tenantId],
  );
  if (!rows[0]) throw new Error(`The demo seed must run first: ${email} is missing.`);
  return { id: rows[0].id, organizationId: rows[0].organization_id };
}
