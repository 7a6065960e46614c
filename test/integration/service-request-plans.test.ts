import { Client } from 'pg';
import { listQuery, supervisionQuery } from '../../src/modules/service-requests/service-request-views.repository';
import { statisticsQueries } from '../../src/modules/service-requests/statistics/service-statistics.service';
import { Role } from '../../src/platform/auth/entities/role';
import { ServiceRequestStatus } from '../../src/modules/service-requests/entities/service-request-status';
import { startTestApp, TestApp } from '../support/test-app';

const REQUESTS = 200_000;

/** Plan nodes that scan service_requests sequentially, anywhere in an EXPLAIN (FORMAT JSON) tree. */
function seqScans(plan: any): string[] {
  const found: string[] = [];
  const walk = (node: any) => {
    if (node['Node Type'] === 'Seq Scan' && node['Relation Name'] === 'service_requests') found.push(node['Node Type']);
    (node.Plans ?? []).forEach(walk);
  };
  walk(plan[0].Plan);
  return found;
}

/** The scans of service_requests: how each read it (index or not) and, under ANALYZE, how many rows it kept and threw away, per loop. */
function requestScans(plan: any): { index: string | undefined; rows: number; removed: number }[] {
  const found: { index: string | undefined; rows: number; removed: number }[] = [];
  const walk = (node: any) => {
    if (node['Relation Name'] === 'service_requests') {
      found.push({
        index: node['Index Name'],
        rows: node['Actual Rows'] ?? node['Plan Rows'],
        removed: (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0),
      });
    }
    (node.Plans ?? []).forEach(walk);
  };
  walk(plan[0].Plan);
  return found;
}

describe('query plans on a large township (EXPLAIN)', () => {
  let app: TestApp;
  let appDb: Client;
  let tenantId: string;
  let department: string;
  let enterprise: string;
  let allianceId: string;

  beforeAll(async () => {
    app = await startTestApp({ seed: true });
    const db = app.db.admin;
    ({
      rows: [{ id: tenantId }],
    } = await db.query(`SELECT id FROM tenants WHERE slug = 'anhai'`));
    ({
      rows: [{ id: allianceId }],
    } = await db.query(`SELECT id FROM alliances WHERE name = '安海镇智能装备制造产业集群党建联盟'`));
    ({
      rows: [{ id: department }],
    } = await db.query(`SELECT id FROM organizations WHERE name = '安海镇财政所'`));
    ({
      rows: [{ id: enterprise }],
    } = await db.query(`SELECT id FROM organizations WHERE name = '兴翼机械'`));
    // Bulk data in one statement: 200,000 requests over every organisation, category, status and two years.
    await db.query(`ALTER TABLE service_requests DISABLE TRIGGER audit_row_change`);
    await db.query(
      `INSERT INTO service_requests (tenant_id, number, alliance_id, requester_organization_id, requester_user_id, category_id, title, description,
                                     status, assigned_organization_id, created_at, updated_at, routed_at, accept_due_at, resolve_due_at, sla_state, rating)
       SELECT $1, 'BULK-' || g, $2, e.ids[1 + g % array_length(e.ids, 1)], u.id, c.ids[1 + g % array_length(c.ids, 1)], '批量请求 ' || g, '用于查询计划的数据',
              (ARRAY['submitted','routed','accepted','in_progress','returned','resolved','closed','closed','closed','rejected'])[1 + g % 10]::service_request_status,
              d.ids[1 + g % array_length(d.ids, 1)], now() - (g % 730) * interval '1 day', now(), now() - (g % 730) * interval '1 day',
              now() - (g % 730) * interval '1 day' + interval '4 hours', now() - (g % 730) * interval '1 day' + interval '5 days',
              (ARRAY['on_track','on_track','on_track','at_risk','breached'])[1 + g % 5], CASE WHEN g % 3 = 0 THEN 1 + g % 5 END
         FROM generate_series(1, ${REQUESTS}) AS g,
              (SELECT array_agg(id) AS ids FROM organizations WHERE kind = 'enterprise') e,
              (SELECT array_agg(id) AS ids FROM organizations WHERE kind = 'department') d,
              (SELECT array_agg(id) AS ids FROM service_categories) c,
              (SELECT id FROM users WHERE email = 'xingyi@anhai.demo') u`,
      [tenantId, allianceId],
    );
    await db.query(`ALTER TABLE service_requests ENABLE TRIGGER audit_row_change`);
    await db.query('ANALYZE');
    appDb = new Client({ connectionString: app.db.appUrl });
    await appDb.connect();
  }, 120_000);
  afterAll(async () => {
    await appDb.end();
    await app.close();
  });

  /** EXPLAIN as the application runs it: the app role, inside the tenant, under row-level security. */
  const explain = async (sql: string, params: unknown[], analyze = false) => {
    await appDb.query('BEGIN');
    try {
      await appDb.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      const { rows } = await appDb.query(`EXPLAIN (FORMAT JSON${analyze ? ', ANALYZE' : ''}) ${sql}`, params);
      return rows[0]['QUERY PLAN'];
    } finally {
      await appDb.query('ROLLBACK');
    }
  };
  const official = () => ({
    userId: '00000000-0000-4000-8000-000000000000',
    tenantId,
    role: Role.TownshipAdmin,
    organizationId: null,
  });

  it('would notice a sequential scan (the check itself works)', async () => {
    expect(seqScans(await explain(`SELECT id FROM service_requests r WHERE r.description = $1`, ['x']))).toEqual([
      'Seq Scan',
    ]);
  });

  it('serves the department inbox from an index', async () => {
    const actor = { ...official(), role: Role.DepartmentStaff, organizationId: department };
    const { sql, params } = listQuery(
      actor,
      { status: ServiceRequestStatus.Routed, assignedOrganizationId: department },
      21,
    );
    expect(seqScans(await explain(sql, params))).toEqual([]);
    // Under row-level security an enum comparison cannot narrow an index scan: the open requests' index does.
    expect(requestScans(await explain(sql, params)).map((scan) => scan.index)).toEqual(['ix_service_requests__inbox']);
  });

  it('serves an enterprise’s “my requests” from an index', async () => {
    const actor = { ...official(), role: Role.EnterpriseContact, organizationId: enterprise };
    const { sql, params } = listQuery(actor, {}, 21);
    expect(seqScans(await explain(sql, params))).toEqual([]);
  });

  it('serves the officials’ list and the supervision board from indexes', async () => {
    const { sql, params } = listQuery(official(), { status: ServiceRequestStatus.InProgress }, 21);
    expect(seqScans(await explain(sql, params))).toEqual([]);
    const board = supervisionQuery(101);
    expect(seqScans(await explain(board.sql, board.params))).toEqual([]);
  });

  it('reads only the first rows at risk and late for the supervision board', async () => {
    const board = supervisionQuery(100);
    // One scan of the board's own index, in the board's order: the page's rows and no more, none thrown away.
    const scans = requestScans(await explain(board.sql, board.params, true));
    expect(scans).toEqual([{ index: 'ix_service_requests__supervision', rows: 100, removed: 0 }]);
    // A later page starts inside the index too, at the cursor, rather than reading from the start.
    const later = supervisionQuery(100, {
      state: 'at_risk',
      dueAt: '2026-11-01T00:00:00Z',
      id: '00000000-0000-4000-8000-000000000000',
    });
    const laterScans = requestScans(await explain(later.sql, later.params, true));
    expect(laterScans).toEqual([{ index: 'ix_service_requests__supervision', rows: 100, removed: 0 }]);
  });

  it('computes a month of statistics from an index', async () => {
    const sql = `SELECT r.assigned_organization_id, count(*), avg(r.rating) FROM service_requests r
                  WHERE r.alliance_id = $1 AND r.created_at >= $2 AND r.created_at < $3 AND r.merged_into_id IS NULL
                  GROUP BY r.assigned_organization_id`;
    const plan = await explain(sql, [
      allianceId,
      new Date('2026-10-26T00:00:00+08:00'),
      new Date('2026-11-25T00:00:00+08:00'),
    ]);
    expect(seqScans(plan)).toEqual([]);
  });

  it('counts the days changed since the last fold from each day’s requests alone', async () => {
    // The bulk insert marked every day of the two years changed, so the statistics count them all live.
    const { figures } = statisticsQueries(allianceId, { from: '2000-01-01', to: '2100-01-01' });
    const scans = requestScans(await explain(figures.sql, figures.params, true));
    expect(scans.length).toBeGreaterThan(0);
    expect(Math.max(...scans.map((scan) => scan.removed))).toBeLessThan(REQUESTS / 100);
  });
});
