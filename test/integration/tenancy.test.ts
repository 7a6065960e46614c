import { Client } from 'pg';
import { Http } from '../support/http';
import { createOtherTenant, idOf } from '../support/tenants';
import { startTestApp, TestApp } from '../support/test-app';

const TENANT_TABLES = [
  'organizations',
  'party_organizations',
  'alliances',
  'alliance_memberships',
  'transfer_jobs',
  'audit_log',
  'users',
  'tenants',
  'refresh_tokens',
  'outbox_events',
  'notification_events',
  'notifications',
  'notification_deliveries',
  'notification_preferences',
  'notification_settings',
  'group_robots',
  'service_categories',
  'routing_rules',
  'service_requests',
  'service_request_events',
  'service_request_attachments',
  'working_day_overrides',
  'follow_up_tasks',
  'tenant_counters',
  'venues',
  'venue_zones',
  'room_reservations',
  'meeting_series',
  'meetings',
  'meeting_participants',
  'calendar_feeds',
  'action_items',
  'action_item_updates',
  'agenda_items',
  'meeting_attendance',
  'meeting_minutes',
  'minutes_comments',
  'experts',
  'expert_declarations',
  'research_reports',
  'report_authors',
  'report_versions',
  'review_criteria',
  'review_rounds',
  'review_assignments',
  'venue_bookings',
  'venue_photos',
  'study_sites',
  'study_site_photos',
  'study_bookings',
  'study_site_visits',
  'pairing_pairs',
  'pairing_visits',
  'pairing_visit_problems',
  'listings',
  'talents',
  'listing_interests',
  'listing_interest_messages',
  'project_calls',
  'project_applications',
  'project_application_notes',
  'typical_cases',
  'typical_case_photos',
  'alliance_showcases',
  'indicator_rounds',
  'indicator_submissions',
  'service_request_daily_figures',
  'service_request_figure_changes',
  'service_request_monthly_department_figures',
  'service_request_monthly_category_figures',
  'service_request_daily_statuses',
  'meeting_daily_figures',
  'meeting_figure_changes',
  'alliance_member_figures',
  'alliance_member_figure_changes',
  'organization_figure_changes',
];

describe('tenant isolation', () => {
  let app: TestApp;
  let http: Http;
  let other: Awaited<ReturnType<typeof createOtherTenant>>;
  let anhaiOfficial: string;
  let otherOfficial: string;

  beforeAll(async () => {
    app = await startTestApp();
    http = new Http(app.api);
    other = await createOtherTenant(app.db.admin);
    anhaiOfficial = await http.token('official@anhai.demo');
    otherOfficial = await http.token(other.email);
  });
  afterAll(() => app.close());

  it('answers 404 for another tenant’s ids, as if they did not exist', async () => {
    const anhaiOrg = await idOf(app.db.admin, 'organizations', '晋工机械');
    const anhaiAlliance = await idOf(app.db.admin, 'alliances', '安海镇智能装备制造产业集群党建联盟');
    for (const url of [
      `/api/v1/organizations/${anhaiOrg}`,
      `/api/v1/alliances/${anhaiAlliance}`,
      `/api/v1/alliances/${anhaiAlliance}/members`,
    ]) {
      const reply = await http.get(url, { token: otherOfficial });
      expect({ url, status: reply.status, code: reply.body.code }).toEqual({ url, status: 404, code: 'NOT_FOUND' });
    }
    const patch = await http.patch(`/api/v1/organizations/${anhaiOrg}`, { name: '被篡改' }, { token: otherOfficial });
    expect(patch.status).toBe(404);
    const join = await http.post(
      `/api/v1/alliances/${other.allianceId}/members`,
      { organizationId: anhaiOrg, role: 'member' },
      { token: otherOfficial },
    );
    expect(join.status).toBe(404);
    const { rows } = await app.db.admin.query('SELECT name FROM organizations WHERE id = $1', [anhaiOrg]);
    expect(rows[0].name).toBe('晋工机械');
  });

  it('lists only the tenant’s own rows', async () => {
    const mine = await http.get('/api/v1/organizations?limit=100', { token: otherOfficial });
    expect(mine.body.items.map((o: { name: string }) => o.name)).toEqual(['东石精密']);
    const alliances = await http.get('/api/v1/alliances', { token: otherOfficial });
    expect(alliances.body.items.map((a: { name: string }) => a.name)).toEqual(['东石联盟']);
    const users = await http.get('/api/v1/users', { token: anhaiOfficial });
    expect(users.body.items.map((u: { email: string }) => u.email)).not.toContain(other.email);
    expect(users.body.items.map((u: { email: string }) => u.email)).not.toContain('platform@lianmeng.demo');
  });

  it('keeps an audit trail per tenant', async () => {
    const audit = await http.get('/api/v1/audit-log?limit=100', { token: otherOfficial });
    expect(audit.status).toBe(200);
    expect(
      audit.body.items.every(
        (e: { entityType: string; after: { name?: string } | null }) => e.after?.name !== '晋工机械',
      ),
    ).toBe(true);
  });

  describe('row-level security, with the application’s own filters out of the way', () => {
    let appDb: Client;

    beforeAll(async () => {
      appDb = new Client({ connectionString: app.db.appUrl });
      await appDb.connect();
    });
    afterAll(() => appDb.end());

    it('connects as a role that owns nothing and cannot bypass RLS', async () => {
      const { rows } = await appDb.query(`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`);
      expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
      const owned = await appDb.query(
        `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`,
      );
      expect(owned.rows[0].n).toBe(0);
    });

    it('forces RLS on every tenant table', async () => {
      const { rows } = await app.db.admin.query(
        `SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = ANY($1) ORDER BY relname`,
        [TENANT_TABLES],
      );
      expect(rows).toHaveLength(TENANT_TABLES.length);
      for (const row of rows) expect(row).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
    });

    it('sees no tenant rows when no tenant is set', async () => {
      for (const table of ['organizations', 'alliances', 'alliance_memberships', 'users', 'audit_log', 'tenants']) {
        const { rows } = await appDb.query(`SELECT count(*)::int AS n FROM ${table}`);
        expect({ table, n: rows[0].n }).toEqual({ table, n: 0 });
      }
    });

    it('applies the same row-level security through the directory views other modules read', async () => {
      // Every view, not a list: a module's exported view without security_invoker would read as its owner, past RLS.
      const { rows: views } = await app.db.admin.query(
        `SELECT c.relname AS view, coalesce('security_invoker=true' = ANY(c.reloptions), false) AS invoker
           FROM pg_class c WHERE c.relkind = 'v' AND c.relnamespace = 'public'::regnamespace ORDER BY 1`,
      );
      expect(views.map((v: { view: string }) => v.view)).toEqual(
        expect.arrayContaining(['people_directory', 'meeting_directory', 'service_request_directory']),
      );
      for (const { view, invoker } of views as { view: string; invoker: boolean }[]) {
        const { rows } = await appDb.query(`SELECT count(*)::int AS n FROM ${view}`);
        expect({ view, invoker, n: rows[0].n }).toEqual({ view, invoker: true, n: 0 });
      }
      await appDb.query('BEGIN');
      try {
        await appDb.query(`SELECT set_config('app.tenant_id', $1, true)`, [other.tenantId]);
        const { rows: organizations } = await appDb.query('SELECT name FROM organization_directory');
        expect(organizations.map((r) => r.name)).toEqual(['东石精密']);
        const { rows: people } = await appDb.query('SELECT DISTINCT tenant_id FROM people_directory');
        expect(people).toEqual([{ tenant_id: other.tenantId }]);
      } finally {
        await appDb.query('ROLLBACK');
      }
    });

    it('sees only the tenant that is set, and cannot write into another', async () => {
      await appDb.query('BEGIN');
      try {
        await appDb.query(`SELECT set_config('app.tenant_id', $1, true)`, [other.tenantId]);
        const { rows } = await appDb.query('SELECT name FROM organizations');
        expect(rows.map((r) => r.name)).toEqual(['东石精密']);
        const {
          rows: [anhai],
        } = await app.db.admin.query(`SELECT id FROM tenants WHERE slug = 'anhai'`);
        await expect(
          appDb.query(`INSERT INTO organizations (tenant_id, name, kind) VALUES ($1, '越界企业', 'enterprise')`, [
            anhai.id,
          ]),
        ).rejects.toThrow(/row-level security/);
      } finally {
        await appDb.query('ROLLBACK');
      }
      await appDb.query('BEGIN');
      try {
        await appDb.query(`SELECT set_config('app.tenant_id', $1, true)`, [other.tenantId]);
        const updated = await appDb.query(`UPDATE organizations SET name = 'x' WHERE name = '晋工机械'`);
        expect(updated.rowCount).toBe(0);
      } finally {
        await appDb.query('ROLLBACK');
      }
    });

    it('forgets the tenant at the end of each transaction', async () => {
      await appDb.query('BEGIN');
      await appDb.query(`SELECT set_config('app.tenant_id', $1, true)`, [other.tenantId]);
      await appDb.query('COMMIT');
      const { rows } = await appDb.query('SELECT count(*)::int AS n FROM organizations');
      expect(rows[0].n).toBe(0);
    });
  });
});

describe('organisation scoping within a tenant', () => {
  let app: TestApp;
  let http: Http;

  beforeAll(async () => {
    app = await startTestApp();
    http = new Http(app.api);
  });
  afterAll(() => app.close());

  it('shows an enterprise contact its own private details and no one else’s', async () => {
    const token = await http.token('jingong@anhai.demo');
    const own = await http.get(`/api/v1/organizations/${await idOf(app.db.admin, 'organizations', '晋工机械')}`, {
      token,
    });
    expect(own.body.contacts).toEqual([expect.objectContaining({ name: '王志强' })]);
    expect(own.body.unifiedCode).toBe('91350582MA2XJG0001');
    const otherOrg = await http.get(`/api/v1/organizations/${await idOf(app.db.admin, 'organizations', '兴翼机械')}`, {
      token,
    });
    expect(otherOrg.status).toBe(200);
    expect(otherOrg.body.contacts).toEqual([]);
    expect(otherOrg.body.unifiedCode).toBeNull();
    const list = await http.get('/api/v1/organizations?limit=100', { token });
    const others = list.body.items.filter((o: { name: string }) => o.name !== '晋工机械');
    expect(others.every((o: { contacts: unknown[] }) => o.contacts.length === 0)).toBe(true);
  });

  it('lets an enterprise contact edit its own organisation only', async () => {
    const token = await http.token('xingyi@anhai.demo');
    const xingyi = await idOf(app.db.admin, 'organizations', '兴翼机械');
    const own = await http.patch(`/api/v1/organizations/${xingyi}`, { address: '安海镇前埔工业区' }, { token });
    expect(own.status).toBe(200);
    expect(own.body.address).toBe('安海镇前埔工业区');
    const otherOrg = await http.patch(
      `/api/v1/organizations/${await idOf(app.db.admin, 'organizations', '晋工机械')}`,
      { address: 'x' },
      { token },
    );
    expect(otherOrg.status).toBe(404);
  });

  it('refuses roles that may not act, with 403', async () => {
    const contact = await http.token('xingyi@anhai.demo');
    expect(
      (await http.post('/api/v1/organizations', { name: '新企业', kind: 'enterprise' }, { token: contact })).status,
    ).toBe(403);
    expect((await http.get('/api/v1/users', { token: contact })).status).toBe(403);
    expect((await http.get('/api/v1/audit-log', { token: await http.token('dept@anhai.demo') })).status).toBe(403);
    expect((await http.get('/api/v1/tenants', { token: await http.token('official@anhai.demo') })).status).toBe(403);
    expect((await http.get('/api/v1/alliances', { token: await http.token('platform@lianmeng.demo') })).status).toBe(
      403,
    );
  });
});
