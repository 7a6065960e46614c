import type { Client } from 'pg';
import { seed } from '../../scripts/seed/seed';
import { Http } from '../support/http';
import { idOf } from '../support/tenants';
import { startTestApp, type TestApp } from '../support/test-app';

// A Sunday in December: the year of history runs from December 2025.
const NOW = new Date('2026-12-06T10:00:00+08:00');
const TABLES = [
  'meetings',
  'meeting_participants',
  'meeting_attendance',
  'agenda_items',
  'meeting_minutes',
  'minutes_comments',
  'room_reservations',
  'action_items',
  'action_item_updates',
  'research_reports',
  'report_versions',
  'review_rounds',
  'review_assignments',
  'pairing_pairs',
  'pairing_visits',
  'pairing_visit_problems',
  'service_requests',
  'service_request_events',
  'typical_cases',
  'indicator_rounds',
  'indicator_submissions',
  'users',
  'tenant_counters',
];

async function counts(db: Client): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of TABLES) result[table] = Number((await db.query(`SELECT count(*) FROM ${table}`)).rows[0].count);
  return result;
}

/** A query that must find nothing: the rows that break an invariant. */
async function none(db: Client, sql: string, params: unknown[] = []): Promise<unknown[]> {
  return (await db.query(sql, params)).rows;
}

describe('the demo year: meetings, think tank, pairing, cases and indicators', () => {
  let app: TestApp;
  let http: Http;
  let official: string;
  let alliance: string;

  beforeAll(async () => {
    app = await startTestApp({ history: true, now: NOW });
    http = new Http(app.api);
    official = await http.token('official@anhai.demo');
    alliance = await idOf(app.db.admin, 'alliances', '安海镇智能装备制造产业集群党建联盟');
  });
  afterAll(() => app.close());

  it('adds nothing when seeded a second time on the same day', async () => {
    const before = await counts(app.db.admin);
    expect(before.meetings).toBeGreaterThanOrEqual(14);
    await seed(app.db.adminUrl, NOW, { history: true });
    expect(await counts(app.db.admin)).toEqual(before);
  });

  it('gives the dashboard meetings held and an attendance rate equal to what the rows say', async () => {
    const reply = await http.get(`/api/v1/alliances/${alliance}/dashboard`, { token: official });
    expect(reply.status).toBe(200);
    const { meetings, actionItems, thinkTank, indicators, from, to } = reply.body;
    const period = [`${from}T00:00:00+08:00`, `${to}T00:00:00+08:00`, NOW.toISOString()];
    const held = `SELECT id FROM meetings WHERE alliance_id = $1 AND status = 'scheduled' AND starts_at >= $2 AND starts_at < least($3::timestamptz, $4::timestamptz)`;
    const {
      rows: [figures],
    } = await app.db.admin.query(
      `WITH held AS (${held}), invited AS (
         SELECT DISTINCT p.meeting_id, p.organization_id FROM meeting_participants p JOIN held h ON h.id = p.meeting_id WHERE p.organization_id IS NOT NULL)
       SELECT (SELECT count(*)::int FROM held) AS held, count(*)::int AS invited,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = i.meeting_id AND a.organization_id = i.organization_id))::int AS attended
         FROM invited i`,
      [alliance, ...period],
    );
    expect(figures.held).toBeGreaterThanOrEqual(12);
    expect(meetings.held).toBe(figures.held);
    expect(meetings.attendanceRate).toBe(Math.round((figures.attended / figures.invited) * 1000) / 1000);
    // Realistic: most organisations came, not all.
    expect(meetings.attendanceRate).toBeGreaterThan(0.6);
    expect(meetings.attendanceRate).toBeLessThan(1);
    expect(meetings.monthly.filter((m: { held: number }) => m.held > 0).length).toBeGreaterThanOrEqual(12);
    expect(meetings.upcoming).toBeGreaterThanOrEqual(2);

    const {
      rows: [items],
    } = await app.db.admin.query(
      `SELECT count(*) FILTER (WHERE status = 'done')::int AS done, count(*) FILTER (WHERE status IN ('open', 'in_progress') AND due_on < '2026-12-06')::int AS overdue
         FROM action_items WHERE alliance_id = $1`,
      [alliance],
    );
    expect(actionItems.done).toBe(items.done);
    expect(actionItems.overdue).toBe(items.overdue);
    expect(actionItems.overdue).toBeGreaterThan(0);
    expect(thinkTank.underReview).toBeGreaterThanOrEqual(2);
    expect(thinkTank.recommendationsDone).toBeGreaterThan(0);
    expect(thinkTank.recommendationsDone).toBeLessThan(thinkTank.recommendationsTotal);
    expect(indicators.quarterly.periods).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    const output = indicators.quarterly.series.find((s: { key: string }) => s.key === 'output_value');
    expect(output.totals.every((t: number | null) => t !== null && t > 0)).toBe(true);
    expect(
      indicators.series
        .find((s: { key: string }) => s.key === 'output_value')
        .totals.every((t: number | null) => t !== null && t > 0),
    ).toBe(true);
  });

  it('leaves the demo expert an invitation to answer, a review in progress due soon, and finished reviews', async () => {
    const reply = await http.get('/api/v1/think-tank/reviews?limit=50', {
      token: await http.token('expert@anhai.demo'),
    });
    expect(reply.status).toBe(200);
    const items: { status: string; respondBy: string; dueAt: string }[] = reply.body.items;
    const invited = items.filter((a) => a.status === 'invited');
    const accepted = items.filter((a) => a.status === 'accepted');
    expect(invited).toHaveLength(1);
    expect(new Date(invited[0].respondBy).getTime()).toBeGreaterThan(NOW.getTime());
    expect(accepted).toHaveLength(1);
    const dueIn = new Date(accepted[0].dueAt).getTime() - NOW.getTime();
    expect(dueIn).toBeGreaterThan(0);
    expect(dueIn).toBeLessThan(7 * 86_400_000);
    expect(items.filter((a) => a.status === 'submitted').length).toBeGreaterThanOrEqual(3);
  });

  it('has this week’s meeting waiting for xingyi’s and jingong’s answers, with the department invited', async () => {
    const window = `from=${NOW.toISOString()}&to=${new Date(NOW.getTime() + 21 * 86_400_000).toISOString()}`;
    for (const email of ['xingyi@anhai.demo', 'jingong@anhai.demo', 'dept@anhai.demo']) {
      const token = await http.token(email);
      const {
        rows: [me],
      } = await app.db.admin.query('SELECT id FROM users WHERE email = $1', [email]);
      const reply = await http.get(`/api/v1/meetings?${window}`, { token });
      expect(reply.status).toBe(200);
      const pending = reply.body.items.filter(
        (m: { participants: { attendee: { id: string } | null; response: string }[] }) =>
          m.participants.some((p) => p.attendee?.id === me.id && p.response === 'pending'),
      );
      expect(pending.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('keeps every time in order and no meeting held in the future', async () => {
    const db = app.db.admin;
    const now = NOW.toISOString();
    expect(
      await none(
        db,
        `SELECT id FROM meetings WHERE ends_at <= starts_at OR created_at > starts_at OR created_at > $1`,
        [now],
      ),
    ).toEqual([]);
    expect(
      await none(
        db,
        `SELECT m.id FROM meetings m WHERE m.starts_at > $1 AND (EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = m.id)
                             OR EXISTS (SELECT 1 FROM meeting_minutes n WHERE n.meeting_id = m.id) OR EXISTS (SELECT 1 FROM action_items i WHERE i.meeting_id = m.id))`,
        [now],
      ),
    ).toEqual([]);
    expect(
      await none(
        db,
        `SELECT a.id FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id
                            WHERE a.checked_in_at < m.starts_at - interval '1 hour' OR a.checked_in_at > m.ends_at`,
      ),
    ).toEqual([]);
    expect(
      await none(
        db,
        `SELECT p.id FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id
                            WHERE p.responded_at < p.created_at OR p.responded_at > least(m.starts_at, $1::timestamptz)
                               OR (p.response = 'pending') <> (p.responded_at IS NULL) OR (p.response = 'declined' AND p.decline_reason IS NULL)`,
        [now],
      ),
    ).toEqual([]);
    expect(
      await none(
        db,
        `SELECT n.id FROM meeting_minutes n JOIN meetings m ON m.id = n.meeting_id
                            WHERE n.created_at < m.ends_at OR n.approved_at < n.created_at OR n.approved_at > $1 OR (n.status = 'approved') <> (n.approved_at IS NOT NULL)`,
        [now],
      ),
    ).toEqual([]);
    expect(
      await none(
        db,
        `SELECT i.id FROM action_items i LEFT JOIN meetings m ON m.id = i.meeting_id
                            WHERE i.created_at < m.ends_at OR i.created_at > $1 OR i.completed_at < i.created_at OR i.completed_at > $1
                               OR (i.status = 'done') <> (i.completed_at IS NOT NULL) OR (i.status = 'done') <> (i.progress = 100)`,
        [now],
      ),
    ).toEqual([]);
    expect(
      await none(
        db,
        `SELECT u.id FROM action_item_updates u JOIN action_items i ON i.id = u.action_item_id WHERE u.created_at < i.created_at OR u.created_at > $1`,
        [now],
      ),
    ).toEqual([]);
    expect(
      await none(
        db,
        `SELECT r.id FROM research_reports r WHERE r.created_at > r.published_at OR r.published_at > $1
                              OR (r.status <> 'draft' AND r.current_round = 0)
                              OR r.current_round <> (SELECT count(*) FROM review_rounds x WHERE x.report_id = r.id)`,
        [now],
      ),
    ).toEqual([]);
    expect(
      await none(
        db,
        `SELECT a.id FROM review_assignments a JOIN review_rounds r ON r.id = a.round_id
                            WHERE a.created_at < r.created_at OR a.responded_at < a.created_at OR a.submitted_at < a.responded_at OR a.submitted_at > $1
                               OR r.decided_at < a.submitted_at OR a.due_at <= a.respond_by`,
        [now],
      ),
    ).toEqual([]);
    expect(
      await none(
        db,
        `SELECT v.id FROM pairing_visits v JOIN pairing_pairs p ON p.id = v.pair_id WHERE v.visited_on > '2026-12-06' OR v.created_at < p.created_at`,
      ),
    ).toEqual([]);
    expect(
      await none(
        db,
        `SELECT c.id FROM typical_cases c WHERE c.published_at > $1 OR c.created_at > coalesce(c.published_at, $1)`,
        [now],
      ),
    ).toEqual([]);
    expect(
      await none(
        db,
        `SELECT s.id FROM indicator_submissions s WHERE s.submitted_at > $1 OR (s.status = 'submitted') <> (s.submitted_at IS NOT NULL)`,
        [now],
      ),
    ).toEqual([]);
    // Pairs not visited for long, for the official's workbench.
    const overdue = await http.get('/api/v1/pairing/pairs?overdue=true&all=true', { token: official });
    expect(overdue.status).toBe(200);
    expect(overdue.body.items.length).toBeGreaterThanOrEqual(2);
  });

  it('leaves the official the last meeting’s minutes to approve, and the chair may approve them', async () => {
    const { rows } = await app.db.admin.query(
      `SELECT m.id FROM meetings m JOIN meeting_minutes n ON n.meeting_id = m.id WHERE m.alliance_id = $1 AND n.status = 'circulated'`,
      [alliance],
    );
    expect(rows).toHaveLength(1);
    const minutes = await http.get(`/api/v1/meetings/${rows[0].id}/minutes`, { token: official });
    expect(minutes.status).toBe(200);
    expect(minutes.body.status).toBe('circulated');
    const approved = await http.post(`/api/v1/meetings/${rows[0].id}/minutes/approve`, {}, { token: official });
    expect(approved.status).toBeLessThan(300);
    expect(approved.body.status).toBe('approved');
  });
});
