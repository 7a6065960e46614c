import * as argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import { routePermissions, type RoutePermission } from '../../src/platform/auth/route-permissions';
import { DEMO_PASSWORD, Http } from '../support/http';
import { createOtherTenant } from '../support/tenants';
import { startTestApp, type TestApp } from '../support/test-app';

/** The table whose rows a path's `:id` names, by the route's first segments. */
const TABLE_OF_ID: [prefix: string, table: string][] = [
  ['/think-tank/reports', 'research_reports'],
  ['/think-tank/reviews', 'review_assignments'],
  ['/think-tank/experts', 'experts'],
  ['/study-route/sites', 'study_sites'],
  ['/study-route/bookings', 'study_bookings'],
  ['/pairing/pairs', 'pairing_pairs'],
  ['/pairing-visits', 'pairing_visits'],
  ['/notification-settings/robots', 'group_robots'],
  ['/admin/notification-deliveries', 'notification_deliveries'],
  ['/action-items', 'action_items'],
  ['/alliances', 'alliances'],
  ['/organizations', 'organizations'],
  ['/users', 'users'],
  ['/service-requests', 'service_requests'],
  ['/meetings', 'meetings'],
  ['/venues', 'venues'],
  ['/venue-bookings', 'venue_bookings'],
  ['/listings', 'listings'],
  ['/listing-interests', 'listing_interests'],
  ['/project-calls', 'project_calls'],
  ['/project-applications', 'project_applications'],
  ['/typical-cases', 'typical_cases'],
  ['/indicator-rounds', 'indicator_rounds'],
  ['/jobs', 'transfer_jobs'],
  ['/notifications', 'notifications'],
];
/** The table of other path parameters, by name. */
const TABLE_OF_PARAM: Record<string, string> = {
  allianceId: 'alliances',
  zoneId: 'venue_zones',
  versionId: 'report_versions',
  attachmentId: 'service_request_attachments',
  ruleId: 'routing_rules',
  categoryId: 'service_categories',
  membershipId: 'alliance_memberships',
  itemId: 'agenda_items',
};

type Persona = { name: string; role: string | null; tenant: 'anhai' | 'other' | null; token?: string };

describe('the authorisation matrix: every route × every role × own tenant / other tenant, over HTTP', () => {
  let app: TestApp;
  let http: Http;
  let routes: RoutePermission[];
  const personas: Persona[] = [];
  let anhaiTenant: string;
  const idsByTable = new Map<string, string>();

  beforeAll(async () => {
    app = await startTestApp({ worker: false });
    http = new Http(app.api);
    routes = routePermissions(app.api).filter((r) => !r.route.startsWith('GET /health') && !r.route.includes('/auth/'));
    const other = await createOtherTenant(app.db.admin);
    const hash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2 });
    const {
      rows: [dept],
    } = await app.db.admin.query(
      `INSERT INTO organizations (tenant_id, name, kind) VALUES ($1, '东石镇经济发展办', 'department') RETURNING id`,
      [other.tenantId],
    );
    for (const [email, role, org] of [
      ['dept@dongshi.demo', 'department_staff', dept.id],
      ['contact@dongshi.demo', 'enterprise_contact', other.organizationId],
      ['expert@dongshi.demo', 'expert', null],
    ]) {
      await app.db.admin.query(
        `INSERT INTO users (tenant_id, email, display_name, role, organization_id, status, password_hash) VALUES ($1, $2, $2, $3, $4, 'active', $5)`,
        [other.tenantId, email, role, org, hash],
      );
    }
    personas.push(
      { name: 'anonymous', role: null, tenant: null },
      {
        name: 'platform admin',
        role: 'platform_admin',
        tenant: null,
        token: await http.token('platform@lianmeng.demo'),
      },
      { name: 'official', role: 'township_admin', tenant: 'anhai', token: await http.token('official@anhai.demo') },
      { name: 'department', role: 'department_staff', tenant: 'anhai', token: await http.token('dept@anhai.demo') },
      { name: 'enterprise', role: 'enterprise_contact', tenant: 'anhai', token: await http.token('xingyi@anhai.demo') },
      { name: 'expert', role: 'expert', tenant: 'anhai', token: await http.token('expert@anhai.demo') },
      { name: 'other official', role: 'township_admin', tenant: 'other', token: await http.token(other.email) },
      {
        name: 'other department',
        role: 'department_staff',
        tenant: 'other',
        token: await http.token('dept@dongshi.demo'),
      },
      {
        name: 'other enterprise',
        role: 'enterprise_contact',
        tenant: 'other',
        token: await http.token('contact@dongshi.demo'),
      },
      { name: 'other expert', role: 'expert', tenant: 'other', token: await http.token('expert@dongshi.demo') },
    );
    anhaiTenant = (await app.db.admin.query(`SELECT id FROM tenants WHERE slug = 'anhai'`)).rows[0].id;
    const tables = new Set([...TABLE_OF_ID.map(([, t]) => t), ...Object.values(TABLE_OF_PARAM)]);
    for (const table of tables) {
      const { rows } = await app.db.admin
        .query(`SELECT id FROM ${table} WHERE tenant_id = $1 ORDER BY created_at LIMIT 1`, [anhaiTenant])
        .catch(() => ({ rows: [] }));
      if (rows[0]) idsByTable.set(table, rows[0].id);
    }
  }, 120_000);
  afterAll(() => app.close());

  /** The route's path with every parameter replaced by a real id of the Anhai township where one exists. */
  const pathOf = (route: string): string => {
    const path = route.slice(route.indexOf(' ') + 1);
    const idTable = TABLE_OF_ID.find(([prefix]) => path.startsWith(`${prefix}/:id`))?.[1];
    return `/api/v1${path.replace(/:(\w+)/g, (_, name: string) => {
      if (name === 'id') return (idTable && idsByTable.get(idTable)) ?? randomUUID();
      if (TABLE_OF_PARAM[name]) return idsByTable.get(TABLE_OF_PARAM[name]) ?? randomUUID();
      return name === 'index' ? '0' : name === 'date' ? '2026-12-01' : 'x';
    })}`;
  };
  const call = (route: string, persona: Persona) => {
    const method = route.slice(0, route.indexOf(' '));
    const url = pathOf(route);
    return app.api.inject({
      method: method as 'GET',
      url,
      headers: {
        ...(persona.token && { authorization: `Bearer ${persona.token}` }),
        ...(method !== 'GET' && method !== 'DELETE' && { 'content-type': 'application/json' }),
      },
      ...(method !== 'GET' && method !== 'DELETE' && { payload: '{}' }),
    });
  };

  it('gives each role exactly the access its route declares, and no one else a way past the guard', async () => {
    const cells: string[] = [];
    const wrong: string[] = [];
    const anhaiChanges = async () =>
      (
        await app.db.admin.query(
          `SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND action <> 'refused'`,
          [anhaiTenant],
        )
      ).rows[0].n;
    const before = await anhaiChanges();
    // Other townships first: they must change nothing of Anhai's, which the audit log proves.
    const order = [...personas].sort((a, b) => (a.tenant === 'other' ? -1 : 0) - (b.tenant === 'other' ? -1 : 0));
    for (const persona of order) {
      if (persona.tenant !== 'other' && order[order.indexOf(persona) - 1]?.tenant === 'other')
        expect(await anhaiChanges()).toBe(before);
      for (const { route, access } of routes) {
        if (
          access === 'public' ||
          route.includes('/logout') ||
          route.startsWith('POST /me') ||
          route.startsWith('PATCH /me')
        )
          continue;
        const allowed = access !== 'nobody' && persona.role !== null && access.includes(persona.role as never);
        const reply = await call(route, persona);
        const status = reply.statusCode;
        cells.push(`${route} ${persona.name} ${status}`);
        const body = reply.headers['content-type']?.toString().includes('json') ? reply.json() : null;
        const problem =
          status >= 500
            ? 'a server error'
            : persona.role === null
              ? status !== 401 && 'not 401 for anonymous'
              : !allowed
                ? status !== 403 && 'not 403 for a role the route does not declare'
                : status === 401 || status === 403
                  ? persona.tenant === 'other' && status === 403
                    ? false
                    : status === 401 && 'refused a declared role as unauthenticated'
                  : persona.tenant === 'other' &&
                    route.includes(':') &&
                    idUsed(route) &&
                    status < 300 &&
                    `reached another township's ${route}`;
        if (problem)
          wrong.push(`${route} as ${persona.name}: ${status} (${problem}) ${JSON.stringify(body)?.slice(0, 120)}`);
        if (body && status >= 400)
          expect(body).toEqual(
            expect.objectContaining({ statusCode: status, code: expect.any(String), requestId: expect.any(String) }),
          );
      }
    }
    expect(wrong).toEqual([]);
    expect(cells.length).toBeGreaterThan(routes.length * 8);

    // Every refusal of a signed-in Anhai user is in Anhai's audit log, with the route and the role.
    const refusedOfAnhai = cells.filter(
      (c) => / (official|department|enterprise|expert) 403$/.test(c) && !/ other /.test(c),
    ).length;
    const { rows } = await app.db.admin.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND action = 'refused'`,
      [anhaiTenant],
    );
    expect(rows[0].n).toBe(refusedOfAnhai);
    const {
      rows: [sample],
    } = await app.db.admin.query(
      `SELECT actor_user_id, entity_type, after FROM audit_log WHERE tenant_id = $1 AND action = 'refused' LIMIT 1`,
      [anhaiTenant],
    );
    expect(sample).toMatchObject({
      entity_type: 'route',
      after: { method: expect.any(String), route: expect.stringMatching(/^\/api\/v1\//), role: expect.any(String) },
    });
    console.log(
      `authorisation matrix: ${cells.length} cells checked over ${routes.length} routes and ${personas.length} personas`,
    );
  }, 600_000);

  /** Whether the path names one of Anhai's rows (so another township reaching it would be a leak). */
  const idUsed = (route: string) => {
    const path = route.slice(route.indexOf(' ') + 1);
    return (
      TABLE_OF_ID.some(([prefix, table]) => path.startsWith(`${prefix}/:id`) && idsByTable.has(table)) ||
      Object.keys(TABLE_OF_PARAM).some((p) => path.includes(`:${p}`))
    );
  };
});
