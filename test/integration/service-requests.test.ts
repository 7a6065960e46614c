import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { slaTimerKey } from '../../src/modules/service-requests/sla/sla-evaluator.service';
import { timerJobId } from '../../src/platform/outbox/outbox.service';
import { SERVICE_REQUESTS_QUEUE } from '../../src/modules/service-requests/service-requests.jobs';
import { Http } from '../support/http';
import { categoryId, smartAllianceId, submitAndRoute } from '../support/service-requests';
import { createOtherTenant, idOf } from '../support/tenants';
import { STATE_BACKENDS, startTestApp, TestApp } from '../support/test-app';
import type { ControlledClock } from '../support/clock';
import { waitFor } from '../support/wait-for';

// A Wednesday morning in Anhai: 2026-11-25 10:00 Asia/Shanghai.
const WEDNESDAY_10 = new Date('2026-11-25T02:00:00Z');

describe.each(STATE_BACKENDS)(
  'service requests (企业点单、部门服务) over HTTP with the real worker, queues on %s',
  (backend) => {
    let app: TestApp;
    let http: Http;
    let xingyi: string;
    let jingong: string;
    let official: string;
    let clock: ControlledClock;

    beforeAll(async () => {
      app = await startTestApp({ worker: true, now: WEDNESDAY_10, backend });
      clock = app.clock;
      http = new Http(app.api);
      [xingyi, jingong, official] = await Promise.all(
        ['xingyi@anhai.demo', 'jingong@anhai.demo', 'official@anhai.demo'].map((e) => http.token(e)),
      );
    });
    afterAll(() => app.close());

    const tokenOf = async (userId: string) => {
      const { rows } = await app.db.admin.query('SELECT email FROM users WHERE id = $1', [userId]);
      return http.token(rows[0].email);
    };

    it('runs the whole lifecycle: submit, routed by the worker, accept, work, resolve, rate, closed', async () => {
      const routed = await submitAndRoute(app, http, xingyi, {
        categoryCode: 'policy',
        title: '咨询高新技术企业认定政策',
      });
      expect(routed).toMatchObject({
        number: expect.stringMatching(/^FW-2026-\d{6}$/),
        status: 'routed',
        category: { code: 'policy', name: '政策咨询' },
        requesterOrganization: { name: '兴翼机械' },
        assignedOrganization: { name: '安海镇经济发展办公室' },
        handler: { displayName: expect.any(String) },
        acceptDueAt: new Date('2026-11-25T04:00:00Z').toISOString(), // 10:00 + 2 working hours = 12:00
      });
      const handler = await tokenOf(routed.handler.id);
      expect(
        (await http.post(`/api/v1/service-requests/${routed.id}/accept`, undefined, { token: handler })).body.status,
      ).toBe('accepted');
      expect(
        (await http.post(`/api/v1/service-requests/${routed.id}/start`, undefined, { token: handler })).body.status,
      ).toBe('in_progress');
      const resolved = await http.post(
        `/api/v1/service-requests/${routed.id}/resolve`,
        { resolution: '已电话说明认定条件，并发送申报指南。' },
        { token: handler },
      );
      expect(resolved.body.status).toBe('resolved');
      expect(resolved.body.allowedActions).toEqual([]);

      const mine = await http.get(`/api/v1/service-requests/${routed.id}`, { token: xingyi });
      expect(mine.body.allowedActions).toEqual(expect.arrayContaining(['rate', 'close', 'reopen']));
      const rated = await http.post(
        `/api/v1/service-requests/${routed.id}/rate`,
        { rating: 5, comment: '回复及时' },
        { token: xingyi },
      );
      expect(rated.body).toMatchObject({ status: 'closed', rating: 5, ratingComment: '回复及时' });
      expect(rated.body.timeline.map((e: { type: string }) => e.type)).toEqual([
        'submitted',
        'routed',
        'accepted',
        'started',
        'resolved',
        'rated',
      ]);

      const inbox = await http.get('/api/v1/notifications', { token: xingyi });
      expect(inbox.body.items.map((n: { title: string }) => n.title)).toEqual(
        expect.arrayContaining([`${routed.number} 已办结`, `${routed.number} 已受理`]),
      );
      const handlerInbox = await http.get('/api/v1/notifications', { token: handler });
      expect(handlerInbox.body.items.map((n: { title: string }) => n.title)).toContain(`新的服务请求 ${routed.number}`);
    });

    it('refuses every transition the state machine does not allow, with 409 and a clear reason', async () => {
      const routed = await submitAndRoute(app, http, xingyi, { categoryCode: 'policy', title: '咨询研发费用加计扣除' });
      const handler = await tokenOf(routed.handler.id);
      const url = `/api/v1/service-requests/${routed.id}`;
      expect((await http.post(`${url}/resolve`, { resolution: '太早了' }, { token: handler })).body).toMatchObject({
        statusCode: 409,
        code: 'INVALID_TRANSITION',
        details: [{ field: 'status', reason: '状态为“已分派”的请求不能执行“办结”' }],
      });
      expect((await http.post(`${url}/rate`, { rating: 5 }, { token: xingyi })).status).toBe(409);
      expect((await http.post(`${url}/start`, undefined, { token: handler, language: 'en' })).body.details).toEqual([
        { field: 'status', reason: 'cannot start a request that is routed' },
      ]);
      // The wrong party is refused whatever the state.
      expect((await http.post(`${url}/accept`, undefined, { token: xingyi })).status).toBe(403);
      await http.post(`${url}/accept`, undefined, { token: handler });
      expect((await http.post(`${url}/accept`, undefined, { token: handler })).status).toBe(409);
      expect((await http.post(`${url}/provide-information`, { information: '补充' }, { token: xingyi })).status).toBe(
        409,
      );
      await http.post(`${url}/reject`, { reason: '不属于本部门职责' }, { token: handler });
      for (const action of ['accept', 'start']) {
        expect((await http.post(`${url}/${action}`, undefined, { token: handler })).status).toBe(409);
      }
      expect((await http.post(`${url}/close`, undefined, { token: official })).status).toBe(409);
      expect((await http.post(`${url}/reopen`, { reason: '再试' }, { token: xingyi })).status).toBe(409);
    });

    it('returns for more information and picks up where it was, without counting the wait', async () => {
      const routed = await submitAndRoute(app, http, xingyi, { categoryCode: 'policy', title: '咨询出口退税' });
      const handler = await tokenOf(routed.handler.id);
      const url = `/api/v1/service-requests/${routed.id}`;
      await http.post(`${url}/accept`, undefined, { token: handler });
      const returned = await http.post(`${url}/return`, { reason: '请补充出口合同' }, { token: handler });
      expect(returned.body.status).toBe('returned');
      const due = returned.body.resolveDueAt;
      clock.set(new Date(WEDNESDAY_10.getTime() + 3600_000)); // the enterprise answers an hour later
      const back = await http.post(
        `${url}/provide-information`,
        { information: '已上传合同扫描件' },
        { token: xingyi },
      );
      clock.set(WEDNESDAY_10);
      expect(back.body.status).toBe('accepted');
      expect(new Date(back.body.resolveDueAt).getTime() - new Date(due).getTime()).toBe(3600_000);
      expect(back.body.timeline.map((e: { type: string }) => e.type)).toEqual(
        expect.arrayContaining(['returned', 'information_provided']),
      );
    });

    it('transfers to another department with a reason; the first one no longer sees it', async () => {
      const routed = await submitAndRoute(app, http, xingyi, { categoryCode: 'other', title: '咨询厂区消防验收' });
      const handler = await tokenOf(routed.handler.id);
      const safety = await idOf(app.db.admin, 'organizations', '安海镇应急管理办公室');
      const moved = await http.post(
        `/api/v1/service-requests/${routed.id}/transfer`,
        { organizationId: safety, reason: '属于应急管理办职责' },
        { token: handler },
      );
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({
        status: 'routed',
        assignedOrganization: { name: '安海镇应急管理办公室' },
        timeline: [],
        allowedActions: [],
      });
      const now = await http.get(`/api/v1/service-requests/${routed.id}`, { token: official });
      expect(now.body).toMatchObject({
        status: 'routed',
        assignedOrganization: { name: '安海镇应急管理办公室' },
        handler: { displayName: '郑强' },
      });
      expect(now.body.timeline.find((e: { type: string }) => e.type === 'transferred')).toMatchObject({
        body: '属于应急管理办职责',
      });
      expect((await http.get(`/api/v1/service-requests/${routed.id}`, { token: handler })).status).toBe(404);
    });

    it('routes by rule keyword, by the enterprise’s paired department, by the category’s provider, to the least-loaded handler', async () => {
      const byRule = await submitAndRoute(app, http, xingyi, { categoryCode: 'policy', title: '申请技改贷款贴息' });
      expect(byRule.assignedOrganization.name).toBe('安海镇财政所');
      const land = await idOf(app.db.admin, 'organizations', '安海镇自然资源所');
      const xingyiOrg = await idOf(app.db.admin, 'organizations', '兴翼机械');
      expect(
        (await http.patch(`/api/v1/organizations/${xingyiOrg}`, { pairedDepartmentId: land }, { token: official })).body
          .pairedDepartmentId,
      ).toBe(land);
      const byPairing = await submitAndRoute(app, http, xingyi, { categoryCode: 'other', title: '咨询园区配套' });
      expect(byPairing.assignedOrganization.name).toBe('安海镇自然资源所');
      await http.patch(`/api/v1/organizations/${xingyiOrg}`, { pairedDepartmentId: null }, { token: official });
      const byProvider = await submitAndRoute(app, http, xingyi, {
        categoryCode: 'project_application',
        title: '申报省级智能制造示范项目',
      });
      expect(byProvider).toMatchObject({
        assignedOrganization: { name: '晋工机械' },
        handler: { displayName: '王志强' },
      });
      // The lead enterprise's service team sees and serves it.
      expect(
        (await http.post(`/api/v1/service-requests/${byProvider.id}/accept`, undefined, { token: jingong })).body
          .status,
      ).toBe('accepted');

      const handlers = [];
      for (let i = 0; i < 3; i++)
        handlers.push(
          (await submitAndRoute(app, http, xingyi, { categoryCode: 'export_customs', title: `咨询通关手续 ${i}` }))
            .handler.id,
        );
      expect(new Set(handlers).size).toBe(3);
    });

    it('lets officials change the rules and route by hand', async () => {
      const allianceId = await smartAllianceId(app);
      const hr = await idOf(app.db.admin, 'organizations', '安海镇人力资源和社会保障事务所');
      const rule = await http.post(
        `/api/v1/alliances/${allianceId}/routing-rules`,
        { priority: 5, keywords: ['招聘'], targetOrganizationId: hr },
        { token: official },
      );
      expect(rule.status).toBe(201);
      const routed = await submitAndRoute(app, http, xingyi, { categoryCode: 'other', title: '招聘数控技工' });
      expect(routed.assignedOrganization.name).toBe('安海镇人力资源和社会保障事务所');
      const market = await idOf(app.db.admin, 'organizations', '安海市场监督管理所');
      const manual = await http.post(
        `/api/v1/service-requests/${routed.id}/route`,
        { organizationId: market },
        { token: official },
      );
      expect(manual.body).toMatchObject({ assignedOrganization: { name: '安海市场监督管理所' } });
      expect(
        (await http.post(`/api/v1/service-requests/${routed.id}/route`, { organizationId: market }, { token: xingyi }))
          .status,
      ).toBe(403);
    });

    it('merges a duplicate into another request and closes it', async () => {
      const first = await submitAndRoute(app, http, xingyi, { categoryCode: 'policy', title: '咨询人才公寓申请' });
      const duplicate = await submitAndRoute(app, http, xingyi, {
        categoryCode: 'policy',
        title: '再次咨询人才公寓申请',
      });
      const merged = await http.post(
        `/api/v1/service-requests/${duplicate.id}/merge`,
        { intoId: first.id },
        { token: official },
      );
      expect(merged.body).toMatchObject({ status: 'closed', mergedIntoId: first.id });
      expect(merged.body.timeline.at(-1)).toMatchObject({ type: 'merged', data: { intoId: first.id } });
      expect(
        (await http.post(`/api/v1/service-requests/${first.id}/merge`, { intoId: first.id }, { token: official }))
          .status,
      ).toBe(400);
      expect(
        (await http.post(`/api/v1/service-requests/${first.id}/merge`, { intoId: duplicate.id }, { token: xingyi }))
          .status,
      ).toBe(403);
    });

    it('moves the SLA timer as the request moves, and removes it when the request is done', async () => {
      const queue = app.worker!.get<Queue>(getQueueToken(SERVICE_REQUESTS_QUEUE), { strict: false });
      const request = await submitAndRoute(app, http, xingyi, { categoryCode: 'policy', title: '计时器测试' });
      const timers = async () =>
        (await queue.getDelayed()).filter((job) => job.id!.startsWith(`${slaTimerKey(request.id)}-`));
      const nextCheck = async () =>
        (await app.db.admin.query('SELECT next_sla_check_at FROM service_requests WHERE id = $1', [request.id])).rows[0]
          .next_sla_check_at as Date | null;
      const atRouting = await nextCheck();
      // One delayed check at the next milestone, named by its time.
      await waitFor(
        timers,
        (jobs) => jobs.length === 1 && jobs[0].id === timerJobId(slaTimerKey(request.id), atRouting!),
      );
      const handler = await tokenOf(request.handler.id);
      await http.post(`/api/v1/service-requests/${request.id}/accept`, undefined, { token: handler });
      // Accepted: the accept clock stops, the next milestone is the resolve warning, later; the old timer is gone.
      const afterAccept = await nextCheck();
      expect(afterAccept!.getTime()).toBeGreaterThan(atRouting!.getTime());
      await waitFor(
        timers,
        (jobs) => jobs.length === 1 && jobs[0].id === timerJobId(slaTimerKey(request.id), afterAccept!),
      );
      await http.post(`/api/v1/service-requests/${request.id}/resolve`, { resolution: '已答复' }, { token: handler });
      await waitFor(timers, (jobs) => jobs.length === 0);
    });

    it('never creates two requests for one Idempotency-Key, even when they race', async () => {
      const body = {
        allianceId: await smartAllianceId(app),
        categoryId: await categoryId(app, 'permits'),
        title: '办理排污许可证',
        description: '新建喷涂车间需要办理排污许可',
      };
      const headers = { 'idempotency-key': 'permit-2026-11-25-a' };
      const replies = await Promise.all(
        Array.from({ length: 10 }, () => http.post('/api/v1/service-requests', body, { token: xingyi, headers })),
      );
      const ids = new Set(replies.map((r) => r.body.id));
      expect(ids.size).toBe(1);
      expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
      expect(replies.filter((r) => r.status === 200 && r.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
      const { rows } = await app.db.admin.query(
        `SELECT count(*)::int AS n FROM service_requests WHERE title = '办理排污许可证'`,
      );
      expect(rows[0].n).toBe(1);
      const { rows: events } = await app.db.admin.query(
        `SELECT count(*)::int AS n FROM outbox_events WHERE job_name = 'route-service-request' AND payload->>'requestId' = $1`,
        [[...ids][0]],
      );
      expect(events[0].n).toBe(1);
      expect(
        (await http.post('/api/v1/service-requests', body, { token: xingyi, headers: { 'idempotency-key': 'x' } })).body
          .details,
      ).toEqual([{ field: 'Idempotency-Key', reason: '格式不正确' }]);
    });

    it('answers a retry with the same key and body with the first request, and refuses the key with another body (422), storing nothing', async () => {
      const body = {
        allianceId: await smartAllianceId(app),
        categoryId: await categoryId(app, 'permits'),
        title: '办理环评批复',
        description: '新建电镀车间需要环评批复',
        preferredContact: { name: '李经理', phone: '13905950002' },
      };
      const headers = { 'idempotency-key': 'eia-2026-11-25-a' };
      const first = await http.post('/api/v1/service-requests', body, { token: xingyi, headers });
      expect(first.status).toBe(201);
      // The same body with its keys in another order is the same body.
      const reordered = {
        preferredContact: { phone: '13905950002', name: '李经理' },
        description: body.description,
        title: body.title,
        categoryId: body.categoryId,
        allianceId: body.allianceId,
      };
      const retry = await http.post('/api/v1/service-requests', reordered, { token: xingyi, headers });
      expect(retry).toMatchObject({
        status: 200,
        body: { id: first.body.id },
        headers: { 'idempotent-replayed': 'true' },
      });

      const stored = async () =>
        (
          await app.db.admin.query(
            `SELECT (SELECT count(*)::int FROM service_requests) AS requests,
                  (SELECT count(*)::int FROM outbox_events WHERE job_name = 'route-service-request') AS route_events,
                  (SELECT count(DISTINCT number)::int FROM service_requests) AS numbers,
                  (SELECT title FROM service_requests WHERE id = $1) AS title`,
            [first.body.id],
          )
        ).rows[0];
      const before = await stored();
      const changed = await http.post(
        '/api/v1/service-requests',
        { ...body, title: '办理环评批复（加急）' },
        { token: xingyi, headers },
      );
      expect(changed.status).toBe(422);
      expect(changed.body).toMatchObject({
        code: 'IDEMPOTENCY_KEY_REUSED',
        message: expect.stringContaining('Idempotency-Key'),
        details: [{ field: 'Idempotency-Key', reason: '已用于内容不同的请求' }],
      });
      const english = await http.post(
        '/api/v1/service-requests',
        { ...body, urgency: 'urgent' },
        { token: xingyi, headers, language: 'en' },
      );
      expect(english.body).toMatchObject({
        statusCode: 422,
        message:
          'This Idempotency-Key was already used with a different request body: send a new request with a new key',
        details: [{ field: 'Idempotency-Key', reason: 'was already used with a different request body' }],
      });
      // Even when both bodies race for the key, only the first one stored is answered.
      const raced = await Promise.all([
        http.post('/api/v1/service-requests', body, {
          token: xingyi,
          headers: { 'idempotency-key': 'eia-2026-11-25-race' },
        }),
        http.post(
          '/api/v1/service-requests',
          { ...body, title: '另一个标题' },
          { token: xingyi, headers: { 'idempotency-key': 'eia-2026-11-25-race' } },
        ),
      ]);
      expect(raced.map((r) => r.status).sort()).toEqual([201, 422]);
      expect(await stored()).toEqual({
        ...before,
        requests: before.requests + 1,
        route_events: before.route_events + 1,
        numbers: before.numbers + 1,
      });

      // A request stored before bodies were fingerprinted accepts any replay of its key.
      await app.db.admin.query('UPDATE service_requests SET idempotency_request_hash = NULL WHERE id = $1', [
        first.body.id,
      ]);
      const legacy = await http.post(
        '/api/v1/service-requests',
        { ...body, title: '办理环评批复（旧）' },
        { token: xingyi, headers },
      );
      expect(legacy).toMatchObject({ status: 200, body: { id: first.body.id, title: '办理环评批复' } });
    });

    it('keeps Idempotency-Keys per user and per township: another enterprise using the same key gets its own request', async () => {
      const body = {
        allianceId: await smartAllianceId(app),
        categoryId: await categoryId(app, 'policy'),
        title: '咨询技改补贴',
        description: '咨询设备技改补贴的申报条件',
      };
      const headers = { 'idempotency-key': 'shared-key-2026-11-25' };
      const mine = await http.post('/api/v1/service-requests', body, { token: xingyi, headers });
      const theirs = await http.post(
        '/api/v1/service-requests',
        { ...body, title: '咨询人才补贴' },
        { token: jingong, headers },
      );
      expect([mine.status, theirs.status]).toEqual([201, 201]);
      expect(theirs.body.id).not.toBe(mine.body.id);

      const other = await createOtherTenant(app.db.admin, 'neidi');
      const {
        rows: [official],
      } = await app.db.admin.query('SELECT password_hash FROM users WHERE email = $1', [other.email]);
      await app.db.admin.query(
        `INSERT INTO users (tenant_id, email, display_name, role, organization_id, status, password_hash) VALUES ($1, 'contact@neidi.demo', '内坑联系人', 'enterprise_contact', $2, 'active', $3)`,
        [other.tenantId, other.organizationId, official.password_hash],
      );
      await app.db.admin.query(
        `INSERT INTO alliance_memberships (tenant_id, alliance_id, organization_id, role, joined_on) VALUES ($1, $2, $3, 'lead', '2026-01-01')`,
        [other.tenantId, other.allianceId, other.organizationId],
      );
      const {
        rows: [category],
      } = await app.db.admin.query(
        `INSERT INTO service_categories (tenant_id, alliance_id, code, name, provider_organization_id, accept_within, accept_unit, resolve_within, resolve_unit)
       VALUES ($1, $2, 'policy', '政策咨询', $3, 2, 'working_hours', 5, 'working_days') RETURNING id`,
        [other.tenantId, other.allianceId, other.organizationId],
      );
      const stranger = await http.post(
        '/api/v1/service-requests',
        { ...body, allianceId: other.allianceId, categoryId: category.id },
        { token: await http.token('contact@neidi.demo'), headers },
      );
      expect(stranger.status).toBe(201);
      expect([mine.body.id, theirs.body.id]).not.toContain(stranger.body.id);
      expect((await http.post('/api/v1/service-requests', body, { token: xingyi, headers })).body.id).toBe(
        mine.body.id,
      );
    });

    it('keeps requests to those concerned: other enterprises, departments and townships get 404', async () => {
      const routed = await submitAndRoute(app, http, xingyi, { categoryCode: 'policy', title: '咨询用工补贴申领' });
      const handler = await tokenOf(routed.handler.id);
      await http.post(
        `/api/v1/service-requests/${routed.id}/comments`,
        { body: '内部：需要人社所配合', internal: true },
        { token: handler },
      );
      await http.post(
        `/api/v1/service-requests/${routed.id}/comments`,
        { body: '您好，已收到，正在核实。' },
        { token: handler },
      );
      const requesterView = await http.get(`/api/v1/service-requests/${routed.id}`, { token: xingyi });
      expect(requesterView.body.timeline.map((e: { body: string | null }) => e.body)).toContain(
        '您好，已收到，正在核实。',
      );
      expect(requesterView.body.timeline.map((e: { body: string | null }) => e.body)).not.toContain(
        '内部：需要人社所配合',
      );
      expect(
        (
          await http.post(
            `/api/v1/service-requests/${routed.id}/comments`,
            { body: 'x', internal: true },
            { token: xingyi },
          )
        ).status,
      ).toBe(403);

      expect((await http.get(`/api/v1/service-requests/${routed.id}`, { token: jingong })).status).toBe(404);
      expect(
        (await http.get(`/api/v1/service-requests/${routed.id}`, { token: await http.token('land@anhai.demo') }))
          .status,
      ).toBe(404);
      const other = await createOtherTenant(app.db.admin, 'shijing');
      const stranger = await http.token(other.email);
      expect((await http.get(`/api/v1/service-requests/${routed.id}`, { token: stranger })).status).toBe(404);
      expect((await http.get('/api/v1/service-requests', { token: stranger })).body.items).toEqual([]);
      const list = await http.get('/api/v1/service-requests?limit=100', { token: jingong });
      expect(
        list.body.items.every(
          (r: { requesterOrganization: { name: string }; assignedOrganization: { name: string } | null }) =>
            r.requesterOrganization.name === '晋工机械' || r.assignedOrganization?.name === '晋工机械',
        ),
      ).toBe(true);
      expect(
        (await http.get('/api/v1/service-requests', { token: await http.token('expert@anhai.demo') })).status,
      ).toBe(403);
    });
  },
);
