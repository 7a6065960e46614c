import { scaleBy, seedLargeTenant } from '../../bench/seed/large-tenant';
import { Http } from '../support/http';
import { smartAllianceId } from '../support/service-requests';
import { startTestApp, TestApp } from '../support/test-app';

/** The benchmark's large-tenant seed at a hundredth of its size, on the demo seed, through the real API. */
describe('bench seed: the large tenant', () => {
  let app: TestApp;
  let http: Http;
  let rows: Record<string, number>;
  const scale = scaleBy(0.01);
  const now = new Date('2026-11-25T10:00:00+08:00');

  beforeAll(async () => {
    app = await startTestApp({ now });
    http = new Http(app.api);
    ({ rows } = await seedLargeTenant(app.db.adminUrl, scale, now));
  }, 120_000);
  afterAll(() => app.close());

  const one = async (sql: string) => (await app.db.admin.query(sql)).rows[0];

  it('grows the demo township to the totals, and a second run adds nothing', async () => {
    expect(rows).toMatchObject({
      alliances: scale.alliances,
      organisations: scale.organisations,
      users: scale.users,
      serviceRequests: scale.requests,
      meetings: scale.meetings,
    });
    expect((await seedLargeTenant(app.db.adminUrl, scale, now)).rows).toEqual(rows);
  }, 60_000);

  it('keeps the invariants the application relies on', async () => {
    const numbers = await one(`
      SELECT bool_and(c.value >= r.max) AS counters_past_numbers FROM tenant_counters c
        JOIN (SELECT split_part(number, '-', 2) AS year, max(split_part(number, '-', 3)::int) AS max FROM service_requests GROUP BY 1) r
          ON c.name = 'service-request-' || r.year`);
    expect(numbers.counters_past_numbers).toBe(true);
    const requests = await one(`
      SELECT count(*) FILTER (WHERE status <> 'submitted' AND (assigned_organization_id IS NULL OR handler_id IS NULL OR routed_at IS NULL)) AS unrouted,
             count(*) FILTER (WHERE rating IS NOT NULL AND status <> 'closed') AS rated_open,
             count(*) FILTER (WHERE status IN ('closed', 'rejected') AND closed_at IS NULL) AS closed_without_time,
             count(*) FILTER (WHERE greatest(created_at, routed_at, accepted_at, resolved_at, closed_at) > '${now.toISOString()}') AS in_future
        FROM service_requests`);
    expect(requests).toEqual({ unrouted: '0', rated_open: '0', closed_without_time: '0', in_future: '0' });
    const doubleBooked = await one(`
      SELECT count(*) AS n FROM meeting_participants p1 JOIN meetings m1 ON m1.id = p1.meeting_id
        JOIN meeting_participants p2 ON p2.attendee_id = p1.attendee_id AND p2.meeting_id > p1.meeting_id JOIN meetings m2 ON m2.id = p2.meeting_id
       WHERE p1.required AND p2.required AND p1.response <> 'declined' AND p2.response <> 'declined'
         AND m1.status = 'scheduled' AND m2.status = 'scheduled' AND m1.starts_at < m2.ends_at AND m2.starts_at < m1.ends_at`);
    expect(doubleBooked.n).toBe('0');
    const rooms = await one(`
      SELECT count(*) AS n FROM meetings m WHERE m.zone_id IS NOT NULL AND m.status = 'scheduled'
         AND NOT EXISTS (SELECT 1 FROM room_reservations r WHERE r.meeting_id = m.id)`);
    expect(rooms.n).toBe('0');
  });

  it('lets a generated contact and the demo users sign in and page through the requests', async () => {
    for (const email of [
      'contact00001@bench.anhai.demo',
      'staff00001@bench.anhai.demo',
      'jingong@anhai.demo',
      'dept@anhai.demo',
    ]) {
      const { accessToken } = await http.login(email);
      const page = await http.get('/api/v1/service-requests', { token: accessToken });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeGreaterThan(0);
    }
  });

  it('numbers a new submission after the generated ones', async () => {
    const { accessToken } = await http.login('jingong@anhai.demo');
    const allianceId = await smartAllianceId(app);
    const { id: categoryId } = (
      await app.db.admin.query(`SELECT id FROM service_categories WHERE alliance_id = $1 AND code = 'talent'`, [
        allianceId,
      ])
    ).rows[0];
    const submitted = await http.post(
      '/api/v1/service-requests',
      { allianceId, categoryId, title: '招聘焊工 5 名', description: '招聘焊工 5 名，请协助对接。' },
      { token: accessToken },
    );
    expect(submitted.status).toBe(201);
    const { max } = await one(
      `SELECT max(number) AS max FROM service_requests WHERE id <> '${submitted.body.id}' AND number LIKE '${submitted.body.number.slice(0, 8)}%'`,
    );
    expect(submitted.body.number > max).toBe(true);
  });
});
