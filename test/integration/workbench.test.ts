import { SweepSlaHandler } from '../../src/modules/service-requests/jobs/sla-jobs.handler';
import type { ControlledClock } from '../support/clock';
import { Http } from '../support/http';
import { submitAndRoute } from '../support/service-requests';
import { createOtherTenant, idOf } from '../support/tenants';
import { startTestApp, type TestApp } from '../support/test-app';

const shanghai = (local: string) => new Date(`${local}+08:00`);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

interface Item {
  kind: string;
  id: string;
  title: string;
  action: string;
  dueAt: string | null;
  dueOn: string | null;
  overdue: boolean;
  since: string | null;
  rating: number | null;
}
interface Section {
  key: string;
  total: number;
  items: Item[];
}

/**
 * 工作台: each role's workbench lists what the product's own pages and actions put in its way,
 * with the right counts, on the township's clock; nothing of another township; no workbench
 * without a township. Starts on a Wednesday (2026-11-25), so "this week" is 23–29 November.
 */
describe('the workbench (工作台)', () => {
  let app: TestApp;
  let http: Http;
  let clock: ControlledClock;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  /** Every id the Anhai workbenches listed, to look for in the other township's. */
  const seen = new Set<string>();

  beforeAll(async () => {
    app = await startTestApp({ worker: true, now: shanghai('2026-11-25T10:00:00') });
    clock = app.clock;
    http = new Http(app.api);
    for (const who of ['official', 'dept', 'xingyi', 'jingong', 'expert'])
      tokens[who] = await http.token(`${who}@anhai.demo`);
    ids.alliance = await idOf(app.db.admin, 'alliances', '安海镇智能装备制造产业集群党建联盟');
    ids.xingyi = await idOf(app.db.admin, 'organizations', '兴翼机械');
    ids.economy = await idOf(app.db.admin, 'organizations', '安海镇经济发展办公室');
    const user = async (email: string) =>
      (await app.db.admin.query('SELECT id FROM users WHERE email = $1', [email])).rows[0].id as string;
    ids.officialUser = await user('official@anhai.demo');
    ids.deptUser = await user('dept@anhai.demo');
    ids.expert = (
      await app.db.admin.query(
        `SELECT e.id FROM experts e JOIN users u ON u.id = e.user_id WHERE u.email = 'expert@anhai.demo'`,
      )
    ).rows[0].id;
  });
  afterAll(() => app.close());

  async function workbench(
    who: string,
  ): Promise<{ role: string; sections: Section[]; weekStart: string; weekEnd: string }> {
    const reply = await http.get('/api/v1/workbench', { token: tokens[who] });
    expect(reply.status).toBe(200);
    for (const section of reply.body.sections as Section[]) for (const item of section.items) seen.add(item.id);
    return reply.body;
  }
  const section = async (who: string, key: string): Promise<Section> => {
    const found = (await workbench(who)).sections.find((s) => s.key === key);
    if (!found) throw new Error(`${who} has no section ${key}`);
    return found;
  };
  const itemOf = (s: Section, id: string) => s.items.find((i) => i.id === id);
  const act = async (who: string, id: string, action: string, body?: unknown) => {
    const reply = await http.post(`/api/v1/service-requests/${id}/${action}`, body, { token: tokens[who] });
    if (reply.status >= 300) throw new Error(`${action}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  const policy = (title: string) => submitAndRoute(app, http, tokens.xingyi, { categoryCode: 'policy', title });
  const ascending = (values: (string | null)[]) => expect(values).toEqual([...values].sort());

  it('gives each role its own sections, in order', async () => {
    expect((await workbench('dept')).sections.map((s) => s.key)).toEqual([
      'requests_to_accept',
      'requests_to_resolve',
      'chased_requests',
      'meetings_to_answer',
      'meetings_this_week',
    ]);
    // 兴翼机械 serves nobody, so the service team's sections stay away.
    expect((await workbench('xingyi')).sections.map((s) => s.key)).toEqual([
      'requests_awaiting_information',
      'requests_to_rate',
      'meetings_to_answer',
      'indicator_rounds_to_fill',
      'project_calls',
      'meetings_this_week',
    ]);
    expect((await workbench('official')).sections.map((s) => s.key)).toEqual([
      'supervised_requests',
      'low_rating_follow_ups',
      'minutes_to_approve',
      'overdue_action_items',
      'pairs_to_visit',
      'cases_to_review',
      'meetings_this_week',
    ]);
    expect((await workbench('expert')).sections.map((s) => s.key)).toEqual([
      'review_invitations',
      'reviews_due',
      'meetings_this_week',
    ]);
    const week = await workbench('dept');
    expect([week.weekStart, week.weekEnd]).toEqual([
      shanghai('2026-11-23T00:00:00').toISOString(),
      shanghai('2026-11-30T00:00:00').toISOString(),
    ]);
  });

  it('department staff: requests to accept and to resolve with their SLA clocks, oldest first', async () => {
    const before = {
      accept: await section('dept', 'requests_to_accept'),
      resolve: await section('dept', 'requests_to_resolve'),
    };
    ids.r1 = (await policy('咨询研发费用加计扣除政策')).id;
    const r2 = await policy('咨询技改补助申报条件');
    ids.r2 = r2.id;
    expect(r2.assignedOrganization.id).toBe(ids.economy);
    await act('dept', ids.r2, 'accept');

    const accept = await section('dept', 'requests_to_accept');
    expect(accept.total).toBe(before.accept.total + 1);
    const r1 = (await http.get(`/api/v1/service-requests/${ids.r1}`, { token: tokens.dept })).body;
    expect(itemOf(accept, ids.r1)).toMatchObject({
      kind: 'service_request',
      action: 'accept',
      title: '咨询研发费用加计扣除政策',
      dueAt: r1.acceptDueAt,
      overdue: false,
    });
    ascending(accept.items.map((i) => i.dueAt));

    const resolve = await section('dept', 'requests_to_resolve');
    expect(resolve.total).toBe(before.resolve.total + 1);
    const accepted = (await http.get(`/api/v1/service-requests/${ids.r2}`, { token: tokens.dept })).body;
    expect(itemOf(resolve, ids.r2)).toMatchObject({ action: 'resolve', dueAt: accepted.resolveDueAt, overdue: false });
    expect(itemOf(accept, ids.r2)).toBeUndefined();
    // The same requests wait in the inbox's tabs.
    const inbox = await http.get(
      `/api/v1/service-requests?assignedOrganizationId=${ids.economy}&status=routed&limit=100`,
      { token: tokens.dept },
    );
    expect(inbox.body.items.length).toBe(accept.total);
  });

  it('the enterprise: requests waiting for its information or its rating', async () => {
    const before = {
      info: await section('xingyi', 'requests_awaiting_information'),
      rate: await section('xingyi', 'requests_to_rate'),
    };
    ids.r3 = (await policy('咨询高新技术企业复审材料')).id;
    await act('dept', ids.r3, 'accept');
    await act('dept', ids.r3, 'return', { reason: '请补充近三年研发费用明细' });
    const resolved = await act('dept', ids.r2, 'resolve', { resolution: '已发送技改补助申报指南。' });

    const info = await section('xingyi', 'requests_awaiting_information');
    expect(info.total).toBe(before.info.total + 1);
    expect(itemOf(info, ids.r3)).toMatchObject({ action: 'provide_information', dueAt: null, overdue: false });
    const rate = await section('xingyi', 'requests_to_rate');
    expect(rate.total).toBe(before.rate.total + 1);
    expect(itemOf(rate, ids.r2)).toMatchObject({
      action: 'rate',
      since: resolved.resolvedAt,
      dueAt: new Date(new Date(resolved.resolvedAt).getTime() + 7 * 86_400_000).toISOString(),
    });
    // Gone from the department's: it is the enterprise's turn.
    expect(itemOf(await section('dept', 'requests_to_resolve'), ids.r3)).toBeUndefined();
    // Another enterprise's requests are not 兴翼机械's.
    expect(itemOf(await section('jingong', 'requests_to_rate'), ids.r2)).toBeUndefined();
  });

  it("meetings to answer, this week's meetings, indicator rounds to fill and project calls", async () => {
    const schedule = async (title: string, day: string) => {
      const reply = await http.post(
        '/api/v1/meetings',
        {
          allianceId: ids.alliance,
          title,
          chairId: ids.officialUser,
          recorderId: ids.deptUser,
          place: { kind: 'address', address: '安海镇人民政府三楼会议室' },
          startsAt: shanghai(`${day}T09:30:00`).toISOString(),
          endsAt: shanghai(`${day}T11:00:00`).toISOString(),
          invitees: { organizationIds: [ids.xingyi], requiredUserIds: [ids.deptUser] },
        },
        { token: tokens.official },
      );
      expect(reply.status).toBe(201);
      return reply.body.items[0].id as string;
    };
    ids.thisWeek = await schedule('十一月联席会议', '2026-11-27');
    ids.nextWeek = await schedule('十二月联席会议', '2026-12-02');

    const xingyiAnswer = await section('xingyi', 'meetings_to_answer');
    expect(itemOf(xingyiAnswer, ids.thisWeek)).toMatchObject({
      kind: 'meeting',
      action: 'name_attendee',
      dueAt: shanghai('2026-11-27T09:30:00').toISOString(),
    });
    expect(itemOf(xingyiAnswer, ids.nextWeek)).toMatchObject({ action: 'name_attendee' });
    const deptAnswer = await section('dept', 'meetings_to_answer');
    expect(itemOf(deptAnswer, ids.thisWeek)).toMatchObject({ action: 'rsvp' });
    for (const who of ['xingyi', 'dept', 'official']) {
      const week = await section(who, 'meetings_this_week');
      expect(itemOf(week, ids.thisWeek)).toMatchObject({ action: 'attend', overdue: false });
      expect(itemOf(week, ids.nextWeek)).toBeUndefined();
    }
    // 晋工机械 is not invited.
    expect(itemOf(await section('jingong', 'meetings_this_week'), ids.thisWeek)).toBeUndefined();
    // Answered: the invitation leaves the list, the meeting stays in the week.
    expect(
      (await http.post(`/api/v1/meetings/${ids.thisWeek}/rsvp`, { response: 'accepted' }, { token: tokens.dept }))
        .status,
    ).toBe(200);
    expect(itemOf(await section('dept', 'meetings_to_answer'), ids.thisWeek)).toBeUndefined();
    expect((await section('dept', 'meetings_to_answer')).total).toBe(deptAnswer.total - 1);

    const rounds = await section('xingyi', 'indicator_rounds_to_fill');
    const opened = await http.post(
      '/api/v1/indicator-rounds',
      { allianceId: ids.alliance, period: '2026-Q4', deadline: '2026-12-10', fields: [{ key: 'output_value' }] },
      { token: tokens.official },
    );
    expect(opened.status).toBe(201);
    const roundsNow = await section('xingyi', 'indicator_rounds_to_fill');
    expect(roundsNow.total).toBe(rounds.total + 1);
    expect(itemOf(roundsNow, opened.body.id)).toMatchObject({
      kind: 'indicator_round',
      action: 'fill_indicators',
      dueOn: '2026-12-10',
      overdue: false,
    });
    const submitted = await http.put(
      `/api/v1/indicator-rounds/${opened.body.id}/submission`,
      { values: { output_value: 12800 }, submit: true },
      { token: tokens.xingyi },
    );
    expect(submitted.status).toBe(200);
    expect((await section('xingyi', 'indicator_rounds_to_fill')).total).toBe(rounds.total);

    const calls = await section('xingyi', 'project_calls');
    const call = await http.post(
      '/api/v1/project-calls',
      {
        allianceId: ids.alliance,
        name: '2026 年省级专精特新企业培育项目',
        issuingBody: '福建省工业和信息化厅',
        deadline: '2026-12-20',
      },
      { token: tokens.jingong },
    );
    expect(call.status).toBe(201);
    const callsNow = await section('xingyi', 'project_calls');
    expect(callsNow.total).toBe(calls.total + 1);
    expect(itemOf(callsNow, call.body.id)).toMatchObject({
      kind: 'project_call',
      action: 'apply',
      dueOn: '2026-12-20',
    });
    expect(
      (await http.post(`/api/v1/project-calls/${call.body.id}/applications`, {}, { token: tokens.xingyi })).status,
    ).toBe(201);
    expect(itemOf(await section('xingyi', 'project_calls'), call.body.id)).toMatchObject({
      action: 'continue_application',
    });
  });

  it('the official: low ratings, minutes to approve, overdue action items, pairs to visit and cases to review', async () => {
    const before = Object.fromEntries(
      await Promise.all(
        ['low_rating_follow_ups', 'minutes_to_approve', 'overdue_action_items', 'cases_to_review'].map(
          async (k) => [k, (await section('official', k)).total] as const,
        ),
      ),
    );
    await act('xingyi', ids.r2, 'rate', { rating: 1, comment: '答复太笼统' });
    const followUps = await section('official', 'low_rating_follow_ups');
    expect(followUps.total).toBe(before.low_rating_follow_ups + 1);
    expect(itemOf(followUps, ids.r2)).toMatchObject({ kind: 'service_request', action: 'follow_up', rating: 1 });
    expect(itemOf(await section('xingyi', 'requests_to_rate'), ids.r2)).toBeUndefined();

    expect(
      (
        await http.put(
          `/api/v1/meetings/${ids.thisWeek}/minutes`,
          { content: '一、议定：经发办牵头梳理研发费用加计扣除政策。' },
          { token: tokens.dept },
        )
      ).status,
    ).toBe(200);
    expect((await section('official', 'minutes_to_approve')).total).toBe(before.minutes_to_approve); // a draft is the recorder's
    expect(
      (await http.post(`/api/v1/meetings/${ids.thisWeek}/minutes/circulate`, undefined, { token: tokens.dept })).status,
    ).toBe(200);
    const minutes = await section('official', 'minutes_to_approve');
    expect(minutes.total).toBe(before.minutes_to_approve + 1);
    expect(itemOf(minutes, ids.thisWeek)).toMatchObject({ kind: 'meeting', action: 'approve_minutes' });

    const late = await http.post(
      '/api/v1/action-items',
      {
        allianceId: ids.alliance,
        meetingId: ids.thisWeek,
        title: '梳理研发费用加计扣除政策',
        ownerOrganizationId: ids.economy,
        dueOn: '2026-11-20',
      },
      { token: tokens.official },
    );
    const onTime = await http.post(
      '/api/v1/action-items',
      { allianceId: ids.alliance, title: '走访链上企业', ownerOrganizationId: ids.economy, dueOn: '2026-12-20' },
      { token: tokens.official },
    );
    expect([late.status, onTime.status]).toEqual([201, 201]);
    const items = await section('official', 'overdue_action_items');
    expect(items.total).toBe(before.overdue_action_items + 1);
    expect(itemOf(items, late.body.id)).toMatchObject({
      kind: 'action_item',
      action: 'chase_action_item',
      dueOn: '2026-11-20',
      overdue: true,
    });
    expect(itemOf(items, onTime.body.id)).toBeUndefined();
    ascending(items.items.map((i) => i.dueOn));

    // The demo's pair with 晋工机械 was last visited 45 days ago, every 30 days: the pairing page's "overdue".
    const pairs = await section('official', 'pairs_to_visit');
    const overdue = await http.get('/api/v1/pairing/pairs?overdue=true&limit=100', { token: tokens.official });
    expect(pairs.total).toBe(overdue.body.items.length);
    expect(pairs.total).toBeGreaterThan(0);
    expect(pairs.items.map((i) => i.id)).toEqual(overdue.body.items.slice(0, 5).map((p: { id: string }) => p.id));
    expect(pairs.items[0]).toMatchObject({ kind: 'pair', action: 'visit', title: '晋工机械', overdue: true });

    const nominated = await http.post(
      '/api/v1/typical-cases',
      {
        allianceId: ids.alliance,
        title: '兴翼机械：党建引领研发创新',
        summary: '党员攻关小组一年推出 3 款新产品',
        body: '2023 年，兴翼机械全年研发新产品 3 个，获得专利 10 项。',
      },
      { token: tokens.xingyi },
    );
    expect(nominated.status).toBe(201);
    const cases = await section('official', 'cases_to_review');
    expect(cases.total).toBe(before.cases_to_review + 1);
    expect(itemOf(cases, nominated.body.id)).toMatchObject({ kind: 'typical_case', action: 'review_case' });
  });

  it('late requests: flagged for the department, chased by the enterprise, supervised by the official', async () => {
    // Friday noon: the accept clock of the first request (due Wednesday noon) has long run out.
    clock.set(shanghai('2026-11-27T12:00:00'));
    await app.worker!.get(SweepSlaHandler).handle();
    expect(itemOf(await section('dept', 'requests_to_accept'), ids.r1)).toMatchObject({ overdue: true });

    const chasedBefore = await section('dept', 'chased_requests');
    await act('xingyi', ids.r1, 'chase');
    const chased = await section('dept', 'chased_requests');
    expect(chased.total).toBe(chasedBefore.total + 1);
    expect(itemOf(chased, ids.r1)).toMatchObject({
      action: 'answer_chase',
      since: clock.now().toISOString(),
      overdue: true,
    });

    const supervised = await section('official', 'supervised_requests');
    const board = await http.get('/api/v1/service-requests/supervision?limit=100', { token: tokens.official });
    expect(supervised.total).toBe(board.body.items.length);
    expect(supervised.items.map((i) => i.id)).toEqual(board.body.items.slice(0, 5).map((r: { id: string }) => r.id));
    expect(itemOf(supervised, ids.r1)).toMatchObject({ action: 'supervise', overdue: true });
    // The meeting of this morning is over: Friday 09:30–11:00.
    expect(itemOf(await section('dept', 'meetings_this_week'), ids.thisWeek)).toBeUndefined();
  });

  it('the expert: invitations to answer, then the review due', async () => {
    const report = await http.post(
      '/api/v1/think-tank/reports',
      { allianceId: ids.alliance, title: '链上企业研发投入调查', abstract: '对链上企业研发投入与专利产出的调查分析。' },
      { token: tokens.jingong },
    );
    const boundary = '----workbench';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="report.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      PDF,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };
    expect(
      (
        await http.request('POST', `/api/v1/think-tank/reports/${report.body.id}/versions`, {
          token: tokens.jingong,
          body,
          headers,
        })
      ).status,
    ).toBe(201);
    expect(
      (await http.post(`/api/v1/think-tank/reports/${report.body.id}/submit`, undefined, { token: tokens.jingong }))
        .status,
    ).toBe(201);
    const respondBy = shanghai('2026-11-29T18:00:00').toISOString();
    const dueAt = shanghai('2026-12-04T18:00:00').toISOString();
    const assigned = await http.post(
      `/api/v1/think-tank/reports/${report.body.id}/reviewers`,
      { expertIds: [ids.expert], respondBy, dueAt },
      { token: tokens.official },
    );
    expect(assigned.status).toBe(201);

    const invitations = await section('expert', 'review_invitations');
    expect(invitations.total).toBe(1);
    const [invitation] = invitations.items;
    expect(invitation).toMatchObject({
      kind: 'review_assignment',
      action: 'answer_invitation',
      title: '链上企业研发投入调查',
      dueAt: respondBy,
      overdue: false,
    });
    expect(
      (await http.post(`/api/v1/think-tank/reviews/${invitation.id}/accept`, undefined, { token: tokens.expert }))
        .status,
    ).toBe(201);
    expect((await section('expert', 'review_invitations')).total).toBe(0);
    const due = await section('expert', 'reviews_due');
    expect(due).toMatchObject({ total: 1, items: [{ id: invitation.id, action: 'submit_review', dueAt }] });
    // The review page opens from the item's id.
    expect((await http.get(`/api/v1/think-tank/reviews/${invitation.id}`, { token: tokens.expert })).status).toBe(200);
  });

  it("never shows another township's items, and has no workbench without a township", async () => {
    const other = await createOtherTenant(app.db.admin);
    const {
      rows: [official],
    } = await app.db.admin.query('SELECT id FROM users WHERE email = $1', [other.email]);
    const {
      rows: [nominated],
    } = await app.db.admin.query(
      `INSERT INTO typical_cases (tenant_id, alliance_id, organization_id, title, summary, body, nominated_by_id)
       VALUES ($1, $2, $3, '东石精密：外乡的案例', '不应出现在安海', '东石镇的材料', $4) RETURNING id`,
      [other.tenantId, other.allianceId, other.organizationId, official.id],
    );
    tokens.other = await http.token(other.email);
    const theirs = await workbench('other');
    const theirIds = theirs.sections.flatMap((s) => s.items.map((i) => i.id));
    expect(theirIds).toEqual([nominated.id]);
    expect(theirs.sections.find((s) => s.key === 'cases_to_review')?.total).toBe(1);
    expect(theirs.sections.find((s) => s.key === 'supervised_requests')?.total).toBe(0);
    seen.delete(nominated.id);
    for (const who of ['official', 'dept', 'xingyi', 'jingong', 'expert']) {
      const ours = await workbench(who);
      expect(ours.sections.flatMap((s) => s.items.map((i) => i.id))).not.toContain(nominated.id);
    }
    expect([...seen].filter((id) => theirIds.includes(id))).toEqual([]);

    const platform = await http.get('/api/v1/workbench', { token: await http.token('platform@lianmeng.demo') });
    expect(platform.status).toBe(403);
    expect((await http.get('/api/v1/workbench')).status).toBe(401);
  });
});
