import { RouteRequest } from '../../src/modules/service-requests/routing/route-request';
import { Http } from '../support/http';
import { categoryId, smartAllianceId } from '../support/service-requests';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A routing job routes other waiting requests of its township with its own, in one transaction
 * (ROUTING_COMPANIONS). The API alone runs here, so no worker routes anything behind the test's back.
 */
describe('routing a request with its waiting companions', () => {
  let app: TestApp;
  let http: Http;
  let xingyi: string;
  let tenantId: string;
  let routing: RouteRequest;

  beforeAll(async () => {
    app = await startTestApp({ now: new Date('2026-11-25T02:00:00Z') });
    http = new Http(app.api);
    xingyi = await http.token('xingyi@anhai.demo');
    routing = app.api.get(RouteRequest, { strict: false });
  });
  afterAll(() => app.close());

  const submit = async (count: number, title: string): Promise<string[]> => {
    const [allianceId, category] = await Promise.all([smartAllianceId(app), categoryId(app, 'policy')]);
    const ids: string[] = [];
    // One after another: their order of submission is the order companions are taken in.
    for (let i = 0; i < count; i++) {
      const response = await http.post<{ id: string }>(
        '/api/v1/service-requests',
        { allianceId, categoryId: category, title: `${title} ${i}`, description: `${title}，请协助办理。` },
        { token: xingyi },
      );
      expect(response.status).toBe(201);
      ids.push(response.body.id);
    }
    return ids;
  };

  /** Each request's status and how many of each routing effect it has. */
  const effects = async (ids: string[]) =>
    (
      await app.db.admin.query<{ id: string; status: string; routed: number; assigned: number; timers: number }>(
        `SELECT r.id, r.status::text AS status,
                (SELECT count(*)::int FROM service_request_events e WHERE e.request_id = r.id AND e.type = 'routed') AS routed,
                (SELECT count(*)::int FROM notification_events n WHERE n.type = 'service-request.assigned' AND n.payload->>'requestId' = r.id::text) AS assigned,
                (SELECT count(*)::int FROM outbox_events o WHERE o.timer = 'set' AND o.payload->>'requestId' = r.id::text) AS timers
           FROM service_requests r WHERE r.id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], r.id)`,
        [ids],
      )
    ).rows;

  beforeEach(async () => {
    // Whatever an earlier test left waiting is out of the way: each test counts its own requests.
    await app.db.admin.query(
      `UPDATE service_requests SET status = 'closed', closed_at = now() WHERE status = 'submitted'`,
    );
    const { rows } = await app.db.admin.query<{ id: string }>(`SELECT id FROM tenants WHERE slug = 'anhai'`);
    tenantId = rows[0].id;
  });

  it('routes the oldest waiting requests with its own, each once, with its timeline entry, notice and SLA timer', async () => {
    const ids = await submit(8, '批量路由的咨询');
    await routing.automatically(tenantId, ids[7], 4);
    const after = await effects(ids);
    // Its own request and the four oldest others; the rest wait for their own jobs.
    expect(after.map((r) => r.status)).toEqual([
      ...Array(4).fill('routed'),
      'submitted',
      'submitted',
      'submitted',
      'routed',
    ]);
    for (const r of after.filter((e) => e.status === 'routed'))
      expect(r).toMatchObject({ routed: 1, assigned: 1, timers: 1 });

    // The companions' own jobs find them routed and change nothing; a later job takes the rest.
    for (const id of ids.slice(0, 4)) await routing.automatically(tenantId, id, 0);
    await routing.automatically(tenantId, ids[0], 4);
    const last = await effects(ids);
    expect(last.every((r) => r.status === 'routed' && r.routed === 1 && r.assigned === 1 && r.timers === 1)).toBe(true);
  });

  it('routes its own request when a companion cannot be routed, and leaves that one to its own job', async () => {
    const ids = await submit(4, '路由出错的咨询');
    // The oldest companion's routing fails in the database, as a broken row would.
    await app.db.admin.query(`
      CREATE FUNCTION routing_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused for the test'; END $$`);
    await app.db.admin.query(
      `CREATE TRIGGER routing_test_refuse BEFORE UPDATE ON service_requests FOR EACH ROW
       WHEN (OLD.id = '${ids[0]}' AND NEW.status = 'routed') EXECUTE FUNCTION routing_test_refuse()`,
    );
    try {
      await routing.automatically(tenantId, ids[3], 3);
      // Its own request is routed; the companions' work is taken back together.
      expect((await effects(ids)).map((r) => [r.status, r.routed, r.assigned])).toEqual([
        ['submitted', 0, 0],
        ['submitted', 0, 0],
        ['submitted', 0, 0],
        ['routed', 1, 1],
      ]);
      // The next job passes over the one that failed and takes the others.
      await routing.automatically(tenantId, ids[1], 3);
      expect((await effects(ids)).map((r) => r.status)).toEqual(['submitted', 'routed', 'routed', 'routed']);
    } finally {
      await app.db.admin.query('DROP TRIGGER routing_test_refuse ON service_requests');
      await app.db.admin.query('DROP FUNCTION routing_test_refuse()');
    }
    await routing.automatically(tenantId, ids[0], 3);
    expect((await effects(ids)).every((r) => r.status === 'routed' && r.routed === 1)).toBe(true);
  });
});
