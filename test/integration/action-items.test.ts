import { ActionItemsEscalationHandler } from '../../src/modules/action-items/action-items-escalation.handler';
import type { ControlledClock } from '../support/clock';
import { Http } from '../support/http';
import { createOtherTenant } from '../support/tenants';
import { startTestApp, TestApp } from '../support/test-app';

const shanghai = (local: string) => new Date(`${local}+08:00`);

describe('action items (议定事项) tracked to done', () => {
  let app: TestApp;
  let http: Http;
  let clock: ControlledClock;
  let official: string;
  let ids: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp({ worker: true, now: shanghai('2026-11-25T10:00:00') });
    clock = app.clock;
    http = new Http(app.api);
    official = await http.token('official@anhai.demo');
    const q = async (sql: string) => (await app.db.admin.query(sql)).rows[0].id as string;
    ids = {
      alliance: await q(`SELECT id FROM alliances WHERE name = '安海镇智能装备制造产业集群党建联盟'`),
      finance: await q(`SELECT id FROM organizations WHERE name = '安海镇财政所'`),
      xingyi: await q(`SELECT id FROM organizations WHERE name = '兴翼机械'`),
      tenant: await q(`SELECT id FROM tenants WHERE slug = 'anhai'`),
    };
  });
  afterAll(() => app.close());

  it('assigns an item to an organisation, which reports progress to done; the board shows it', async () => {
    const created = await http.post(
      '/api/v1/action-items',
      {
        allianceId: ids.alliance,
        title: '梳理技改贴息政策清单',
        ownerOrganizationId: ids.finance,
        dueOn: '2026-12-10',
      },
      { token: official },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'open',
      progress: 0,
      overdue: false,
      ownerOrganization: { name: '安海镇财政所' },
    });
    const finance = await http.token('finance@anhai.demo');
    expect(
      (await http.get('/api/v1/notifications', { token: finance })).body.items.map((n: { title: string }) => n.title),
    ).toContain('议定事项：梳理技改贴息政策清单');

    const half = await http.post(
      `/api/v1/action-items/${created.body.id}/progress`,
      { progress: 50, note: '已完成初稿' },
      { token: finance },
    );
    expect(half.body).toMatchObject({ status: 'in_progress', progress: 50 });
    const done = await http.post(
      `/api/v1/action-items/${created.body.id}/progress`,
      { progress: 100, note: '清单已印发' },
      { token: finance },
    );
    expect(done.body).toMatchObject({ status: 'done', progress: 100 });
    expect(done.body.updates.map((u: { note: string }) => u.note)).toEqual(['已完成初稿', '清单已印发']);
    expect(
      (await http.post(`/api/v1/action-items/${created.body.id}/progress`, { progress: 10 }, { token: finance }))
        .status,
    ).toBe(409);

    const board = await http.get(`/api/v1/action-items?allianceId=${ids.alliance}`, { token: official });
    expect(board.body.items.map((i: { title: string }) => i.title)).toContain('梳理技改贴息政策清单');
    const xingyi = await http.token('xingyi@anhai.demo');
    expect((await http.get(`/api/v1/action-items/${created.body.id}`, { token: xingyi })).status).toBe(404);
    expect((await http.get('/api/v1/action-items', { token: xingyi })).body.items).toEqual([]);
    expect(
      (
        await http.post(
          '/api/v1/action-items',
          { allianceId: ids.alliance, title: 'x', ownerOrganizationId: ids.finance, dueOn: '2026-12-10' },
          { token: finance },
        )
      ).status,
    ).toBe(403);
  });

  it('escalates an overdue item level by level, each once', async () => {
    const item = await http.post(
      '/api/v1/action-items',
      { allianceId: ids.alliance, title: '走访链上企业', ownerOrganizationId: ids.finance, dueOn: '2026-11-26' },
      { token: official },
    );
    const escalate = () => app.worker!.get(ActionItemsEscalationHandler).forTenant(ids.tenant);
    expect(await escalate()).toBe(0);
    clock.set(shanghai('2026-11-27T09:00:00'));
    expect(await escalate()).toBe(1);
    expect(await escalate()).toBe(0);
    expect((await http.get(`/api/v1/action-items/${item.body.id}`, { token: official })).body).toMatchObject({
      overdue: true,
      escalationLevel: 1,
    });
    clock.set(shanghai('2026-11-30T18:00:00'));
    expect(await escalate()).toBe(1); // two working days later: the township leader
    expect((await http.get(`/api/v1/action-items/${item.body.id}`, { token: official })).body.escalationLevel).toBe(3);
    const titles = (await http.get('/api/v1/notifications', { token: official })).body.items.map(
      (n: { title: string }) => n.title,
    );
    expect(titles).toContain('【督办】议定事项逾期：走访链上企业');
  });

  it("refuses another township's alliance, or an id of nothing, by its field; nothing is stored", async () => {
    const other = await createOtherTenant(app.db.admin);
    const count = async () =>
      (await app.db.admin.query(`SELECT count(*)::int AS n FROM action_items`)).rows[0].n as number;
    const before = await count();
    for (const allianceId of [other.allianceId, '0b5e8f0c-5a3e-4c1e-9d7a-3f1f6d2c9a11']) {
      const refused = await http.post(
        '/api/v1/action-items',
        { allianceId, title: '不属于本镇的联盟', ownerOrganizationId: ids.finance, dueOn: '2026-12-10' },
        { token: official },
      );
      expect([refused.status, refused.body.details]).toEqual([400, [{ field: 'allianceId', reason: '不存在' }]]);
    }
    expect(await count()).toBe(before);
  });

  it('lists the venues and zones that meetings reserve', async () => {
    const venues = await http.get('/api/v1/venues', { token: await http.token('xingyi@anhai.demo') });
    expect(venues.body.items[0]).toMatchObject({ name: '安海镇智能装备产业集群党群活动中心' });
    expect(venues.body.items[0].zones.map((z: { kind: string }) => z.kind).sort()).toEqual([
      'enterprise_showcase',
      'joint_consultation',
      'meeting_room',
      'party_activity',
      'shared_office',
    ]);
  });
});
