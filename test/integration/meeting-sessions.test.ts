import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ControlledClock } from '../support/clock';
import { Http } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';

const shanghai = (local: string) => new Date(`${local}+08:00`);

describe('agenda, check-in and minutes of a joint meeting', () => {
  let app: TestApp;
  let http: Http;
  let clock: ControlledClock;
  let official: string;
  let meetingId: string;
  let ids: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp({ worker: true, now: shanghai('2026-11-25T10:00:00') });
    clock = app.clock;
    http = new Http(app.api);
    official = await http.token('official@anhai.demo');
    const q = async (sql: string) => (await app.db.admin.query(sql)).rows[0].id as string;
    ids = {
      alliance: await q(`SELECT id FROM alliances WHERE name = '安海镇智能装备制造产业集群党建联盟'`),
      official: await q(`SELECT id FROM users WHERE email = 'official@anhai.demo'`),
      dept: await q(`SELECT id FROM users WHERE email = 'dept@anhai.demo'`),
      finance: await q(`SELECT id FROM organizations WHERE name = '安海镇财政所'`),
      xingyi: await q(`SELECT id FROM organizations WHERE name = '兴翼机械'`),
    };
    const schedule = async (title: string, day: string) =>
      (
        await http.post(
          '/api/v1/meetings',
          {
            allianceId: ids.alliance,
            title,
            chairId: ids.official,
            recorderId: ids.dept,
            place: { kind: 'address', address: '晋工机械会议中心' },
            startsAt: shanghai(`${day}T09:30:00`).toISOString(),
            endsAt: shanghai(`${day}T11:30:00`).toISOString(),
            invitees: { organizationIds: [ids.xingyi, ids.finance], requiredUserIds: [ids.dept] },
          },
          { token: official },
        )
      ).body.items[0].id as string;
    const previous = await schedule('第三季度联席会议', '2026-09-15');
    await http.post(
      '/api/v1/action-items',
      {
        allianceId: ids.alliance,
        meetingId: previous,
        title: '落实技改贴息',
        ownerOrganizationId: ids.finance,
        dueOn: '2026-10-31',
      },
      { token: official },
    );
    meetingId = await schedule('第四季度联席会议', '2026-12-15');
  });
  afterAll(() => app.close());

  it('takes agenda proposals from invited organisations, decided by the convener, and reviews last time’s unfinished items', async () => {
    const xingyi = await http.token('xingyi@anhai.demo');
    const proposed = await http.post(
      `/api/v1/meetings/${meetingId}/agenda`,
      { title: '共享检测设备的使用规则' },
      { token: xingyi },
    );
    expect(proposed.status).toBe(201);
    const item = proposed.body;
    expect(item).toMatchObject({ status: 'proposed', proposedByOrganization: { name: '兴翼机械' } });
    expect(
      (await http.post(`/api/v1/meetings/${meetingId}/agenda/${item.id}/decision`, { accept: true }, { token: xingyi }))
        .status,
    ).toBe(403);
    const decided = await http.post(
      `/api/v1/meetings/${meetingId}/agenda/${item.id}/decision`,
      { accept: true, note: '列入第二项' },
      { token: official },
    );
    expect(decided.body).toMatchObject({ id: item.id, status: 'accepted', decisionNote: '列入第二项' });
    const agenda = await http.get(`/api/v1/meetings/${meetingId}/agenda`, { token: xingyi });
    expect(agenda.body).toEqual({
      items: [expect.objectContaining({ id: item.id, status: 'accepted' })],
      nextCursor: null,
    });
    const review = await http.get(`/api/v1/meetings/${meetingId}/agenda/review`, { token: xingyi });
    expect(review.body).toEqual({
      items: [expect.objectContaining({ title: '落实技改贴息', ownerOrganization: '安海镇财政所', status: 'open' })],
      nextCursor: null,
    });
    const notEscalated = await http.post(
      `/api/v1/meetings/${meetingId}/agenda`,
      { title: '未升级的请求', serviceRequestId: '00000000-0000-4000-8000-000000000000' },
      { token: official },
    );
    expect(notEscalated.body.details).toEqual([
      { field: 'serviceRequestId', reason: '只有已升级督办的服务请求可以列入议程' },
    ]);
    expect(
      (
        await http.post(
          `/api/v1/meetings/${meetingId}/agenda`,
          { title: '外人的议题' },
          { token: await http.token('expert@anhai.demo') },
        )
      ).status,
    ).toBe(404);
  });

  it('checks people in with the QR code’s secret while signed in, once each, only around the meeting', async () => {
    const code = await http.get(`/api/v1/meetings/${meetingId}/check-in-code`, { token: official });
    expect(code.body.svg).toContain('<svg');
    const secret = new URL(code.body.url).searchParams.get('code')!;
    const xingyi = await http.token('xingyi@anhai.demo');
    expect((await http.get(`/api/v1/meetings/${meetingId}/check-in-code`, { token: xingyi })).status).toBe(403);
    expect(
      (await http.post(`/api/v1/meetings/${meetingId}/check-in`, { code: secret }, { token: xingyi })).body.details,
    ).toEqual([{ field: 'code', reason: '现在不在签到时间内' }]);
    clock.set(shanghai('2026-12-15T09:20:00'));
    expect(
      (await http.post(`/api/v1/meetings/${meetingId}/check-in`, { code: 'wrong-code-wrong-code' }, { token: xingyi }))
        .status,
    ).toBe(400);
    await http.post(`/api/v1/meetings/${meetingId}/check-in`, { code: secret }, { token: xingyi });
    await http.post(`/api/v1/meetings/${meetingId}/check-in`, { code: secret }, { token: xingyi });
    const attendance = await http.post(
      `/api/v1/meetings/${meetingId}/check-in`,
      { code: secret },
      { token: await http.token('dept@anhai.demo') },
    );
    expect(attendance.body.attendees.map((a: { displayName: string }) => a.displayName)).toEqual(['黄丽娟', '黄志坚']);
    expect(attendance.body).toMatchObject({
      organizationsPresent: ['兴翼机械', '安海镇经济发展办公室'],
      invitedOrganizations: 2,
    });
    clock.set(shanghai('2026-12-20T10:00:00'));
    const stats = await http.get(
      `/api/v1/meetings/attendance-statistics?allianceId=${ids.alliance}&from=2026-09-01T00:00:00Z&to=2027-01-01T00:00:00Z`,
      { token: official },
    );
    expect(stats.body.meetings).toBe(2);
    expect(stats.body.organizations).toEqual([
      expect.objectContaining({ name: '兴翼机械', invited: 2, attended: 1, rate: 0.5 }),
      expect.objectContaining({ name: '安海镇财政所', invited: 2, attended: 0, rate: 0 }),
    ]);
    clock.set(shanghai('2026-11-25T10:00:00'));
  });

  it('drafts, circulates, takes comments, approves and then locks the minutes, which export to a PDF in Chinese', async () => {
    const recorder = await http.token('dept@anhai.demo');
    const xingyi = await http.token('xingyi@anhai.demo');
    expect((await http.put(`/api/v1/meetings/${meetingId}/minutes`, { content: 'x' }, { token: xingyi })).status).toBe(
      403,
    );
    const draft = await http.put(
      `/api/v1/meetings/${meetingId}/minutes`,
      { content: '一、会议听取了各成员单位的工作汇报。\n二、议定：由财政所牵头落实技改贴息。' },
      { token: recorder },
    );
    expect(draft.body).toMatchObject({ status: 'draft', version: 1 });
    expect(
      (await http.post(`/api/v1/meetings/${meetingId}/minutes/comments`, { body: '太早' }, { token: xingyi })).status,
    ).toBe(409);
    await http.post(`/api/v1/meetings/${meetingId}/minutes/circulate`, undefined, { token: recorder });
    const commented = await http.post(
      `/api/v1/meetings/${meetingId}/minutes/comments`,
      { body: '建议补充检测设备共享事项' },
      { token: xingyi },
    );
    expect(commented.body.comments).toEqual([
      expect.objectContaining({ author: '黄丽娟', version: 1, body: '建议补充检测设备共享事项' }),
    ]);
    const revised = await http.put(
      `/api/v1/meetings/${meetingId}/minutes`,
      {
        content:
          '一、会议听取了各成员单位的工作汇报。\n二、议定：由财政所牵头落实技改贴息。\n三、议定：共享检测设备的使用规则由兴翼机械起草。',
      },
      { token: recorder },
    );
    expect(revised.body.version).toBe(2);
    expect(
      (await http.post(`/api/v1/meetings/${meetingId}/minutes/approve`, undefined, { token: recorder })).status,
    ).toBe(403);
    expect((await http.get(`/api/v1/meetings/${meetingId}/minutes.pdf`, { token: official })).status).toBe(409);
    const approved = await http.post(`/api/v1/meetings/${meetingId}/minutes/approve`, undefined, { token: official });
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: { displayName: '林镇长' } });

    const locked = await http.put(`/api/v1/meetings/${meetingId}/minutes`, { content: '改写' }, { token: recorder });
    expect(locked.body).toMatchObject({
      statusCode: 409,
      details: [{ field: 'content', reason: '纪要已审定，不能再修改' }],
    });
    await expect(
      app.db.admin.query(`UPDATE meeting_minutes SET content = 'x' WHERE meeting_id = $1`, [meetingId]),
    ).rejects.toThrow(/locked/);
    expect((await http.get(`/api/v1/meetings/${meetingId}/minutes`, { token: xingyi })).body.content).toContain(
      '三、议定',
    );

    const pdf = await app.api.inject({
      method: 'GET',
      url: `/api/v1/meetings/${meetingId}/minutes.pdf`,
      headers: { authorization: `Bearer ${xingyi}` },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(mkdtempSync(join(tmpdir(), 'minutes-')), 'minutes.pdf');
    writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString();
    expect(text).toContain('第四季度联席会议');
    expect(text).toContain('会议纪要');
    expect(text).toContain('共享检测设备的使用规则由兴翼机械起草');
    expect(text).toContain('审定：林镇长');
  });
});
