import { Client } from 'pg';
import { AUDIT_DESCRIPTORS } from '../../src/platform/audit/audit-descriptors';
import { descriptorColumns } from '../../src/platform/audit/audit-object-resolver';
import { Http } from '../support/http';
import { categoryId, smartAllianceId } from '../support/service-requests';
import { createOtherTenant, idOf } from '../support/tenants';
import { startTestApp, TestApp } from '../support/test-app';

const shanghai = (local: string) => new Date(`${local}+08:00`);

describe('audit log', () => {
  let app: TestApp;
  let http: Http;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp({ now: shanghai('2026-11-25T10:00:00') });
    http = new Http(app.api);
    token = await http.token('official@anhai.demo');
  });
  afterAll(() => app.close());

  it('records who changed what, with before and after', async () => {
    const id = await idOf(app.db.admin, 'organizations', '兴翼机械');
    await http.patch(
      `/api/v1/organizations/${id}`,
      { industry: '智能控制系统' },
      { token, headers: { 'x-request-id': 'audit-test-1' } },
    );
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

  type Entry = {
    object: { kind: string; label: string | null; link: string | null };
    changes: Array<{ field: string }>;
    [key: string]: unknown;
  };
  const entriesOf = async (entityType: string, entityId: string): Promise<Entry[]> => {
    const reply = await http.get(`/api/v1/audit-log?entityType=${entityType}&entityId=${entityId}`, { token });
    expect(reply.status).toBe(200);
    return reply.body.items;
  };

  it('names the object, its parent and its page, and lists what an update changed, for a meeting', async () => {
    const q = async (sql: string) => (await app.db.admin.query(sql)).rows[0].id as string;
    const scheduled = await http.post(
      '/api/v1/meetings',
      {
        allianceId: await smartAllianceId(app),
        title: '2026年第四季度联席会议',
        chairId: await q(`SELECT id FROM users WHERE email = 'official@anhai.demo'`),
        place: { kind: 'room', zoneId: await q(`SELECT id FROM venue_zones WHERE name = '第一会议室'`) },
        startsAt: shanghai('2026-12-01T09:30:00').toISOString(),
        endsAt: shanghai('2026-12-01T11:00:00').toISOString(),
        invitees: {
          organizationIds: [await idOf(app.db.admin, 'organizations', '晋工机械')],
          requiredUserIds: [await q(`SELECT id FROM users WHERE email = 'dept@anhai.demo'`)],
        },
      },
      { token },
    );
    expect(scheduled.status).toBe(201);
    const meetingId: string = scheduled.body.items[0].id;
    const code = await http.get(`/api/v1/meetings/${meetingId}/check-in-code`, { token });
    const secret = new URL(code.body.url).searchParams.get('code')!;
    expect(secret).toBeTruthy();
    expect(
      (await http.post(`/api/v1/meetings/${meetingId}/cancel`, { reason: '与上级会议冲突' }, { token })).status,
    ).toBe(200);

    const [cancelled, coded, created] = await entriesOf('meetings', meetingId);
    expect(cancelled).toMatchObject({
      action: 'update',
      actor: { displayName: '林镇长' },
      object: {
        kind: 'meeting',
        id: meetingId,
        label: '2026年第四季度联席会议',
        quoted: true,
        link: `/meetings/${meetingId}`,
      },
      parent: null,
    });
    expect(cancelled.changes).toEqual(
      expect.arrayContaining([
        { field: 'status', from: 'scheduled', to: 'cancelled', fromLabel: null, toLabel: null, hidden: false },
        expect.objectContaining({ field: 'cancel_reason', from: null, to: '与上级会议冲突' }),
      ]),
    );
    expect(cancelled.changes.map((c) => c.field)).not.toContain('updated_at');
    // The detail names the people and the alliance the row points at.
    expect(Object.values(cancelled.names as Record<string, string>)).toEqual(
      expect.arrayContaining(['林镇长', '安海镇智能装备制造产业集群党建联盟']),
    );
    // The check-in code grants entry: its change is listed without its value, and it is nowhere in the log.
    expect(coded.changes).toEqual([
      { field: 'check_in_code', from: null, to: null, fromLabel: null, toLabel: null, hidden: true },
    ]);
    expect(created).toMatchObject({ action: 'insert', changes: [] });
    const everything = JSON.stringify((await http.get('/api/v1/audit-log?limit=100', { token })).body);
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain('check_in_code":"');
    // Nor is it stored: the trigger keeps a mark where the value was.
    const { rows: stored } = await app.db.admin.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE position($1 IN coalesce(before::text, '') || coalesce(after::text, '')) > 0`,
      [secret],
    );
    expect(stored[0].n).toBe(0);

    const { rows: participants } = await app.db.admin.query(
      `SELECT p.id FROM meeting_participants p JOIN users u ON u.id = p.attendee_id WHERE p.meeting_id = $1 AND u.email = 'dept@anhai.demo'`,
      [meetingId],
    );
    const [invited] = await entriesOf('meeting_participants', participants[0].id);
    expect(invited).toMatchObject({
      action: 'insert',
      object: { kind: 'meeting_participant', label: '黄志坚', quoted: false, link: `/meetings/${meetingId}` },
      parent: { kind: 'meeting', id: meetingId, label: '2026年第四季度联席会议', link: `/meetings/${meetingId}` },
    });
  });

  it('names a service request by number and title, and the organisations a change points at', async () => {
    const xingyi = await http.token('xingyi@anhai.demo');
    const submitted = await http.post(
      '/api/v1/service-requests',
      {
        allianceId: await smartAllianceId(app),
        categoryId: await categoryId(app, 'policy'),
        title: '咨询高新技术企业认定政策',
        description: '请协助说明高新技术企业认定的条件。',
      },
      { token: xingyi },
    );
    expect(submitted.status).toBe(201);
    const { id, number } = submitted.body;
    const market = await idOf(app.db.admin, 'organizations', '安海镇经济发展办公室');
    expect(
      (await http.post(`/api/v1/service-requests/${id}/route`, { organizationId: market }, { token })).status,
    ).toBe(200);

    const entries = await entriesOf('service_requests', id);
    const routed = entries.find((e) => e.changes.some((c) => c.field === 'status'))!;
    expect(routed).toMatchObject({
      object: {
        kind: 'service_request',
        code: number,
        label: '咨询高新技术企业认定政策',
        link: `/service-requests/${id}`,
      },
    });
    expect(routed.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'status', from: 'submitted', to: 'routed' }),
        expect.objectContaining({
          field: 'assigned_organization_id',
          from: null,
          to: market,
          toLabel: '安海镇经济发展办公室',
        }),
      ]),
    );
    expect(JSON.stringify(entries)).not.toContain('idempotency');
  });

  it('names an organisation, links to its page, and shows a changed enumeration as from → to', async () => {
    const id = await idOf(app.db.admin, 'organizations', '晋工机械');
    const {
      rows: [was],
    } = await app.db.admin.query(`SELECT chain_position FROM organizations WHERE id = $1`, [id]);
    const next = was.chain_position === 'upstream' ? 'downstream' : 'upstream';
    expect((await http.patch(`/api/v1/organizations/${id}`, { chainPosition: next }, { token })).status).toBe(200);
    const [latest] = await entriesOf('organizations', id);
    expect(latest).toMatchObject({
      action: 'update',
      object: { kind: 'organization', label: '晋工机械', link: `/organizations/${id}/edit` },
      parent: null,
      changes: [
        { field: 'chain_position', from: was.chain_position, to: next, fromLabel: null, toLabel: null, hidden: false },
      ],
    });
  });

  it("never names an entry's objects from another township", async () => {
    const other = await createOtherTenant(app.db.admin, 'shenhu');
    const {
      rows: [anhai],
    } = await app.db.admin.query(`SELECT id FROM tenants WHERE slug = 'anhai'`);
    const forged = '00000000-0000-4000-8000-00000000a0d1';
    await app.db.admin.query(
      `INSERT INTO audit_log (tenant_id, action, entity_type, entity_id, after) VALUES ($1, 'insert', 'alliance_memberships', $2, $3)`,
      [
        anhai.id,
        forged,
        { id: forged, alliance_id: other.allianceId, organization_id: other.organizationId, role: 'member' },
      ],
    );
    const [entry] = await entriesOf('alliance_memberships', forged);
    expect(entry).toMatchObject({
      object: { kind: 'alliance_membership', label: null },
      parent: { kind: 'alliance', label: null, link: null },
    });
    expect(JSON.stringify(entry)).not.toMatch(/东石|shenhu/);
  });

  it('describes every audited table from columns that exist, and a table without a description generically', async () => {
    for (const table of Object.keys(AUDIT_DESCRIPTORS)) {
      await app.db.admin.query(
        `SELECT ${descriptorColumns(table)
          .map((c) => `"${c}"`)
          .join(', ')} FROM "${table}" LIMIT 0`,
      );
    }
    const { rows: audited } = await app.db.admin.query(
      `SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = 'audit_row_change'`,
    );
    expect(audited.map((r) => r.relname).filter((table: string) => !AUDIT_DESCRIPTORS[table])).toEqual([]);
    const {
      rows: [anhai],
    } = await app.db.admin.query(`SELECT id FROM tenants WHERE slug = 'anhai'`);
    const id = '00000000-0000-4000-8000-00000000a0d2';
    await app.db.admin.query(
      `INSERT INTO audit_log (tenant_id, action, entity_type, entity_id, before, after) VALUES ($1, 'update', 'future_widgets', $2, $3, $4)`,
      [anhai.id, id, { id, name: '旧名', secret_encrypted: 'x' }, { id, name: '新名', secret_encrypted: 'y' }],
    );
    const [entry] = await entriesOf('future_widgets', id);
    expect(entry).toMatchObject({
      object: { kind: 'record', typeName: 'Future widgets', label: '新名', link: null },
      parent: null,
      after: { id, name: '新名' },
    });
    expect(entry.changes).toEqual([
      { field: 'name', from: '旧名', to: '新名', fromLabel: null, toLabel: null, hidden: false },
      { field: 'secret_encrypted', from: null, to: null, fromLabel: null, toLabel: null, hidden: true },
    ]);
  });

  it('never copies password hashes or tokens, and ignores sign-in bookkeeping', async () => {
    await http.post('/api/v1/auth/login', { email: 'xingyi@anhai.demo', password: 'wrong password' });
    await http.post(
      '/api/v1/users/invitations',
      { email: 'audit.person@anhai.demo', displayName: '审计测试', role: 'expert' },
      { token },
    );
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
      const {
        rows: [tenant],
      } = await app.db.admin.query(`SELECT id FROM tenants WHERE slug = 'anhai'`);
      await appDb.query('BEGIN');
      await appDb.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.id]);
      const { rows } = await appDb.query('SELECT count(*)::int AS n FROM audit_log');
      expect(rows[0].n).toBeGreaterThan(0);
      await expect(appDb.query(`UPDATE audit_log SET action = 'delete'`)).rejects.toThrow(/permission denied/);
      await appDb.query('ROLLBACK');
      for (const sql of [
        `DELETE FROM audit_log`,
        `TRUNCATE audit_log`,
        `INSERT INTO audit_log (action, entity_type, entity_id) VALUES ('insert', 'x', gen_random_uuid())`,
      ]) {
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
    const {
      rows: [official],
    } = await app.db.admin.query(`SELECT id, tenant_id FROM users WHERE email = 'official@anhai.demo'`);
    const refusals = async (tenantId: string | null) =>
      (
        await app.db.admin.query(
          `SELECT actor_user_id, request_id, after FROM audit_log WHERE action = 'refused' AND tenant_id IS NOT DISTINCT FROM $1 ORDER BY id`,
          [tenantId],
        )
      ).rows;
    const othersBefore = await refusals(other.tenantId);
    const appDb = new Client({ connectionString: app.db.appUrl });
    await appDb.connect();
    const asActor = async (tenantId: string, userId: string, platform: string, sql: string, params: unknown[] = []) => {
      await appDb.query('BEGIN');
      try {
        await appDb.query(
          `SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true), set_config('app.platform', $3, true), set_config('app.request_id', 'refusal-test', true)`,
          [tenantId, userId, platform],
        );
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
        asActor(official.tenant_id, official.id, '', 'SELECT audit_refused_access($1, $2, $3, $4)', [
          other.tenantId,
          official.id,
          'forged',
          { route: '/forged' },
        ]),
      ).rejects.toThrow();
      expect(await refusals(other.tenantId)).toEqual(othersBefore);

      // The refusal goes to the transaction's township and user, with its request id.
      const ownBefore = (await refusals(official.tenant_id)).length;
      await asActor(official.tenant_id, official.id, '', 'SELECT audit_refused_access($1)', [
        { method: 'GET', route: '/api/v1/x' },
      ]);
      const own = await refusals(official.tenant_id);
      expect(own).toHaveLength(ownBefore + 1);
      expect(own[own.length - 1]).toEqual({
        actor_user_id: official.id,
        request_id: 'refusal-test',
        after: { method: 'GET', route: '/api/v1/x' },
      });

      // A platform admin's refusal belongs to no township; with no user or no tenant outside the platform, nothing is written.
      const {
        rows: [admin],
      } = await app.db.admin.query(`SELECT id FROM users WHERE role = 'platform_admin' LIMIT 1`);
      await asActor('', admin.id, 'on', 'SELECT audit_refused_access($1)', [{ route: '/api/v1/platform' }]);
      expect((await refusals(null)).map((r) => r.actor_user_id)).toContain(admin.id);
      await expect(asActor(official.tenant_id, '', '', 'SELECT audit_refused_access($1)', [{}])).rejects.toThrow(
        /refusal/,
      );
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
