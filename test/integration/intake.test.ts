import { gunzipSync } from 'node:zlib';
import {
  INTAKE_TOPICS as TOPICS,
  insertResolvedHistory as insertHistory,
  intakeTexts as texts,
} from '../support/intake-history';
import { createOtherTenant } from '../support/tenants';
import { useTestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import type { Http } from '../support/http';

async function trained(http: Http, token: string) {
  const started = await http.post('/api/v1/intake/model/trainings', {}, { token });
  expect(started.status).toBe(202);
  const status = await waitFor(
    async () => (await http.get('/api/v1/intake/model', { token })).body,
    (body) => body.latest?.id === started.body.id && ['ready', 'failed'].includes(body.latest.status),
    90_000,
    200,
  );
  expect(status.latest.status).toBe('ready');
  return status;
}

describe('smart intake (智能派单): models trained on each township’s own history', () => {
  const suite = useTestApp({ worker: true });
  let official: string;
  let enterprise: string;
  let otherOfficial: string;
  let anhaiDepartments: string[];
  let other: Awaited<ReturnType<typeof createOtherTenant>>;
  let anhaiAlliance: string;

  const suggest = (token: string, body: object) => suite.http.post('/api/v1/intake/suggestions', body, { token });

  beforeAll(async () => {
    const { admin } = suite.app.db;
    const {
      rows: [anhai],
    } = await admin.query(`SELECT id FROM tenants WHERE slug = 'anhai'`);
    const {
      rows: [requester],
    } = await admin.query(
      `SELECT u.id AS "userId", u.organization_id AS "organizationId" FROM users u WHERE email = 'xingyi@anhai.demo'`,
    );
    const { rows: categories } = await admin.query(
      `SELECT c.id, c.code, c.alliance_id AS "allianceId", c.provider_organization_id AS "providerId"
         FROM service_categories c JOIN alliances a ON a.id = c.alliance_id
        WHERE c.tenant_id = $1 AND a.name LIKE '%智能装备%'`,
      [anhai.id],
    );
    const { rows: departments } = await admin.query(
      `SELECT id FROM organizations WHERE tenant_id = $1 AND kind = 'department' ORDER BY name LIMIT 5`,
      [anhai.id],
    );
    anhaiDepartments = departments.map((d: { id: string }) => d.id);
    anhaiAlliance = categories[0].allianceId;
    const byCode = new Map(categories.map((c: { code: string; id: string }) => [c.code, c.id]));
    await insertHistory(
      admin,
      anhai.id,
      texts(400, 7).map((t) => ({
        ...t,
        categoryId: byCode.get(TOPICS[t.topic].code) as string,
        departmentId: anhaiDepartments[t.topic],
      })),
      { ...requester, allianceId: anhaiAlliance },
      'IN',
    );

    other = await createOtherTenant(admin);
    const {
      rows: [otherCategory],
    } = await admin.query(
      `INSERT INTO service_categories (tenant_id, alliance_id, code, name, provider_organization_id, accept_within, accept_unit, resolve_within, resolve_unit)
       VALUES ($1, $2, 'other', '潮汐设备咨询', $3, 1, 'working_days', 5, 'working_days') RETURNING id`,
      [other.tenantId, other.allianceId, other.organizationId],
    );
    const {
      rows: [otherUser],
    } = await admin.query(`SELECT id FROM users WHERE email = $1`, [other.email]);
    await insertHistory(
      admin,
      other.tenantId,
      Array.from({ length: 30 }, (_, i) => ({
        title: `潮汐发电机组维修${i % 3 === 0 ? '配件' : ''}`,
        description: '东石专属的潮汐发电机组需要检修，请帮忙协调。',
        categoryId: otherCategory.id,
        departmentId: other.organizationId,
      })),
      { organizationId: other.organizationId, userId: otherUser.id, allianceId: other.allianceId },
      'DS',
    );
    official = await suite.http.token('official@anhai.demo');
    enterprise = await suite.http.token('xingyi@anhai.demo');
    otherOfficial = await suite.http.token(other.email);
  }, 120_000);

  it('answers an empty suggestion before any model is trained', async () => {
    const response = await suggest(enterprise, { title: '贷款贴息' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ modelTrainedAt: null, categories: { suggestions: [], preselect: null } });
  });

  it('trains on the held-out split and beats always answering the most frequent class', async () => {
    const status = await trained(suite.http, official);
    const { accuracy } = status.current;
    expect(status.current.sampleCount).toBeGreaterThanOrEqual(400);
    expect(accuracy.heldOut).toBeGreaterThan(40);
    expect(accuracy.category.top1).toBeGreaterThan(accuracy.category.baselineTop1 + 0.3);
    expect(accuracy.department.top1).toBeGreaterThan(accuracy.department.baselineTop1 + 0.3);
    expect(accuracy.category.top3).toBeGreaterThanOrEqual(accuracy.category.top1);
    expect(status.current.trainedAt).toEqual(expect.any(String));
  });

  it('suggests the top three categories and departments, preselecting only when confident', async () => {
    const response = await suggest(enterprise, {
      allianceId: anhaiAlliance,
      title: '环评和排污许可',
      description: '新厂房的环评与排污许可证怎么办理？',
    });
    expect(response.status).toBe(200);
    const { categories, departments } = response.body;
    expect(categories.suggestions).toHaveLength(3);
    expect(categories.suggestions[0]).toMatchObject({ code: 'safety_environment', categoryId: expect.any(String) });
    expect(categories.preselect).toBe('safety_environment');
    expect(departments.suggestions[0].organizationId).toBe(anhaiDepartments[2]);
    expect(departments.suggestions[0].name).toEqual(expect.any(String));
    // A text that says nothing of its topic is not preselected.
    const vague = await suggest(enterprise, { title: '咨询', description: '我司想咨询一下办理流程和材料。' });
    expect(vague.status).toBe(200);
    expect(vague.body.categories.preselect).toBeNull();
  });

  it("keeps each township's model its own: B's model holds none of A's data and B's suggestions use B's model", async () => {
    await trained(suite.http, otherOfficial);
    const { rows } = await suite.app.db.admin.query(
      `SELECT model FROM intake_models WHERE tenant_id = $1 AND status = 'ready'`,
      [other.tenantId],
    );
    const otherModel = gunzipSync(rows[0].model as Buffer).toString('utf8');
    for (const fromAnhai of [...anhaiDepartments, '晋工机械', '兴翼机械', '贴息', '排污', 'safety_environment'])
      expect(otherModel).not.toContain(fromAnhai);
    expect(otherModel).toContain('潮汐');

    const asB = await suggest(otherOfficial, { title: '环评和排污许可', description: '环评与排污许可证怎么办理？' });
    expect(asB.status).toBe(200);
    for (const d of asB.body.departments.suggestions) expect(d.organizationId).toBe(other.organizationId);
    expect(asB.body.categories.suggestions.map((c: { code: string }) => c.code)).toEqual(['other']);
    const bStatus = (await suite.http.get('/api/v1/intake/model', { token: otherOfficial })).body;
    expect(bStatus.current.sampleCount).toBe(30);

    const asA = await suggest(official, { title: '潮汐发电机组维修', description: '' });
    for (const d of asA.body.departments.suggestions) expect(anhaiDepartments).toContain(d.organizationId);
  });

  it('lets enterprises and staff ask for suggestions, and only officials see and retrain the model', async () => {
    const dept = await suite.http.token('dept@anhai.demo');
    const expert = await suite.http.token('expert@anhai.demo');
    expect((await suggest(dept, { title: '贷款' })).status).toBe(200);
    expect((await suggest(expert, { title: '贷款' })).status).toBe(403);
    expect((await suite.http.get('/api/v1/intake/model', { token: enterprise })).status).toBe(403);
    expect((await suite.http.post('/api/v1/intake/model/trainings', {}, { token: enterprise })).status).toBe(403);
    expect((await suite.http.post('/api/v1/intake/model/trainings', {}, { token: dept })).status).toBe(403);
  });

  it('answers bad input cleanly: empty, emoji only, 10,000 characters, too long, wrong types', async () => {
    for (const body of [{}, { title: '', description: '' }, { title: '😀🎉👍🏻', description: '！！！……' }]) {
      const response = await suggest(enterprise, body);
      expect(response.status).toBe(200);
      expect(response.body.categories.suggestions).toEqual([]);
      expect(response.body.departments.suggestions).toEqual([]);
    }
    const long = await suggest(enterprise, { title: '用地', description: '厂房用地'.repeat(2500) });
    expect(long.status).toBe(200);
    expect(long.body.categories.suggestions[0].code).toBe('land_construction');

    const tooLong = await suggest(enterprise, { description: '字'.repeat(10_001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.details.map((d: { field: string }) => d.field)).toEqual(['description']);
    expect(tooLong.body.message).toEqual(expect.any(String));
    const wrong = await suggest(enterprise, { title: 42, allianceId: 'x' });
    expect(wrong.status).toBe(400);
    expect([...new Set(wrong.body.details.map((d: { field: string }) => d.field))].sort()).toEqual([
      'allianceId',
      'title',
    ]);
  });
});
