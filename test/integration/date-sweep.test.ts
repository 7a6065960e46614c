import { busiestPeople, busiestRoom, raceSlot, type Slot } from '../../bench/scenarios/meetings';
import { scaleBy, seedLargeTenant } from '../../bench/seed/large-tenant';
import { PairingRemindersHandler } from '../../src/modules/pairing/pairing-reminders.handler';
import { SystemClock } from '../../src/platform/clock/clock';
import { localDate } from '../../src/platform/clock/local-date';
import { Http } from '../support/http';
import { categoryId, smartAllianceId } from '../support/service-requests';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const shanghai = (local: string) => new Date(`${local}+08:00`);
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

interface Today {
  name: string;
  now: Date;
  /** When a request made at `now` must be accepted by (policy questions: two working hours), if known here. */
  policyAcceptDue?: Date;
  /** Days the township's calendar must have that the demo's 2026 calendar does not. */
  holidays?: string[];
}

/**
 * The paths that depend on the date — the demo seed, venue and meeting bookings, free slots, SLA
 * deadlines on the working calendar, request numbering, reminders and the benchmark's set-up — run
 * on days where date code breaks: the turn of the year, a leap day, the first day of the Spring
 * Festival holiday, a make-up working Saturday (调休), and the day the test runs.
 */
const TODAYS: Today[] = [
  // Thursday 23:30; 1 January 2027 is a public holiday, then a weekend: due Monday 4 January, 11:00.
  {
    name: '31 December, half an hour before the new year',
    now: shanghai('2026-12-31T23:30:00'),
    policyAcceptDue: shanghai('2027-01-04T11:00:00'),
    holidays: ['2027-01-01'],
  },
  {
    name: '29 February 2028 (a Tuesday)',
    now: shanghai('2028-02-29T10:00:00'),
    policyAcceptDue: shanghai('2028-02-29T12:00:00'),
  },
  // Sunday 15 February 2026 starts nine days off (to the 23rd): due Tuesday the 24th, 11:00.
  {
    name: 'the first day of the Spring Festival holiday',
    now: shanghai('2026-02-15T09:00:00'),
    policyAcceptDue: shanghai('2026-02-24T11:00:00'),
  },
  // Saturday 14 February 2026 is a make-up working day: the clock runs from 09:00.
  {
    name: 'a make-up working Saturday (调休)',
    now: shanghai('2026-02-14T09:00:00'),
    policyAcceptDue: shanghai('2026-02-14T11:00:00'),
  },
  { name: 'the day the test runs', now: new SystemClock().now() },
];

describe.each(TODAYS)('on $name', ({ now, policyAcceptDue, holidays }) => {
  let app: TestApp;
  let http: Http;
  let tokens: Record<'official' | 'xingyi' | 'jingong', string>;
  let ids: Record<string, string>;
  const today = localDate(now);
  const one = async (sql: string, params: unknown[] = []) => (await app.db.admin.query(sql, params)).rows[0];

  beforeAll(async () => {
    app = await startTestApp({ worker: true, now });
    http = new Http(app.api);
    const [official, xingyi, jingong] = await Promise.all(
      ['official@anhai.demo', 'xingyi@anhai.demo', 'jingong@anhai.demo'].map((e) => http.token(e)),
    );
    tokens = { official, xingyi, jingong };
    ids = {
      tenant: (await one(`SELECT id FROM tenants WHERE slug = 'anhai'`)).id,
      alliance: await smartAllianceId(app),
      chair: (await one(`SELECT id FROM users WHERE email = 'official@anhai.demo'`)).id,
      room: (await one(`SELECT id FROM venue_zones WHERE name = '第一会议室'`)).id,
      showroom: (await one(`SELECT id FROM venue_zones WHERE name = '企业展示区'`)).id,
    };
    for (const date of holidays ?? []) {
      await app.db.admin.query(
        `INSERT INTO working_day_overrides (tenant_id, date, kind, name) VALUES ($1, $2, 'holiday', '元旦')`,
        [ids.tenant, date],
      );
    }
  }, 60_000);
  afterAll(() => app?.close());

  it('seeds a demo dated from that day: nothing made after it, bookings ahead of it on weekdays, numbers of the year each request was made', async () => {
    const future = await one(
      `SELECT (SELECT count(*)::int FROM service_requests WHERE greatest(created_at, routed_at, accepted_at, resolved_at, closed_at) > $1)
            + (SELECT count(*)::int FROM service_request_events
                WHERE created_at > $1 AND type IN ('submitted', 'routed', 'accepted', 'started', 'resolved', 'rated'))
            + (SELECT count(*)::int FROM research_reports WHERE published_at > $1)
            + (SELECT count(*)::int FROM typical_cases WHERE published_at > $1)
            + (SELECT count(*)::int FROM pairing_visits WHERE visited_on > $2::date) AS n`,
      [now, today],
    );
    expect(future.n).toBe(0);
    const bookings = (await app.db.admin.query(`SELECT starts_at FROM venue_bookings ORDER BY starts_at`)).rows.map(
      (r) => r.starts_at as Date,
    );
    expect(bookings).toHaveLength(3);
    for (const startsAt of bookings) {
      expect(startsAt.getTime()).toBeGreaterThan(now.getTime());
      expect(startsAt.getTime() - now.getTime()).toBeLessThan(8 * DAY);
      expect([1, 2, 3, 4, 5]).toContain(new Date(`${localDate(startsAt)}T00:00:00Z`).getUTCDay());
    }
    const numbers = (await app.db.admin.query(`SELECT number, created_at FROM service_requests ORDER BY number`))
      .rows as { number: string; created_at: Date }[];
    for (const { number, created_at } of numbers)
      expect(number.slice(0, 8)).toBe(`FW-${localDate(created_at).slice(0, 4)}-`);
    // Every township-year's sequence there is, of any year next_request_number takes.
    const counters = await app.db.admin.query(
      `SELECT 'service-request-' || y AS name, s.last_value AS value
         FROM tenants t CROSS JOIN generate_series(2000, 9999) y
         JOIN pg_sequences s ON s.schemaname = 'public' AND s.sequencename = request_number_sequence(t.id, y)`,
    );
    const perYear = numbers.reduce<Record<string, number>>(
      (acc, r) => ({
        ...acc,
        [`service-request-${r.number.slice(3, 7)}`]: (acc[`service-request-${r.number.slice(3, 7)}`] ?? 0) + 1,
      }),
      {},
    );
    expect(Object.fromEntries(counters.rows.map((r) => [r.name, Number(r.value)]))).toEqual(perYear);
    // This year's indicator round is still open, its deadline ahead; the project call's too.
    const round = await one(`SELECT deadline::text FROM indicator_rounds WHERE status = 'open'`);
    expect(round.deadline > today).toBe(true);
    expect((await one(`SELECT deadline::text FROM project_calls`)).deadline > today).toBe(true);
  });

  it('books a venue zone the next day, refuses the same slot again and a slot in the past', async () => {
    const tomorrow = plusDays(today, 1);
    const slot = {
      zoneId: ids.showroom,
      startsAt: `${tomorrow}T10:00:00+08:00`,
      endsAt: `${tomorrow}T11:00:00+08:00`,
      attendees: 5,
    };
    const booked = await http.post(
      '/api/v1/venue-bookings',
      { ...slot, purpose: '产品展示接待' },
      { token: tokens.xingyi },
    );
    expect(booked.status).toBe(201);
    const again = await http.post(
      '/api/v1/venue-bookings',
      { ...slot, purpose: '供应商接待' },
      { token: tokens.jingong },
    );
    expect(again.body.code).toBe('SLOT_TAKEN');
    const yesterday = plusDays(today, -1);
    const past = await http.post(
      '/api/v1/venue-bookings',
      { ...slot, startsAt: `${yesterday}T10:00:00+08:00`, endsAt: `${yesterday}T11:00:00+08:00`, purpose: '补登记' },
      { token: tokens.xingyi },
    );
    expect(past.status).toBe(400);
    expect(past.body.details).toEqual([expect.objectContaining({ field: 'startsAt' })]);
  });

  it('finds free slots from the next hour, schedules a meeting in the first and refuses a clash with it', async () => {
    const from = new Date(Math.ceil((now.getTime() + 1) / HOUR) * HOUR);
    const to = new Date(from.getTime() + 14 * DAY);
    const query = new URLSearchParams({
      from: from.toISOString(),
      to: to.toISOString(),
      durationMinutes: '60',
      zoneId: ids.room,
      userIds: ids.chair,
      limit: '3',
    });
    const slots = await http.get(`/api/v1/meetings/free-slots?${query}`, { token: tokens.official });
    expect(slots.status).toBe(200);
    expect(slots.body.items.length).toBeGreaterThan(0);
    const [first] = slots.body.items as { startsAt: string; endsAt: string }[];
    expect(new Date(first.startsAt).getTime()).toBeGreaterThanOrEqual(from.getTime());
    const meeting = {
      allianceId: ids.alliance,
      chairId: ids.chair,
      place: { kind: 'room', zoneId: ids.room },
      ...first,
      invitees: {},
    };
    const created = await http.post('/api/v1/meetings', { ...meeting, title: '联席会议' }, { token: tokens.official });
    expect(created.status).toBe(201);
    const clash = await http.post('/api/v1/meetings', { ...meeting, title: '另一场会议' }, { token: tokens.official });
    expect(clash).toMatchObject({ status: 409, body: { code: 'MEETING_CONFLICT' } });
    const after = await http.get(`/api/v1/meetings/free-slots?${query}`, { token: tokens.official });
    expect(after.body.items.map((s: { startsAt: string }) => s.startsAt)).not.toContain(first.startsAt);
  });

  it('numbers a request of that year and sets its deadlines on the working calendar', async () => {
    const submitted = await http.post(
      '/api/v1/service-requests',
      {
        allianceId: ids.alliance,
        categoryId: await categoryId(app, 'policy'),
        title: '咨询研发费用加计扣除政策',
        description: '请说明研发费用加计扣除的申报条件和材料。',
      },
      { token: tokens.xingyi },
    );
    expect(submitted.status).toBe(201);
    expect(submitted.body.number).toMatch(new RegExp(`^FW-${today.slice(0, 4)}-\\d{6}$`));
    const routed = await waitFor(
      () => http.get(`/api/v1/service-requests/${submitted.body.id}`, { token: tokens.xingyi }),
      (r) => r.body.status === 'routed',
    );
    const due = new Date(routed.body.acceptDueAt);
    expect(due.getTime()).toBeGreaterThan(now.getTime());
    if (policyAcceptDue) expect(due.toISOString()).toBe(policyAcceptDue.toISOString());
    // Whatever the day, a deadline falls inside office hours.
    const minutes = Number(localDateTimeParts(due).hour) * 60 + Number(localDateTimeParts(due).minute);
    expect((minutes > 9 * 60 && minutes <= 12 * 60) || (minutes > 13 * 60 + 30 && minutes <= 17 * 60 + 30)).toBe(true);
  });

  it('numbers the first request after midnight on 1 January from one, under the new year', async () => {
    if (today !== '2026-12-31') return;
    app.clock.set(shanghai('2027-01-01T00:30:00'));
    const submitted = await http.post(
      '/api/v1/service-requests',
      {
        allianceId: ids.alliance,
        categoryId: await categoryId(app, 'policy'),
        title: '新年第一件诉求',
        description: '咨询新年度的惠企政策申报安排。',
      },
      { token: tokens.xingyi },
    );
    expect(submitted.body.number).toBe('FW-2027-000001');
    app.clock.set(now);
  });

  it('reminds the official of the pair gone too long without a visit, once', async () => {
    const reminders = app.worker!.get(PairingRemindersHandler);
    expect(await reminders.forTenant(ids.tenant)).toBe(1);
    expect(await reminders.forTenant(ids.tenant)).toBe(0);
  });

  it('sets up the benchmark at small scale around that day, leaving a free slot to race for', async () => {
    await seedLargeTenant(app.db.adminUrl, scaleBy(0.002), now);
    const query = {
      query: async (sql: string, params: unknown[] = []) => (await app.db.admin.query(sql, params)).rows,
    };
    const from = new Date(Math.ceil((now.getTime() + 1) / HOUR) * HOUR);
    const to = new Date(from.getTime() + 14 * DAY);
    const room = await busiestRoom(query, ids.tenant, from, to);
    const people = await busiestPeople(query, ids.tenant, from, to, ids.chair);
    const search = async (start: Date, end: Date) => {
      const query = new URLSearchParams({
        from: start.toISOString(),
        to: end.toISOString(),
        durationMinutes: '60',
        zoneId: room.zoneId,
        userIds: people.join(','),
        limit: '1',
      });
      const slots = await http.get(`/api/v1/meetings/free-slots?${query}`, { token: tokens.official });
      expect(slots.status).toBe(200);
      return slots.body.items as Slot[];
    };
    // The race's slot: free for the room and the people, found whatever the day; the same twice.
    const slot = await raceSlot(search, from);
    expect(new Date(slot.startsAt).getTime()).toBeGreaterThanOrEqual(from.getTime());
    expect(await raceSlot(search, from)).toEqual(slot);
  }, 120_000);
});

function localDateTimeParts(instant: Date): { hour: string; minute: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  return { hour: parts.find((p) => p.type === 'hour')!.value, minute: parts.find((p) => p.type === 'minute')!.value };
}
