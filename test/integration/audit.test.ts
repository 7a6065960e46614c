import { Client } from 'pg';
import { Http } from '../support/http';
import { createOtherTenant, idOf } from '../support/tenants';
import { startTestApp, TestApp } from '../support/test-app';

describe('audit log', () => {
  let app: TestApp;
  let http: Http;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp();
    http = new Http(app.api);
    token = await http.token('official@anhai.demo');
  });
  afterAll(() => app.close());

  it('records who changed what, with before and after', async () => {
    const id = await idOf(app.db.admin, 'organizations', '兴翼机械');
    await http.patch(`/api/v1/organizations/${id}`, { industry: '智能控制系统' }, { token, headers: { 'x-request-id': 'audit-test-1' } });
    const log = await http.get(`/api/v1/audit-log?entityType=organizations&entityId=${id}`, { token });
    expect(log.status).toBe(200);
    const [latest] = log.body.items;
    expect(latest).toMatchObject({
      action: 'update',
      entityType: 'organizations',
      entityId: id,
      actor: { displayName: '林镇长' },
      before: { industry: '智能装备制造' },
      after: { industry: '智能控制系统' },
    });
    const { rows } = await app.db.admin.query(`SELECT request_id FROM audit_log WHERE id = $1`, [latest.id]);
    expect(rows[0].request_id).toBe('audit-test-1');
  });

  it('never copies password hashes or tokens, and ignores sign-in bookkeeping', async () => {
    await http.post('/api/v1/auth/login', { email: 'xingyi@anhai.demo', password: 'wrong password' });
    await http.post('/api/v1/users/invitations', { email: 'audit.person@anhai.demo', displayName: '审计测试', role: 'expert' }, { token });
    const { rows } = await app.db.admin.query(`SELECT before, after FROM audit_log WHERE entity_type = 'users'`);
    const text = JSON.stringify(rows);
    expect(text).not.toContain('argon2');
    expect(text).not.toContain('password_hash');
    expect(text).not.toContain('invitation_token_hash');
    expect(text).toContain('audit.person@anhai.demo');
    expect(text).not.toContain('failed_login_count');
  });

  it('cannot be changed or deleted, not even by the application’s database role', async () => {
    const appDb = new Client({ connectionString: app.db.appUrl });
    await appDb.connect();
    try {
      const { rows: [tenant] } = await app.db.admin.query(`SELECT id FROM tenants WHERE slug = 'anhai'`);
      await appDb.query('BEGIN');
      await appDb.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.id]);
      const { rows } = await appDb.query('SELECT count(*)::int AS n FROM audit_log');
      expect(rows[0].n).toBeGreaterThan(0);
      await expect(appDb.query(`UPDATE audit_log SET action = 'delete'`)).rejects.toThrow(/permission denied/);
      await appDb.query('ROLLBACK');
      for (const sql of [`DELETE FROM audit_log`, `TRUNCATE audit_log`, `INSERT INTO audit_log (action, entity_type, entity_id) VALUES ('insert', 'x', gen_random_uuid())`]) {
        await expect(appDb.query(sql)).rejects.toThrow(/permission denied/);
      }
    } finally {
      await appDb.end();
    }
    // Even the owner is stopped by the append-only triggers.
    await expect(app.db.admin.query(`UPDATE audit_log SET action = 'delete'`)).rejects.toThrow(/append-only/);
    await expect(app.db.admin.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(app.db.admin.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it("lets the application's role record a refusal only for the township of its own transaction", async () => {
    const other = await createOtherTenant(app.db.admin, 'jinjiang');
    const { rows: [official] } = await app.db.admin.query(`SELECT id, tenant_id FROM users WHERE email = 'official@anhai.demo'`);
    const refusals = async (tenantId: string | null) =>
      (await app.db.admin.query(`SELECT actor_user_id, request_id, after FROM audit_log WHERE action = 'refused' AND tenant_id IS NOT DISTINCT FROM $1 ORDER BY id`, [tenantId])).rows;
    const othersBefore = await refusals(other.tenantId);
    const appDb = new Client({ connectionString: app.db.appUrl });
    await appDb.connect();
    const asActor = async (tenantId: string, userId: string, platform: string, sql: string, params: unknown[] = []) => {
      await appDb.query('BEGIN');
      try {
        await appDb.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true), set_config('app.platform', $3, true), set_config('app.request_id', 'refusal-test', true)`, [tenantId, userId, platform]);
        await appDb.query(sql, params);
        await appDb.query('COMMIT');
      } catch (error) {
        await appDb.query('ROLLBACK');
        throw error;
      }
    };
    try {
      // Naming another township (the function's former first argument) writes nothing there.
      await expect(
        asActor(official.tenant_id, official.id, '', 'SELECT audit_refused_access($1, $2, $3, $4)', [other.tenantId, official.id, 'forged', { route: '/forged' }]),
      ).rejects.toThrow();
      expect(await refusals(other.tenantId)).toEqual(othersBefore);

      // The refusal goes to the transaction's township and user, with its request id.
      const ownBefore = (await refusals(official.tenant_id)).length;
      await asActor(official.tenant_id, official.id, '', 'SELECT audit_refused_access($1)', [{ method: 'GET', route: '/api/v1/x' }]);
      const own = await refusals(official.tenant_id);
      expect(own).toHaveLength(ownBefore + 1);
      expect(own[own.length - 1]).toEqual({ actor_user_id: official.id, request_id: 'refusal-test', after: { method: 'GET', route: '/api/v1/x' } });

      // A platform admin's refusal belongs to no township; with no user or no tenant outside the platform, nothing is written.
      const { rows: [admin] } = await app.db.admin.query(`SELECT id FROM users WHERE role = 'platform_admin' LIMIT 1`);
      await asActor('', admin.id, 'on', 'SELECT audit_refused_access($1)', [{ route: '/api/v1/platform' }]);
      expect((await refusals(null)).map((r) => r.actor_user_id)).toContain(admin.id);
      await expect(asActor(official.tenant_id, '', '', 'SELECT audit_refused_access($1)', [{}])).rejects.toThrow(/refusal/);
      await expect(asActor('', official.id, '', 'SELECT audit_refused_access($1)', [{}])).rejects.toThrow(/refusal/);
      expect(await refusals(other.tenantId)).toEqual(othersBefore);
    } finally {
      await appDb.end();
    }
  });

  it('offers no route to change it', async () => {
    expect((await http.request('DELETE', '/api/v1/audit-log', { token })).status).toBe(404);
    expect((await http.patch('/api/v1/audit-log', {}, { token })).status).toBe(404);
  });
});
