import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { SweepSlaHandler, AutoCloseHandler } from '../../src/modules/service-requests/jobs/sla-jobs.handler';
import { DailyFiguresHandler } from '../../src/modules/service-requests/jobs/daily-figures.handler';
import { RouteRequestHandler } from '../../src/modules/service-requests/jobs/route-request.handler';
import { slaTimerKey } from '../../src/modules/service-requests/sla/sla-evaluator.service';
import { timerJobId } from '../../src/platform/outbox/outbox.service';
import { SERVICE_REQUESTS_QUEUE } from '../../src/modules/service-requests/service-requests.jobs';
import { WorkerModule } from '../../src/worker.module';
import { NestFactory } from '@nestjs/core';
import type { ControlledClock } from '../support/clock';
import { Http } from '../support/http';
import { submitAndRoute } from '../support/service-requests';
import { STATE_BACKENDS, startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import { describeWithRedis } from '../support/with-redis';

const shanghai = (local: string) => new Date(`${local}+08:00`);

describe.each(STATE_BACKENDS)('SLA supervision (督办) with a controlled clock, queues on %s', (backend) => {
  let app: TestApp;
  let http: Http;
  let clock: ControlledClock;
  let xingyi: string;
  let official: string;

  beforeAll(async () => {
    app = await startTestApp({ worker: true, now: shanghai('2026-11-25T10:00:00'), backend }); // a Wednesday
    clock = app.clock;
    http = new Http(app.api);
    xingyi = await http.token('xingyi@anhai.demo');
    official = await http.token('official@anhai.demo');
  });
  afterAll(() => app.close());

  const sweep = () => app.worker!.get(SweepSlaHandler).handle();
  const timeline = async (id: string) =>
    (await http.get(`/api/v1/service-requests/${id}`, { token: official })).body.timeline.map(
      (e: { type: string; data: { level?: number; phase?: string } }) =>
        [e.type, e.data.phase, e.data.level].filter((p) => p !== undefined).join(':'),
    );
  const titlesFor = async (email: string) =>
    (await http.get('/api/v1/notifications?limit=100', { token: await http.token(email) })).body.items.map(
      (n: { title: string }) => n.title,
    );

  it('warns at 80 %, then escalates to the handler, the department head and the township leader, each once', async () => {
    const request = await submitAndRoute(app, http, xingyi, { categoryCode: 'policy', title: '咨询技术改造补助' });
    expect(request.acceptDueAt).toBe(shanghai('2026-11-25T12:00:00').toISOString());
    // A delayed BullMQ timer waits for the next milestone (the warning at 80 %: 11:36).
    const queue = app.worker!.get<Queue>(getQueueToken(SERVICE_REQUESTS_QUEUE), { strict: false });
    const timer = await waitFor(
      () => queue.getJob(timerJobId(slaTimerKey(request.id), shanghai('2026-11-25T11:36:00'))),
      (job) => !!job,
    );
    expect(timer!.opts.delay).toBe(96 * 60_000);

    clock.set(shanghai('2026-11-25T11:40:00'));
    await sweep();
    expect(await timeline(request.id)).toContain('sla_warning:accept:0');
    expect((await http.get(`/api/v1/service-requests/${request.id}`, { token: official })).body.slaState).toBe(
      'at_risk',
    );
    // Due times to the microsecond, as a sweep or an import may write them: the cursor keeps them.
    await app.db.admin.query(
      `UPDATE service_requests SET resolve_due_at = resolve_due_at + interval '123 microseconds'`,
    );
    // At risk, it joins the board after every late request, once, in due-time order, page after page.
    const pages = await boardPages(1);
    expect(pages.find((r) => r.id === request.id)).toMatchObject({ slaState: 'at_risk' });
    expect(new Set(pages.map((r) => r.id)).size).toBe(pages.length);
    const byBoardOrder = [...pages].sort(
      (a, b) =>
        Number(a.slaState === 'at_risk') - Number(b.slaState === 'at_risk') ||
        a.resolveDueAt.localeCompare(b.resolveDueAt) ||
        a.id.localeCompare(b.id),
    );
    expect(pages).toEqual(byBoardOrder);
    expect(pages.map((r) => r.slaState)).toEqual(expect.arrayContaining(['breached', 'at_risk']));
    expect(pages.length).toBe(
      (await http.get('/api/v1/service-requests/supervision?limit=100', { token: official })).body.items.length,
    );

    clock.set(shanghai('2026-11-25T12:01:00'));
    await sweep();
    await sweep(); // running twice changes nothing
    clock.set(shanghai('2026-11-26T12:01:00'));
    await sweep();
    clock.set(shanghai('2026-11-27T12:01:00'));
    await sweep();
    const entries = await timeline(request.id);
    const sla = entries.filter((e: string) => e.startsWith('sla_') || e.startsWith('escalated'));
    expect(sla).toEqual(
      expect.arrayContaining([
        'sla_warning:accept:0',
        'sla_breached:accept:1',
        'escalated:accept:2',
        'escalated:accept:3',
        'sla_breached:resolve:1',
      ]),
    );
    expect(new Set(sla).size).toBe(sla.length); // each milestone once

    const detail = (await http.get(`/api/v1/service-requests/${request.id}`, { token: official })).body;
    expect(detail).toMatchObject({ slaState: 'breached', escalationLevel: 3 });
    expect(
      (await titlesFor(await emailOf(request.handler.id))).filter(
        (t: string) => t === `【督办】${request.number} 已超时`,
      ).length,
    ).toBeGreaterThanOrEqual(1);
    expect(await titlesFor('dept.head@anhai.demo')).toContain(`【督办】${request.number} 已超时`);
    expect(await titlesFor('official@anhai.demo')).toContain(`【督办】${request.number} 已超时`);

    const board = await http.get('/api/v1/service-requests/supervision', { token: official });
    expect(board.body.items.map((r: { id: string }) => r.id)).toContain(request.id);
    expect((await http.get('/api/v1/service-requests/supervision', { token: xingyi })).status).toBe(403);

    // Resolved, however late, it leaves the board.
    const handler = await http.token(await emailOf(request.handler.id));
    expect(
      (await http.post(`/api/v1/service-requests/${request.id}/accept`, undefined, { token: handler })).status,
    ).toBe(200);
    const resolved = await http.post(
      `/api/v1/service-requests/${request.id}/resolve`,
      { resolution: '已答复' },
      { token: handler },
    );
    expect(resolved.status).toBe(200);
    expect((await boardPages(100)).map((r) => r.id)).not.toContain(request.id);
  });

  /** Every page of the supervision board, `limit` requests at a time. */
  async function boardPages(limit: number): Promise<{ id: string; slaState: string; resolveDueAt: string }[]> {
    const items: { id: string; slaState: string; resolveDueAt: string }[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await http.get(`/api/v1/service-requests/supervision?limit=${limit}${query}`, { token: official });
      expect(page.status).toBe(200);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
      if (items.length > 1000) throw new Error('the board’s cursor leads back to pages already read');
    } while (cursor);
    return items;
  }

  async function emailOf(userId: string): Promise<string> {
    return (await app.db.admin.query('SELECT email FROM users WHERE id = $1', [userId])).rows[0].email;
  }

  it('counts only working time: weekends, public holidays off, make-up days on, as officials set them', async () => {
    clock.set(shanghai('2026-11-27T16:30:00')); // Friday afternoon
    const beforeWeekend = await submitAndRoute(app, http, xingyi, { categoryCode: 'policy', title: '周五下午的咨询' });
    expect(beforeWeekend.acceptDueAt).toBe(shanghai('2026-11-30T10:00:00').toISOString()); // 1 h on Friday, 1 h on Monday

    const holiday = await http.put(
      '/api/v1/working-calendar',
      { date: '2026-12-01', kind: 'holiday', name: '镇庆' },
      { token: official },
    );
    expect(holiday.body.days).toContainEqual({ date: '2026-12-01', kind: 'holiday', name: '镇庆' });
    clock.set(shanghai('2026-11-30T17:00:00')); // Monday 17:00; Tuesday is now a holiday
    const overHoliday = await submitAndRoute(app, http, xingyi, { categoryCode: 'policy', title: '节前的咨询' });
    expect(overHoliday.acceptDueAt).toBe(shanghai('2026-12-02T10:30:00').toISOString());
    const national = await http.get('/api/v1/working-calendar?year=2026', { token: xingyi });
    expect(national.body.days).toContainEqual({ date: '2026-10-10', kind: 'workday', name: '国庆节调休' });
    expect(
      (await http.put('/api/v1/working-calendar', { date: '2026-12-02', kind: 'holiday' }, { token: xingyi })).status,
    ).toBe(403);
  });

  it('lets the enterprise chase a late request once a day, and tells the handler', async () => {
    clock.set(shanghai('2026-12-03T09:00:00'));
    const request = await submitAndRoute(app, http, xingyi, { categoryCode: 'policy', title: '需要催办的咨询' });
    expect(
      (await http.post(`/api/v1/service-requests/${request.id}/chase`, undefined, { token: xingyi })).body,
    ).toMatchObject({ statusCode: 409, details: [{ field: 'status', reason: '请求尚未超时，暂不能催办' }] });
    clock.set(shanghai('2026-12-03T15:00:00'));
    const chased = await http.post(`/api/v1/service-requests/${request.id}/chase`, undefined, { token: xingyi });
    expect(chased.status).toBe(200);
    expect(chased.body.timeline.map((e: { type: string }) => e.type)).toContain('chased');
    expect((await http.post(`/api/v1/service-requests/${request.id}/chase`, undefined, { token: xingyi })).status).toBe(
      429,
    );
    expect(await titlesFor(await emailOf(request.handler.id))).toContain(`【催办】${request.number}`);
    clock.set(shanghai('2026-12-04T10:00:00'));
    expect((await http.post(`/api/v1/service-requests/${request.id}/chase`, undefined, { token: xingyi })).status).toBe(
      200,
    );
  });

  it('opens a follow-up for an official after a low rating, and closes unrated requests after seven days', async () => {
    clock.set(shanghai('2026-12-07T10:00:00'));
    const rated = await submitAndRoute(app, http, xingyi, { categoryCode: 'policy', title: '评价较低的咨询' });
    const handler = await http.token(await emailOf(rated.handler.id));
    await http.post(`/api/v1/service-requests/${rated.id}/accept`, undefined, { token: handler });
    await http.post(`/api/v1/service-requests/${rated.id}/resolve`, { resolution: '已答复' }, { token: handler });
    await http.post(
      `/api/v1/service-requests/${rated.id}/rate`,
      { rating: 2, comment: '答复不够具体' },
      { token: xingyi },
    );
    const { rows } = await app.db.admin.query('SELECT status, reason FROM follow_up_tasks WHERE request_id = $1', [
      rated.id,
    ]);
    expect(rows).toEqual([{ status: 'open', reason: 'rating 2' }]);
    expect(await titlesFor('official@anhai.demo')).toContain(`回访任务：${rated.number}`);

    const unrated = await submitAndRoute(app, http, xingyi, { categoryCode: 'policy', title: '无人评价的咨询' });
    const handler2 = await http.token(await emailOf(unrated.handler.id));
    await http.post(`/api/v1/service-requests/${unrated.id}/accept`, undefined, { token: handler2 });
    await http.post(`/api/v1/service-requests/${unrated.id}/resolve`, { resolution: '已答复' }, { token: handler2 });
    // Within the reopen window the enterprise may reopen; then it is resolved again.
    const reopened = await http.post(
      `/api/v1/service-requests/${unrated.id}/reopen`,
      { reason: '问题没有解决' },
      { token: xingyi },
    );
    expect(reopened.body.status).toBe('in_progress');
    await http.post(
      `/api/v1/service-requests/${unrated.id}/resolve`,
      { resolution: '已再次答复' },
      { token: handler2 },
    );
    clock.set(shanghai('2026-12-15T10:00:00'));
    expect(
      (await http.post(`/api/v1/service-requests/${unrated.id}/reopen`, { reason: '太晚了' }, { token: xingyi })).body
        .details,
    ).toEqual([{ field: 'status', reason: '已超过可重新打开的期限' }]);
    expect(await app.worker!.get(AutoCloseHandler).handle()).toBeGreaterThanOrEqual(1);
    const closed = await http.get(`/api/v1/service-requests/${unrated.id}`, { token: xingyi });
    expect(closed.body.status).toBe('closed');
    expect(closed.body.timeline.at(-1)).toMatchObject({ type: 'closed', data: { automatic: true } });
  });

  it('routes each request exactly once, however often the routing job runs', async () => {
    const request = await submitAndRoute(app, http, xingyi, { categoryCode: 'policy', title: '重复路由的咨询' });
    const {
      rows: [row],
    } = await app.db.admin.query('SELECT tenant_id FROM service_requests WHERE id = $1', [request.id]);
    const router = app.worker!.get(RouteRequestHandler);
    await Promise.all([
      router.handle({ tenantId: row.tenant_id, requestId: request.id }),
      router.handle({ tenantId: row.tenant_id, requestId: request.id }),
    ]);
    expect((await timeline(request.id)).filter((e: string) => e === 'routed')).toHaveLength(1);
    const { rows } = await app.db.admin.query(
      `SELECT count(*)::int AS n FROM notifications WHERE type = 'service-request.assigned' AND body LIKE '%重复路由的咨询%'`,
    );
    const staff = await app.db.admin.query(
      `SELECT count(*)::int AS n FROM users WHERE organization_id = (SELECT assigned_organization_id FROM service_requests WHERE id = $1)`,
      [request.id],
    );
    expect(rows[0].n).toBe(staff.rows[0].n);
  });
});

describeWithRedis('submission while Redis is unreachable', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
  });
  afterAll(() => app.close());

  it('accepts and stores the request (201) with its routing event, and routes it once Redis and a worker are back', async () => {
    const http = new Http(app.api);
    const xingyi = await http.token('xingyi@anhai.demo');
    const {
      rows: [alliance],
    } = await app.db.admin.query(`SELECT id FROM alliances WHERE name = '安海镇智能装备制造产业集群党建联盟'`);
    const {
      rows: [category],
    } = await app.db.admin.query(`SELECT id FROM service_categories WHERE code = 'policy'`);
    const started = Date.now();
    const reply = await http.post(
      '/api/v1/service-requests',
      { allianceId: alliance.id, categoryId: category.id, title: 'Redis 停机时提交', description: '验证事务性发件箱' },
      { token: xingyi },
    );
    expect(reply.status).toBe(201);
    expect(Date.now() - started).toBeLessThan(2000);
    const { rows: pending } = await app.db.admin.query(
      `SELECT published_at FROM outbox_events WHERE payload->>'requestId' = $1`,
      [reply.body.id],
    );
    expect(pending).toEqual([{ published_at: null }]);

    process.env.REDIS_URL = 'redis://127.0.0.1:6379';
    const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    try {
      const routed = await waitFor(
        () => http.get(`/api/v1/service-requests/${reply.body.id}`, { token: xingyi }),
        (r) => r.body.status === 'routed',
      );
      expect(routed.body.timeline.filter((e: { type: string }) => e.type === 'routed')).toHaveLength(1);
    } finally {
      await worker.close();
    }
  });
});

describe('service statistics', () => {
  let app: TestApp;
  let http: Http;

  beforeAll(async () => {
    app = await startTestApp({ worker: true, now: shanghai('2026-11-23T09:30:00') });
    http = new Http(app.api);
    // Count only what this test creates, not the demo seed's requests.
    await app.db.admin.query(`DELETE FROM service_requests WHERE idempotency_key LIKE 'demo-%'`);
  });
  afterAll(() => app.close());

  it('computes response, on-time and satisfaction per department and category, ranks departments, and exports to .xlsx', async () => {
    const clock = app.clock;
    clock.set(shanghai('2026-11-23T09:30:00')); // Monday
    const xingyi = await http.token('xingyi@anhai.demo');
    const official = await http.token('official@anhai.demo');
    const serve = async (title: string, category: string, rating: number, late = false) => {
      const request = await submitAndRoute(app, http, xingyi, { categoryCode: category, title });
      const handler = await http.token(
        (await app.db.admin.query('SELECT email FROM users WHERE id = $1', [request.handler.id])).rows[0].email,
      );
      if (late) clock.set(new Date(clock.now().getTime() + 3 * 86_400_000));
      await http.post(`/api/v1/service-requests/${request.id}/accept`, undefined, { token: handler });
      await http.post(`/api/v1/service-requests/${request.id}/resolve`, { resolution: '已办结' }, { token: handler });
      await http.post(`/api/v1/service-requests/${request.id}/rate`, { rating }, { token: xingyi });
      clock.set(shanghai('2026-11-23T09:30:00'));
    };
    await serve('咨询一', 'policy', 5);
    await serve('咨询二', 'policy', 4);
    await serve('办理贷款贴息', 'financing', 2, true);
    await submitAndRoute(app, http, xingyi, { categoryCode: 'talent', title: '招聘焊工' });

    const {
      rows: [alliance],
    } = await app.db.admin.query(`SELECT id FROM alliances WHERE name = '安海镇智能装备制造产业集群党建联盟'`);
    const stats = await http.get(
      `/api/v1/service-requests/statistics?allianceId=${alliance.id}&from=2026-11-01&to=2026-12-01`,
      { token: official },
    );
    expect(stats.status).toBe(200);
    expect(stats.body.totals).toMatchObject({ submitted: 4, resolved: 3, open: 1, satisfaction: 3.67, ratings: 3 });
    const [first, second] = stats.body.byDepartment;
    expect(first).toMatchObject({
      rank: 1,
      name: '安海镇经济发展办公室',
      submitted: 2,
      resolved: 2,
      responseRate: 1,
      onTimeRate: 1,
      satisfaction: 4.5,
    });
    expect(second).toMatchObject({ rank: 2, name: '安海镇财政所', responseRate: 0, onTimeRate: 1, satisfaction: 2 }); // accepted 3 days late, resolved within its 5 working days
    expect(stats.body.byCategory.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['政策咨询', '融资服务', '人才招聘']),
    );
    expect(stats.body.monthly).toEqual([expect.objectContaining({ month: '2026-11', submitted: 4 })]);
    expect(
      (
        await http.get(`/api/v1/service-requests/statistics?allianceId=${alliance.id}&from=2026-12-01&to=2026-11-01`, {
          token: official,
        })
      ).status,
    ).toBe(400);
    expect(
      (await http.get(`/api/v1/service-requests/statistics?allianceId=${alliance.id}`, { token: xingyi })).status,
    ).toBe(403);

    const started = await http.post(
      '/api/v1/service-requests/statistics/exports',
      { allianceId: alliance.id, from: '2026-11-01', to: '2026-12-01' },
      { token: official },
    );
    expect(started.status).toBe(202);
    const job = await waitFor(
      () => http.get(`/api/v1/jobs/${started.body.id}`, { token: official }),
      (r) => r.body.status === 'succeeded',
    );
    expect(job.body).toMatchObject({
      kind: 'service-statistics-export',
      progress: 100,
      fileName: '服务统计-2026-11-01-2026-12-01.xlsx',
    });
    const file = await app.api.inject({
      method: 'GET',
      url: `/api/v1/jobs/${started.body.id}/download`,
      headers: { authorization: `Bearer ${official}` },
    });
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['部门排名', '服务类别', '月度趋势']);
    expect(workbook.worksheets[0].getRow(2).values).toEqual(expect.arrayContaining([1, '安海镇经济发展办公室']));
  });

  it('reads the same figures from the daily sums as counted live, and counts a change before the sums catch up', async () => {
    const official = await http.token('official@anhai.demo');
    const xingyi = await http.token('xingyi@anhai.demo');
    const {
      rows: [{ id: alliance, tenant_id: tenantId }],
    } = await app.db.admin.query(
      `SELECT id, tenant_id FROM alliances WHERE name = '安海镇智能装备制造产业集群党建联盟'`,
    );
    const statistics = async () =>
      (
        await http.get(`/api/v1/service-requests/statistics?allianceId=${alliance}&from=2026-11-01&to=2026-12-01`, {
          token: official,
        })
      ).body;
    const changedDays = async () =>
      (
        await app.db.admin.query(
          'SELECT count(*)::int AS n FROM service_request_figure_changes WHERE alliance_id = $1',
          [alliance],
        )
      ).rows[0].n;
    const sum = () => app.worker!.get(DailyFiguresHandler).refresh(tenantId);

    // Every day of the alliance marked changed: all counted live from the requests.
    await app.db.admin.query(
      `INSERT INTO service_request_figure_changes (tenant_id, alliance_id, day)
       SELECT DISTINCT tenant_id, alliance_id, (created_at AT TIME ZONE 'Asia/Shanghai')::date FROM service_requests WHERE alliance_id = $1`,
      [alliance],
    );
    const live = await statistics();
    expect(live.totals.submitted).toBe(4);
    expect(await sum()).toBeGreaterThan(0);
    expect(await changedDays()).toBe(0);
    const {
      rows: [sums],
    } = await app.db.admin.query(
      "SELECT sum(submitted)::int AS submitted FROM service_request_daily_figures WHERE alliance_id = $1 AND day >= '2026-11-01'",
      [alliance],
    );
    expect(sums).toEqual({ submitted: 4 });
    expect(await statistics()).toEqual(live);

    const request = await submitAndRoute(app, http, xingyi, { categoryCode: 'policy', title: '咨询三' });
    expect(await changedDays()).toBeGreaterThan(0);
    const counted = await statistics();
    expect(counted.totals).toMatchObject({ submitted: 5, open: 2 });
    expect(counted.byCategory.find((c: { name: string }) => c.name === '政策咨询').submitted).toBe(3);
    await sum();
    expect(await statistics()).toEqual(counted);

    // A merged request leaves the figures of its day, summed or not.
    await app.db.admin.query('UPDATE service_requests SET merged_into_id = id WHERE id = $1', [request.id]);
    expect((await statistics()).totals.submitted).toBe(4);
    await sum();
    expect(await statistics()).toEqual(live);
  });

  it('reads whole months from the monthly sums and the days around them from the daily sums, and stays exact when a summed month changes', async () => {
    const clock = app.clock;
    clock.set(shanghai('2026-07-20T10:00:00'));
    const xingyi = await http.token('xingyi@anhai.demo');
    const official = await http.token('official@anhai.demo');
    const {
      rows: [{ id: alliance, tenant_id: tenantId }],
    } = await app.db.admin.query(
      `SELECT id, tenant_id FROM alliances WHERE name = '安海镇智能装备制造产业集群党建联盟'`,
    );
    // Before the period, at its edges, inside whole months, and on both sides of a month's last midnight.
    const times = [
      '2026-07-10T10:00:00',
      '2026-07-20T10:00:00',
      '2026-08-05T10:00:00',
      '2026-08-31T23:30:00',
      '2026-09-01T00:10:00',
      '2026-10-10T15:00:00',
      '2026-11-02T09:00:00',
      '2026-11-20T11:00:00',
    ];
    const ids: string[] = [];
    for (const [i, time] of times.entries()) {
      clock.set(shanghai(time));
      ids.push(
        (
          await submitAndRoute(app, http, xingyi, {
            categoryCode: i % 2 ? 'policy' : 'financing',
            title: `月度统计 ${i}`,
          })
        ).id,
      );
    }
    const period = { from: '2026-07-15', to: '2026-11-10' };
    const statistics = async () =>
      (
        await http.get(
          `/api/v1/service-requests/statistics?allianceId=${alliance}&from=${period.from}&to=${period.to}`,
          { token: official },
        )
      ).body;
    // What the requests themselves say, counted apart from the statistics' SQL.
    const expected = async () => {
      const { rows } = await app.db.admin.query(
        `SELECT to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*)::int AS submitted, count(resolved_at)::int AS resolved
           FROM service_requests WHERE alliance_id = $1 AND merged_into_id IS NULL
            AND created_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai' AND created_at < ($3::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
          GROUP BY 1 ORDER BY 1`,
        [alliance, period.from, period.to],
      );
      return rows;
    };
    const shown = (view: { monthly: { month: string; submitted: number; resolved: number }[] }) =>
      view.monthly
        .filter((m) => m.submitted > 0)
        .map(({ month, submitted, resolved }) => ({ month, submitted, resolved }));
    const sum = () => app.worker!.get(DailyFiguresHandler).refresh(tenantId);

    await sum();
    const months = await app.db.admin.query(
      `SELECT to_char(month, 'YYYY-MM') AS month, sum(submitted)::int AS submitted FROM service_request_monthly_category_figures WHERE alliance_id = $1 GROUP BY 1 ORDER BY 1`,
      [alliance],
    );
    expect(months.rows).toEqual(
      expect.arrayContaining([
        { month: '2026-08', submitted: 2 },
        { month: '2026-09', submitted: 1 },
        { month: '2026-10', submitted: 1 },
      ]),
    );
    expect(shown(await statistics())).toEqual(await expected());
    expect((await expected()).map((m: { submitted: number }) => m.submitted)).toEqual([1, 2, 1, 1, 1]);

    // A request of a summed whole month is resolved: its month is stale until the worker sums it again.
    await app.db.admin.query(
      `UPDATE service_requests SET status = 'resolved', accepted_at = created_at + interval '1 hour', resolved_at = created_at + interval '2 hours' WHERE id = $1`,
      [ids[4]],
    );
    expect(shown(await statistics())).toEqual(await expected());
    expect((await statistics()).totals).toMatchObject({ submitted: 6, resolved: 1 });
    await sum();
    const september = await app.db.admin.query(
      `SELECT sum(resolved)::int AS resolved FROM service_request_monthly_department_figures WHERE alliance_id = $1 AND month = '2026-09-01'`,
      [alliance],
    );
    expect(september.rows[0].resolved).toBe(1);
    expect(shown(await statistics())).toEqual(await expected());
    expect((await statistics()).totals).toMatchObject({ submitted: 6, resolved: 1 });
  });

  it('sums the months on both sides of New Year per department and per category as counted from scratch, before and after a summed month changes', async () => {
    const clock = app.clock;
    const xingyi = await http.token('xingyi@anhai.demo');
    const official = await http.token('official@anhai.demo');
    const {
      rows: [{ id: alliance, tenant_id: tenantId }],
    } = await app.db.admin.query(
      `SELECT id, tenant_id FROM alliances WHERE name = '安海镇智能装备制造产业集群党建联盟'`,
    );
    // The last minutes of 31 December and the first of 1 January (Beijing time), and one in mid-January.
    const ids: string[] = [];
    for (const [i, time] of ['2025-12-31T23:50:00', '2026-01-01T00:05:00', '2026-01-15T10:00:00'].entries()) {
      clock.set(shanghai(time));
      const category = ['policy', 'financing', 'talent'][i];
      ids.push((await submitAndRoute(app, http, xingyi, { categoryCode: category, title: `跨年统计 ${i}` })).id);
    }
    const period = { from: '2025-12-01', to: '2026-02-01' };
    const statistics = async () =>
      (
        await http.get(
          `/api/v1/service-requests/statistics?allianceId=${alliance}&from=${period.from}&to=${period.to}`,
          { token: official },
        )
      ).body as {
        monthly: { month: string; submitted: number; resolved: number }[];
        byDepartment: { organizationId: string; submitted: number; resolved: number }[];
        byCategory: { categoryId: string; submitted: number; resolved: number }[];
      };
    const byText = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    // The requests counted apart from the statistics' SQL, per `key` (an expression of service_requests).
    const counted = async (key: string) =>
      (
        await app.db.admin.query(
          `SELECT ${key} AS key, count(*)::int AS submitted, count(resolved_at)::int AS resolved
             FROM service_requests WHERE alliance_id = $1 AND merged_into_id IS NULL
              AND created_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai' AND created_at < ($3::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
            GROUP BY 1`,
          [alliance, period.from, period.to],
        )
      ).rows.sort(byText);
    const byKey = <T>(
      rows: T[],
      key: (row: T) => string,
      submitted: (row: T) => number,
      resolved: (row: T) => number,
    ) =>
      rows
        .filter((row) => submitted(row) > 0)
        .map((row) => ({ key: key(row), submitted: submitted(row), resolved: resolved(row) }))
        .sort(byText);
    const shown = async () => {
      const view = await statistics();
      return {
        months: byKey(
          view.monthly,
          (m) => m.month,
          (m) => m.submitted,
          (m) => m.resolved,
        ),
        departments: byKey(
          view.byDepartment,
          (d) => d.organizationId,
          (d) => d.submitted,
          (d) => d.resolved,
        ),
        categories: byKey(
          view.byCategory,
          (c) => c.categoryId,
          (c) => c.submitted,
          (c) => c.resolved,
        ),
      };
    };
    const expected = async () => ({
      months: await counted(`to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`),
      departments: await counted('assigned_organization_id::text'),
      categories: await counted('category_id::text'),
    });
    const summed = async (grain: 'department' | 'category') =>
      (
        await app.db.admin.query(
          `SELECT to_char(month, 'YYYY-MM') AS month, sum(submitted)::int AS submitted, sum(resolved)::int AS resolved
             FROM service_request_monthly_${grain}_figures WHERE alliance_id = $1 AND month >= $2 AND month < $3 GROUP BY 1 ORDER BY 1`,
          [alliance, period.from, period.to],
        )
      ).rows;
    const sum = () => app.worker!.get(DailyFiguresHandler).refresh(tenantId);

    await sum();
    const months = [
      { month: '2025-12', submitted: 1, resolved: 0 },
      { month: '2026-01', submitted: 2, resolved: 0 },
    ];
    expect(await summed('department')).toEqual(months);
    expect(await summed('category')).toEqual(months);
    expect((await expected()).months).toEqual(months.map(({ month, ...sums }) => ({ key: month, ...sums })));
    expect(await shown()).toEqual(await expected());

    // The request of 31 December is resolved after its month was summed: exact before the worker sums it again, and after.
    await app.db.admin.query(
      `UPDATE service_requests SET status = 'resolved', accepted_at = created_at + interval '1 hour', resolved_at = created_at + interval '2 hours' WHERE id = $1`,
      [ids[0]],
    );
    expect(await summed('department')).toEqual(months);
    expect(await shown()).toEqual(await expected());
    expect((await shown()).months[0]).toEqual({ key: '2025-12', submitted: 1, resolved: 1 });
    await sum();
    const resolved = [{ ...months[0], resolved: 1 }, months[1]];
    expect(await summed('department')).toEqual(resolved);
    expect(await summed('category')).toEqual(resolved);
    expect(await shown()).toEqual(await expected());
  });
});
