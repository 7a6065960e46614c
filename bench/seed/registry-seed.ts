import { bucketBounds, count, SeedContext, sqlArray, timed } from './seed-context';
import {
  ALLIANCE_DESCRIPTION,
  ALLIANCES,
  CATEGORIES,
  INDUSTRY_NOUNS,
  MORE_DEPARTMENTS,
  PRODUCT_TAGS,
  PROVIDERS,
  ROADS,
  RULES,
  TRADE_NAME_FIRST,
  TRADE_NAME_SECOND,
} from './vocabulary';

/** The economic development office: dept@anhai.demo's department, and the fallback provider. */
export const ECONOMIC_OFFICE = '安海镇经济发展办公室';

/** Adds the missing industry alliances, then loads them into bench_alliance. */
export async function seedAlliances(ctx: SeedContext, target: number): Promise<number> {
  const have = await count(ctx, 'SELECT count(*) AS n FROM alliances WHERE tenant_id = $1', [ctx.tenantId]);
  await timed(
    ctx,
    'alliances',
    `INSERT INTO alliances (tenant_id, name, industry, description)
     SELECT $1, x.name, x.industry, x.description FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS x(name, industry, description, n)
      WHERE NOT EXISTS (SELECT 1 FROM alliances a WHERE a.tenant_id = $1 AND a.name = x.name)
      ORDER BY x.n LIMIT $5`,
    [
      ctx.tenantId,
      ALLIANCES.map((a) => a.name),
      ALLIANCES.map((a) => a.industry),
      ALLIANCES.map((a) => ALLIANCE_DESCRIPTION(a.industry)),
      Math.max(0, target - have),
    ],
  );
  return loadAlliances(ctx);
}

/** The tenant's alliances in this session's temp table bench_alliance, k being the position in ALLIANCES. */
export async function loadAlliances(ctx: SeedContext): Promise<number> {
  await ctx.db.query('DROP TABLE IF EXISTS bench_alliance');
  await ctx.db.query(
    `CREATE TEMP TABLE bench_alliance AS
     SELECT (row_number() OVER (ORDER BY x.n) - 1)::int AS k, a.id, a.industry, x.short, x.founded::date AS founded, x.share
       FROM alliances a JOIN unnest($2::text[], $3::text[], $4::text[], $5::float8[]) WITH ORDINALITY AS x(name, short, founded, share, n) ON x.name = a.name
      WHERE a.tenant_id = $1`,
    [
      ctx.tenantId,
      ALLIANCES.map((a) => a.name),
      ALLIANCES.map((a) => a.short),
      ALLIANCES.map((a) => a.foundedOn),
      ALLIANCES.map((a) => a.share),
    ],
  );
  const alliances = await count(ctx, 'SELECT count(*) AS n FROM bench_alliance');
  if (alliances < 2) throw new Error('The demo seed must run first: the Anhai tenant has no alliances to grow.');
  return alliances;
}

/** Departments (X) up to `departments`, then enterprises up to `organisations` in all. */
export async function seedOrganizations(ctx: SeedContext, organisations: number, departments: number): Promise<void> {
  const t = ctx.tenantId;
  const haveDepartments = await count(
    ctx,
    `SELECT count(*) AS n FROM organizations WHERE tenant_id = $1 AND kind = 'department'`,
    [t],
  );
  await timed(
    ctx,
    'departments',
    `INSERT INTO organizations (tenant_id, name, kind, industry, product_tags, address, contacts)
     SELECT $1, x.name, 'department', '政府部门', ARRAY['企业服务'], '福建省晋江市安海镇',
            jsonb_build_array(jsonb_build_object('name', pg_temp.person(x.n * 7), 'phone', '0595-857' || lpad((1100 + x.n)::text, 5, '0')))
       FROM unnest($2::text[]) WITH ORDINALITY AS x(name, n)
      WHERE NOT EXISTS (SELECT 1 FROM organizations o WHERE o.tenant_id = $1 AND o.name = x.name)
      ORDER BY x.n LIMIT $3`,
    [t, MORE_DEPARTMENTS, Math.max(0, departments - haveDepartments)],
  );

  const haveOrganisations = await count(ctx, 'SELECT count(*) AS n FROM organizations WHERE tenant_id = $1', [t]);
  const haveEnterprises = await count(
    ctx,
    `SELECT count(*) AS n FROM organizations WHERE tenant_id = $1 AND kind = 'enterprise'`,
    [t],
  );
  const add = Math.max(0, organisations - haveOrganisations);
  const shares = (await ctx.db.query<{ share: number }>('SELECT share FROM bench_alliance ORDER BY k')).rows.map(
    (r) => r.share,
  );
  // Enterprise i (numbered after the existing ones) belongs to the alliance its hash falls in; its
  // name is unique by construction: trade name i mod 3600, noun (i / 3600) of its industry's nouns.
  await ctx.db.query('DROP TABLE IF EXISTS bench_enterprise');
  await ctx.db.query(
    `CREATE TEMP TABLE bench_enterprise AS
     WITH g AS (SELECT i, width_bucket(pg_temp.u(i, 101), $3::float8[]) - 1 AS k FROM generate_series($1::bigint, $2::bigint) AS i)
     SELECT g.i, g.k, gen_random_uuid() AS id,
            (${sqlArray(TRADE_NAME_FIRST)})[1 + g.i % 60] || (${sqlArray(TRADE_NAME_SECOND)})[1 + (g.i / 60) % 60]
              || ($4::jsonb -> g.k ->> ((g.i / 3600) % jsonb_array_length($4::jsonb -> g.k))::int)
              || CASE WHEN g.i >= 14400 THEN (g.i / 14400 + 1)::text ELSE '' END || '有限公司' AS name,
            row_number() OVER (PARTITION BY g.k ORDER BY g.i) = 1
              AND NOT EXISTS (SELECT 1 FROM alliance_memberships m JOIN bench_alliance a ON a.id = m.alliance_id
                               WHERE a.k = g.k AND m.role = 'lead' AND m.left_on IS NULL) AS is_lead
       FROM g`,
    [haveEnterprises, haveEnterprises + add - 1, bucketBounds(shares), JSON.stringify(INDUSTRY_NOUNS)],
  );
  await timed(
    ctx,
    'enterprises',
    `INSERT INTO organizations (id, tenant_id, name, kind, unified_code, industry, chain_position, product_tags, address, contacts, paired_department_id, created_at, updated_at)
     SELECT e.id, $1, e.name, 'enterprise', '91350582MAB' || lpad(e.i::text, 7, '0'), a.industry,
            (ARRAY['upstream', 'midstream', 'downstream'])[1 + floor(pg_temp.u(e.i, 102) * 3)::int]::chain_position,
            ARRAY[$2::jsonb -> e.k ->> (e.i % jsonb_array_length($2::jsonb -> e.k))::int,
                  $2::jsonb -> e.k ->> ((e.i + 1 + e.i / 7) % jsonb_array_length($2::jsonb -> e.k))::int],
            '福建省晋江市安海镇' || (${sqlArray(ROADS)})[1 + e.i % ${ROADS.length}] || (1 + (e.i * 7) % 300) || '号',
            jsonb_build_array(jsonb_build_object('name', pg_temp.person(e.i * 3 + 1), 'title', '党建联络员', 'phone', '139' || lpad((50000000 + e.i)::text, 8, '0'))),
            -- A quarter are paired with a department (结对), which the router prefers to the category's provider.
            CASE WHEN pg_temp.u(e.i, 103) < 0.25 THEN d.ids[1 + floor(pg_temp.u(e.i, 104) * cardinality(d.ids))::int] END,
            $3::timestamptz - make_interval(days => 400 + floor(pg_temp.u(e.i, 105) * 900)::int),
            $3::timestamptz - make_interval(days => floor(pg_temp.u(e.i, 106) * 300)::int)
       FROM bench_enterprise e JOIN bench_alliance a ON a.k = e.k
      CROSS JOIN (SELECT array_agg(id ORDER BY name) AS ids FROM organizations WHERE tenant_id = $1 AND kind = 'department') d
      ORDER BY e.i`,
    [t, JSON.stringify(PRODUCT_TAGS), ctx.now],
  );
  // Most member enterprises have a Party organisation (the "N" of 1+X+N); every lead has a committee.
  await timed(
    ctx,
    'party organisations',
    `INSERT INTO party_organizations (tenant_id, organization_id, type, name, secretary, member_count, founded_on)
     SELECT $1, e.id, p.type::party_organization_type,
            e.name || CASE p.type WHEN 'committee' THEN '党委' WHEN 'general_branch' THEN '党总支' ELSE '党支部' END,
            pg_temp.person(e.i * 3 + 2),
            CASE p.type WHEN 'committee' THEN 40 + e.i % 80 WHEN 'general_branch' THEN 20 + e.i % 30 ELSE 3 + e.i % 22 END,
            DATE '2005-01-01' + floor(pg_temp.u(e.i, 107) * 6500)::int
       FROM bench_enterprise e
      CROSS JOIN LATERAL (SELECT CASE WHEN e.is_lead THEN 'committee' WHEN pg_temp.u(e.i, 108) < 0.1 THEN 'general_branch' ELSE 'branch' END AS type) p
      WHERE e.is_lead OR pg_temp.u(e.i, 109) < 0.88`,
    [t],
  );
  await seedEnterpriseMemberships(ctx);
}

/**
 * Each generated enterprise joins its industry's alliance soon after the alliance was founded (5 %
 * joined in the last half year, 2 % have left again); 8 % also joined a second alliance.
 */
async function seedEnterpriseMemberships(ctx: SeedContext): Promise<void> {
  const alliances = await count(ctx, 'SELECT count(*) AS n FROM bench_alliance');
  await timed(
    ctx,
    'enterprise memberships',
    `WITH primary_membership AS (
       SELECT e.i, e.id, a.id AS alliance_id, CASE WHEN e.is_lead THEN 'lead' ELSE 'member' END AS role,
              CASE WHEN NOT e.is_lead AND pg_temp.u(e.i, 110) < 0.05 THEN $2::date - floor(pg_temp.u(e.i, 111) * 180)::int
                   ELSE a.founded + floor(pg_temp.u(e.i, 111) * 60)::int END AS joined_on
         FROM bench_enterprise e JOIN bench_alliance a ON a.k = e.k
     ), second_membership AS (
       SELECT e.i, e.id, a.id AS alliance_id, 'member' AS role, a.founded + floor(pg_temp.u(e.i, 116) * 90)::int AS joined_on
         FROM bench_enterprise e JOIN bench_alliance a ON a.k = (e.k + 1 + floor(pg_temp.u(e.i, 115) * ($3 - 1))::int) % $3
        WHERE pg_temp.u(e.i, 114) < 0.08
     )
     INSERT INTO alliance_memberships (tenant_id, alliance_id, organization_id, role, joined_on, left_on, leave_reason)
     SELECT $1, m.alliance_id, m.id, m.role::alliance_role, m.joined_on, l.left_on, CASE WHEN l.left_on IS NOT NULL THEN '企业转型，退出联盟' END
       FROM (SELECT * FROM primary_membership UNION ALL SELECT * FROM second_membership) m
      CROSS JOIN LATERAL (
        SELECT CASE WHEN m.role = 'member' AND pg_temp.u(m.i, 112) < 0.02 AND m.joined_on < $2::date - 400
                    THEN m.joined_on + 200 + floor(pg_temp.u(m.i, 113) * 200)::int END AS left_on) l
      ORDER BY m.i`,
    [ctx.tenantId, localDate(ctx.now), alliances],
  );
}

/** The catalogue and routing rules of every alliance that has none yet, as the demo seed gives the smart equipment alliance. */
export async function seedCatalogue(ctx: SeedContext): Promise<void> {
  const t = ctx.tenantId;
  await timed(
    ctx,
    'service categories',
    `INSERT INTO service_categories (tenant_id, alliance_id, code, name, provider_organization_id, accept_within, accept_unit, resolve_within, resolve_unit)
     SELECT $1, a.id, c.code::service_category_code, c.name,
            CASE WHEN c.code = 'project_application' THEN coalesce(lead.organization_id, fallback.id) ELSE coalesce(p.id, fallback.id) END,
            c.accept_within, c.accept_unit, c.resolve_within, c.resolve_unit
       FROM bench_alliance a
      CROSS JOIN unnest($2::text[], $3::text[], $4::int[], $5::text[], $6::int[], $7::text[]) AS c(code, name, accept_within, accept_unit, resolve_within, resolve_unit)
       JOIN organizations fallback ON fallback.tenant_id = $1 AND fallback.name = '${ECONOMIC_OFFICE}'
       LEFT JOIN organizations p ON p.tenant_id = $1 AND p.name = $8::jsonb -> c.code ->> a.k
       LEFT JOIN alliance_memberships lead ON lead.alliance_id = a.id AND lead.role = 'lead' AND lead.left_on IS NULL
      WHERE NOT EXISTS (SELECT 1 FROM service_categories s WHERE s.alliance_id = a.id)
     ON CONFLICT (alliance_id, code) DO NOTHING`,
    [
      t,
      CATEGORIES.map((c) => c.code),
      CATEGORIES.map((c) => c.name),
      CATEGORIES.map((c) => c.accept[0]),
      CATEGORIES.map((c) => c.accept[1]),
      CATEGORIES.map((c) => c.resolve[0]),
      CATEGORIES.map((c) => c.resolve[1]),
      JSON.stringify(PROVIDERS),
    ],
  );
  await timed(
    ctx,
    'routing rules',
    `INSERT INTO routing_rules (tenant_id, alliance_id, priority, keywords, target_organization_id)
     SELECT $1, a.id, r.priority, string_to_array(r.keywords, ','), c.provider_organization_id
       FROM bench_alliance a CROSS JOIN unnest($2::int[], $3::text[], $4::text[]) AS r(priority, keywords, code)
       JOIN service_categories c ON c.alliance_id = a.id AND c.code = r.code::service_category_code
      WHERE NOT EXISTS (SELECT 1 FROM routing_rules x WHERE x.alliance_id = a.id)`,
    [t, RULES.map((r) => r.priority), RULES.map((r) => r.keywords.join(',')), RULES.map((r) => r.code)],
  );
}

/** Departments join most alliances as X, and always the alliances whose requests they serve. */
export async function seedDepartmentMemberships(ctx: SeedContext): Promise<void> {
  await timed(
    ctx,
    'department memberships',
    `INSERT INTO alliance_memberships (tenant_id, alliance_id, organization_id, role, joined_on)
     SELECT $1, a.id, d.id, 'department', a.founded
       FROM (SELECT id, row_number() OVER (ORDER BY name) AS r FROM organizations WHERE tenant_id = $1 AND kind = 'department') d
      CROSS JOIN bench_alliance a
      WHERE NOT EXISTS (SELECT 1 FROM alliance_memberships m WHERE m.alliance_id = a.id AND m.organization_id = d.id AND m.left_on IS NULL)
        AND (pg_temp.u(d.r * 16 + a.k, 120) < 0.7
             OR EXISTS (SELECT 1 FROM service_categories c WHERE c.alliance_id = a.id AND c.provider_organization_id = d.id))`,
    [ctx.tenantId],
  );
}

/** The tenant's local calendar date (Asia/Shanghai, the demo tenant's zone) of an instant. */
export function localDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);
}
