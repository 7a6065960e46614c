import { DataSource, type QueryRunner, type ReplicationMode } from 'typeorm';
import { REPLICA_APPLICATION_NAME, PRIMARY_APPLICATION_NAME } from '../../src/platform/database/data-source-options';
import { Http } from '../support/http';
import { createOtherTenant, idOf } from '../support/tenants';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_APP_USER } from '../support/test-environment';

interface LoggedQuery {
  mode: ReplicationMode;
  pid: number | undefined;
  sql: string;
  parameters: unknown[];
}

/**
 * DATABASE_READ_URL names a stand-in replica: the same database through its own pool, read-only by
 * default like a hot standby. Every query the app runs is logged with its query runner's mode and
 * its server process, so the test sees which pool served what.
 */
describe('reads from a read replica (DATABASE_READ_URL)', () => {
  let app: TestApp;
  let http: Http;
  let official: string;
  let alliance: string;
  let tenantId: string;
  const log: LoggedQuery[] = [];

  beforeAll(async () => {
    app = await startTestApp({
      env: (db) => ({
        DATABASE_READ_URL: `${db.appUrl}?options=${encodeURIComponent('-c default_transaction_read_only=on')}`,
      }),
    });
    const dataSource = app.api.get(DataSource);
    const create = dataSource.createQueryRunner.bind(dataSource);
    jest.spyOn(dataSource, 'createQueryRunner').mockImplementation((mode: ReplicationMode = 'master') => {
      const runner = create(mode);
      const query = runner.query.bind(runner) as QueryRunner['query'];
      runner.query = (async (sql: string, parameters?: unknown[], ...rest: unknown[]) => {
        const result = await (query as (...args: unknown[]) => Promise<unknown>)(sql, parameters, ...rest);
        const pid = (runner as unknown as { databaseConnection?: { processID?: number } }).databaseConnection
          ?.processID;
        log.push({ mode, pid, sql, parameters: parameters ?? [] });
        return result;
      }) as QueryRunner['query'];
      return runner;
    });
    http = new Http(app.api);
    official = await http.token('official@anhai.demo');
    alliance = await idOf(app.db.admin, 'alliances', '安海镇智能装备制造产业集群党建联盟');
    tenantId = (await app.db.admin.query(`SELECT tenant_id FROM users WHERE email = 'official@anhai.demo'`)).rows[0]
      .tenant_id;
  });
  afterAll(() => app.close());
  beforeEach(() => (log.length = 0));

  const backend = async (pid: number | undefined) =>
    (await app.db.admin.query(`SELECT application_name, usename FROM pg_stat_activity WHERE pid = $1`, [pid])).rows[0];

  it('serves the dashboard from a replica connection, in a read-only transaction carrying the tenant', async () => {
    const reply = await http.get(`/api/v1/alliances/${alliance}/dashboard`, { token: official });
    expect(reply.status).toBe(200);
    // Figures only row-level security with this township's settings lets through.
    expect(reply.body.alliance.id).toBe(alliance);
    expect(reply.body.members.total).toBeGreaterThan(0);
    expect(reply.body.serviceRequests.totals.submitted).toBeGreaterThan(0);

    const figures = log.filter((q) =>
      /FROM (alliance_membership_directory|service_request_directory|service_request_daily_statuses|service_request_(?:daily|monthly)_figures|meeting_directory|meeting_daily_figures|alliance_member_figures|action_item_directory)/.test(
        q.sql,
      ),
    );
    expect(figures.length).toBeGreaterThan(5);
    expect(new Set(figures.map((q) => q.mode))).toEqual(new Set(['slave']));
    const replica = log.filter((q) => q.mode === 'slave');
    // One round trip opens the transaction, read-only, and names the township.
    expect(replica[0].sql).toMatch(
      new RegExp(
        `^START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; SELECT set_config\\('app.tenant_id', '${tenantId}', true\\)`,
      ),
    );
    expect(replica.at(-1)!.sql).toBe('COMMIT');
    // The request opened no transaction on the primary.
    expect(log.filter((q) => q.mode === 'master' && q.sql.startsWith('START TRANSACTION'))).toEqual([]);

    // Served by the replica's pool: the connection named for it, as the application role.
    const pids = new Set(replica.map((q) => q.pid));
    expect(pids.size).toBe(1);
    expect(await backend([...pids][0])).toEqual({ application_name: REPLICA_APPLICATION_NAME, usename: TEST_APP_USER });
  });

  it('serves the statistics from the replica too, and keeps other townships out of both', async () => {
    const statistics = await http.get(`/api/v1/service-requests/statistics?allianceId=${alliance}`, {
      token: official,
    });
    expect(statistics.status).toBe(200);
    expect(statistics.body.totals.submitted).toBeGreaterThan(0);
    expect(
      new Set(log.filter((q) => q.sql.includes('FROM service_request_monthly_department_figures')).map((q) => q.mode)),
    ).toEqual(new Set(['slave']));

    const other = await createOtherTenant(app.db.admin);
    const stranger = await http.token(other.email);
    log.length = 0;
    expect((await http.get(`/api/v1/alliances/${alliance}/dashboard`, { token: stranger })).status).toBe(404);
    expect(
      (await http.get(`/api/v1/service-requests/statistics?allianceId=${alliance}`, { token: stranger })).status,
    ).toBe(404);
    const settings = log.filter((q) => q.mode === 'slave' && q.sql.includes(`set_config('app.tenant_id'`));
    expect(settings.map((q) => /set_config\('app\.tenant_id', '([^']*)'/.exec(q.sql)?.[1])).toEqual([
      other.tenantId,
      other.tenantId,
    ]);
    // Their own (empty) alliance is theirs to see.
    const own = await http.get(`/api/v1/alliances/${other.allianceId}/dashboard`, { token: stranger });
    expect(own.status).toBe(200);
    expect(own.body.serviceRequests.totals.submitted).toBe(0);
  });

  it('keeps every other request, and every write, on the primary', async () => {
    const enterprise = await http.token('xingyi@anhai.demo');
    const list = await http.get('/api/v1/service-requests', { token: enterprise });
    expect(list.status).toBe(200);
    const [category] = (
      await app.db.admin.query(`SELECT id FROM service_categories WHERE code = 'policy' AND alliance_id = $1`, [
        alliance,
      ])
    ).rows;
    const submitted = await http.post(
      '/api/v1/service-requests',
      { allianceId: alliance, categoryId: category.id, title: '只读副本测试', description: '写入必须走主库' },
      { token: enterprise },
    );
    expect(submitted.status).toBe(201);

    expect(log.filter((q) => q.mode === 'slave')).toEqual([]);
    const primary = new Set(log.filter((q) => q.sql.includes('INSERT INTO service_requests')).map((q) => q.pid));
    expect(primary.size).toBe(1);
    expect(await backend([...primary][0])).toMatchObject({ application_name: PRIMARY_APPLICATION_NAME });
  });
});
