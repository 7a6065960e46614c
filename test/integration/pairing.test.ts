import { PairingRemindersHandler } from '../../src/modules/pairing/pairing-reminders.handler';
import type { ControlledClock } from '../support/clock';
import { Http } from '../support/http';
import { createOtherTenant } from '../support/tenants';
import { startTestApp, TestApp } from '../support/test-app';

const DAY = 86_400_000;
const shanghaiDate = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);

describe('pairing contact (结对联系)', () => {
  let app: TestApp;
  let http: Http;
  let clock: ControlledClock;
  let official: string;
  let ids: Record<string, string>;
  const start = new Date('2026-11-25T10:00:00+08:00');

  beforeAll(async () => {
    app = await startTestApp({ worker: true, now: start });
    clock = app.clock;
    http = new Http(app.api);
    official = await http.token('official@anhai.demo');
    const q = async (sql: string) => (await app.db.admin.query(sql)).rows[0].id as string;
    ids = {
      tenant: await q(`SELECT id FROM tenants WHERE slug = 'anhai'`),
      official: await q(`SELECT id FROM users WHERE email = 'official@anhai.demo'`),
      xingyi: await q(`SELECT id FROM organizations WHERE name = '兴翼机械'`),
      jingong: await q(`SELECT id FROM organizations WHERE name = '晋工机械'`),
      finance: await q(`SELECT id FROM organizations WHERE name = '安海镇财政所'`),
      safety: await q(
        `SELECT c.id FROM service_categories c JOIN alliances a ON a.id = c.alliance_id WHERE c.code = 'safety_environment' AND a.name = '安海镇智能装备制造产业集群党建联盟'`,
      ),
    };
  });
  afterAll(() => app.close());

  const pairOf = async (organizationId: string) =>
    (await http.get('/api/v1/pairing/pairs', { token: official })).body.items.find(
      (p: { organization: { id: string } }) => p.organization.id === organizationId,
    );

  it("lists the official's pairs with the ones gone too long without a visit", async () => {
    const pairs = await http.get('/api/v1/pairing/pairs', { token: official });
    expect(pairs.status).toBe(200);
    const byName = Object.fromEntries(
      pairs.body.items.map((p: { organization: { name: string } }) => [p.organization.name, p]),
    );
    expect(byName['晋工机械']).toMatchObject({
      overdue: true,
      daysOverdue: 15,
      intervalDays: 30,
      lastVisitOn: shanghaiDate(new Date(start.getTime() - 45 * DAY)),
    });
    expect(byName['兴翼机械']).toMatchObject({ overdue: false, daysOverdue: 0 });
    expect(byName['鸿安机械']).toMatchObject({ overdue: false, lastVisitOn: null });
    const overdue = await http.get('/api/v1/pairing/pairs?overdue=true', { token: official });
    expect(overdue.body.items.map((p: { organization: { name: string } }) => p.organization.name)).toEqual([
      '晋工机械',
    ]);
    expect((await http.get('/api/v1/pairing/pairs', { token: await http.token('xingyi@anhai.demo') })).status).toBe(
      403,
    );
  });

  it('turns a problem raised on a visit into a service request in one step, once', async () => {
    const pair = await pairOf(ids.xingyi);
    const visit = await http.post(
      `/api/v1/pairing/pairs/${pair.id}/visits`,
      {
        visitedOn: shanghaiDate(start),
        peopleMet: '黄丽娟、总经理',
        notes: '了解扩产计划',
        problems: ['危化品仓库安全评估需要指导', '招工难'],
      },
      { token: official },
    );
    expect(visit.status).toBe(201);
    expect(visit.body.problems).toEqual([
      { index: 0, description: '危化品仓库安全评估需要指导', serviceRequest: null },
      { index: 1, description: '招工难', serviceRequest: null },
    ]);
    const url = `/api/v1/pairing-visits/${visit.body.id}/problems/0/service-request`;
    const [a, b] = await Promise.all([
      http.post(url, { categoryId: ids.safety }, { token: official }),
      http.post(url, { categoryId: ids.safety }, { token: official }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.serviceRequest.id).toBe(b.body.serviceRequest.id);
    expect([a.body.replayed, b.body.replayed].sort()).toEqual([false, true]);
    const again = await http.post(url, { categoryId: ids.safety }, { token: official });
    expect(again.body).toMatchObject({ replayed: true, serviceRequest: { id: a.body.serviceRequest.id } });
    const { rows } = await app.db.admin.query(
      `SELECT count(*)::int AS n FROM service_requests WHERE title = '危化品仓库安全评估需要指导'`,
    );
    expect(rows[0].n).toBe(1);

    // Filed on behalf of the enterprise: its contact sees it as theirs; the visit links to it.
    const xingyi = await http.token('xingyi@anhai.demo');
    const request = await http.get(`/api/v1/service-requests/${a.body.serviceRequest.id}`, { token: xingyi });
    expect(request.status).toBe(200);
    expect(request.body).toMatchObject({ title: '危化品仓库安全评估需要指导' });
    expect(request.body.description).toContain('结对走访');
    const reloaded = await http.get(`/api/v1/pairing-visits/${visit.body.id}`, { token: official });
    expect(reloaded.body.problems[0].serviceRequest).toMatchObject({ id: a.body.serviceRequest.id });

    const missing = await http.post(
      `/api/v1/pairing-visits/${visit.body.id}/problems/5/service-request`,
      { categoryId: ids.safety },
      { token: official },
    );
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([{ field: 'index', reason: '该走访没有第 5 个问题' }]);
    const noCategory = await http.post(
      `/api/v1/pairing-visits/${visit.body.id}/problems/1/service-request`,
      { categoryId: 'nope' },
      { token: official },
    );
    expect(noCategory.status).toBe(400);
    expect(noCategory.body.details[0].field).toBe('categoryId');
  });

  it('refuses bad pairs and visits with the field and reason', async () => {
    const notEnterprise = await http.post(
      '/api/v1/pairing/pairs',
      { officialUserId: ids.official, organizationId: ids.finance },
      { token: official },
    );
    expect(notEnterprise.body.details).toEqual([{ field: 'organizationId', reason: '必须是企业' }]);
    const pair = await pairOf(ids.xingyi);
    const future = await http.post(
      `/api/v1/pairing/pairs/${pair.id}/visits`,
      { visitedOn: shanghaiDate(new Date(start.getTime() + 3 * DAY)), peopleMet: '某人' },
      { token: official },
    );
    expect(future.body.details).toEqual([{ field: 'visitedOn', reason: '不能晚于今天' }]);
    const interval = await http.patch(`/api/v1/pairing/pairs/${pair.id}`, { intervalDays: 0 }, { token: official });
    expect(interval.status).toBe(400);
    expect(interval.body.details[0].field).toBe('intervalDays');
  });

  it('reminds the official of overdue pairs daily, once per overdue period', async () => {
    const remind = () => app.worker!.get(PairingRemindersHandler).forTenant(ids.tenant);
    expect(await remind()).toBe(1);
    expect(await remind()).toBe(0);
    const titles = (await http.get('/api/v1/notifications', { token: official })).body.items.map(
      (n: { title: string }) => n.title,
    );
    expect(titles).toContain('结对走访提醒：晋工机械');

    // A visit starts a new period; when that one runs out, the official is told again.
    const pair = await pairOf(ids.jingong);
    await http.post(
      `/api/v1/pairing/pairs/${pair.id}/visits`,
      { visitedOn: shanghaiDate(start), peopleMet: '王志强' },
      { token: official },
    );
    expect((await pairOf(ids.jingong)).overdue).toBe(false);
    expect(await remind()).toBe(0);
    clock.set(new Date(start.getTime() + 31 * DAY));
    expect((await pairOf(ids.jingong)).overdue).toBe(true);
    // Due now: 晋工机械 (visited today, every 30 days) and 兴翼机械 (seeded 10 days ago, every 30 days);
    // 鸿安机械 was paired today for every 60 days.
    expect(await remind()).toBe(2);
    expect(await remind()).toBe(0);
    const overdue = (await http.get('/api/v1/notifications', { token: official })).body.items
      .map((n: { title: string }) => n.title)
      .filter((t: string) => t.startsWith('结对走访提醒：'))
      .sort();
    expect(overdue).toEqual(['结对走访提醒：兴翼机械', '结对走访提醒：晋工机械', '结对走访提醒：晋工机械']);
    clock.set(start);
  });

  it('keeps other tenants out (404)', async () => {
    const other = await createOtherTenant(app.db.admin);
    const token = await http.token(other.email);
    const pair = await pairOf(ids.xingyi);
    expect((await http.get(`/api/v1/pairing/pairs/${pair.id}`, { token })).status).toBe(404);
    expect((await http.get(`/api/v1/pairing/pairs/${pair.id}/visits`, { token })).status).toBe(404);
    expect(
      (
        await http.post(
          `/api/v1/pairing/pairs/${pair.id}/visits`,
          { visitedOn: '2026-01-01', peopleMet: '某人' },
          { token },
        )
      ).status,
    ).toBe(404);
    expect((await http.get('/api/v1/pairing/pairs?all=true', { token })).body.items).toEqual([]);
  });
});
