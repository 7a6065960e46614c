import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Http } from '../support/http';
import { createOtherTenant, idOf } from '../support/tenants';
import { startTestApp, type TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

const shanghai = (local: string) => new Date(`${local}+08:00`);
const pct = (value: number | null) => (value === null ? '—' : `${Math.round(value * 1000) / 10}%`);
const plain = (value: number | null) => (value === null ? '—' : String(value));

/** The text of each table of a document.xml, as rows of cell texts. */
function tablesOf(xml: string): string[][][] {
  const text = (fragment: string) =>
    [...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...table[1].matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((row) =>
      [...row[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => text(cell[1])),
    ),
  );
}

/** The paragraphs of a heading style, in order. */
function headings(xml: string, style: string): string[] {
  return [...xml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="([^"]+)"\/>([\s\S]*?)<\/w:p>/g)]
    .filter((m) => m[1] === style)
    .map((m) => [...m[2].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
}

describe('the alliance ledger (工作台账)', () => {
  let app: TestApp;
  let http: Http;
  let official: string;
  let alliance: string;
  let report: string;
  let pair: string;
  let typicalCase: string;
  let round: string;

  beforeAll(async () => {
    app = await startTestApp({ worker: true, now: shanghai('2026-11-25T10:00:00') });
    http = new Http(app.api);
    official = await http.token('official@anhai.demo');
    alliance = await idOf(app.db.admin, 'alliances', '安海镇智能装备制造产业集群党建联盟');

    // A joint meeting in the year, with two of three organisations present, a decided topic and approved minutes.
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
    const {
      rows: [meeting],
    } = await db.query(
      `INSERT INTO meetings (tenant_id, alliance_id, title, convener_id, chair_id, place_kind, address, starts_at, ends_at)
       VALUES ($1, $2, '第三季度联席会议', $3, $3, 'address', '镇政府三楼会议室', '2026-10-15T09:00:00+08:00', '2026-10-15T11:00:00+08:00') RETURNING id`,
      [ctx.tenant_id, alliance, ctx.official],
    );
    for (const org of orgs)
      await db.query(`INSERT INTO meeting_participants (tenant_id, meeting_id, organization_id) VALUES ($1, $2, $3)`, [
        ctx.tenant_id,
        meeting.id,
        org,
      ]);
    for (const [i, org] of orgs.slice(0, 2).entries())
      await db.query(
        `INSERT INTO meeting_attendance (tenant_id, meeting_id, user_id, organization_id, checked_in_at) VALUES ($1, $2, $3, $4, '2026-10-15T09:05:00+08:00')`,
        [ctx.tenant_id, meeting.id, people[i], org],
      );
    await db.query(
      `INSERT INTO agenda_items (tenant_id, meeting_id, title, proposed_by_id, status, decision_note, position)
       VALUES ($1, $2, '研究人才公寓建设', $3, 'accepted', '由财政所牵头，年底前完成选址', 1)`,
      [ctx.tenant_id, meeting.id, ctx.official],
    );
    await db.query(
      `INSERT INTO meeting_minutes (tenant_id, meeting_id, content, status, approved_by_id, approved_at)
       VALUES ($1, $2, E'会议听取了三季度工作汇报。\\n会议议定人才公寓建设事项。', 'approved', $3, '2026-10-16T09:00:00+08:00')`,
      [ctx.tenant_id, meeting.id, ctx.official],
    );

    // The later chapters' sources: a report with two recommendations (one done), a venue booking and
    // a study-route visit by members, a pairing visit with a problem, an approved case, an indicator round.
    const t = ctx.tenant_id;
    const one = async (sql: string, params: unknown[]) => (await db.query(sql, params)).rows[0];
    report = (
      await one(
        `INSERT INTO research_reports (tenant_id, alliance_id, title, abstract, submitted_by_id, status, created_at)
         VALUES ($1, $2, '关于智能装备产业链补链的研究', '摘要', $3, 'accepted', '2026-05-10T10:00:00+08:00') RETURNING id`,
        [t, alliance, ctx.official],
      )
    ).id;
    for (const [title, status] of [
      ['建设共享检测中心', 'done'],
      ['设立产业链人才基金', 'open'],
    ])
      await db.query(
        `INSERT INTO action_items (tenant_id, alliance_id, report_id, title, owner_organization_id, due_on, created_by_id, status)
         VALUES ($1, $2, $3, $4, $5, '2026-09-30', $6, $7)`,
        [t, alliance, report, title, orgs[0], ctx.official, status],
      );
    const venue = await one(`INSERT INTO venues (tenant_id, name) VALUES ($1, '安海镇党群服务中心') RETURNING id`, [t]);
    const zone = await one(
      `INSERT INTO venue_zones (tenant_id, venue_id, name, kind) VALUES ($1, $2, '多功能厅', (SELECT enum_range(NULL::zone_kind))[1]) RETURNING id`,
      [t, venue.id],
    );
    await db.query(
      `INSERT INTO venue_bookings (tenant_id, venue_id, zone_id, booker_user_id, booker_organization_id, starts_at, ends_at, purpose, attendees, status)
       VALUES ($1, $2, $3, $4, $5, '2026-06-01T09:00:00+08:00', '2026-06-01T12:00:00+08:00', '党课', 30, 'approved')`,
      [t, venue.id, zone.id, people[0], orgs[0]],
    );
    const site = await one(
      `INSERT INTO study_sites (tenant_id, name, daily_capacity, position, qr_token) VALUES ($1, '晋工机械展厅', 100, 99, 'ledger-test-site') RETURNING id`,
      [t],
    );
    const booking = await one(
      `INSERT INTO study_bookings (tenant_id, visit_on, group_name, group_size, booker_user_id, booker_organization_id)
       VALUES ($1, '2026-07-01', '兴翼机械党支部', 20, $2, $3) RETURNING id`,
      [t, people[1], orgs[1]],
    );
    await db.query(
      `INSERT INTO study_site_visits (tenant_id, site_id, booking_id, people, visited_at, recorded_by_id)
       VALUES ($1, $2, $3, 18, '2026-07-01T10:00:00+08:00', $4)`,
      [t, site.id, booking.id, ctx.official],
    );
    // The seed pairs every member already: use the third organisation's pair.
    pair = (await one(`SELECT id FROM pairing_pairs WHERE organization_id = $1`, [orgs[2]])).id;
    const visit = await one(
      `INSERT INTO pairing_visits (tenant_id, pair_id, visited_on, people_met, recorded_by_id)
       VALUES ($1, $2, '2026-08-08', '总经理', $3) RETURNING id`,
      [t, pair, ctx.official],
    );
    await db.query(
      `INSERT INTO pairing_visit_problems (tenant_id, visit_id, position, description) VALUES ($1, $2, 1, '用工缺口较大')`,
      [t, visit.id],
    );
    typicalCase = (
      await one(
        `INSERT INTO typical_cases (tenant_id, alliance_id, organization_id, title, summary, body, nominated_by_id, status)
         VALUES ($1, $2, $3, '党建引领技改升级', '晋工机械以党员攻关组推动生产线改造。', '正文', $4, 'approved') RETURNING id`,
        [t, alliance, orgs[0], people[0]],
      )
    ).id;
    round = (
      await one(
        `INSERT INTO indicator_rounds (tenant_id, alliance_id, period, year, quarter, deadline, fields, created_by_id)
         VALUES ($1, $2, '2026-Q2', 2026, 2, '2026-07-15', '[{"key":"output_value","type":"decimal","unit":"万元","required":true}]', $3) RETURNING id`,
        [t, alliance, ctx.official],
      )
    ).id;
    for (const [org, value] of [
      [orgs[0], 1200.5],
      [orgs[1], 800],
    ] as const)
      await db.query(
        `INSERT INTO indicator_submissions (tenant_id, round_id, organization_id, values, status, submitted_at)
         VALUES ($1, $2, $3, $4, 'submitted', '2026-07-10T10:00:00+08:00')`,
        [t, round, org, JSON.stringify({ output_value: value })],
      );
  });
  afterAll(() => app.close());

  const build = async (body: object) => {
    const started = await http.post(`/api/v1/alliances/${alliance}/ledgers`, body, { token: official });
    expect(started.status).toBe(202);
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
    return { id: started.body.id as string, file };
  };

  const answers = async () => {
    const dashboard = (
      await http.get(`/api/v1/alliances/${alliance}/dashboard?from=2026-01-01&to=2027-01-01`, { token: official })
    ).body;
    const statistics = (
      await http.get(`/api/v1/service-requests/statistics?allianceId=${alliance}&from=2026-01-01&to=2027-01-01`, {
        token: official,
      })
    ).body;
    return { dashboard, statistics };
  };

  const laterAnswers = async () => {
    const get = async (url: string) => {
      const response = await http.get(url, { token: official });
      expect(response.status).toBe(200);
      return response.body;
    };
    return {
      report: await get(`/api/v1/think-tank/reports/${report}`),
      visits: (await get(`/api/v1/pairing/pairs/${pair}/visits`)).items,
      typicalCase: await get(`/api/v1/typical-cases/${typicalCase}`),
      results: await get(`/api/v1/indicator-rounds/${round}/results`),
    };
  };

  it('builds the year as .docx after GB/T 9704, with the figures the dashboard and statistics show', async () => {
    const started = Date.now();
    const { id, file } = await build({ period: '2026', format: 'docx' });
    // Started, built in the worker (through the outbox relay) and downloaded; the job is polled every 50 ms.
    process.stdout.write(`ledger (.docx, demo data, a year): ${Date.now() - started} ms from start to download\n`);
    expect(file.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const zip = await JSZip.loadAsync(file.rawPayload);
    const styles = await zip.file('word/styles.xml')!.async('string');
    for (const font of ['方正小标宋简体', '黑体', '楷体_GB2312', '仿宋_GB2312'])
      expect(styles).toContain(`w:eastAsia="${font}"`);
    // 二号 for the title, 三号 for the headings and the body (half-points).
    expect(styles).toMatch(/<w:style [^>]*w:styleId="Title"[\s\S]*?<w:sz w:val="44"\/>/);
    expect(styles).toMatch(/<w:style [^>]*w:styleId="Heading1"[\s\S]*?w:eastAsia="黑体"[\s\S]*?<w:sz w:val="32"\/>/);
    const document = await zip.file('word/document.xml')!.async('string');
    // A4, and margins 37 / 35 / 28 / 26 mm in twips, on every section.
    const sections = [...document.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sections).toHaveLength(2);
    for (const section of sections) {
      expect(section).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(section).toMatch(/w:top="2098"/);
      expect(section).toMatch(/w:bottom="1984"/);
      expect(section).toMatch(/w:left="1587"/);
      expect(section).toMatch(/w:right="1474"/);
    }
    // A table of contents field over the two heading levels, its entries filled from the headings.
    expect(/<w:instrText[^>]*>TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/.test(document)).toBe(true);
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^word\/footer\d*\.xml$/.test(name))
        .map((name) => zip.file(name)!.async('string')),
    );
    expect(footers.join('')).toMatch(/PAGE/);
    expect(headings(document, 'Heading1')).toEqual([
      '一、总体情况',
      '二、联盟组织架构和成员名册',
      '三、联席会议',
      '四、议定事项落实情况',
      '五、服务请求办理情况',
      '六、智库研究成果及建议落实',
      '七、阵地使用和研学线路参观',
      '八、结对走访和发现问题',
      '九、培树典型',
      '十、企业经营指标',
    ]);
    expect(headings(document, 'Heading2')).toEqual(
      expect.arrayContaining(['（一）成员构成', '（1）2026-10-15 第三季度联席会议', '（三）按承办部门']),
    );
    expect(headings(document, 'Title')).toEqual(['安海镇智能装备制造产业集群党建联盟工作台账']);
    expect(document.includes('会议听取了三季度工作汇报。')).toBe(true);
    expect(document.includes('研究人才公寓建设；议定意见：由财政所牵头，年底前完成选址')).toBe(true);

    const { dashboard, statistics } = await answers();
    const [summary, composition, roster, meetings, , overview, byCategory, byDepartment] = tablesOf(document);
    expect(Object.fromEntries(summary.slice(1))).toEqual({
      联盟: '安海镇智能装备制造产业集群党建联盟',
      起始日期: '2026-01-01',
      截止日期: '2026-12-31',
      成员单位总数: String(dashboard.members.total),
      党员人数: String(dashboard.members.partyMembers),
      期间新加入: String(dashboard.members.joinedInPeriod),
      '召开联席会议（次）': String(dashboard.meetings.held),
      出勤率: pct(dashboard.meetings.attendanceRate),
      '服务请求（件）': String(statistics.totals.submitted),
      '已办结（件）': String(statistics.totals.resolved),
      按时响应率: pct(statistics.totals.responseRate),
      按时办结率: pct(statistics.totals.onTimeRate),
      '满意度（5 分制）': plain(statistics.totals.satisfaction),
      议定事项在办: String(dashboard.actionItems.open),
      议定事项办结: String(dashboard.actionItems.done),
      议定事项逾期: String(dashboard.actionItems.overdue),
    });
    expect(dashboard.meetings.held).toBe(1);
    expect(
      composition
        .slice(1)
        .map((r) => Number(r[1]))
        .reduce((a, b) => a + b, 0),
    ).toBe(dashboard.members.total);
    expect(roster).toHaveLength(dashboard.members.total + 1);
    expect(meetings.slice(1)).toEqual([['2026-10-15 09:00', '第三季度联席会议', '镇政府三楼会议室', '林镇长', '2/3']]);
    expect(overview[1].slice(1)).toEqual([
      String(statistics.totals.submitted),
      String(statistics.totals.resolved),
      pct(statistics.totals.responseRate),
      pct(statistics.totals.onTimeRate),
      plain(statistics.totals.satisfaction),
    ]);
    expect(byCategory.slice(1).map((r) => [r[0], r[1]])).toEqual(
      statistics.byCategory.map((c: { name: string; submitted: number }) => [c.name, String(c.submitted)]),
    );
    expect(byDepartment.slice(1)).toEqual(
      statistics.byDepartment.map(
        (d: {
          rank: number;
          name: string;
          submitted: number;
          resolved: number;
          responseRate: number | null;
          onTimeRate: number | null;
          satisfaction: number | null;
        }) => [
          String(d.rank),
          d.name,
          String(d.submitted),
          String(d.resolved),
          pct(d.responseRate),
          pct(d.onTimeRate),
          plain(d.satisfaction),
        ],
      ),
    );
    expect(statistics.byDepartment.length).toBeGreaterThan(0);

    // The later chapters, against the owning features' own answers.
    const later = await laterAnswers();
    const tables = tablesOf(document);
    const [reports, carriedOut, venueUse, studyVisits, pairing, indicators] = tables.slice(-6);
    expect(reports.slice(1).filter((r) => r[0] === later.report.title)).toEqual([
      [
        later.report.title,
        '已采纳',
        String(later.report.recommendations.total),
        String(later.report.recommendations.done),
      ],
    ]);
    expect(later.report.recommendations).toEqual({ total: 2, done: 1 });
    expect(carriedOut.slice(1).filter((r) => r[0] === later.report.title)).toEqual([
      [later.report.title, '建设共享检测中心', '2026-09-30'],
    ]);
    expect(venueUse.slice(1).filter((r) => r[0] === '安海镇党群服务中心')).toEqual([
      ['安海镇党群服务中心', '1', '30', '3'],
    ]);
    expect(studyVisits.slice(1).filter((r) => r[0] === '晋工机械展厅')).toEqual([['晋工机械展厅', '1', '1', '18']]);
    type Visit = {
      visitedOn: string;
      organization: { name: string };
      official: { name: string };
      peopleMet: string;
      problems: { description: string }[];
    };
    const visits = (later.visits as Visit[]).filter((v) => v.visitedOn.startsWith('2026')).reverse();
    expect(pairing.slice(1).filter((r) => r[1] === '鸿安机械')).toEqual(
      visits.map((v) => [
        v.visitedOn,
        v.organization.name,
        v.official.name,
        v.peopleMet,
        v.problems.map((p, i) => `${i + 1}. ${p.description}`).join('；') || '—',
        '—',
      ]),
    );
    expect(visits.map((v) => v.peopleMet)).toContain('总经理');
    expect(headings(document, 'Heading2').filter((h) => h.endsWith(`）${later.typicalCase.title}`))).toHaveLength(1);
    expect(document.includes(later.typicalCase.summary)).toBe(true);
    expect(indicators.slice(1).filter((r) => r[0] === later.results.period)).toEqual(
      later.results.fields.map((f: { unit: string; reported: number; sum: number; avg: number }) => [
        later.results.period,
        '产值',
        f.unit,
        `${f.reported}/${later.results.expected}`,
        String(f.sum),
        String(f.avg),
        '—',
      ]),
    );
    expect(later.results.fields[0].sum).toBe(2000.5);

    // Listed for the alliance, and the same period and data give the same bytes, a day later too.
    const listed = await http.get(`/api/v1/alliances/${alliance}/ledgers`, { token: official });
    expect(listed.body.items.map((j: { id: string }) => j.id)).toContain(id);
    expect(listed.body.items[0]).toMatchObject({ kind: 'alliance-ledger', parameters: { format: 'docx' } });
    app.clock.set(shanghai('2026-11-26T10:00:00'));
    const again = await build({ period: '2026', format: 'docx' });
    expect(Buffer.compare(again.file.rawPayload, file.rawPayload)).toBe(0);
    app.clock.set(shanghai('2026-11-25T10:00:00'));
  });

  it('builds the same figures as .xlsx, one sheet per part', async () => {
    const { file } = await build({ from: '2026-01-01', to: '2027-01-01', format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      '概览',
      '成员名册',
      '联席会议',
      '会议出勤',
      '议定事项',
      '服务请求-类别',
      '服务请求-部门',
      '升级督办',
      '办结案例',
      '智库报告',
      '建议落实',
      '阵地使用',
      '研学参观',
      '结对走访',
      '培树典型',
      '企业指标',
    ]);
    const { dashboard, statistics } = await answers();
    const rows = (name: string) =>
      workbook
        .getWorksheet(name)!
        .getSheetValues()
        .slice(2)
        .map((r) => (r as unknown[]).slice(1));
    const summary = Object.fromEntries(rows('概览') as [string, string][]);
    expect(summary).toMatchObject({
      成员单位总数: String(dashboard.members.total),
      '召开联席会议（次）': String(dashboard.meetings.held),
      '服务请求（件）': String(statistics.totals.submitted),
      按时办结率: pct(statistics.totals.onTimeRate),
    });
    expect(rows('服务请求-部门').map((r) => r[1])).toEqual(
      statistics.byDepartment.map((d: { name: string }) => d.name),
    );
    expect(rows('成员名册')).toHaveLength(dashboard.members.total);
    expect(rows('会议出勤')).toEqual([
      ['2026-10-15 09:00', '第三季度联席会议', '兴翼机械', '出席'],
      ['2026-10-15 09:00', '第三季度联席会议', '晋工机械', '出席'],
      ['2026-10-15 09:00', '第三季度联席会议', '鸿安机械', '缺席'],
    ]);
    const later = await laterAnswers();
    expect(rows('智库报告').filter((r) => r[0] === later.report.title)).toEqual([
      [later.report.title, '已采纳', '2', '1'],
    ]);
    expect(rows('培树典型').filter((r) => r[0] === later.typicalCase.title)).toEqual([
      [later.typicalCase.title, '晋工机械', '已审核', later.typicalCase.summary],
    ]);
    expect(
      rows('企业指标')
        .filter((r) => r[0] === later.results.period)
        .map((r) => r[4]),
    ).toEqual(later.results.fields.map((f: { sum: number }) => String(f.sum)));
    expect(rows('阵地使用').filter((r) => r[0] === '安海镇党群服务中心')).toEqual([
      ['安海镇党群服务中心', '1', '30', '3'],
    ]);
  });

  const pdftotext = (() => {
    try {
      execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  (pdftotext ? it : it.skip)('builds the same chapters and figures as .pdf, read back with pdftotext', async () => {
    const { file } = await build({ period: '2026', format: 'pdf' });
    expect(file.headers['content-type']).toBe('application/pdf');
    const path = join(mkdtempSync(join(tmpdir(), 'ledger-pdf-')), 'ledger.pdf');
    writeFileSync(path, file.rawPayload);
    process.stdout.write(`ledger (.pdf): ${path}\n`);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    // Each line as its cells: pdftotext -layout parts the columns by two spaces or more.
    const lines = text.split('\n').map((line) => line.trim().split(/\s{2,}/));
    const starting = (first: string) => lines.filter((cells) => cells[0] === first);
    const chapters = [
      '一、总体情况',
      '二、联盟组织架构和成员名册',
      '三、联席会议',
      '四、议定事项落实情况',
      '五、服务请求办理情况',
      '六、智库研究成果及建议落实',
      '七、阵地使用和研学线路参观',
      '八、结对走访和发现问题',
      '九、培树典型',
      '十、企业经营指标',
    ];
    // Each chapter in the contents (with its page) and as a heading, in order.
    const headingLines = lines.filter((cells) => cells.length === 1 && chapters.includes(cells[0])).map((c) => c[0]);
    expect(headingLines).toEqual(chapters);
    for (const chapter of chapters) expect(text).toMatch(new RegExp(`${chapter} \\.+ \\d+`));
    // The cover's title runs over two lines.
    expect(text.replace(/\s+/g, '')).toContain('安海镇智能装备制造产业集群党建联盟工作台账');
    expect(text).toMatch(/—\s*1\s*—/);

    const { dashboard, statistics } = await answers();
    const value = (label: string) => starting(label)[0]?.[1];
    expect(value('成员单位总数')).toBe(String(dashboard.members.total));
    expect(value('党员人数')).toBe(String(dashboard.members.partyMembers));
    expect(value('召开联席会议（次）')).toBe(String(dashboard.meetings.held));
    expect(value('出勤率')).toBe(pct(dashboard.meetings.attendanceRate));
    expect(value('服务请求（件）')).toBe(String(statistics.totals.submitted));
    expect(value('已办结（件）')).toBe(String(statistics.totals.resolved));
    expect(value('按时办结率')).toBe(pct(statistics.totals.onTimeRate));
    expect(value('议定事项逾期')).toBe(String(dashboard.actionItems.overdue));
    // A table row is a line whose cells, spaced out, read as the API's figures.
    const rows = new Set(text.split('\n').map((line) => line.trim().replace(/\s+/g, ' ')));
    type Rates = {
      name: string;
      submitted: number;
      resolved: number;
      responseRate: number | null;
      onTimeRate: number | null;
      satisfaction: number | null;
    };
    const rates = (r: Rates) =>
      [String(r.submitted), String(r.resolved), pct(r.responseRate), pct(r.onTimeRate), plain(r.satisfaction)].join(
        ' ',
      );
    expect(statistics.byCategory.length).toBeGreaterThan(0);
    for (const c of statistics.byCategory as Rates[]) expect(rows).toContain(`${c.name} ${rates(c)}`);
    expect(statistics.byDepartment.length).toBeGreaterThan(0);
    for (const d of statistics.byDepartment as (Rates & { rank: number })[])
      expect(rows).toContain(`${d.rank} ${d.name} ${rates(d)}`);

    // The same period and data give the same bytes, a day later too.
    app.clock.set(shanghai('2026-11-26T10:00:00'));
    const again = await build({ period: '2026', format: 'pdf' });
    expect(Buffer.compare(again.file.rawPayload, file.rawPayload)).toBe(0);
    app.clock.set(shanghai('2026-11-25T10:00:00'));
  });

  it('is for officials of the township only, and refuses a bad period with its field', async () => {
    for (const email of ['xingyi@anhai.demo', 'dept@anhai.demo']) {
      const token = await http.token(email);
      expect(
        (await http.post(`/api/v1/alliances/${alliance}/ledgers`, { period: '2026', format: 'docx' }, { token }))
          .status,
      ).toBe(403);
      expect((await http.get(`/api/v1/alliances/${alliance}/ledgers`, { token })).status).toBe(403);
    }
    const other = await createOtherTenant(app.db.admin);
    const stranger = await http.token(other.email);
    expect(
      (
        await http.post(
          `/api/v1/alliances/${alliance}/ledgers`,
          { period: '2026', format: 'docx' },
          { token: stranger },
        )
      ).status,
    ).toBe(404);
    expect((await http.get(`/api/v1/alliances/${alliance}/ledgers`, { token: stranger })).status).toBe(404);
    const bad = await http.post(
      `/api/v1/alliances/${alliance}/ledgers`,
      { period: '2026-13', format: 'docx' },
      { token: official },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ field: 'period', reason: '格式不正确' }]);
    const reversed = await http.post(
      `/api/v1/alliances/${alliance}/ledgers`,
      { from: '2026-12-01', to: '2026-11-01', format: 'xlsx' },
      { token: official },
    );
    expect(reversed.body.details).toEqual([{ field: 'from', reason: '开始日期必须早于结束日期' }]);
    expect(
      (await http.post(`/api/v1/alliances/${alliance}/ledgers`, { period: '2026', format: 'odt' }, { token: official }))
        .status,
    ).toBe(400);
  });
});
