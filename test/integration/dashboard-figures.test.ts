import { REFRESH_MEMBER_FIGURES_SQL } from '../../src/modules/alliances/figures/member-figures.sql';
import { MemberFiguresHandler } from '../../src/modules/alliances/jobs/member-figures.handler';
import { REFRESH_MEETING_FIGURES_SQL } from '../../src/modules/meetings/figures/meeting-figures.sql';
import { REFRESH_DAILY_FIGURES_SQL } from '../../src/modules/service-requests/statistics/daily-figures.sql';
import { Http } from '../support/http';
import { idOf } from '../support/tenants';
import { startTestApp, type TestApp } from '../support/test-app';

const shanghai = (local: string) => new Date(`${local}+08:00`);
const NOW = shanghai('2026-11-25T10:00:00');
const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

/** The dashboard's meeting figures counted from scratch from the meetings, as the dashboard counted them before the sums. */
const FROM_SCRATCH_MONTHS = `
  WITH held AS (
    SELECT id, to_char(starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month FROM meetings
     WHERE alliance_id = $1 AND status = 'scheduled' AND starts_at >= $2 AND starts_at < least($3::timestamptz, $4::timestamptz)
  ), invited AS (
    SELECT DISTINCT p.meeting_id, p.organization_id FROM meeting_participants p JOIN held ON held.id = p.meeting_id WHERE p.organization_id IS NOT NULL
  )
  SELECT held.month, count(DISTINCT held.id)::int AS held, count(i.organization_id)::int AS invited,
         count(i.organization_id) FILTER (WHERE EXISTS (
           SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = i.meeting_id AND a.organization_id = i.organization_id))::int AS attended
    FROM held LEFT JOIN invited i ON i.meeting_id = held.id
   GROUP BY 1 ORDER BY 1`;

/** The dashboard's member figures counted from scratch from the memberships, as the dashboard counted them before the sums. */
const FROM_SCRATCH_MEMBERS = `
  WITH current AS MATERIALIZED (
    SELECT m.role, o.chain_position, o.id FROM alliance_memberships m JOIN organizations o ON o.id = m.organization_id
     WHERE m.alliance_id = $1 AND m.left_on IS NULL
  )
  SELECT json_build_object(
    'total', (SELECT count(*)::int FROM current),
    'byRole', (SELECT coalesce(json_agg(json_build_object('key', role, 'count', n) ORDER BY role), '[]')
                 FROM (SELECT role, count(*)::int AS n FROM current GROUP BY role) r),
    'byChainPosition', (SELECT coalesce(json_agg(json_build_object('key', coalesce(chain_position::text, 'unknown'), 'count', n) ORDER BY chain_position::text), '[]')
                          FROM (SELECT chain_position, count(*)::int AS n FROM current WHERE role <> 'department' GROUP BY chain_position) c),
    'partyMembers', (SELECT coalesce(sum(p.member_count), 0)::int FROM current c JOIN party_organizations p ON p.organization_id = c.id),
    'joinedInPeriod', (SELECT count(*)::int FROM alliance_memberships WHERE alliance_id = $1 AND joined_on >= $2::date AND joined_on < $3::date)
  ) AS members`;

/**
 * The dashboard reads its meeting figures from the meetings module's daily sums (migration
 * MeetingDailyFigures) and its requests by status from the service-requests module's daily counts
 * (ServiceRequestDailyStatuses), kept by triggers and folded by the worker: whatever is changed,
 * before and after the fold, they equal the figures counted from scratch.
 */
describe('the alliance dashboard against a count from scratch', () => {
  let app: TestApp;
  let http: Http;
  let official: string;
  let alliance: string;
  let tenant: string;
  let convener: string;
  let orgs: string[];
  let people: string[];
  const meetings: Record<string, string> = {};

  const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    (await app.db.admin.query(text, params)).rows as T[];

  beforeAll(async () => {
    app = await startTestApp({ worker: true, now: NOW });
    http = new Http(app.api);
    official = await http.token('official@anhai.demo');
    alliance = await idOf(app.db.admin, 'alliances', '安海镇智能装备制造产业集群党建联盟');
    [{ tenant_id: tenant, id: convener }] = await q<{ tenant_id: string; id: string }>(
      `SELECT tenant_id, id FROM users WHERE email = 'official@anhai.demo'`,
    );
    orgs = (
      await q<{ id: string }>(
        `SELECT organization_id AS id FROM alliance_memberships WHERE alliance_id = $1 ORDER BY organization_id LIMIT 4`,
        [alliance],
      )
    ).map((r) => r.id);
    people = (await q<{ id: string }>(`SELECT id FROM users WHERE tenant_id = $1 ORDER BY id LIMIT 6`, [tenant])).map(
      (r) => r.id,
    );
  });
  afterAll(() => app.close());

  const meeting = async (name: string, startsAt: string, status = 'scheduled') => {
    const [row] = await q<{ id: string }>(
      `INSERT INTO meetings (tenant_id, alliance_id, title, convener_id, chair_id, place_kind, address, starts_at, ends_at, status)
       VALUES ($1, $2, $3, $4, $4, 'address', '镇政府', $5::timestamptz, $5::timestamptz + interval '1 hour', $6) RETURNING id`,
      [tenant, alliance, name, convener, startsAt, status],
    );
    meetings[name] = row.id;
  };
  const invite = (name: string, org: string | null, person: string | null = null) =>
    q(
      `INSERT INTO meeting_participants (tenant_id, meeting_id, organization_id, attendee_id) VALUES ($1, $2, $3, $4)`,
      [tenant, meetings[name], org, person],
    );
  const checkIn = (name: string, person: string, org: string | null) =>
    q(
      `INSERT INTO meeting_attendance (tenant_id, meeting_id, user_id, organization_id, checked_in_at)
       SELECT $1, id, $3, $4, starts_at FROM meetings WHERE id = $2`,
      [tenant, meetings[name], person, org],
    );
  const fold = async () => {
    await q(REFRESH_MEETING_FIGURES_SQL);
    await q(REFRESH_DAILY_FIGURES_SQL);
    const taken = await q<{ id: string }>(`DELETE FROM organization_figure_changes RETURNING organization_id AS id`);
    await q(REFRESH_MEMBER_FIGURES_SQL, [taken.map((r) => r.id)]);
  };

  /** The dashboard's members against the count from scratch, for a period and for the default one. */
  const expectMembersExact = async () => {
    for (const query of ['?from=2026-01-01&to=2027-03-01', '?from=2026-11-25', '']) {
      const reply = await http.get(`/api/v1/alliances/${alliance}/dashboard${query}`, { token: official });
      expect(reply.status).toBe(200);
      const [{ members }] = await q<{ members: unknown }>(FROM_SCRATCH_MEMBERS, [
        alliance,
        reply.body.from,
        reply.body.to,
      ]);
      expect(reply.body.members).toEqual(members);
    }
  };

  /** The dashboard's meetings against the count from scratch, for a period and for the default one. */
  const expectExact = async () => {
    for (const query of ['?from=2026-01-01&to=2027-03-01', '?from=2026-11-01', '']) {
      const reply = await http.get(`/api/v1/alliances/${alliance}/dashboard${query}`, { token: official });
      expect(reply.status).toBe(200);
      const view = reply.body;
      const months = await q<{ month: string; held: number; invited: number; attended: number }>(FROM_SCRATCH_MONTHS, [
        alliance,
        `${view.from}T00:00:00+08:00`,
        `${view.to}T00:00:00+08:00`,
        NOW,
      ]);
      const [{ upcoming }] = await q<{ upcoming: number }>(
        `SELECT count(*)::int AS upcoming FROM meetings WHERE alliance_id = $1 AND status = 'scheduled' AND starts_at >= $2`,
        [alliance, NOW],
      );
      const byStatus = await q<{ key: string; count: number }>(
        `SELECT status::text AS key, count(*)::int AS count FROM service_requests
          WHERE alliance_id = $1 AND merged_into_id IS NULL AND created_at >= $2 AND created_at < $3 GROUP BY status ORDER BY status`,
        [alliance, `${view.from}T00:00:00+08:00`, `${view.to}T00:00:00+08:00`],
      );
      expect(view.serviceRequests.byStatus).toEqual(byStatus);
      const sum = (key: 'held' | 'invited' | 'attended') => months.reduce((total, m) => total + m[key], 0);
      expect(view.meetings).toEqual({
        held: sum('held'),
        upcoming,
        attendanceRate: rate(sum('attended'), sum('invited')),
        monthly: months.map((m) => ({ month: m.month, held: m.held, attendanceRate: rate(m.attended, m.invited) })),
      });
    }
  };

  it('equals the count from scratch as meetings, invitations and check-ins come, change and go', async () => {
    // Days cut by the period's ends and by now, midnight either side, a cancelled one and future ones.
    await meeting('january', '2026-01-01T00:00:00+08:00');
    await meeting('last-of-2025', '2025-12-31T23:30:00+08:00');
    await meeting('october', '2026-10-15T09:00:00+08:00');
    await meeting('october-late', '2026-10-31T23:59:00+08:00');
    await meeting('this-morning', '2026-11-25T08:00:00+08:00');
    await meeting('this-afternoon', '2026-11-25T15:00:00+08:00');
    await meeting('just-now', '2026-11-25T10:00:00+08:00');
    await meeting('cancelled', '2026-11-10T09:00:00+08:00', 'cancelled');
    await meeting('december', '2026-12-03T09:00:00+08:00');
    await meeting('february', '2027-02-28T23:00:00+08:00');
    for (const name of Object.keys(meetings)) {
      for (const org of orgs.slice(0, 3)) await invite(name, org);
      await invite(name, orgs[0], people[0]); // the same organisation twice
      await invite(name, null, people[1]); // a person, no organisation
      await checkIn(name, people[2], orgs[0]);
      await checkIn(name, people[3], orgs[0]); // two people of one organisation
      await checkIn(name, people[4], orgs[3]); // an organisation not invited
    }
    await checkIn('october', people[5], orgs[1]);
    await expectExact();
    await fold();
    await expectExact();

    // Status changes, moves across days and months, deletions of meetings, invitations and check-ins.
    await q(`UPDATE meetings SET status = 'cancelled' WHERE id = $1`, [meetings['october']]);
    await q(`UPDATE meetings SET status = 'scheduled' WHERE id = $1`, [meetings['cancelled']]);
    await q(
      `UPDATE meetings SET starts_at = '2026-09-30T23:00:00+08:00', ends_at = '2026-10-01T00:00:00+08:00' WHERE id = $1`,
      [meetings['october-late']],
    );
    await q(
      `UPDATE meetings SET starts_at = '2026-11-25T09:00:00+08:00', ends_at = '2026-11-25T09:30:00+08:00' WHERE id = $1`,
      [meetings['this-afternoon']],
    );
    for (const table of ['meeting_attendance', 'meeting_participants'])
      await q(`DELETE FROM ${table} WHERE meeting_id = $1`, [meetings['january']]);
    await q(`DELETE FROM meetings WHERE id = $1`, [meetings['january']]);
    await q(`DELETE FROM meeting_participants WHERE meeting_id = $1 AND organization_id = $2`, [
      meetings['cancelled'],
      orgs[1],
    ]);
    await q(`UPDATE meeting_participants SET organization_id = $3 WHERE meeting_id = $1 AND organization_id = $2`, [
      meetings['this-morning'],
      orgs[2],
      orgs[3],
    ]);
    await q(`DELETE FROM meeting_attendance WHERE meeting_id = $1 AND user_id = $2`, [
      meetings['this-morning'],
      people[2],
    ]);
    await q(`DELETE FROM meeting_attendance WHERE meeting_id = $1`, [meetings['cancelled']]);
    await q(`UPDATE meeting_attendance SET organization_id = $3 WHERE meeting_id = $1 AND organization_id = $2`, [
      meetings['december'],
      orgs[0],
      orgs[1],
    ]);
    // Requests: a status change, one moved to another day and month, one merged into another.
    const requests = (
      await q<{ id: string }>(`SELECT id FROM service_requests WHERE alliance_id = $1 ORDER BY created_at, id`, [
        alliance,
      ])
    ).map((r) => r.id);
    expect(requests.length).toBeGreaterThanOrEqual(4);
    await q(`UPDATE service_requests SET status = 'closed' WHERE id = $1`, [requests[0]]);
    await q(`UPDATE service_requests SET created_at = created_at - interval '40 days' WHERE id = $1`, [requests[1]]);
    await q(`UPDATE service_requests SET merged_into_id = $2 WHERE id = $1`, [requests[2], requests[3]]);
    await expectExact();
    await fold();
    await expectExact();

    // Changes after the fold, folded in turn: nothing left behind.
    await q(`DELETE FROM meeting_participants WHERE meeting_id = $1`, [meetings['october-late']]);
    await checkIn('this-afternoon', people[5], orgs[2]);
    await q(`UPDATE service_requests SET status = 'in_progress' WHERE id = $1`, [requests[0]]);
    await expectExact();
    await fold();
    for (const changes of ['meeting_figure_changes', 'service_request_figure_changes']) {
      const [{ n }] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM ${changes}`);
      expect(n).toBe(0);
    }
    await expectExact();
  });

  it('counts the members as the memberships count them, as organisations join, leave and change', async () => {
    const [other] = await q<{ id: string }>(`SELECT id FROM alliances WHERE tenant_id = $1 AND id <> $2 LIMIT 1`, [
      tenant,
      alliance,
    ]);
    const member = await q<{ id: string; organization_id: string }>(
      `SELECT id, organization_id FROM alliance_memberships WHERE alliance_id = $1 AND role = 'member' AND left_on IS NULL ORDER BY organization_id`,
      [alliance],
    );
    expect(member.length).toBeGreaterThanOrEqual(4);
    await expectMembersExact();
    await fold();
    await expectMembersExact();

    // A new organisation with a Party organisation joins today; another joins without one, in another alliance too.
    const [fresh] = await q<{ id: string }>(
      `INSERT INTO organizations (tenant_id, name, kind, chain_position) VALUES ($1, '新成员机械', 'enterprise', 'upstream') RETURNING id`,
      [tenant],
    );
    await q(
      `INSERT INTO party_organizations (tenant_id, organization_id, type, name, member_count) VALUES ($1, $2, 'branch', '新成员机械党支部', 7)`,
      [tenant, fresh.id],
    );
    const [plain] = await q<{ id: string }>(
      `INSERT INTO organizations (tenant_id, name, kind) VALUES ($1, '无链位企业', 'enterprise') RETURNING id`,
      [tenant],
    );
    for (const [org, to] of [
      [fresh.id, alliance],
      [plain.id, alliance],
      [plain.id, other.id],
    ])
      await q(
        `INSERT INTO alliance_memberships (tenant_id, alliance_id, organization_id, role, joined_on) VALUES ($1, $2, $3, 'member', '2026-11-25')`,
        [tenant, to, org],
      );
    await expectMembersExact();
    await fold();
    await expectMembersExact();

    // One leaves, one's chain position changes, Party organisations change, come and go; a membership is deleted.
    await q(`UPDATE alliance_memberships SET left_on = '2026-11-25', leave_reason = '迁出' WHERE id = $1`, [
      member[0].id,
    ]);
    await q(`UPDATE organizations SET chain_position = 'downstream' WHERE id = $1`, [member[1].organization_id]);
    await q(`UPDATE party_organizations SET member_count = member_count + 5 WHERE organization_id = $1`, [fresh.id]);
    await expectMembersExact();
    await fold();
    await expectMembersExact();
    await q(`DELETE FROM party_organizations WHERE organization_id = $1`, [member[2].organization_id]);
    await q(
      `INSERT INTO party_organizations (tenant_id, organization_id, type, name, member_count) VALUES ($1, $2, 'branch', '无链位企业党支部', 3)`,
      [tenant, plain.id],
    );
    await q(`UPDATE organizations SET chain_position = NULL WHERE id = $1`, [member[3].organization_id]);
    await q(`DELETE FROM alliance_memberships WHERE organization_id = $1 AND alliance_id = $2`, [plain.id, other.id]);
    await expectMembersExact();
    // The worker's fold over every township, as the application role under row-level security (its
    // 15 s schedule may have run one already).
    await app.worker!.get(MemberFiguresHandler).handle();
    for (const changes of ['alliance_member_figure_changes', 'organization_figure_changes']) {
      const [{ n }] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM ${changes}`);
      expect(n).toBe(0);
    }
    await expectMembersExact();
  });
});
