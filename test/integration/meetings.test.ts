import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import * as ical from 'node-ical';
import { reminderJobId } from '../../src/modules/meetings/jobs/meeting-reminders.handler';
import { MEETINGS_QUEUE } from '../../src/modules/meetings/meetings.jobs';

import { Http } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

const shanghai = (local: string) => new Date(`${local}+08:00`);

describe('joint meetings (联席会议)', () => {
  let app: TestApp;
  let http: Http;
  let official: string;
  let ids: Record<string, string>;
  let queue: Queue;

  beforeAll(async () => {
    app = await startTestApp({ worker: true, now: shanghai('2026-11-25T10:00:00') });
    http = new Http(app.api);
    official = await http.token('official@anhai.demo');
    const q = async (sql: string) => (await app.db.admin.query(sql)).rows[0].id as string;
    ids = {
      alliance: await q(`SELECT id FROM alliances WHERE name = '安海镇智能装备制造产业集群党建联盟'`),
      room: await q(`SELECT id FROM venue_zones WHERE name = '第一会议室'`),
      hall: await q(`SELECT id FROM venue_zones WHERE name = '事务共商区'`),
      official: await q(`SELECT id FROM users WHERE email = 'official@anhai.demo'`),
      dept: await q(`SELECT id FROM users WHERE email = 'dept@anhai.demo'`),
      dept2: await q(`SELECT id FROM users WHERE email = 'dept2@anhai.demo'`),
      jingongOrg: await q(`SELECT id FROM organizations WHERE name = '晋工机械'`),
      xingyiOrg: await q(`SELECT id FROM organizations WHERE name = '兴翼机械'`),
    };
    queue = app.worker!.get<Queue>(getQueueToken(MEETINGS_QUEUE), { strict: false });
  });
  afterAll(() => app.close());

  const schedule = (over: Record<string, unknown> = {}) =>
    http.post(
      '/api/v1/meetings',
      {
        allianceId: ids.alliance,
        title: '联盟联席会议',
        chairId: ids.official,
        place: { kind: 'room', zoneId: ids.room },
        startsAt: shanghai('2026-12-01T09:30:00').toISOString(),
        endsAt: shanghai('2026-12-01T11:00:00').toISOString(),
        invitees: { organizationIds: [ids.jingongOrg, ids.xingyiOrg], requiredUserIds: [ids.dept] },
        ...over,
      },
      { token: official },
    );

  it('schedules a meeting, invites organisations and people, and sets reminders 24 h and 1 h before', async () => {
    const reply = await schedule();
    expect(reply.status).toBe(201);
    const [meeting] = reply.body.items;
    expect(meeting).toMatchObject({
      title: '联盟联席会议',
      status: 'scheduled',
      place: { kind: 'room', zone: { name: '第一会议室' } },
    });
    expect(
      meeting.participants
        .map(
          (p: { organization: { name: string } | null; attendee: { id: string } | null }) =>
            p.organization?.name ?? p.attendee?.id,
        )
        .sort(),
    ).toEqual([ids.official, ids.dept, '晋工机械', '兴翼机械'].sort());
    const jobs = await waitFor(
      () => Promise.all([24, 1].map((h) => queue.getJob(reminderJobId(meeting.id, h)))),
      (found) => found.every(Boolean),
    );
    expect(jobs.map((j) => j!.opts.delay)).toEqual([
      shanghai('2026-11-30T09:30:00').getTime() - shanghai('2026-11-25T10:00:00').getTime(),
      shanghai('2026-12-01T08:30:00').getTime() - shanghai('2026-11-25T10:00:00').getTime(),
    ]);
    const inbox = await http.get('/api/v1/notifications', { token: await http.token('jingong@anhai.demo') });
    expect(inbox.body.items.map((n: { title: string }) => n.title)).toContain('会议邀请：联盟联席会议');
    ids.first = meeting.id;
  });

  it('refuses a taken room and a busy required person, listing each clash', async () => {
    const clash = await schedule({
      title: '另一个会议',
      startsAt: shanghai('2026-12-01T10:30:00').toISOString(),
      endsAt: shanghai('2026-12-01T12:00:00').toISOString(),
    });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('MEETING_CONFLICT');
    expect(clash.body.details).toEqual([
      { field: 'place.zoneId', reason: '第一会议室 已被“联盟联席会议”占用（12/01 09:30–11:00）' },
      // the chair is required too
      { field: 'invitees.requiredUserIds', reason: '林镇长 已参加“联盟联席会议”（12/01 09:30–11:00）' },
      { field: 'invitees.requiredUserIds', reason: '黄志坚 已参加“联盟联席会议”（12/01 09:30–11:00）' },
    ]);
    // Back to back is fine: ranges are half-open.
    expect(
      (
        await schedule({
          title: '紧接着的会议',
          startsAt: shanghai('2026-12-01T11:00:00').toISOString(),
          endsAt: shanghai('2026-12-01T12:00:00').toISOString(),
        })
      ).status,
    ).toBe(201);
  });

  it('lets exactly one of two racing bookings of the same room win, decided by the database', async () => {
    const body = (title: string) => ({
      allianceId: ids.alliance,
      title,
      chairId: ids.official,
      place: { kind: 'room', zoneId: ids.hall },
      startsAt: shanghai('2026-12-02T14:00:00').toISOString(),
      endsAt: shanghai('2026-12-02T15:00:00').toISOString(),
      invitees: {},
    });
    // Thirty at once: racing inserts into the exclusion constraint used to deadlock (500) without the zone lock.
    const replies = await Promise.all(
      Array.from({ length: 30 }, (_, i) => http.post('/api/v1/meetings', body(`竞争会议 ${i}`), { token: official })),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([201, ...Array(29).fill(409)]);
    const { rows } = await app.db.admin.query(`SELECT count(*)::int AS n FROM room_reservations WHERE zone_id = $1`, [
      ids.hall,
    ]);
    expect(rows[0].n).toBe(1);
  });

  it('expands a series, moves one occurrence or all following, and moves their reminders', async () => {
    const reply = await schedule({
      title: '季度联席会议',
      place: { kind: 'address', address: '晋工机械会议中心' },
      startsAt: shanghai('2027-01-15T09:30:00').toISOString(),
      endsAt: shanghai('2027-01-15T11:30:00').toISOString(),
      recurrence: 'FREQ=MONTHLY;INTERVAL=3;COUNT=4',
      invitees: { allOf: 'members' },
    });
    expect(reply.status).toBe(201);
    const starts = reply.body.items.map((m: { startsAt: string }) => m.startsAt);
    expect(starts).toEqual(
      ['2027-01-15', '2027-04-15', '2027-07-15', '2027-10-15'].map((d) => shanghai(`${d}T09:30:00`).toISOString()),
    );
    const [q1, q2] = reply.body.items;
    const moved = await http.patch(
      `/api/v1/meetings/${q2.id}`,
      {
        startsAt: shanghai('2027-04-16T14:30:00').toISOString(),
        endsAt: shanghai('2027-04-16T16:30:00').toISOString(),
        scope: 'this',
      },
      { token: official },
    );
    expect(moved.body.items).toHaveLength(1);
    await waitFor(
      () => queue.getJob(reminderJobId(q2.id, 1)),
      (job) => job?.data.startsAt === shanghai('2027-04-16T14:30:00').toISOString(),
    );
    const following = await http.patch(
      `/api/v1/meetings/${q1.id}`,
      {
        startsAt: shanghai('2027-01-15T14:00:00').toISOString(),
        endsAt: shanghai('2027-01-15T16:00:00').toISOString(),
        scope: 'following',
      },
      { token: official },
    );
    // The occurrence edited on its own keeps its own time; the others follow.
    expect(following.body.items.map((m: { startsAt: string }) => m.startsAt)).toEqual(
      ['2027-01-15', '2027-07-15', '2027-10-15'].map((d) => shanghai(`${d}T14:00:00`).toISOString()),
    );
    expect(reply.body.items[0].participants.length).toBeGreaterThanOrEqual(25);
    // Every invitation carries its meeting's start as the meeting now has it (the free-slot and
    // conflict searches read it), and moving a meeting logs no change of its invitations.
    const stale = await app.db.admin.query(
      `SELECT p.id FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id
        WHERE m.series_id = (SELECT series_id FROM meetings WHERE id = $1) AND p.meeting_starts_at IS DISTINCT FROM m.starts_at`,
      [q1.id],
    );
    expect(stale.rows).toEqual([]);
    const logged = await app.db.admin.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'meeting_participants' AND action = 'update'
          AND entity_id IN (SELECT id FROM meeting_participants WHERE meeting_id = $1)`,
      [q1.id],
    );
    expect(logged.rows[0].n).toBe(0);
  });

  it('removes the reminders of a cancelled meeting, so none goes out, and tells everyone', async () => {
    const reply = await schedule({
      title: '将要取消的会议',
      place: { kind: 'online', onlineUrl: 'https://meeting.example.cn/123' },
      startsAt: shanghai('2026-12-03T09:00:00').toISOString(),
      endsAt: shanghai('2026-12-03T10:00:00').toISOString(),
      invitees: { requiredUserIds: [ids.dept2] },
    });
    const id = reply.body.items[0].id;
    await waitFor(() => queue.getJob(reminderJobId(id, 24)), Boolean);
    const cancelled = await http.post(
      `/api/v1/meetings/${id}/cancel`,
      { reason: '与上级会议冲突' },
      { token: official },
    );
    expect(cancelled.body.items[0]).toMatchObject({ status: 'cancelled', cancelReason: '与上级会议冲突' });
    await waitFor(
      () => Promise.all([24, 1].map((h) => queue.getJob(reminderJobId(id, h)))),
      (jobs) => jobs.every((j) => !j),
    );
    const inbox = await http.get('/api/v1/notifications', { token: await http.token('dept2@anhai.demo') });
    expect(inbox.body.items.map((n: { title: string }) => n.title)).toContain('会议取消：将要取消的会议');
    expect((await http.post(`/api/v1/meetings/${id}/cancel`, { reason: '再取消' }, { token: official })).status).toBe(
      409,
    );
  });

  it('takes RSVPs: accept, decline with a reason, delegate to a colleague', async () => {
    const dept = await http.token('dept@anhai.demo');
    expect(
      (await http.post(`/api/v1/meetings/${ids.first}/rsvp`, { response: 'declined' }, { token: dept })).body.details,
    ).toEqual([{ field: 'reason', reason: '必须填写' }]);
    const delegated = await http.post(
      `/api/v1/meetings/${ids.first}/rsvp`,
      { response: 'delegated', delegateUserId: ids.dept2 },
      { token: dept },
    );
    expect(delegated.status).toBe(200);
    const responses = delegated.body.participants.map((p: { attendee: { id: string } | null; response: string }) => [
      p.attendee?.id,
      p.response,
    ]);
    expect(responses).toEqual(
      expect.arrayContaining([
        [ids.dept, 'delegated'],
        [ids.dept2, 'pending'],
      ]),
    );
    const dept2 = await http.token('dept2@anhai.demo');
    expect(
      (await http.post(`/api/v1/meetings/${ids.first}/rsvp`, { response: 'accepted' }, { token: dept2 })).status,
    ).toBe(200);
    // An organisation names who attends; an uninvited person cannot answer or see it.
    const jingong = await http.token('jingong@anhai.demo');
    const jingongUser = (await app.db.admin.query(`SELECT id FROM users WHERE email = 'jingong@anhai.demo'`)).rows[0]
      .id;
    const named = await http.post(
      `/api/v1/meetings/${ids.first}/attendee`,
      { organizationId: ids.jingongOrg, attendeeId: jingongUser },
      { token: jingong },
    );
    expect(named.status).toBe(200);
    expect(
      named.body.participants.find(
        (p: { organization: { name: string } | null }) => p.organization?.name === '晋工机械',
      ).attendee.id,
    ).toBe(jingongUser);
    const expert = await http.token('expert@anhai.demo');
    expect((await http.get(`/api/v1/meetings/${ids.first}`, { token: expert })).status).toBe(404);
    expect(
      (await http.post(`/api/v1/meetings/${ids.first}/rsvp`, { response: 'accepted' }, { token: expert })).status,
    ).toBe(404);
  });

  it('finds the earliest free slots for people and a room, in office hours on working days', async () => {
    const search = `/api/v1/meetings/free-slots?from=${encodeURIComponent(shanghai('2026-12-01T08:00:00').toISOString())}&to=${encodeURIComponent(shanghai('2026-12-02T18:00:00').toISOString())}&durationMinutes=90&zoneId=${ids.room}&userIds=${ids.official}&limit=3`;
    const reply = await http.get(search, { token: official });
    expect(reply.status).toBe(200);
    // 09:30–11:00 and 11:00–12:00 hold the room; lunch is not office time; so 13:30 is the first.
    expect(reply.body.items.map((s: { startsAt: string }) => s.startsAt)).toEqual(
      ['2026-12-01T13:30:00', '2026-12-01T14:00:00', '2026-12-01T14:30:00'].map((t) => shanghai(t).toISOString()),
    );
    // The next page goes on after the last slot given, to the end of the window.
    const next = await http.get(`${search}&cursor=${encodeURIComponent(reply.body.nextCursor)}`, { token: official });
    expect(next.body.items.map((s: { startsAt: string }) => s.startsAt)).toEqual(
      ['2026-12-01T15:00:00', '2026-12-01T15:30:00', '2026-12-01T16:00:00'].map((t) => shanghai(t).toISOString()),
    );
    const last = await http.get(
      `${search.replace('limit=3', 'limit=100')}&cursor=${encodeURIComponent(next.body.nextCursor)}`,
      { token: official },
    );
    expect(last.body.nextCursor).toBeNull();
    expect(last.body.items.at(-1).startsAt).toBe(shanghai('2026-12-02T16:00:00').toISOString());
  });

  it('counts a member’s booking of the room as busy in the free-slot search', async () => {
    const office = (await app.db.admin.query(`SELECT id FROM venue_zones WHERE name = '共享办公区'`)).rows[0]
      .id as string;
    const xingyi = await http.token('xingyi@anhai.demo');
    const booking = {
      zoneId: office,
      startsAt: '2026-12-03T09:00:00+08:00',
      endsAt: '2026-12-03T11:00:00+08:00',
      purpose: '项目申报材料集中办公',
      attendees: 6,
    };
    expect((await http.post('/api/v1/venue-bookings', booking, { token: xingyi })).status).toBe(201);
    const reply = await http.get(
      `/api/v1/meetings/free-slots?from=${encodeURIComponent(shanghai('2026-12-03T08:00:00').toISOString())}&to=${encodeURIComponent(shanghai('2026-12-03T18:00:00').toISOString())}&durationMinutes=60&zoneId=${office}&limit=2`,
      { token: official },
    );
    expect(reply.body.items.map((s: { startsAt: string }) => s.startsAt)).toEqual(
      ['2026-12-03T11:00:00', '2026-12-03T13:30:00'].map((t) => shanghai(t).toISOString()),
    );
  });

  it('exports a valid iCalendar file per meeting and a private feed that calendar apps can read', async () => {
    const file = await app.api.inject({
      method: 'GET',
      url: `/api/v1/meetings/${ids.first}/ics`,
      headers: { authorization: `Bearer ${official}` },
    });
    expect(file.headers['content-type']).toContain('text/calendar');
    const events = Object.values(ical.sync.parseICS(file.body)).filter((e) => e.type === 'VEVENT') as ical.VEvent[];
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ summary: '联盟联席会议', location: '第一会议室' });
    expect(new Date(events[0].start).toISOString()).toBe(shanghai('2026-12-01T09:30:00').toISOString());

    const dept2 = await http.token('dept2@anhai.demo');
    const { url } = (await http.post('/api/v1/calendar/feed', undefined, { token: dept2 })).body;
    const path = new URL(url).pathname;
    const feed = await app.api.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    const summaries = Object.values(ical.sync.parseICS(feed.body))
      .filter((e) => e.type === 'VEVENT')
      .map((e) => (e as ical.VEvent).summary);
    expect(summaries).toEqual(expect.arrayContaining(['联盟联席会议', '将要取消的会议']));
    // Rotating the URL ends the old one; a guessed token is a 404.
    await http.post('/api/v1/calendar/feed', undefined, { token: dept2 });
    expect((await app.api.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect(
      (
        await app.api.inject({
          method: 'GET',
          url: path.replace(/\.[^.]+\.ics$/, '.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics'),
        })
      ).statusCode,
    ).toBe(404);
  });
});
