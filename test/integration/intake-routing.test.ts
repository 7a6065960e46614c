import { IntakeRepository } from '../../src/modules/intake/intake.repository';
import { IntakeRoutingAdvisor } from '../../src/modules/intake/intake-routing-advisor.service';
import { RouteRequest } from '../../src/modules/service-requests/routing/route-request';
import { systemActor } from '../../src/platform/tenancy/request-actor';
import { TenantContext } from '../../src/platform/tenancy/tenant-context.service';
import { INTAKE_TOPICS, insertResolvedHistory, intakeTexts } from '../support/intake-history';
import { createOtherTenant } from '../support/tenants';
import { useTestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

type Entry = { type: string; data: Record<string, unknown> };
type Detail = { status: string; assignedOrganization: { id: string } | null; timeline: Entry[] };

/** No demo rule names these words (the rules are on loans, land and patents): only history decides. */
const ENVIRONMENT = { title: '环评和排污许可咨询', description: '我司的环评与排污许可证怎么办理？' };
const VAGUE = { title: '咨询', description: '我司想咨询一下办理的流程和材料。' };

/**
 * 按历史分派: when no rule or pairing decides, the worker routes by the township's own model if it is
 * confident, else to the category's provider with the suggestion kept for the people serving it.
 */
describe('routing by history (按历史分派)', () => {
  const suite = useTestApp({ worker: true });
  let official: string;
  let enterprise: string;
  let anhaiId: string;
  let allianceId: string;
  let policy: { id: string; providerId: string };
  let departments: string[];
  let other: Awaited<ReturnType<typeof createOtherTenant>>;

  const detail = async (id: string, token = official) =>
    (await suite.http.get<Detail>(`/api/v1/service-requests/${id}`, { token })).body;
  const routedEntry = (request: Detail) => request.timeline.find((e) => e.type === 'routed')!;

  /** Submits as the enterprise under 政策咨询 and waits until the worker has routed it. */
  const submit = async (text: { title: string; description: string }) => {
    const submitted = await suite.http.post<{ id: string }>(
      '/api/v1/service-requests',
      { allianceId, categoryId: policy.id, ...text },
      { token: enterprise },
    );
    expect(submitted.status).toBe(201);
    await waitFor(
      () => detail(submitted.body.id),
      (r) => r.status === 'routed',
    );
    return { id: submitted.body.id, request: await detail(submitted.body.id) };
  };
  const setSwitch = (routeByHistory: unknown, token = official) =>
    suite.http.put(`/api/v1/alliances/${allianceId}/routing-settings`, { routeByHistory }, { token });

  beforeAll(async () => {
    const { admin } = suite.app.db;
    anhaiId = (await admin.query(`SELECT id FROM tenants WHERE slug = 'anhai'`)).rows[0].id;
    const {
      rows: [requester],
    } = await admin.query(
      `SELECT u.id AS "userId", u.organization_id AS "organizationId" FROM users u WHERE email = 'xingyi@anhai.demo'`,
    );
    // Nothing but history to decide for this enterprise: no paired department.
    await admin.query(`UPDATE organizations SET paired_department_id = NULL WHERE id = $1`, [requester.organizationId]);
    const { rows: categories } = await admin.query(
      `SELECT c.id, c.code, c.alliance_id AS "allianceId", c.provider_organization_id AS "providerId"
         FROM service_categories c JOIN alliances a ON a.id = c.alliance_id
        WHERE c.tenant_id = $1 AND a.name = '安海镇智能装备制造产业集群党建联盟'`,
      [anhaiId],
    );
    allianceId = categories[0].allianceId;
    policy = categories.find((c: { code: string }) => c.code === 'policy');
    // The departments serving the alliance, besides the provider of 政策咨询.
    const { rows } = await admin.query(
      `SELECT m.organization_id AS id FROM alliance_memberships m
        WHERE m.alliance_id = $1 AND m.role = 'department' AND m.left_on IS NULL AND m.organization_id <> $2
        ORDER BY m.organization_id LIMIT 5`,
      [allianceId, policy.providerId],
    );
    departments = rows.map((r: { id: string }) => r.id);
    expect(departments).toHaveLength(5);
    const byCode = new Map(categories.map((c: { code: string; id: string }) => [c.code, c.id]));
    await insertResolvedHistory(
      admin,
      anhaiId,
      intakeTexts(400, 11).map((t) => ({
        title: t.title,
        description: t.description,
        categoryId: byCode.get(INTAKE_TOPICS[t.topic].code) as string,
        departmentId: departments[t.topic],
      })),
      { ...requester, allianceId },
      'HR',
    );
    other = await createOtherTenant(admin, 'dongshi-routing');
    official = await suite.http.token('official@anhai.demo');
    enterprise = await suite.http.token('xingyi@anhai.demo');

    const started = await suite.http.post<{ id: string }>('/api/v1/intake/model/trainings', {}, { token: official });
    expect(started.status).toBe(202);
    const status = await waitFor(
      async () =>
        (await suite.http.get<{ latest: { id: string; status: string } }>('/api/v1/intake/model', { token: official }))
          .body,
      (body) => body.latest?.id === started.body.id && ['ready', 'failed'].includes(body.latest.status),
      90_000,
      200,
    );
    expect(status.latest.status).toBe('ready');
    // The worker looks for a newer model every few seconds: until then it may still know none.
    const worker = suite.app.worker!;
    const advisor = worker.get(IntakeRoutingAdvisor, { strict: false });
    const tenant = worker.get(TenantContext, { strict: false });
    await waitFor(
      () => tenant.run(systemActor(anhaiId), () => advisor.department(anhaiId, ENVIRONMENT)),
      (advice) => advice !== null,
      15_000,
      250,
    );
  }, 150_000);

  it('routes a request no rule decides to the department its history names, saying why on the timeline', async () => {
    const { request } = await submit(ENVIRONMENT);
    expect(request.assignedOrganization?.id).toBe(departments[2]);
    const entry = routedEntry(request);
    expect(entry.data).toMatchObject({ reason: 'history', organizationId: departments[2] });
    expect(entry.data.confidence).toBeGreaterThanOrEqual(0.8);
    expect(entry.data.confidence).toBeLessThanOrEqual(1);
    expect(entry.data.historySuggestion).toBeUndefined();
  });

  it('lets officials switch it off per alliance: then the category provider serves, as before', async () => {
    expect(
      (await suite.http.get(`/api/v1/alliances/${allianceId}/routing-settings`, { token: official })).body,
    ).toEqual({ routeByHistory: true });
    const bad = await setSwitch('yes');
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['routeByHistory']);
    expect((await setSwitch(false, enterprise)).status).toBe(403);
    const off = await setSwitch(false);
    expect(off.status).toBe(200);
    expect(off.body).toEqual({ routeByHistory: false });
    try {
      const { request } = await submit(ENVIRONMENT);
      expect(request.assignedOrganization?.id).toBe(policy.providerId);
      expect(routedEntry(request).data).toMatchObject({ reason: 'category_provider' });
      expect(routedEntry(request).data.historySuggestion).toBeUndefined();
    } finally {
      expect((await setSwitch(true)).body).toEqual({ routeByHistory: true });
    }
  });

  it('below the threshold sends it to the provider and keeps the suggestion for the people serving it', async () => {
    const { id, request } = await submit(VAGUE);
    expect(request.assignedOrganization?.id).toBe(policy.providerId);
    const { data } = routedEntry(request);
    expect(data.reason).toBe('category_provider');
    expect(data.historySuggestion).toMatchObject({
      organizationId: expect.any(String),
      name: expect.any(String),
      confidence: expect.any(Number),
    });
    const suggestion = data.historySuggestion as { organizationId: string; confidence: number };
    expect(departments).toContain(suggestion.organizationId);
    expect(suggestion.confidence).toBeLessThan(0.8);
    // The enterprise sees where it went, not what the model thought.
    expect(routedEntry(await detail(id, enterprise)).data.historySuggestion).toBeUndefined();
  });

  it('lets a rule win over history', async () => {
    const { rows } = await suite.app.db.admin.query(
      `SELECT id, target_organization_id AS "targetId" FROM routing_rules WHERE alliance_id = $1 AND '贷款' = ANY(keywords)`,
      [allianceId],
    );
    // The model is sure of the environment department here; the one word 贷款 sends it by the rule.
    const text = {
      title: '环评和排污许可咨询',
      description: '我司的环评、排污许可、危废处置和消防验收怎么办理？另问贷款。',
    };
    const advisor = suite.app.worker!.get(IntakeRoutingAdvisor, { strict: false });
    const tenant = suite.app.worker!.get(TenantContext, { strict: false });
    const advice = await tenant.run(systemActor(anhaiId), () => advisor.department(anhaiId, text));
    expect(advice).toMatchObject({ organizationId: departments[2], confident: true });
    const { request } = await submit(text);
    expect(routedEntry(request).data).toMatchObject({ reason: 'rule', ruleId: rows[0].id });
    expect(request.assignedOrganization?.id).toBe(rows[0].targetId);
  });

  it("never uses another township's model", async () => {
    const { admin } = suite.app.db;
    const {
      rows: [category],
    } = await admin.query(
      `INSERT INTO service_categories (tenant_id, alliance_id, code, name, provider_organization_id, accept_within, accept_unit, resolve_within, resolve_unit)
       VALUES ($1, $2, 'policy', '政策咨询', $3, 1, 'working_days', 5, 'working_days') RETURNING id`,
      [other.tenantId, other.allianceId, other.organizationId],
    );
    const {
      rows: [user],
    } = await admin.query(`SELECT id FROM users WHERE email = $1`, [other.email]);
    // B serves through a department of its own, so a suggestion from A's model could only be A's departments.
    const {
      rows: [request],
    } = await admin.query(
      `INSERT INTO service_requests (tenant_id, number, alliance_id, requester_organization_id, requester_user_id,
              category_id, title, description, status)
       VALUES ($1, 'DS-HR-1', $2, $3, $4, $5, $6, $7, 'submitted') RETURNING id`,
      [
        other.tenantId,
        other.allianceId,
        other.organizationId,
        user.id,
        category.id,
        ENVIRONMENT.title,
        ENVIRONMENT.description,
      ],
    );
    const worker = suite.app.worker!;
    const advisor = worker.get(IntakeRoutingAdvisor, { strict: false });
    const tenant = worker.get(TenantContext, { strict: false });
    const ask = (tenantId: string) =>
      tenant.run(systemActor(tenantId), () => advisor.department(tenantId, ENVIRONMENT));
    expect((await ask(anhaiId))?.organizationId).toBe(departments[2]);
    expect(await ask(other.tenantId)).toBeNull();

    await worker.get(RouteRequest, { strict: false }).automatically(other.tenantId, request.id);
    const {
      rows: [routed],
    } = await admin.query(
      `SELECT r.assigned_organization_id AS "organizationId", e.data FROM service_requests r
         JOIN service_request_events e ON e.request_id = r.id AND e.type = 'routed' WHERE r.id = $1`,
      [request.id],
    );
    expect(routed.organizationId).toBe(other.organizationId);
    expect(routed.data.reason).toBe('category_provider');
    expect(routed.data.historySuggestion).toBeUndefined();
  });

  it('asks the database nothing per request once the worker has the model (the time is printed, not judged)', async () => {
    const worker = suite.app.worker!;
    const advisor = worker.get(IntakeRoutingAdvisor, { strict: false });
    const tenant = worker.get(TenantContext, { strict: false });
    const repository = worker.get(IntakeRepository, { strict: false });
    const texts = intakeTexts(500, 23);
    const newest = jest.spyOn(repository, 'newestReady');
    const bytes = jest.spyOn(repository, 'modelBytes');
    try {
      const perRequestMs = await tenant.run(systemActor(anhaiId), async () => {
        await advisor.department(anhaiId, texts[0]);
        newest.mockClear();
        bytes.mockClear();
        const started = process.hrtime.bigint();
        for (const text of texts) await advisor.department(anhaiId, text);
        return Number(process.hrtime.bigint() - started) / 1e6 / texts.length;
      });
      process.stdout.write(`history routing in the worker: ${(perRequestMs * 1000).toFixed(1)} µs per request\n`);
      // The test clock stands still, so the 5 s recheck never comes due: 500 predictions, no look-up.
      expect(newest).not.toHaveBeenCalled();
      expect(bytes).not.toHaveBeenCalled();
    } finally {
      newest.mockRestore();
      bytes.mockRestore();
    }
  });
});
