import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_REQUESTS, DEPARTMENTS, INDICATOR_ROUNDS, LEAD, MEMBERS } from '../../scripts/seed/anhai-data';
import { PUBLISHED_REPORT } from '../../scripts/seed/think-tank-seed';

import { Http } from '../support/http';
import { createOtherTenant, idOf } from '../support/tenants';
import { startTestApp, type TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

// Seeded on 25 November 2026: last year's round and this year's.
const SEEDED_PERIODS = INDICATOR_ROUNDS.map((r) => String(2026 - r.yearsBack));
const shanghai = (local: string) => new Date(`${local}+08:00`);

describe('the alliance dashboard (联盟驾驶舱)', () => {
  let app: TestApp;
  let http: Http;
  let official: string;
  let alliance: string;

  beforeAll(async () => {
    app = await startTestApp({ worker: true, now: shanghai('2026-11-25T10:00:00') });
    http = new Http(app.api);
    official = await http.token('official@anhai.demo');
    alliance = await idOf(app.db.admin, 'alliances', '安海镇智能装备制造产业集群党建联盟');
  });
  afterAll(() => app.close());

  it('shows figures that match the seeded alliance', async () => {
    // Two meetings held: three organisations invited to each, two of them present at the first, one at the second.
    const db = app.db.admin;
    const {
      rows: [ctx],
    } = await db.query(`SELECT tenant_id, id AS official FROM users WHERE email = 'official@anhai.demo'`);
    const orgs = await Promise.all(['晋工机械', '兴翼机械', '鸿安机械'].map((name) => idOf(db, 'organizations', name)));
    const people = await Promise.all(
      ['jingong', 'xingyi'].map(
        async (who) => (await db.query(`SELECT id FROM users WHERE email = $1`, [`${who}@anhai.demo`])).rows[0].id,
      ),
    );
    for (const [day, present] of [
      ['2026-10-15', 2],
      ['2026-11-12', 1],
    ] as const) {
      const {
        rows: [meeting],
      } = await db.query(
        `INSERT INTO meetings (tenant_id, alliance_id, title, convener_id, chair_id, place_kind, address, starts_at, ends_at)
         VALUES ($1, $2, '联席会议', $3, $3, 'address', '镇政府', $4, $5) RETURNING id`,
        [ctx.tenant_id, alliance, ctx.official, `${day}T09:00:00+08:00`, `${day}T11:00:00+08:00`],
      );
      for (const org of orgs)
        await db.query(
          `INSERT INTO meeting_participants (tenant_id, meeting_id, organization_id) VALUES ($1, $2, $3)`,
          [ctx.tenant_id, meeting.id, org],
        );
      for (const [i, org] of orgs.slice(0, present).entries()) {
        await db.query(
          `INSERT INTO meeting_attendance (tenant_id, meeting_id, user_id, organization_id, checked_in_at) VALUES ($1, $2, $3, $4, $5)`,
          [ctx.tenant_id, meeting.id, people[i], org, `${day}T09:05:00+08:00`],
        );
      }
    }

    // Make the departments' SLA records differ: 经济发展办公室 resolved its request after the due time and
    // 人社所 accepted late (the seed's requests are on time otherwise; 自然资源所 has not accepted yet).
    await db.query(
      `UPDATE service_requests SET resolve_due_at = created_at + interval '1 day' WHERE idempotency_key = 'demo-1'`,
    );
    await db.query(
      `UPDATE service_requests SET accept_due_at = created_at + interval '1 hour' WHERE idempotency_key = 'demo-4'`,
    );

    // The seed dates its requests from the test's today; the period runs to the day after tomorrow.
    const to = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(app.clock.now().getTime() + 2 * 86_400_000),
    );
    const reply = await http.get(`/api/v1/alliances/${alliance}/dashboard?to=${to}`, { token: official });
    expect(reply.status).toBe(200);
    const view = reply.body;
    const enterprises = [LEAD, ...MEMBERS];
    const countOf = (values: string[]) =>
      Object.entries(values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {}));
    expect(view.members).toMatchObject({
      total: enterprises.length + DEPARTMENTS.length,
      partyMembers: enterprises.reduce((sum, e) => sum + e.members, 0),
    });
    expect(view.members.byRole).toEqual(
      expect.arrayContaining([
        { key: 'lead', count: 1 },
        { key: 'member', count: MEMBERS.length },
        { key: 'department', count: DEPARTMENTS.length },
      ]),
    );
    expect(
      view.members.byChainPosition.sort((a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key)),
    ).toEqual(
      countOf(enterprises.map((e) => e.chain))
        .map(([key, count]) => ({ key, count }))
        .sort((a, b) => a.key.localeCompare(b.key)),
    );
    expect(view.meetings).toMatchObject({
      held: 2,
      attendanceRate: 0.5,
      monthly: [
        { month: '2026-10', held: 1, attendanceRate: 0.667 },
        { month: '2026-11', held: 1, attendanceRate: 0.333 },
      ],
    });
    expect(
      view.serviceRequests.byStatus.sort((a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key)),
    ).toEqual(
      countOf(DEMO_REQUESTS.map((r) => r.status))
        .map(([key, count]) => ({ key, count }))
        .sort((a, b) => a.key.localeCompare(b.key)),
    );
    // SLA compliance, satisfaction and the ranking, worked out here from the requests themselves.
    const { rows: requests } = await db.query<{
      department: string | null;
      routed: boolean;
      acceptedOnTime: boolean;
      resolved: boolean;
      resolvedOnTime: boolean;
      rating: number | null;
    }>(
      `SELECT o.name AS department, r.routed_at IS NOT NULL AS routed, coalesce(r.accepted_at <= r.accept_due_at, false) AS "acceptedOnTime",
              r.resolved_at IS NOT NULL AS resolved, coalesce(r.resolved_at <= r.resolve_due_at, false) AS "resolvedOnTime", r.rating
         FROM service_requests r LEFT JOIN organizations o ON o.id = r.assigned_organization_id
        WHERE r.alliance_id = $1 AND r.merged_into_id IS NULL AND r.created_at >= $2 AND r.created_at < $3`,
      [alliance, `${view.from}T00:00:00+08:00`, `${view.to}T00:00:00+08:00`],
    );
    const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);
    const figures = (of: typeof requests) => {
      const ratings = of.map((r) => r.rating).filter((r): r is number => r !== null);
      return {
        submitted: of.length,
        responseRate: ratio(of.filter((r) => r.acceptedOnTime).length, of.filter((r) => r.routed).length),
        onTimeRate: ratio(of.filter((r) => r.resolvedOnTime).length, of.filter((r) => r.resolved).length),
        satisfaction: ratings.length
          ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100
          : null,
      };
    };
    expect(requests).toHaveLength(DEMO_REQUESTS.length);
    const totals = figures(requests);
    expect(totals).toEqual({ submitted: 4, responseRate: 0.5, onTimeRate: 0.5, satisfaction: 5 });
    expect(view.serviceRequests.totals).toMatchObject(totals);
    const departments = [...new Set(requests.map((r) => r.department).filter((d): d is string => d !== null))].map(
      (name) => {
        const f = figures(requests.filter((r) => r.department === name));
        const score =
          Math.round(
            (0.4 * (f.onTimeRate ?? 0) + 0.3 * (f.responseRate ?? 0) + 0.3 * ((f.satisfaction ?? 0) / 5)) * 10_000,
          ) / 10_000;
        return { name, score, submitted: f.submitted, onTimeRate: f.onTimeRate, satisfaction: f.satisfaction };
      },
    );
    const ranking = departments.sort((a, b) => b.score - a.score).map((d, i) => ({ rank: i + 1, ...d }));
    // Distinct scores, so the order does not rest on a tie-break.
    expect(ranking.map((d) => [d.name, d.score])).toEqual([
      ['安海镇经济发展办公室', 0.6],
      ['安海镇人力资源和社会保障事务所', 0.4],
      ['安海镇财政所', 0.3],
      ['安海镇自然资源所', 0],
    ]);
    expect(view.serviceRequests.departmentRanking).toEqual(ranking);
    expect(view.thinkTank).toEqual({
      underReview: 0,
      published: 1,
      recommendationsTotal: PUBLISHED_REPORT.recommendations.length,
      recommendationsDone: PUBLISHED_REPORT.recommendations.filter((r) => r.progress === 100).length,
    });
    const submitted = (round: (typeof INDICATOR_ROUNDS)[number]) =>
      round.submissions.filter((s) => s.status === 'submitted');
    const outputTotal = (round: (typeof INDICATOR_ROUNDS)[number]) =>
      submitted(round).reduce((sum, s) => sum + (s.values as { output_value: number }).output_value, 0);
    expect(view.indicators.periods).toEqual(SEEDED_PERIODS);
    expect(view.indicators.series.find((s: { key: string }) => s.key === 'output_value')).toMatchObject({
      labelZh: '产值',
      unit: '万元',
      totals: INDICATOR_ROUNDS.map(outputTotal),
    });
    expect(view.indicators.submissionRates).toEqual(
      INDICATOR_ROUNDS.map((r) => Math.round((submitted(r).length / (1 + MEMBERS.length)) * 1000) / 1000),
    );
  });

  it('shows the quarterly indicator rounds apart from the yearly ones, in period order', async () => {
    const tokens: Record<string, string> = {
      xingyi: await http.token('xingyi@anhai.demo'),
      jingong: await http.token('jingong@anhai.demo'),
    };
    // Opened out of order; 2026-Q1 gets no submission.
    const reported: [string, [string, number][]][] = [
      [
        '2026-Q3',
        [
          ['xingyi', 4100],
          ['jingong', 72000],
        ],
      ],
      ['2025-Q4', [['xingyi', 3900]]],
      ['2026-Q1', []],
    ];
    for (const [period, reports] of reported) {
      const round = await http.post(
        '/api/v1/indicator-rounds',
        { allianceId: alliance, period, deadline: '2026-12-10', fields: [{ key: 'output_value' }, { key: 'patents' }] },
        { token: official },
      );
      expect(round.status).toBe(201);
      for (const [who, output] of reports) {
        const saved = await http.put(
          `/api/v1/indicator-rounds/${round.body.id}/submission`,
          { values: { output_value: output, patents: 1 }, submit: true },
          { token: tokens[who] },
        );
        expect(saved.status).toBe(200);
      }
    }
    const view = (await http.get(`/api/v1/alliances/${alliance}/dashboard`, { token: official })).body;
    expect(view.indicators.periods).toEqual(SEEDED_PERIODS);
    const expected = 1 + MEMBERS.length;
    expect(view.indicators.quarterly).toEqual({
      periods: ['2025-Q4', '2026-Q1', '2026-Q3'],
      submissionRates: [1, 0, 2].map((n) => Math.round((n / expected) * 1000) / 1000),
      series: [
        { key: 'output_value', labelZh: '产值', labelEn: expect.any(String), unit: '万元', totals: [3900, 0, 76100] },
        {
          key: 'patents',
          labelZh: expect.any(String),
          labelEn: expect.any(String),
          unit: expect.any(String),
          totals: [1, 0, 2],
        },
      ],
    });
  });

  it('exports the dashboard to .xlsx and PDF in the worker, with progress on the job', async () => {
    const finished = async (format: 'xlsx' | 'pdf') => {
      const started = await http.post(
        `/api/v1/alliances/${alliance}/dashboard/exports`,
        { format },
        { token: official },
      );
      expect(started.status).toBe(201);
      const job = await waitFor(
        async () => (await http.get(`/api/v1/jobs/${started.body.id}`, { token: official })).body,
        (current) => ['succeeded', 'failed'].includes(current.status),
      );
      expect(job).toMatchObject({ status: 'succeeded', progress: 100 });
      const file = await app.api.inject({
        method: 'GET',
        url: `/api/v1/jobs/${started.body.id}/download`,
        headers: { authorization: `Bearer ${official}` },
      });
      expect(file.statusCode).toBe(200);
      return file;
    };
    const xlsx = await finished('xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const summary = workbook.getWorksheet('概览')!;
    expect(summary.getRow(2).values).toEqual([undefined, '联盟', '安海镇智能装备制造产业集群党建联盟']);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      '概览',
      '成员构成',
      '会议与出勤',
      '服务请求状态',
      '部门排名',
      '服务月度趋势',
      '企业指标',
      '企业指标（季度）',
    ]);

    const pdf = await finished('pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const path = join(mkdtempSync(join(tmpdir(), 'dashboard-')), 'dashboard.pdf');
    writeFileSync(path, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-']).toString();
    expect(text).toContain('安海镇智能装备制造产业集群党建联盟');
    expect(text).toContain('成员单位');
  });

  it('is for officials and departments of the township only', async () => {
    expect(
      (await http.get(`/api/v1/alliances/${alliance}/dashboard`, { token: await http.token('xingyi@anhai.demo') }))
        .status,
    ).toBe(403);
    expect(
      (await http.get(`/api/v1/alliances/${alliance}/dashboard?from=2026-12-01&to=2026-11-01`, { token: official }))
        .body.details,
    ).toEqual([{ field: 'from', reason: '开始日期必须早于结束日期' }]);
    const other = await createOtherTenant(app.db.admin);
    expect(
      (await http.get(`/api/v1/alliances/${alliance}/dashboard`, { token: await http.token(other.email) })).status,
    ).toBe(404);
  });
});
