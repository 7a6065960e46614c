import { Http } from '../support/http';
import { multipart, PNG } from '../support/photo-upload';
import { createOtherTenant } from '../support/tenants';
import { startTestApp, TestApp } from '../support/test-app';

const shanghai = (local: string) => new Date(`${local}+08:00`);

describe('activity venue bookings (活动阵地)', () => {
  let app: TestApp;
  let http: Http;
  let official: string;
  let xingyi: string;
  let jingong: string;
  let ids: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp({ now: shanghai('2026-12-01T08:00:00') });
    http = new Http(app.api);
    [official, xingyi, jingong] = await Promise.all(
      ['official@anhai.demo', 'xingyi@anhai.demo', 'jingong@anhai.demo'].map((e) => http.token(e)),
    );
    const q = async (sql: string) => (await app.db.admin.query(sql)).rows[0].id as string;
    ids = {
      venue: await q(`SELECT id FROM venues WHERE name = '安海镇智能装备产业集群党群活动中心'`),
      office: await q(`SELECT id FROM venue_zones WHERE name = '共享办公区'`),
      party: await q(`SELECT id FROM venue_zones WHERE name = '党员活动区'`),
      room: await q(`SELECT id FROM venue_zones WHERE name = '第一会议室'`),
      alliance: await q(`SELECT id FROM alliances WHERE name = '安海镇智能装备制造产业集群党建联盟'`),
      chair: await q(`SELECT id FROM users WHERE email = 'official@anhai.demo'`),
    };
  });
  afterAll(() => app.close());

  const book = (token: string, body: Record<string, unknown>) => http.post('/api/v1/venue-bookings', body, { token });

  it('shows zones with capacity, opening hours and approval', async () => {
    const venue = await http.get(`/api/v1/venues/${ids.venue}`, { token: xingyi });
    expect(venue.status).toBe(200);
    const party = venue.body.zones.find((z: { name: string }) => z.name === '党员活动区');
    expect(party).toMatchObject({
      capacity: 80,
      requiresApproval: true,
      openingHours: expect.arrayContaining([{ open: '08:30', close: '21:00' }, null]),
    });
  });

  it('books a zone without approval at once; a second booking of the slot is refused by the database with what holds it', async () => {
    const first = await book(xingyi, {
      zoneId: ids.office,
      startsAt: '2026-12-07T09:00:00+08:00',
      endsAt: '2026-12-07T11:00:00+08:00',
      purpose: '项目申报材料集中办公',
      attendees: 8,
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'approved', zoneName: '共享办公区', allowedActions: ['cancel'] });

    const clash = await book(jingong, {
      zoneId: ids.office,
      startsAt: '2026-12-07T10:00:00+08:00',
      endsAt: '2026-12-07T12:00:00+08:00',
      purpose: '供应商洽谈',
      attendees: 4,
    });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('SLOT_TAKEN');
    expect(clash.body.details).toEqual([{ field: 'startsAt', reason: '共享办公区 在 12/07 09:00–11:00 已被预约' }]);
    // Officials see whose booking holds it.
    const seen = await book(official, {
      zoneId: ids.office,
      startsAt: '2026-12-07T10:00:00+08:00',
      endsAt: '2026-12-07T10:30:00+08:00',
      purpose: '检查',
      attendees: 1,
    });
    expect(seen.body.details[0].reason).toBe('共享办公区 在 12/07 09:00–11:00 已被“项目申报材料集中办公”占用');
    const english = await http.post(
      '/api/v1/venue-bookings',
      {
        zoneId: ids.office,
        startsAt: '2026-12-07T10:00:00+08:00',
        endsAt: '2026-12-07T12:00:00+08:00',
        purpose: '供应商洽谈',
        attendees: 4,
      },
      { token: jingong, language: 'en' },
    );
    expect(english.body.details[0].reason).toBe('共享办公区 is already booked at 12/07 09:00–11:00');

    // Cancelling frees the slot.
    expect((await http.post(`/api/v1/venue-bookings/${first.body.id}/cancel`, {}, { token: jingong })).status).toBe(
      404,
    );
    expect((await http.post(`/api/v1/venue-bookings/${first.body.id}/cancel`, {}, { token: xingyi })).body.status).toBe(
      'cancelled',
    );
    expect(
      (
        await book(jingong, {
          zoneId: ids.office,
          startsAt: '2026-12-07T10:00:00+08:00',
          endsAt: '2026-12-07T12:00:00+08:00',
          purpose: '供应商洽谈',
          attendees: 4,
        })
      ).status,
    ).toBe(201);
  });

  it('lets exactly one of two concurrent bookings of the same slot win', async () => {
    const slot = {
      zoneId: ids.office,
      startsAt: '2026-12-08T09:00:00+08:00',
      endsAt: '2026-12-08T10:00:00+08:00',
      attendees: 2,
    };
    const replies = await Promise.all([
      book(xingyi, { ...slot, purpose: '甲企业' }),
      book(jingong, { ...slot, purpose: '乙企业' }),
      book(official, { ...slot, purpose: '丙单位' }),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const { rows } = await app.db.admin.query(
      `SELECT count(*)::int AS n FROM room_reservations WHERE zone_id = $1 AND starts_at < '2026-12-08T10:00:00+08:00' AND ends_at > '2026-12-08T09:00:00+08:00'`,
      [ids.office],
    );
    expect(rows[0].n).toBe(1);
  });

  it('refuses a booking that clashes with a meeting, and a meeting that clashes with a booking', async () => {
    const meeting = await http.post(
      '/api/v1/meetings',
      {
        allianceId: ids.alliance,
        title: '十二月联席会议',
        startsAt: '2026-12-09T09:00:00+08:00',
        endsAt: '2026-12-09T11:00:00+08:00',
        chairId: ids.chair,
        place: { kind: 'room', zoneId: ids.room },
        invitees: {},
      },
      { token: official },
    );
    expect(meeting.status).toBe(201);
    const clash = await book(xingyi, {
      zoneId: ids.room,
      startsAt: '2026-12-09T10:00:00+08:00',
      endsAt: '2026-12-09T11:30:00+08:00',
      purpose: '企业内部培训',
      attendees: 10,
    });
    expect(clash.status).toBe(409);
    expect(clash.body.details[0]).toEqual({ field: 'startsAt', reason: '第一会议室 在 12/09 09:00–11:00 已安排会议' });

    const booked = await book(xingyi, {
      zoneId: ids.room,
      startsAt: '2026-12-10T09:00:00+08:00',
      endsAt: '2026-12-10T10:00:00+08:00',
      purpose: '企业内部培训',
      attendees: 10,
    });
    expect(booked.status).toBe(201);
    const meetingClash = await http.post(
      '/api/v1/meetings',
      {
        allianceId: ids.alliance,
        title: '临时会议',
        startsAt: '2026-12-10T09:30:00+08:00',
        endsAt: '2026-12-10T10:30:00+08:00',
        chairId: ids.chair,
        place: { kind: 'room', zoneId: ids.room },
        invitees: {},
      },
      { token: official },
    );
    expect(meetingClash.status).toBe(409);
    expect(meetingClash.body.details[0].reason).toContain('企业内部培训');

    // The calendar shows both; a member not invited sees the meeting only as reserved.
    const calendar = await http.get(
      `/api/v1/venues/${ids.venue}/calendar?from=2026-12-09T00:00:00%2B08:00&to=2026-12-11T00:00:00%2B08:00`,
      { token: jingong },
    );
    expect(calendar.status).toBe(200);
    expect(
      calendar.body.entries.map((e: { kind: string; title: string | null; status: string }) => [
        e.kind,
        e.title,
        e.status,
      ]),
    ).toEqual([
      ['meeting', null, 'reserved'],
      ['booking', '企业内部培训', 'approved'],
    ]);
    const officialView = await http.get(
      `/api/v1/venues/${ids.venue}/calendar?from=2026-12-09T00:00:00%2B08:00&to=2026-12-11T00:00:00%2B08:00`,
      { token: official },
    );
    expect(officialView.body.entries[0]).toMatchObject({ kind: 'meeting', title: '十二月联席会议' });
  });

  it('runs the approval flow: pending holds the slot, the official approves or rejects and the booker is told', async () => {
    const pending = await book(xingyi, {
      zoneId: ids.party,
      startsAt: '2026-12-12T09:00:00+08:00',
      endsAt: '2026-12-12T11:00:00+08:00',
      purpose: '主题党日活动',
      attendees: 40,
    });
    expect(pending.body).toMatchObject({ status: 'pending' });
    expect(
      (
        await book(jingong, {
          zoneId: ids.party,
          startsAt: '2026-12-12T10:00:00+08:00',
          endsAt: '2026-12-12T11:00:00+08:00',
          purpose: '党课',
          attendees: 20,
        })
      ).status,
    ).toBe(409);

    const queue = await http.get('/api/v1/venue-bookings?status=pending', { token: official });
    expect(queue.body.items.map((b: { purpose: string }) => b.purpose)).toContain('主题党日活动');
    const inbox = await http.get('/api/v1/notifications', { token: official });
    expect(inbox.body.items.map((n: { title: string }) => n.title)).toContain('场地预约待审批：党员活动区');

    expect((await http.post(`/api/v1/venue-bookings/${pending.body.id}/approve`, {}, { token: xingyi })).status).toBe(
      403,
    );
    const approved = await http.post(
      `/api/v1/venue-bookings/${pending.body.id}/approve`,
      { note: '请提前布置场地' },
      { token: official },
    );
    expect(approved.body).toMatchObject({ status: 'approved', decisionNote: '请提前布置场地' });
    expect((await http.post(`/api/v1/venue-bookings/${pending.body.id}/approve`, {}, { token: official })).status).toBe(
      409,
    );
    const titles = (await http.get('/api/v1/notifications', { token: xingyi })).body.items.map(
      (n: { title: string }) => n.title,
    );
    expect(titles).toContain('场地预约已通过：党员活动区');

    const other = await book(jingong, {
      zoneId: ids.party,
      startsAt: '2026-12-12T14:00:00+08:00',
      endsAt: '2026-12-12T15:00:00+08:00',
      purpose: '党课',
      attendees: 20,
    });
    const rejected = await http.post(
      `/api/v1/venue-bookings/${other.body.id}/reject`,
      { note: '当天下午场地维护' },
      { token: official },
    );
    expect(rejected.body.status).toBe('rejected');
    expect(
      (await http.get('/api/v1/notifications', { token: jingong })).body.items.map((n: { title: string }) => n.title),
    ).toContain('场地预约未通过：党员活动区');
    // A rejection frees the slot.
    expect(
      (
        await book(xingyi, {
          zoneId: ids.party,
          startsAt: '2026-12-12T14:00:00+08:00',
          endsAt: '2026-12-12T15:00:00+08:00',
          purpose: '党员学习',
          attendees: 10,
        })
      ).status,
    ).toBe(201);
  });

  it('refuses bad input with the field and reason', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [
        {
          zoneId: ids.office,
          startsAt: '2026-12-07T09:00:00+08:00',
          endsAt: '2026-12-07T08:00:00+08:00',
          purpose: '测试',
          attendees: 1,
        },
        'endsAt',
        '结束时间必须晚于开始时间',
      ],
      [
        {
          zoneId: ids.office,
          startsAt: '2026-12-07T13:00:00+08:00',
          endsAt: '2026-12-07T14:00:00+08:00',
          purpose: '测试',
          attendees: 21,
        },
        'attendees',
        '不能超过可容纳人数 20',
      ],
      [
        {
          zoneId: ids.office,
          startsAt: '2026-12-07T17:00:00+08:00',
          endsAt: '2026-12-07T18:30:00+08:00',
          purpose: '测试',
          attendees: 1,
        },
        'startsAt',
        '不在开放时间内（当天 08:30–17:30）',
      ],
      [
        {
          zoneId: ids.office,
          startsAt: '2026-12-06T09:00:00+08:00',
          endsAt: '2026-12-06T10:00:00+08:00',
          purpose: '测试',
          attendees: 1,
        },
        'startsAt',
        '当天不开放',
      ],
      [
        {
          zoneId: ids.office,
          startsAt: '2026-11-30T09:00:00+08:00',
          endsAt: '2026-11-30T10:00:00+08:00',
          purpose: '测试',
          attendees: 1,
        },
        'startsAt',
        '不能早于现在',
      ],
      [
        {
          zoneId: ids.office,
          startsAt: 'tomorrow',
          endsAt: '2026-12-07T10:00:00+08:00',
          purpose: '测试',
          attendees: 1,
        },
        'startsAt',
        '必须是有效的日期（YYYY-MM-DD）',
      ],
      [
        {
          zoneId: '00000000-0000-4000-8000-000000000000',
          startsAt: '2026-12-07T13:00:00+08:00',
          endsAt: '2026-12-07T14:00:00+08:00',
          purpose: '测试',
          attendees: 1,
        },
        'zoneId',
        '不存在',
      ],
    ];
    for (const [body, field, reason] of cases) {
      const reply = await book(xingyi, body);
      expect({ status: reply.status, details: reply.body.details }).toEqual({
        status: 400,
        details: [{ field, reason }],
      });
    }
    const hours = await http.patch(
      `/api/v1/venues/${ids.venue}/zones/${ids.office}`,
      { openingHours: [{ open: '09:00', close: '08:00' }, null, null, null, null, null, null] },
      { token: official },
    );
    expect(hours.status).toBe(400);
    expect(hours.body.details).toEqual([{ field: 'openingHours[0].close', reason: '结束时间必须晚于开始时间' }]);
    const experts = await http.post('/api/v1/venue-bookings', {}, { token: await http.token('expert@anhai.demo') });
    expect(experts.status).toBe(403);
  });

  it('stores photos checked by content and serves them', async () => {
    const form = multipart('centre.png', PNG);
    const uploaded = await http.request('POST', `/api/v1/venues/${ids.venue}/photos?zoneId=${ids.party}`, {
      token: official,
      body: form.body,
      headers: form.headers,
    });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ contentType: 'image/png', zoneId: ids.party });
    const photo = await http.get(`/api/v1/venues/${ids.venue}/photos/${uploaded.body.id}`, { token: xingyi });
    expect(photo.status).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    const fake = multipart('evil.png', Buffer.from('<svg onload="alert(1)"></svg>'));
    const refused = await http.request('POST', `/api/v1/venues/${ids.venue}/photos`, {
      token: official,
      body: fake.body,
      headers: fake.headers,
    });
    expect(refused.status).toBe(415);
    expect(refused.body.details[0].field).toBe('file');

    // Adding and removing a photo are both in the audit log, without where the file lies.
    expect(
      (await http.request('DELETE', `/api/v1/venues/${ids.venue}/photos/${uploaded.body.id}`, { token: official }))
        .status,
    ).toBe(204);
    const { rows } = await app.db.admin.query(
      `SELECT action, before, after FROM audit_log WHERE entity_type = 'venue_photos' AND entity_id = $1 ORDER BY id`,
      [uploaded.body.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['insert', 'delete']);
    expect(rows[1].before).toMatchObject({ file_name: 'centre.png', zone_id: ids.party });
    expect(JSON.stringify(rows)).not.toContain('storage_key');
  });

  it('lets officials edit a venue and its zones; a taken name is refused with the field', async () => {
    const before = (await http.get(`/api/v1/venues/${ids.venue}`, { token: official })).body;
    const edited = await http.patch(
      `/api/v1/venues/${ids.venue}`,
      { address: '安海镇鸿安机械园区 2 号楼', description: '' },
      { token: official },
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      name: before.name,
      address: '安海镇鸿安机械园区 2 号楼',
      description: null,
      zones: expect.any(Array),
    });
    expect((await http.patch(`/api/v1/venues/${ids.venue}`, { address: 'x' }, { token: xingyi })).status).toBe(403);

    const other = await http.post('/api/v1/venues', { name: '晋工机械职工之家' }, { token: official });
    expect(other.status).toBe(201);
    const taken = await http.patch(`/api/v1/venues/${other.body.id}`, { name: before.name }, { token: official });
    expect({ status: taken.status, details: taken.body.details }).toEqual({
      status: 409,
      details: [{ field: 'name', reason: '已存在' }],
    });
    const blank = await http.patch(`/api/v1/venues/${other.body.id}`, { name: '   ' }, { token: official });
    expect({ status: blank.status, details: blank.body.details }).toEqual({
      status: 400,
      details: [{ field: 'name', reason: '不能为空' }],
    });

    const zone = await http.post(
      `/api/v1/venues/${other.body.id}/zones`,
      { name: '展示厅', kind: 'enterprise_showcase', capacity: 40 },
      { token: official },
    );
    expect(zone.status).toBe(201);
    const hours = [{ open: '09:00', close: '17:00' }, null, null, null, null, null, null];
    const updated = await http.patch(
      `/api/v1/venues/${other.body.id}/zones/${zone.body.id}`,
      { capacity: 50, openingHours: hours, requiresApproval: true },
      { token: official },
    );
    expect(updated.body).toMatchObject({ capacity: 50, openingHours: hours, requiresApproval: true });
    const { rows } = await app.db.admin.query(
      `SELECT action FROM audit_log WHERE entity_type = 'venues' AND entity_id = $1`,
      [ids.venue],
    );
    expect(rows.map((r: { action: string }) => r.action)).toContain('update');
  });

  it('keeps other tenants out (404)', async () => {
    const other = await createOtherTenant(app.db.admin);
    const token = await http.token(other.email);
    expect((await http.get(`/api/v1/venues/${ids.venue}`, { token })).status).toBe(404);
    expect((await http.patch(`/api/v1/venues/${ids.venue}`, { name: '越权' }, { token })).status).toBe(404);
    expect(
      (await http.patch(`/api/v1/venues/${ids.venue}/zones/${ids.office}`, { capacity: 1 }, { token })).status,
    ).toBe(404);
    expect(
      (
        await http.get(`/api/v1/venues/${ids.venue}/calendar?from=2026-12-01T00:00:00Z&to=2026-12-31T00:00:00Z`, {
          token,
        })
      ).status,
    ).toBe(404);
    const mine = await http.get('/api/v1/venue-bookings?status=pending', { token: official });
    const any = mine.body.items[0] ?? (await http.get('/api/v1/venue-bookings', { token: official })).body.items[0];
    expect((await http.get(`/api/v1/venue-bookings/${any.id}`, { token })).status).toBe(404);
    expect((await http.post(`/api/v1/venue-bookings/${any.id}/approve`, {}, { token })).status).toBe(404);
    const booking = await book(token, {
      zoneId: ids.office,
      startsAt: '2026-12-14T09:00:00+08:00',
      endsAt: '2026-12-14T10:00:00+08:00',
      purpose: '越权',
      attendees: 1,
    });
    expect(booking.status).toBe(400);
    expect(booking.body.details[0].field).toBe('zoneId');
  });
});
