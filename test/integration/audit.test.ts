import { Client } from 'pg';
import { Http } from '../support/http';
import { idOf } from '../support/tenants';
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

  it('offers no route to change it', async () => {
    expect((await http.request('DELETE', '/api/v1/audit-log', { token })).status).toBe(404);
    expect((await http.patch('/api/v1/audit-log', {}, { token })).status).toBe(404);
  });
});
