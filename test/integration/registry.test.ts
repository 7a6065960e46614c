import { Http } from '../support/http';
import { idOf } from '../support/tenants';
import { startTestApp, TestApp } from '../support/test-app';

describe('the 1+X+N registry', () => {
  let app: TestApp;
  let http: Http;
  let token: string;
  let allianceId: string;

  beforeAll(async () => {
    app = await startTestApp();
    http = new Http(app.api);
    token = await http.token('official@anhai.demo');
    const created = await http.post(
      '/api/v1/alliances',
      { name: '安海镇纸制品产业集群党建联盟', industry: '纸制品' },
      { token },
    );
    expect(created.status).toBe(201);
    allianceId = created.body.id;
  });
  afterAll(() => app.close());

  const enterprise = (name: string, extra: Record<string, unknown> = {}) =>
    http.post(
      '/api/v1/organizations',
      {
        name,
        kind: 'enterprise',
        chainPosition: 'midstream',
        productTags: ['纸箱', '纸箱', ' 包装 '],
        contacts: [{ name: '联系人', phone: '13800000000', email: 'c@example.cn' }],
        partyOrganization: {
          type: 'branch',
          name: `${name}党支部`,
          secretary: '书记',
          memberCount: 7,
          foundedOn: '2018-07-01',
        },
        ...extra,
      },
      { token },
    );

  it('registers an enterprise with its Party organisation', async () => {
    const reply = await enterprise('安海纸业', { unifiedCode: '91350582MA2XPY0001' });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      name: '安海纸业',
      kind: 'enterprise',
      unifiedCode: '91350582MA2XPY0001',
      productTags: ['纸箱', '包装'],
      partyOrganization: { type: 'branch', memberCount: 7, foundedOn: '2018-07-01' },
    });
    const read = await http.get(`/api/v1/organizations/${reply.body.id}`, { token });
    expect(read.body.partyOrganization.name).toBe('安海纸业党支部');
  });

  it('refuses bad input field by field, in the client language, and stores nothing', async () => {
    const zh = await http.post(
      '/api/v1/organizations',
      {
        name: '',
        kind: 'factory',
        unifiedCode: '123',
        contacts: [{ name: 'x', email: 'not-an-email' }],
        partyOrganization: { type: 'branch', name: 'p', memberCount: -1 },
        extra: 1,
      },
      { token },
    );
    expect(zh.status).toBe(400);
    expect(zh.body.code).toBe('VALIDATION_FAILED');
    expect(zh.body.message).toBe('请求参数有误');
    const fields = zh.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'name',
        'kind',
        'unifiedCode',
        'contacts.0.email',
        'partyOrganization.memberCount',
        'extra',
      ]),
    );
    expect(zh.body.details).toContainEqual({ field: 'unifiedCode', reason: '必须是 18 位统一社会信用代码' });
    const en = await http.post('/api/v1/organizations', { name: 'x', kind: 'factory' }, { token, language: 'en' });
    expect(en.body.details).toEqual([{ field: 'kind', reason: 'must be one of: enterprise, department' }]);
    const { rows } = await app.db.admin.query(`SELECT count(*)::int AS n FROM organizations WHERE name IN ('', 'x')`);
    expect(rows[0].n).toBe(0);
  });

  it('refuses a duplicate name with 409 and the field', async () => {
    const reply = await enterprise('安海纸业');
    expect(reply.status).toBe(409);
    expect(reply.body.code).toBe('DUPLICATE_VALUE');
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await http.get('/api/v1/organizations/00000000-0000-4000-8000-000000000000', { token })).status).toBe(404);
    const bad = await http.get('/api/v1/organizations/not-a-uuid', { token });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ field: 'id', reason: '必须是有效的 ID' }]);
  });

  it('has exactly one lead enterprise, and it must have a Party organisation', async () => {
    const noParty = await http.post('/api/v1/organizations', { name: '无党组织企业', kind: 'enterprise' }, { token });
    const refused = await http.post(
      `/api/v1/alliances/${allianceId}/members`,
      { organizationId: noParty.body.id, role: 'lead' },
      { token },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([{ field: 'organizationId', reason: '领头企业必须有党组织' }]);

    const lead = await enterprise('纸业龙头');
    const first = await http.post(
      `/api/v1/alliances/${allianceId}/members`,
      { organizationId: lead.body.id, role: 'lead', joinedOn: '2024-01-01' },
      { token },
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      role: 'lead',
      joinedOn: '2024-01-01',
      leftOn: null,
      organization: { name: '纸业龙头' },
    });

    const second = await enterprise('另一龙头');
    const again = await http.post(
      `/api/v1/alliances/${allianceId}/members`,
      { organizationId: second.body.id, role: 'lead' },
      { token },
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('LEAD_ALREADY_EXISTS');
  });

  it('lets only one of two racing leads in: the database decides', async () => {
    const race = (await http.post('/api/v1/alliances', { name: '竞速联盟' }, { token })).body.id;
    const a = await enterprise('竞速甲');
    const b = await enterprise('竞速乙');
    const replies = await Promise.all(
      [a, b].map((o) =>
        http.post(`/api/v1/alliances/${race}/members`, { organizationId: o.body.id, role: 'lead' }, { token }),
      ),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
    const { rows } = await app.db.admin.query(
      `SELECT count(*)::int AS n FROM alliance_memberships WHERE alliance_id = $1 AND role = 'lead'`,
      [race],
    );
    expect(rows[0].n).toBe(1);
  });

  it('puts departments in the X and enterprises in the 1 and N', async () => {
    const finance = await idOf(app.db.admin, 'organizations', '安海镇财政所');
    expect(
      (
        await http.post(
          `/api/v1/alliances/${allianceId}/members`,
          { organizationId: finance, role: 'member' },
          { token },
        )
      ).body.details,
    ).toEqual([{ field: 'role', reason: '领头企业和成员企业必须是企业，职能部门必须是部门' }]);
    expect(
      (
        await http.post(
          `/api/v1/alliances/${allianceId}/members`,
          { organizationId: finance, role: 'department' },
          { token },
        )
      ).status,
    ).toBe(201);
    const counts = await http.get(`/api/v1/alliances/${allianceId}`, { token });
    expect(counts.body.memberCounts).toEqual({ lead: 1, departments: 1, members: 0 });
  });

  it('keeps a history of joining and leaving, and lets an enterprise be in several alliances', async () => {
    const jingong = await idOf(app.db.admin, 'organizations', '鸿安机械');
    const joined = await http.post(
      `/api/v1/alliances/${allianceId}/members`,
      { organizationId: jingong, role: 'member', joinedOn: '2024-03-01' },
      { token },
    );
    expect(joined.status).toBe(201);
    expect(
      (
        await http.post(
          `/api/v1/alliances/${allianceId}/members`,
          { organizationId: jingong, role: 'member' },
          { token },
        )
      ).body.code,
    ).toBe('ALREADY_MEMBER');

    const early = await http.post(
      `/api/v1/alliances/${allianceId}/members/${joined.body.id}/leave`,
      { leftOn: '2024-02-01', reason: '搬迁' },
      { token },
    );
    expect(early.body.details).toEqual([{ field: 'leftOn', reason: '不能早于加入日期' }]);
    const left = await http.post(
      `/api/v1/alliances/${allianceId}/members/${joined.body.id}/leave`,
      { leftOn: '2025-06-30', reason: '企业转型' },
      { token },
    );
    expect(left.body).toMatchObject({ leftOn: '2025-06-30', leaveReason: '企业转型' });
    expect(
      (
        await http.post(
          `/api/v1/alliances/${allianceId}/members/${joined.body.id}/leave`,
          { leftOn: '2025-07-01', reason: 'x' },
          { token },
        )
      ).status,
    ).toBe(409);

    const rejoined = await http.post(
      `/api/v1/alliances/${allianceId}/members`,
      { organizationId: jingong, role: 'member', joinedOn: '2026-01-01' },
      { token },
    );
    expect(rejoined.status).toBe(201);
    const history = await http.get(`/api/v1/alliances/${allianceId}/members/history?organizationId=${jingong}`, {
      token,
    });
    expect(history.body.items.map((m: { joinedOn: string; leftOn: string | null }) => [m.joinedOn, m.leftOn])).toEqual([
      ['2026-01-01', null],
      ['2024-03-01', '2025-06-30'],
    ]);
    const current = await http.get(`/api/v1/alliances/${allianceId}/members?role=member`, { token });
    expect(current.body.items).toHaveLength(1);
    // Still a member of the smart equipment alliance too.
    const orgs = await http.get(
      `/api/v1/organizations?allianceId=${await idOf(app.db.admin, 'alliances', '安海镇智能装备制造产业集群党建联盟')}&limit=100`,
      { token },
    );
    expect(orgs.body.items.map((o: { name: string }) => o.name)).toContain('鸿安机械');
  });

  it('pages through lists with a cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await http.get(
        `/api/v1/organizations?limit=7${cursor ? `&cursor=${cursor}` : ''}`,
        { token },
      );
      seen.push(...page.body.items.map((o) => o.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const { rows } = await app.db.admin.query(
      `SELECT count(*)::int AS n FROM organizations o JOIN tenants t ON t.id = o.tenant_id WHERE t.slug = 'anhai'`,
    );
    expect(seen).toHaveLength(rows[0].n);
    expect(new Set(seen).size).toBe(seen.length);
    expect((await http.get('/api/v1/organizations?cursor=%%%', { token })).status).toBe(400);
    expect((await http.get('/api/v1/organizations?limit=1000', { token })).body.details).toEqual([
      { field: 'limit', reason: '不能大于 100' },
    ]);
  });

  it('manages people: invite, change role, disable with immediate effect', async () => {
    const dept = await idOf(app.db.admin, 'organizations', '安海镇自然资源所');
    const noOrg = await http.post(
      '/api/v1/users/invitations',
      { email: 'staff@anhai.demo', displayName: '新干事', role: 'department_staff' },
      { token },
    );
    expect(noOrg.body.details).toEqual([{ field: 'organizationId', reason: '该角色必须指定所属单位' }]);
    const neither = await http.post(
      '/api/v1/users/invitations',
      { displayName: '无联系方式', role: 'expert' },
      { token },
    );
    expect(neither.body.details).toEqual([{ field: 'email', reason: '电子邮箱和手机号码至少填写一项' }]);
    const invited = await http.post(
      '/api/v1/users/invitations',
      { mobile: '13700001111', displayName: '新干事', role: 'department_staff', organizationId: dept },
      { token },
    );
    expect(invited.status).toBe(201);
    expect(invited.body.user).toMatchObject({
      status: 'invited',
      organization: { id: dept, name: '安海镇自然资源所' },
    });
    const dup = await http.post(
      '/api/v1/users/invitations',
      { mobile: '13700001111', displayName: '重复', role: 'expert' },
      { token },
    );
    expect(dup.body).toMatchObject({ statusCode: 409, details: [{ field: 'mobile', reason: '已存在' }] });
    const list = await http.get('/api/v1/users?q=新干事', { token });
    expect(list.body.items[0].mobile).toBe('137****1111');

    const session = await http.login('expert@anhai.demo');
    const expert = (await http.get('/api/v1/users?role=expert', { token })).body.items.find(
      (u: { email: string }) => u.email === 'expert@anhai.demo',
    );
    const disabled = await http.post(`/api/v1/users/${expert.id}/disable`, undefined, { token });
    expect(disabled.body.status).toBe('disabled');
    expect((await http.get('/api/v1/auth/me', { token: session.accessToken })).status).toBe(401);
    expect((await http.post('/api/v1/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
    expect(
      (await http.post('/api/v1/auth/login', { email: 'expert@anhai.demo', password: 'Lianmeng-Demo-2024' })).body.code,
    ).toBe('ACCOUNT_DISABLED');
    expect((await http.post(`/api/v1/users/${expert.id}/enable`, undefined, { token })).body.status).toBe('active');
    expect(
      (await http.post('/api/v1/auth/login', { email: 'expert@anhai.demo', password: 'Lianmeng-Demo-2024' })).status,
    ).toBe(200);

    const me = (await http.get('/api/v1/auth/me', { token })).body;
    expect((await http.post(`/api/v1/users/${me.id}/disable`, undefined, { token })).status).toBe(409);
    expect((await http.patch(`/api/v1/users/${expert.id}`, { role: 'platform_admin' }, { token })).status).toBe(403);
  });
});
