import { ProjectDeadlineRemindersHandler } from '../../src/modules/project-calls/project-deadline-reminders.handler';
import type { ControlledClock } from '../support/clock';
import { Http } from '../support/http';
import { addContact } from '../support/members';
import { createOtherTenant, idOf } from '../support/tenants';
import { startTestApp, TestApp } from '../support/test-app';

const shanghai = (local: string) => new Date(`${local}+08:00`);
const titles = async (http: Http, token: string) =>
  (await http.get('/api/v1/notifications', { token })).body.items.map((n: { title: string }) => n.title) as string[];

describe('project application service (项目申报服务队)', () => {
  let app: TestApp;
  let http: Http;
  let clock: ControlledClock;
  let tokens: Record<string, string>;
  let alliance: string;
  let tenantId: string;

  beforeAll(async () => {
    app = await startTestApp({ worker: true, now: shanghai('2026-11-25T10:00:00') });
    clock = app.clock;
    http = new Http(app.api);
    await addContact(app.db.admin, 'hongan@anhai.demo', '鸿安机械', '蔡鸿安');
    await addContact(app.db.admin, 'quanan@anhai.demo', '泉安数控', '许美玲');
    tokens = {};
    for (const who of ['official', 'jingong', 'xingyi', 'hongan', 'quanan', 'dept'])
      tokens[who] = await http.token(`${who}@anhai.demo`);
    alliance = await idOf(app.db.admin, 'alliances', '安海镇智能装备制造产业集群党建联盟');
    tenantId = (await app.db.admin.query(`SELECT id FROM tenants WHERE slug = 'anhai'`)).rows[0].id;
  });
  afterAll(() => app.close());

  const call = {
    name: '2026 年省级智能制造示范项目',
    issuingBody: '福建省工业和信息化厅',
    deadline: '2026-12-10',
    eligibilityTags: ['智能控制', '液压件'],
    description: '申报指南见附件',
  };

  it('lets the lead enterprise publish a call and tells only the eligible members', async () => {
    expect(
      (await http.post('/api/v1/project-calls', { ...call, allianceId: alliance }, { token: tokens.xingyi })).status,
    ).toBe(403);
    expect(
      (await http.post('/api/v1/project-calls', { ...call, allianceId: alliance }, { token: tokens.dept })).status,
    ).toBe(403);
    const created = await http.post(
      '/api/v1/project-calls',
      { ...call, allianceId: alliance },
      { token: tokens.jingong },
    );
    expect(created.status).toBe(201);
    expect(created.body.eligibleOrganizations.map((o: { name: string }) => o.name).sort()).toEqual(
      ['兴翼机械', '鸿安机械'].sort(),
    );
    for (const who of ['xingyi', 'hongan'])
      expect(await titles(http, tokens[who])).toContain('项目申报：2026 年省级智能制造示范项目');
    expect(await titles(http, tokens.quanan)).not.toContain('项目申报：2026 年省级智能制造示范项目');
    const list = await http.get('/api/v1/project-calls', { token: tokens.quanan });
    expect(list.body.items.find((c: { id: string }) => c.id === created.body.id)).toMatchObject({
      eligible: false,
      myApplicationId: null,
    });

    const refused = await http.post(
      `/api/v1/project-calls/${created.body.id}/applications`,
      {},
      { token: tokens.quanan },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([{ field: 'organizationId', reason: '贵单位不符合该项目的申报条件' }]);
  });

  it("tracks an application step by step with notes, the verdict being the team's", async () => {
    const created = await http.post(
      '/api/v1/project-calls',
      { ...call, name: '技改专项资金', allianceId: alliance },
      { token: tokens.official },
    );
    const applied = await http.post(
      `/api/v1/project-calls/${created.body.id}/applications`,
      { note: '准备可研报告' },
      { token: tokens.xingyi },
    );
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ step: 'preparing', unfinished: true, organization: { name: '兴翼机械' } });
    expect(
      (await http.post(`/api/v1/project-calls/${created.body.id}/applications`, {}, { token: tokens.xingyi })).status,
    ).toBe(409);

    const id = applied.body.id;
    const wrong = await http.post(
      `/api/v1/project-applications/${id}/step`,
      { step: 'approved' },
      { token: tokens.xingyi, language: 'en' },
    );
    expect(wrong.status).toBe(409);
    expect(wrong.body.details).toEqual([{ field: 'step', reason: 'cannot go from preparing to approved' }]);
    await http.post(
      `/api/v1/project-applications/${id}/step`,
      { step: 'materials_submitted', note: '材料已交服务队' },
      { token: tokens.xingyi },
    );
    expect(await titles(http, tokens.jingong)).toContain('申报进展：技改专项资金');
    await http.post(
      `/api/v1/project-applications/${id}/notes`,
      { note: '请补充近三年审计报告' },
      { token: tokens.jingong },
    );
    expect(await titles(http, tokens.xingyi)).toContain('申报进展：技改专项资金');
    const review = await http.post(
      `/api/v1/project-applications/${id}/step`,
      { step: 'under_review', note: '已报送省厅' },
      { token: tokens.jingong },
    );
    expect(review.body).toMatchObject({ step: 'under_review', unfinished: false });
    expect(
      (await http.post(`/api/v1/project-applications/${id}/step`, { step: 'approved' }, { token: tokens.xingyi }))
        .status,
    ).toBe(403);
    const approved = await http.post(
      `/api/v1/project-applications/${id}/step`,
      { step: 'approved', note: '获批 50 万元' },
      { token: tokens.official },
    );
    expect(approved.body.notes.map((n: { step: string; note: string }) => [n.step, n.note])).toEqual([
      ['preparing', '准备可研报告'],
      ['materials_submitted', '材料已交服务队'],
      ['materials_submitted', '请补充近三年审计报告'],
      ['under_review', '已报送省厅'],
      ['approved', '获批 50 万元'],
    ]);
    expect((await http.get(`/api/v1/project-applications/${id}`, { token: tokens.hongan })).status).toBe(404);
    const detail = await http.get(`/api/v1/project-calls/${created.body.id}`, { token: tokens.hongan });
    expect(detail.body.applications).toEqual([]);
  });

  it('reminds members who have not finished or not started applying, 7 days and 1 day before the deadline, each once', async () => {
    // Open calls closing on 2026-12-10, from the tests above and this one (eligible: 兴翼机械 and 鸿安机械):
    //   2026 年省级智能制造示范项目: nobody applied                  -> 兴翼机械, 鸿安机械
    //   技改专项资金: 兴翼机械 approved, 鸿安机械 not applied         -> 鸿安机械
    //   专精特新申报: 鸿安机械 preparing, 兴翼机械 under review       -> 鸿安机械
    const created = await http.post(
      '/api/v1/project-calls',
      { ...call, name: '专精特新申报', deadline: '2026-12-10', allianceId: alliance },
      { token: tokens.official },
    );
    await http.post(`/api/v1/project-calls/${created.body.id}/applications`, {}, { token: tokens.hongan });
    const done = await http.post(`/api/v1/project-calls/${created.body.id}/applications`, {}, { token: tokens.xingyi });
    await http.post(
      `/api/v1/project-applications/${done.body.id}/step`,
      { step: 'materials_submitted' },
      { token: tokens.xingyi },
    );
    await http.post(
      `/api/v1/project-applications/${done.body.id}/step`,
      { step: 'under_review' },
      { token: tokens.official },
    );
    const first = (await http.get('/api/v1/project-calls', { token: tokens.official })).body.items.find(
      (c: { name: string }) => c.name === call.name,
    );

    const remind = () => app.worker!.get(ProjectDeadlineRemindersHandler).forTenant(tenantId);
    const inbox = async (who: string) => {
      const items = (await http.get('/api/v1/notifications', { token: tokens[who] })).body.items as {
        title: string;
        body: string;
      }[];
      const counts: Record<string, number> = {};
      for (const n of items.filter((n) => n.title.startsWith('申报截止提醒：')))
        counts[n.title.slice('申报截止提醒：'.length)] = (counts[n.title.slice('申报截止提醒：'.length)] ?? 0) + 1;
      return counts;
    };
    expect(await remind()).toBe(0);
    clock.set(shanghai('2026-12-03T09:00:00'));
    expect(await remind()).toBe(4);
    expect(await remind()).toBe(0);
    expect(await inbox('hongan')).toEqual({ [call.name]: 1, 技改专项资金: 1, 专精特新申报: 1 });
    expect(await inbox('xingyi')).toEqual({ [call.name]: 1 });
    const notApplied = (await http.get('/api/v1/notifications', { token: tokens.xingyi })).body.items.find(
      (n: { title: string }) => n.title === `申报截止提醒：${call.name}`,
    );
    expect(notApplied.body).toBe(
      `“${call.name}”将于 2026-12-10 截止申报（还有 7 天），贵单位符合申报条件但尚未申报，项目申报服务队可协助申报。`,
    );

    // Applying inside the window is not a reason to be told again.
    clock.set(shanghai('2026-12-06T09:00:00'));
    expect(
      (await http.post(`/api/v1/project-calls/${first.id}/applications`, {}, { token: tokens.hongan })).status,
    ).toBe(201);
    expect(await remind()).toBe(0);

    clock.set(shanghai('2026-12-09T09:00:00'));
    expect(await remind()).toBe(4);
    expect(await remind()).toBe(0);
    expect(await inbox('hongan')).toEqual({ [call.name]: 2, 技改专项资金: 2, 专精特新申报: 2 });
    expect(await inbox('xingyi')).toEqual({ [call.name]: 2 });
    for (const who of ['quanan', 'jingong', 'official', 'dept']) expect(await inbox(who)).toEqual({});
    clock.set(shanghai('2026-11-25T10:00:00'));
  });

  it('keeps calls inside the township', async () => {
    const created = await http.post('/api/v1/project-calls', { ...call, name: '本镇项目' }, { token: tokens.official });
    const other = await createOtherTenant(app.db.admin);
    const otherToken = await http.token(other.email);
    expect((await http.get(`/api/v1/project-calls/${created.body.id}`, { token: otherToken })).status).toBe(404);
    expect((await http.get('/api/v1/project-calls', { token: otherToken })).body.items).toEqual([]);
    const bad = await http.post(
      '/api/v1/project-calls',
      { name: 'x', issuingBody: '', deadline: '2026-13-01' },
      { token: tokens.official },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['deadline', 'issuingBody', 'name']);
  });
});
