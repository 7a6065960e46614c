import { count, SeedContext, sqlArray, timed } from './seed-context';
import { ECONOMIC_OFFICE } from './registry-seed';
import { EXPERT_AFFILIATIONS, EXPERT_FIELDS } from './vocabulary';

/** Generated people sign in as <role><number>@bench.anhai.demo with the demo password. */
export const BENCH_EMAIL_DOMAIN = 'bench.anhai.demo';

/**
 * Users up to `users` in the tenant: a few officials and experts, staff in every department (the
 * economic development office, dept@anhai.demo's, the most), and the rest enterprise contacts,
 * spread so every enterprise has at least one active contact before any has two.
 */
export async function seedUsers(ctx: SeedContext, users: number, passwordHash: string): Promise<void> {
  const t = ctx.tenantId;
  const { rows } = await ctx.db.query<{ role: string; n: string }>(
    'SELECT role, count(*) AS n FROM users WHERE tenant_id = $1 GROUP BY role',
    [t],
  );
  const have = (role: string) => Number(rows.find((r) => r.role === role)?.n ?? 0);
  const total = rows.reduce((sum, r) => sum + Number(r.n), 0);

  const officials = Math.max(0, Math.max(2, Math.round(users * 0.0006)) - have('township_admin'));
  const experts = Math.max(0, Math.max(3, Math.round(users * 0.0015)) - have('expert'));
  const staff = await allocateStaff(ctx, Math.round(users * 0.02));
  const contacts = Math.max(0, users - total - officials - experts - staff.counts.reduce((a, b) => a + b, 0));

  await timed(
    ctx,
    'officials',
    `INSERT INTO users (tenant_id, email, mobile, display_name, role, status, password_hash, is_leader, created_at, updated_at)
     SELECT $1, 'official' || lpad((n + $3)::text, 3, '0') || '@${BENCH_EMAIL_DOMAIN}', '136' || lpad((n + $3)::text, 8, '0'),
            pg_temp.person(n * 11 + 3), 'township_admin', 'active', $4, n <= 2, $5::timestamptz - interval '900 days', $5::timestamptz - interval '900 days'
       FROM generate_series(1, $2) AS n
     ON CONFLICT (email) DO NOTHING`,
    [t, officials, have('township_admin'), passwordHash, ctx.now],
  );
  await timed(
    ctx,
    'experts',
    `WITH added AS (
       INSERT INTO users (tenant_id, email, mobile, display_name, role, status, password_hash, created_at, updated_at)
       SELECT $1, 'expert' || lpad((n + $3)::text, 3, '0') || '@${BENCH_EMAIL_DOMAIN}', '137' || lpad((n + $3)::text, 8, '0'),
              pg_temp.person(n * 13 + 5), 'expert', 'active', $4, $5::timestamptz - interval '700 days', $5::timestamptz - interval '700 days'
         FROM generate_series(1, $2) AS n
       ON CONFLICT (email) DO NOTHING RETURNING id, email
     )
     INSERT INTO experts (tenant_id, user_id, fields, affiliation_external, title)
     SELECT $1, a.id, ARRAY[f[1 + h % cardinality(f)], f[1 + (h + 3) % cardinality(f)]], x[1 + h % cardinality(x)], CASE WHEN h % 3 = 0 THEN '高级工程师' ELSE '教授' END
       FROM added a CROSS JOIN LATERAL (SELECT abs(hashtext(a.email)) AS h, ${sqlArray(EXPERT_FIELDS)} AS f, ${sqlArray(EXPERT_AFFILIATIONS)} AS x) v`,
    [t, experts, have('expert'), passwordHash, ctx.now],
  );
  await timed(
    ctx,
    'department staff',
    `INSERT INTO users (tenant_id, email, mobile, display_name, role, organization_id, status, password_hash, is_leader, created_at, updated_at)
     SELECT $1, 'staff' || lpad((x.first + n)::text, 5, '0') || '@${BENCH_EMAIL_DOMAIN}', '138' || lpad((x.first + n)::text, 8, '0'),
            pg_temp.person((x.first + n) * 17 + 7), 'department_staff', x.org, 'active', $5, n = 1 AND NOT x.has_leader,
            $6::timestamptz - make_interval(days => 100 + (x.first + n) % 800), $6::timestamptz - make_interval(days => 100 + (x.first + n) % 800)
       FROM unnest($2::uuid[], $3::int[], $4::bool[], $7::int[]) AS x(org, cnt, has_leader, first)
      CROSS JOIN LATERAL generate_series(1, x.cnt) AS n
     ON CONFLICT (email) DO NOTHING`,
    [t, staff.organizations, staff.counts, staff.hasLeader, passwordHash, ctx.now, staff.firstNumbers],
  );
  // Contact n serves enterprise n mod E (by name); about 1.5 % are still invited and 1 % disabled,
  // never an enterprise's first contact, so every enterprise has someone to submit and be named.
  await timed(
    ctx,
    'enterprise contacts',
    `WITH e AS (SELECT id, created_at, (row_number() OVER (ORDER BY name) - 1)::int AS r
                  FROM organizations WHERE tenant_id = $1 AND kind = 'enterprise'),
          g AS (SELECT n, CASE WHEN n < $6 THEN 'active' WHEN n % 67 = 5 THEN 'invited' WHEN n % 101 = 7 THEN 'disabled' ELSE 'active' END AS status
                  FROM generate_series(0, $2 - 1) AS n)
     INSERT INTO users (tenant_id, email, mobile, display_name, role, organization_id, status, password_hash,
                        invitation_token_hash, invitation_expires_at, created_at, updated_at)
     SELECT $1, c.email, '139' || lpad((g.n + $3)::text, 8, '0'), pg_temp.person((g.n + $3) * 7 + 1), 'enterprise_contact', e.id,
            g.status::user_status, CASE WHEN g.status <> 'invited' THEN $4 END,
            CASE WHEN g.status = 'invited' THEN encode(sha256(convert_to('bench-invitation:' || c.email, 'UTF8')), 'hex') END,
            CASE WHEN g.status = 'invited' THEN $5::timestamptz + interval '7 days' END,
            least($5::timestamptz, e.created_at + make_interval(days => (g.n / $6)::int * 90 + g.n % 30)),
            least($5::timestamptz, e.created_at + make_interval(days => (g.n / $6)::int * 90 + g.n % 30))
       FROM g JOIN e ON e.r = g.n % $6
      CROSS JOIN LATERAL (SELECT 'contact' || lpad((g.n + $3)::text, 5, '0') || '@${BENCH_EMAIL_DOMAIN}' AS email) c
      ORDER BY g.n
     ON CONFLICT (email) DO NOTHING`,
    [
      t,
      contacts,
      await generatedCount(ctx, 'contact'),
      passwordHash,
      ctx.now,
      await count(ctx, `SELECT count(*) AS n FROM organizations WHERE tenant_id = $1 AND kind = 'enterprise'`, [t]),
    ],
  );
}

interface StaffPlan {
  organizations: string[];
  counts: number[];
  hasLeader: boolean[];
  firstNumbers: number[];
}

/**
 * How many staff each department gets: about 1/16 of all department staff work in the economic
 * development office, which serves policy, export and other requests; the rest share evenly.
 */
async function allocateStaff(ctx: SeedContext, target: number): Promise<StaffPlan> {
  const { rows } = await ctx.db.query<{ id: string; name: string; have: string; has_leader: boolean }>(
    `SELECT o.id, o.name, count(u.id) AS have, coalesce(bool_or(u.is_leader), false) AS has_leader
       FROM organizations o LEFT JOIN users u ON u.organization_id = o.id AND u.role = 'department_staff'
      WHERE o.tenant_id = $1 AND o.kind = 'department' GROUP BY o.id, o.name ORDER BY o.name`,
    [ctx.tenantId],
  );
  const economic = Math.max(3, Math.round(target / 16));
  const others = rows.length > 1 ? (target - economic) / (rows.length - 1) : 0;
  let next = await generatedCount(ctx, 'staff');
  const plan: StaffPlan = { organizations: [], counts: [], hasLeader: [], firstNumbers: [] };
  rows.forEach((row, i) => {
    const want = row.name === ECONOMIC_OFFICE ? economic : Math.round(others * (i + 1)) - Math.round(others * i);
    const add = Math.max(0, want - Number(row.have));
    if (add === 0) return;
    plan.organizations.push(row.id);
    plan.counts.push(add);
    plan.hasLeader.push(row.has_leader);
    plan.firstNumbers.push(next);
    next += add;
  });
  return plan;
}

/** How many users of a kind an earlier run generated, so a rerun numbers new ones after them. */
async function generatedCount(ctx: SeedContext, prefix: string): Promise<number> {
  const { rows } = await ctx.db.query<{ n: string }>(
    `SELECT count(*) AS n FROM users WHERE tenant_id = $1 AND email LIKE $2`,
    [ctx.tenantId, `${prefix}%@${BENCH_EMAIL_DOMAIN}`],
  );
  return Number(rows[0].n);
}
