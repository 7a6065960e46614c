import { IndicatorRemindersHandler } from '../../src/modules/indicators/indicator-reminders.handler';
import type { ControlledClock } from '../support/clock';
import { Http } from '../support/http';
import { addContact } from '../support/members';
import { createOtherTenant, idOf } from '../support/tenants';
import { startTestApp, TestApp } from '../support/test-app';

const shanghai = (local: string) => new Date(`${local}+08:00`);

describe('enterprise indicators', () => {
  let app: TestApp;
  let http: Http;
  let clock: ControlledClock;
  let tokens: Record<string, string>;
  let alliance: string;
  let tenantId: string;
  // Quarterly rounds: the demo seed already holds the yearly 2025 and 2026 rounds.
  const fields = [{ key: 'output_value' }, { key: 'patents' }, { key: 'employees', required: false }];

  beforeAll(async () => {
    app = await startTestApp({ worker: true, now: shanghai('2026-11-25T10:00:00') });
    clock = app.clock;
    http = new Http(app.api);
    await addContact(app.db.admin, 'hongan@anhai.demo', '鸿安机械', '蔡鸿安');
    tokens = {};
    for (const who of ['official', 'jingong', 'xingyi', 'hongan']) tokens[who] = await http.token(`${who}@anhai.demo`);
    alliance = await idOf(app.db.admin, 'alliances', '安海镇智能装备制造产业集群党建联盟');
    tenantId = (await app.db.admin.query(`SELECT id FROM tenants WHERE slug = 'anhai'`)).rows[0].id;
  });
  afterAll(() => app.close());

  const open = (period: string, deadline = '2026-12-10') =>
    http.post(
      '/api/v1/indicator-rounds',
      { allianceId: alliance, period, deadline, fields },
      { token: tokens.official },
    );
  const save = (token: string, roundId: string, values: Record<string, unknown>, submit = true, language?: 'en') =>
    http.put(`/api/v1/indicator-rounds/${roundId}/submission`, { values, submit }, { token, language });

  let round2025: string;
  let round2026: string;

  it('opens rounds from the catalogue and refuses unknown fields, bad periods and duplicates', async () => {
    const catalogue = await http.get('/api/v1/indicator-catalogue', { token: tokens.xingyi });
    expect(catalogue.body.items.find((c: { key: string }) => c.key === 'output_value')).toMatchObject({
      unit: '万元',
      type: 'decimal',
      min: 0,
    });
    const r2025 = await open('2025-Q3');
    expect(r2025.status).toBe(201);
    expect(r2025.body).toMatchObject({ period: '2025-Q3', year: 2025, quarter: 3, expected: 25, submitted: 0 });
    expect(r2025.body.fields[0]).toEqual({
      key: 'output_value',
      type: 'decimal',
      unit: '万元',
      min: 0,
      required: true,
    });
    round2025 = r2025.body.id;
    round2026 = (await open('2026-Q3')).body.id;
    expect(
      await (async () =>
        (await http.get('/api/v1/notifications', { token: tokens.xingyi })).body.items.map(
          (n: { title: string }) => n.title,
        ))(),
    ).toContain('企业指标填报：2026-Q3');
    expect((await open('2026-Q3')).status).toBe(409);
    const bad = await http.post(
      '/api/v1/indicator-rounds',
      { allianceId: alliance, period: '2026-Q5', deadline: '2026-12-10', fields: [{ key: 'profit' }] },
      { token: tokens.official },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['period']);
    const unknown = await http.post(
      '/api/v1/indicator-rounds',
      { allianceId: alliance, period: '2026-Q2', deadline: '2026-12-10', fields: [{ key: 'profit' }] },
      { token: tokens.official, language: 'en' },
    );
    expect(unknown.body.details).toEqual([{ field: 'fields.0.key', reason: 'is not in the catalogue: profit' }]);
    expect(
      (
        await http.post(
          '/api/v1/indicator-rounds',
          { allianceId: alliance, period: '2024', deadline: '2026-12-10', fields },
          { token: tokens.xingyi },
        )
      ).status,
    ).toBe(403);
  });

  it('validates each value and names the field and the reason', async () => {
    const bad = await save(
      tokens.xingyi,
      round2026,
      { output_value: 'abc', patents: 1.5, employees: -1, profit: 3 },
      true,
      'en',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([
      { field: 'values.profit', reason: 'is not a field of this round' },
      { field: 'values.output_value', reason: 'must be a number' },
      { field: 'values.patents', reason: 'must be a whole number' },
      { field: 'values.employees', reason: 'must not be less than 0' },
    ]);
    const missing = await save(tokens.xingyi, round2026, { employees: 120 });
    expect(missing.body.details).toEqual([
      { field: 'values.output_value', reason: '必须填写' },
      { field: 'values.patents', reason: '必须填写' },
    ]);
    const draft = await save(tokens.xingyi, round2026, { employees: 120 }, false);
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ status: 'draft', values: { employees: 120 } });
  });

  it('aggregates the submitted figures in SQL and compares year on year', async () => {
    expect((await save(tokens.xingyi, round2025, { output_value: 1000, patents: 10 })).body.status).toBe('submitted');
    await save(tokens.jingong, round2025, { output_value: 5000, patents: 20, employees: 300 });
    await save(tokens.xingyi, round2026, { output_value: 1500.5, patents: 12, employees: 120 });
    await save(tokens.jingong, round2026, { output_value: 5500, patents: 18 });
    await save(tokens.hongan, round2026, { output_value: 800 }, false); // a draft does not count
    expect((await save(tokens.xingyi, round2026, { output_value: 1, patents: 1 })).status).toBe(409);

    const results = await http.get(`/api/v1/indicator-rounds/${round2026}/results`, { token: tokens.official });
    expect(results.status).toBe(200);
    expect(results.body).toMatchObject({
      period: '2026-Q3',
      expected: 25,
      submitted: 2,
      submissionRate: 0.08,
      previousRound: { id: round2025, period: '2025-Q3' },
    });
    expect(results.body.fields).toEqual([
      {
        key: 'output_value',
        unit: '万元',
        reported: 2,
        sum: 7000.5,
        avg: 3500.25,
        previousSum: 6000,
        yoyPercent: 16.7,
      },
      { key: 'patents', unit: '件', reported: 2, sum: 30, avg: 15, previousSum: 30, yoyPercent: 0 },
      { key: 'employees', unit: '人', reported: 1, sum: 120, avg: 120, previousSum: 300, yoyPercent: -60 },
    ]);
    const progress = await http.get(`/api/v1/indicator-rounds/${round2026}/progress?limit=100`, {
      token: tokens.official,
    });
    expect(progress.body.items).toHaveLength(25);
    // By stage, then name: a page of 20 and the rest, and the drafts after those with nothing yet.
    const firstPage = await http.get(`/api/v1/indicator-rounds/${round2026}/progress`, { token: tokens.official });
    const rest = await http.get(`/api/v1/indicator-rounds/${round2026}/progress?cursor=${firstPage.body.nextCursor}`, {
      token: tokens.official,
    });
    expect([...firstPage.body.items, ...rest.body.items]).toEqual(progress.body.items);
    expect([firstPage.body.items.length, rest.body.nextCursor]).toEqual([20, null]);
    const stages = progress.body.items.map((r: { status: string | null }) => r.status ?? 'none');
    expect(stages).toEqual(
      [...stages].sort(
        (a: string, b: string) => ['none', 'draft', 'submitted'].indexOf(a) - ['none', 'draft', 'submitted'].indexOf(b),
      ),
    );
    expect(
      progress.body.items.find((r: { organization: { name: string } }) => r.organization.name === '鸿安机械').status,
    ).toBe('draft');
    expect((await http.get(`/api/v1/indicator-rounds/${round2026}/results`, { token: tokens.xingyi })).status).toBe(
      403,
    );
    const mine = await http.get(`/api/v1/indicator-rounds/${round2026}/submission`, { token: tokens.hongan });
    expect(mine.body).toMatchObject({ status: 'draft', values: { output_value: 800 } });
  });

  it('chases the members that have not submitted before the deadline, each reminder once', async () => {
    const remind = () => app.worker!.get(IndicatorRemindersHandler).forTenant(tenantId);
    expect(
      (await http.post(`/api/v1/indicator-rounds/${round2025}/close`, {}, { token: tokens.official })).body.status,
    ).toBe('closed');
    expect(await remind()).toBe(0);
    clock.set(shanghai('2026-12-03T09:00:00'));
    expect(await remind()).toBe(1); // 鸿安机械 only: the other members without a submission have no contact to tell
    expect(await remind()).toBe(0);
    clock.set(shanghai('2026-12-09T09:00:00'));
    expect(await remind()).toBe(1);
    expect(await remind()).toBe(0);
    const titles = (await http.get('/api/v1/notifications', { token: tokens.hongan })).body.items.map(
      (n: { title: string }) => n.title,
    );
    expect(titles.filter((t: string) => t === '指标填报提醒：2026-Q3')).toHaveLength(2);
    expect(
      (await http.get('/api/v1/notifications', { token: tokens.xingyi })).body.items.map(
        (n: { title: string }) => n.title,
      ),
    ).not.toContain('指标填报提醒：2026-Q3');
    clock.set(shanghai('2026-11-25T10:00:00'));
  });

  it('refuses figures after the deadline until an official extends it', async () => {
    clock.set(shanghai('2026-12-11T08:00:00'));
    const late = await save(tokens.hongan, round2026, { output_value: 820, patents: 2 });
    expect(late.status).toBe(409);
    expect(late.body.details).toEqual([
      { field: 'deadline', reason: '填报已于 2026-12-10 截止，如需补报请联系镇干部延长截止日期' },
    ]);
    const draft = await save(tokens.hongan, round2026, { output_value: 820 }, false, 'en');
    expect(draft.status).toBe(409);
    expect(draft.body.details).toEqual([
      { field: 'deadline', reason: 'the round closed on 2026-12-10; an official can extend the deadline' },
    ]);
    expect(
      (await http.get(`/api/v1/indicator-rounds/${round2026}/submission`, { token: tokens.hongan })).body,
    ).toMatchObject({ status: 'draft', values: { output_value: 800 } });

    const reschedule = (id: string, deadline: string, token = tokens.official) =>
      http.patch(`/api/v1/indicator-rounds/${id}`, { deadline }, { token });
    expect((await reschedule(round2026, '2026-12-20', tokens.hongan)).status).toBe(403);
    const past = await reschedule(round2026, '2026-12-10');
    expect(past.status).toBe(400);
    expect(past.body.details).toEqual([{ field: 'deadline', reason: '不能早于今天' }]);
    expect((await reschedule(round2026, '2026-12-15')).body).toMatchObject({ deadline: '2026-12-15', status: 'open' });
    const extended = await save(tokens.hongan, round2026, { output_value: 820, patents: 2 });
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ status: 'submitted', values: { output_value: 820, patents: 2 } });
    // Extending a closed round opens it again.
    expect((await reschedule(round2025, '2026-12-15')).body).toMatchObject({ deadline: '2026-12-15', status: 'open' });
    clock.set(shanghai('2026-11-25T10:00:00'));
  });

  it("keeps rounds inside the township and a member's figures to itself", async () => {
    const other = await createOtherTenant(app.db.admin);
    const otherToken = await http.token(other.email);
    expect((await http.get(`/api/v1/indicator-rounds/${round2026}`, { token: otherToken })).status).toBe(404);
    expect((await http.get(`/api/v1/indicator-rounds/${round2026}/results`, { token: otherToken })).status).toBe(404);
    expect((await http.get('/api/v1/indicator-rounds', { token: otherToken })).body.items).toEqual([]);
    const xingyiView = await http.get(`/api/v1/indicator-rounds/${round2026}/submission`, { token: tokens.xingyi });
    expect(xingyiView.body.organization.name).toBe('兴翼机械');
  });
});
