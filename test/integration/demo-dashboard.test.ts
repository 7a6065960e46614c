import { Http } from '../support/http';
import { idOf } from '../support/tenants';
import { startTestApp, type TestApp } from '../support/test-app';

// Just past the turn of the year: the twelve months of history straddle two years and two counters.
const NOW = new Date('2027-01-05T10:00:00+08:00');
const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

/**
 * Every figure the alliance dashboard (驾驶舱) and the wall display show for the demo is there, and is
 * what the seeded rows say when counted directly, not through the statistics' daily and monthly sums.
 */
describe('the demo dashboard: every figure filled, and true to the rows', () => {
  let app: TestApp;
  let view: DashboardBody;
  let alliance: string;
  const sql = async <T>(text: string, params: unknown[]): Promise<T[]> =>
    (await app.db.admin.query(text, params)).rows as T[];

  beforeAll(async () => {
    app = await startTestApp({ history: true, now: NOW });
    const http = new Http(app.api);
    alliance = await idOf(app.db.admin, 'alliances', '安海镇智能装备制造产业集群党建联盟');
    const reply = await http.get(`/api/v1/alliances/${alliance}/dashboard`, {
      token: await http.token('official@anhai.demo'),
    });
    expect(reply.status).toBe(200);
    view = reply.body as DashboardBody;
  });
  afterAll(() => app.close());

  it('shows no empty tile, chart or ranking', () => {
    expect(view.from).toBe('2026-01-01');
    expect(view.to).toBe('2027-01-06');
    const tiles = [
      view.members.total,
      view.members.partyMembers,
      view.meetings.held,
      view.meetings.upcoming,
      view.meetings.attendanceRate,
      view.serviceRequests.totals.submitted,
      view.serviceRequests.totals.open,
      view.serviceRequests.totals.onTimeRate,
      view.serviceRequests.totals.responseRate,
      view.serviceRequests.totals.satisfaction,
      view.thinkTank.underReview,
      view.thinkTank.published,
      view.thinkTank.recommendationsTotal,
      view.actionItems.open,
      view.actionItems.overdue,
    ];
    for (const figure of tiles) expect(figure).toBeGreaterThan(0);
    // A year of months: every month had requests and a meeting held, each with someone present.
    expect(view.serviceRequests.monthly).toHaveLength(13);
    expect(view.serviceRequests.monthly.filter((m) => m.submitted === 0)).toEqual([]);
    expect(view.meetings.monthly.filter((m) => m.held > 0).length).toBeGreaterThanOrEqual(12);
    expect(view.meetings.monthly.filter((m) => m.held > 0 && !m.attendanceRate)).toEqual([]);
    expect(view.serviceRequests.departmentRanking.length).toBeGreaterThanOrEqual(7);
    expect(view.members.byChainPosition.length).toBeGreaterThanOrEqual(3);
    for (const trends of [view.indicators, view.indicators.quarterly]) {
      expect(trends.periods.length).toBeGreaterThanOrEqual(2);
      expect(trends.submissionRates.every((rate) => rate !== null && rate > 0)).toBe(true);
      expect(
        trends.series.filter((s) => s.totals.some((total) => total !== null && total > 0)).length,
      ).toBeGreaterThanOrEqual(3);
    }
  });

  it('counts the members and their Party members as the registry holds them', async () => {
    const [members] = await sql<{ total: number; party: number }>(
      `SELECT count(*)::int AS total, coalesce(sum(p.member_count), 0)::int AS party
         FROM alliance_memberships m LEFT JOIN party_organizations p ON p.organization_id = m.organization_id
        WHERE m.alliance_id = $1 AND m.left_on IS NULL`,
      [alliance],
    );
    expect(view.members.total).toBe(members.total);
    expect(view.members.partyMembers).toBe(members.party);
    expect(view.members.byRole.reduce((sum, r) => sum + r.count, 0)).toBe(members.total);
    // Joined within the period's days, the first included and the day after the last excluded (dates, no time zone).
    const [joined] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM alliance_memberships WHERE alliance_id = $1 AND joined_on BETWEEN $2::date AND $3::date - 1`,
      [alliance, view.from, view.to],
    );
    expect(view.members.joinedInPeriod).toBe(joined.n);
  });

  it('gives the requests’ totals, rates, months and ranking as the requests themselves do', async () => {
    // The period's days are the township's (Asia/Shanghai), counted from the requests directly.
    const period = `r.alliance_id = $1 AND r.merged_into_id IS NULL
      AND r.created_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai' AND r.created_at < ($3::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`;
    const params = [alliance, view.from, view.to];
    const [totals] = await sql<Record<string, number>>(
      `SELECT count(*)::int AS submitted, count(r.resolved_at)::int AS resolved,
              count(*) FILTER (WHERE r.status IN ('submitted', 'routed', 'accepted', 'in_progress', 'returned'))::int AS open,
              count(r.routed_at)::int AS routed, count(*) FILTER (WHERE r.accepted_at <= r.accept_due_at)::int AS accepted_on_time,
              count(*) FILTER (WHERE r.resolved_at <= r.resolve_due_at)::int AS resolved_on_time,
              round(avg(r.rating), 2)::float8 AS satisfaction, count(r.rating)::int AS ratings
         FROM service_requests r WHERE ${period}`,
      params,
    );
    expect(view.serviceRequests.totals).toMatchObject({
      submitted: totals.submitted,
      resolved: totals.resolved,
      open: totals.open,
      ratings: totals.ratings,
      satisfaction: totals.satisfaction,
      responseRate: ratio(totals.accepted_on_time, totals.routed),
      onTimeRate: ratio(totals.resolved_on_time, totals.resolved),
    });
    const byStatus = await sql<{ key: string; count: number }>(
      `SELECT r.status::text AS key, count(*)::int AS count FROM service_requests r WHERE ${period} GROUP BY 1`,
      params,
    );
    expect([...view.serviceRequests.byStatus].sort(byKey)).toEqual(byStatus.sort(byKey));
    const months = await sql<{ month: string; submitted: number }>(
      `SELECT to_char(r.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*)::int AS submitted FROM service_requests r WHERE ${period} GROUP BY 1 ORDER BY 1`,
      params,
    );
    expect(view.serviceRequests.monthly.map(({ month, submitted }) => ({ month, submitted }))).toEqual(months);
    const departments = await sql<{ name: string; submitted: number }>(
      `SELECT o.name, count(*)::int AS submitted FROM service_requests r JOIN organizations o ON o.id = r.assigned_organization_id WHERE ${period} GROUP BY o.name ORDER BY o.name`,
      params,
    );
    expect(
      view.serviceRequests.departmentRanking
        .map(({ name, submitted }) => ({ name, submitted }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    ).toEqual(departments.sort((a, b) => a.name.localeCompare(b.name)));
  });

  it('counts a member that joined on the period’s first day, and not one that joined the day before', async () => {
    const http = new Http(app.api);
    const token = await http.token('official@anhai.demo');
    const before = view.members.joinedInPeriod;
    await app.db.admin.query(
      `UPDATE alliance_memberships SET joined_on = CASE o.name WHEN '兴翼机械' THEN $2::date ELSE $2::date - 1 END
         FROM organizations o WHERE o.id = alliance_memberships.organization_id AND alliance_memberships.alliance_id = $1 AND o.name IN ('兴翼机械', '鸿安机械')`,
      [alliance, view.from],
    );
    const after = await http.get(`/api/v1/alliances/${alliance}/dashboard`, { token });
    expect(after.body.members.joinedInPeriod).toBe(before + 1);
  });

  it('counts the think tank’s reports and recommendations and the action items from their rows', async () => {
    const [row] = await sql<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM research_reports WHERE alliance_id = $1 AND status = 'under_review') AS under_review,
              (SELECT count(*)::int FROM research_reports WHERE alliance_id = $1 AND status = 'published') AS published,
              (SELECT count(*)::int FROM action_items WHERE alliance_id = $1 AND report_id IS NOT NULL) AS recommendations,
              (SELECT count(*)::int FROM action_items WHERE alliance_id = $1 AND report_id IS NOT NULL AND status = 'done') AS recommendations_done,
              (SELECT count(*)::int FROM action_items WHERE alliance_id = $1 AND status IN ('open', 'in_progress')) AS open,
              (SELECT count(*)::int FROM action_items WHERE alliance_id = $1 AND status = 'done') AS done,
              (SELECT count(*)::int FROM action_items WHERE alliance_id = $1 AND status IN ('open', 'in_progress') AND due_on < $2::date) AS overdue`,
      [alliance, '2027-01-05'],
    );
    expect(view.thinkTank).toEqual({
      underReview: row.under_review,
      published: row.published,
      recommendationsTotal: row.recommendations,
      recommendationsDone: row.recommendations_done,
    });
    expect(view.actionItems).toEqual({ open: row.open, done: row.done, overdue: row.overdue });
  });
});

interface DashboardBody {
  from: string;
  to: string;
  members: {
    total: number;
    partyMembers: number;
    joinedInPeriod: number;
    byRole: { key: string; count: number }[];
    byChainPosition: { key: string; count: number }[];
  };
  meetings: {
    held: number;
    upcoming: number;
    attendanceRate: number | null;
    monthly: { month: string; held: number; attendanceRate: number | null }[];
  };
  serviceRequests: {
    byStatus: { key: string; count: number }[];
    totals: Record<string, number | null>;
    departmentRanking: { name: string; submitted: number }[];
    monthly: { month: string; submitted: number }[];
  };
  thinkTank: { underReview: number; published: number; recommendationsTotal: number; recommendationsDone: number };
  actionItems: { open: number; done: number; overdue: number };
  indicators: {
    periods: string[];
    submissionRates: (number | null)[];
    series: { totals: (number | null)[] }[];
    quarterly: { periods: string[]; submissionRates: (number | null)[]; series: { totals: (number | null)[] }[] };
  };
}
