import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { idOf } from '../support/tenants';
import { login, pickOption, startBrowserHarness, type BrowserHarness, screenshotPath, clickNav } from './support';

const ALLIANCE = '安海镇智能装备制造产业集群党建联盟';
const CHARTS = [
  'membersByRole',
  'membersByChain',
  'requestsByStatus',
  'meetingsMonthly',
  'requestsMonthly',
  'departmentRanking',
  'indicatorTrends',
  'indicatorQuarterly',
];

/** The figures as the API gives them to the signed-in user, over real HTTP with the page's own token. */
async function dashboardFromApi(harness: BrowserHarness, page: Page, allianceId: string) {
  const tokens = await page.evaluate(() =>
    (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem(
      'lianmeng.tokens',
    ),
  );
  const { accessToken } = JSON.parse(tokens ?? '{}') as { accessToken?: string };
  expect(accessToken).toBeTruthy();
  const response = await fetch(`${harness.baseUrl}/api/v1/alliances/${allianceId}/dashboard`, {
    headers: { authorization: `Bearer ${accessToken}`, 'accept-language': 'zh-CN' },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    alliance: { id: string; name: string };
    members: { total: number; partyMembers: number };
    meetings: { held: number };
    serviceRequests: { totals: { submitted: number }; departmentRanking: { rank: number; name: string }[] };
  };
}

/** The value shown on a key-figure tile. */
async function tileValue(page: Page, key: string): Promise<string> {
  const value = page.locator(`[data-testid="dash-figure-${key}"] .ant-statistic-content-value`);
  await value.waitFor();
  return (await value.textContent())?.trim() ?? '';
}

const zhNumber = (value: number) => new Intl.NumberFormat('zh-CN').format(value);

describe('the alliance dashboard (browser)', () => {
  let harness: BrowserHarness;
  let official: Page;
  let allianceId: string;
  let api: Awaited<ReturnType<typeof dashboardFromApi>>;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    allianceId = await idOf(harness.app.db.admin, 'alliances', ALLIANCE);
    // Two quarterly rounds, opened out of order (the seed has yearly ones only).
    const db = harness.app.db.admin;
    const {
      rows: [opener],
    } = await db.query(`SELECT tenant_id, id FROM users WHERE email = 'official@anhai.demo'`);
    // One member has filled in the first: rounds nobody filled in show an explanation instead of a chart.
    const {
      rows: [member],
    } = await db.query(
      `SELECT organization_id FROM alliance_memberships WHERE alliance_id = $1 AND left_on IS NULL AND role IN ('lead', 'member') ORDER BY organization_id LIMIT 1`,
      [allianceId],
    );
    for (const [period, quarter] of [
      ['2026-Q2', 2],
      ['2026-Q1', 1],
    ] as const) {
      const {
        rows: [round],
      } = await db.query(
        `INSERT INTO indicator_rounds (tenant_id, alliance_id, period, year, quarter, deadline, fields, status, created_by_id)
         VALUES ($1, $2, $3, 2026, $4, '2026-12-31', $5, 'open', $6) RETURNING id`,
        [
          opener.tenant_id,
          allianceId,
          period,
          quarter,
          JSON.stringify([{ key: 'output_value', type: 'decimal', unit: '万元', min: 0, required: true }]),
          opener.id,
        ],
      );
      if (quarter === 1) {
        await db.query(
          `INSERT INTO indicator_submissions (tenant_id, round_id, organization_id, values, status, submitted_at, submitted_by_id)
           VALUES ($1, $2, $3, '{"output_value": 1200}', 'submitted', now(), $4)`,
          [opener.tenant_id, round.id, member.organization_id, opener.id],
        );
      }
    }
    official = await harness.newPage();
    await login(official, 'official@anhai.demo');
  });
  afterAll(() => harness?.close());

  it('shows the official the seeded alliance’s figures and charts', async () => {
    await clickNav(official, 'dashboard');
    await official.waitForURL('**/dashboard**');
    await pickOption(official, official.getByTestId('dash-alliance'), ALLIANCE);
    // The content is that of the picked alliance (not a previous one kept while loading).
    await official.locator(`[data-testid="dash-content"][data-alliance="${allianceId}"]`).waitFor({ timeout: 20_000 });

    api = await dashboardFromApi(harness, official, allianceId);
    expect(api.alliance.name).toBe(ALLIANCE);
    expect(api.members.total).toBeGreaterThan(0);
    expect(await tileValue(official, 'members')).toBe(zhNumber(api.members.total));
    expect(await tileValue(official, 'partyMembers')).toBe(zhNumber(api.members.partyMembers));
    expect(await tileValue(official, 'meetingsHeld')).toBe(zhNumber(api.meetings.held));
    expect(await tileValue(official, 'requests')).toBe(zhNumber(api.serviceRequests.totals.submitted));
    await official.getByTestId('dash-figure-onTimeRate').getByText('按时办结率').waitFor();

    // Every card has drawn its chart, or says why it has nothing to draw (the base demo has held no meeting yet).
    for (const chart of CHARTS)
      await official
        .locator(`[data-testid="dash-card-${chart}"] :is(canvas, [data-testid="dash-empty-${chart}"])`)
        .first()
        .waitFor();
    const meetings = official.getByTestId('dash-card-meetingsMonthly');
    if (api.meetings.held === 0)
      expect(await meetings.getByTestId('dash-empty-meetingsMonthly').textContent()).toBe('本期暂无已召开的会议');
    else expect(await meetings.locator('canvas').count()).toBeGreaterThan(0);
    // The ranking's table beside its bars lists the departments in the API's order, first place first.
    const ranking = api.serviceRequests.departmentRanking;
    expect(ranking.length).toBeGreaterThan(0);
    const rows = official.getByTestId('dash-ranking').locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(ranking.length);
    for (const [i, department] of ranking.entries()) {
      expect((await rows.nth(i).locator('td').allTextContents()).slice(0, 2)).toEqual([
        String(department.rank),
        department.name,
      ]);
    }
    // The quarterly rounds have their own chart, labelled by quarter in period order.
    expect(await official.getByTestId('dash-chart-indicatorQuarterly').getAttribute('data-categories')).toBe(
      '2026年第1季度|2026年第2季度',
    );
    await official.screenshot({ path: screenshotPath('dashboard'), fullPage: true, animations: 'disabled' });
  });

  it('exports it to .xlsx in the worker, shows the progress and offers the file', async () => {
    await official.getByTestId('dash-export-xlsx').click();
    const progress = official.locator('[data-testid="dash-export-progress"][data-format="xlsx"]');
    await progress.waitFor({ timeout: 60_000 });
    // The worker writes it; the page follows the job until it has.
    await official
      .locator('[data-testid="dash-export-progress"][data-format="xlsx"][data-status="succeeded"]')
      .waitFor({ timeout: 60_000 });
    const downloadButton = official.getByTestId('dash-export-download');
    await downloadButton.waitFor();

    const [download] = await Promise.all([
      official.waitForEvent('download', { timeout: 30_000 }),
      downloadButton.click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();
    // An .xlsx is a zip: it starts with "PK".
    expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('opens the wall display without the app shell, with the same figures, refreshed by itself', async () => {
    await official.getByTestId('dash-wall-link').click();
    await official.waitForURL(`**/dashboard/${allianceId}/wall**`);
    const wall = official.getByTestId('dash-wall');
    await wall.waitFor();
    await official.locator(`[data-testid="dash-content"][data-alliance="${allianceId}"]`).waitFor({ timeout: 20_000 });
    expect(await official.getByTestId('main-nav').count()).toBe(0);
    expect(await official.getByTestId('dash-wall-title').textContent()).toBe(ALLIANCE);
    expect(await tileValue(official, 'members')).toBe(zhNumber(api.members.total));
    // The wall's ranking is a list of whole names; the other cards are charts or say why they have none.
    for (const chart of CHARTS) {
      await wall
        .locator(
          `[data-testid="dash-card-${chart}"] :is(canvas, [data-testid="dash-empty-${chart}"], [data-testid="dash-wall-ranking-row"])`,
        )
        .first()
        .waitFor();
    }
    await official.getByTestId('dash-wall-fullscreen').waitFor();
    await official.screenshot({ path: screenshotPath('dashboard-wall'), animations: 'disabled' });

    // Playwright's clock, installed before the page loads again, lets the test jump past the minute between refreshes.
    await official.clock.install();
    await official.reload();
    await official.locator(`[data-testid="dash-content"][data-alliance="${allianceId}"]`).waitFor({ timeout: 20_000 });
    const refreshed = official.waitForResponse(
      (response) =>
        response.url().includes(`/api/v1/alliances/${allianceId}/dashboard`) && response.request().method() === 'GET',
      { timeout: 20_000 },
    );
    await official.clock.fastForward(61_000);
    expect((await refreshed).status()).toBe(200);

    // Back to the page in the shell.
    await official.getByTestId('dash-wall-exit').click();
    await official.waitForURL(`**/dashboard?allianceId=${allianceId}**`);
    await official.getByTestId('main-nav').waitFor();
  });

  it('keeps the exports for officials: a department sees the dashboard without them', async () => {
    const { rows } = await harness.app.db.admin.query(
      `SELECT u.email FROM users u JOIN organizations o ON o.id = u.organization_id
        JOIN alliance_memberships m ON m.organization_id = o.id
        WHERE u.role = 'department_staff' AND u.status = 'active' AND m.alliance_id = $1 AND m.left_on IS NULL ORDER BY u.email LIMIT 1`,
      [allianceId],
    );
    expect(rows).toHaveLength(1);
    const department = await harness.newPage();
    await login(department, rows[0].email);
    await department.goto(`/dashboard?allianceId=${allianceId}`);
    await department
      .locator(`[data-testid="dash-content"][data-alliance="${allianceId}"]`)
      .waitFor({ timeout: 20_000 });
    expect(await tileValue(department, 'members')).toBe(zhNumber(api.members.total));
    expect(await department.getByTestId('dash-export-xlsx').count()).toBe(0);
    expect(harness.pageErrors).toEqual([]);
  });
});
