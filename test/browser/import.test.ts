import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { login, startBrowserHarness, type BrowserHarness, screenshotPath, clickNav } from './support';

const ALLIANCE = '安海镇智能装备制造产业集群党建联盟';
const GOOD = { name: '新华精密', code: '91350582MA2XNH0101' };
const BAD = '坏数据公司';

// Row 1 is the header, so the good row is sheet row 2 and the bad one row 3.
const CSV = [
  '企业名称,统一社会信用代码,产业链位置,党组织类型,党员人数',
  `${GOOD.name},${GOOD.code},上游,党支部,6`,
  `${BAD},BADCODE,左游,党支部,3`,
  '',
].join('\r\n');

describe('member import (browser)', () => {
  let harness: BrowserHarness;
  let page: Page;
  let dir: string;
  let csvPath: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lianmeng-import-'));
    csvPath = join(dir, '成员导入.csv');
    await writeFile(csvPath, CSV, 'utf8');
    harness = await startBrowserHarness();
    page = await harness.newPage();
    await login(page, 'official@anhai.demo');
  });
  afterAll(async () => {
    await harness?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports a CSV from the alliance page: the good row is accepted, the bad row refused with reasons', async () => {
    await clickNav(page, 'alliances');
    await page.getByTestId('alliances-table').getByRole('link', { name: ALLIANCE }).click();
    await page.getByRole('heading', { name: ALLIANCE }).waitFor();
    await page.getByRole('link', { name: '导入导出' }).click();
    await page.waitForURL(/\/imports\?allianceId=[0-9a-f-]{36}$/);
    await page.getByTestId('import-alliance').getByText(ALLIANCE).waitFor();

    await page.locator('[data-testid=import-upload] input[type=file]').setInputFiles(csvPath);

    const progress = page.locator('[data-testid=import-progress][data-status=succeeded]');
    await progress.waitFor({ timeout: 30_000 });
    await progress.getByText('100%').waitFor();
    await progress.getByText('已完成').waitFor();
    await progress.getByText('已处理 2/2 行').waitFor();

    const summary = page.getByTestId('import-summary');
    await summary.getByText('成功导入').waitFor();
    // Imported rows, refused rows.
    expect(await summary.locator('.ant-statistic-content-value').allInnerTexts()).toEqual(['1', '1']);

    const refused = page.getByTestId('import-refused').locator('tbody tr.ant-table-row');
    await refused.first().waitFor();
    const rows = await refused.evaluateAll((trs) =>
      trs.map((tr) =>
        Array.from(
          (tr as unknown as { cells: ArrayLike<{ textContent: string | null }> }).cells,
          (td) => td.textContent ?? '',
        ),
      ),
    );
    // Transitions (the table's loading veil fading out) are finished, not caught half way.
    await page.screenshot({ path: screenshotPath('import'), fullPage: true, animations: 'disabled' });
    // Both refusals are on the bad row (3), each naming the column as the sheet's header does, with its reason.
    expect(rows).toHaveLength(2);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['3', '产业链位置', expect.stringMatching(/^取值必须是：上游.*中游.*下游$/)],
        ['3', '统一社会信用代码', '必须是 18 位统一社会信用代码'],
      ]),
    );
  });

  it('stored the good enterprise as a member of the alliance and nothing of the bad one', async () => {
    const { rows } = await harness.app.db.admin.query(
      `SELECT o.unified_code, o.chain_position, p.type, p.member_count, m.role, m.left_on, a.name AS alliance
         FROM organizations o
         LEFT JOIN party_organizations p ON p.organization_id = o.id
         LEFT JOIN alliance_memberships m ON m.organization_id = o.id
         LEFT JOIN alliances a ON a.id = m.alliance_id
        WHERE o.name = $1`,
      [GOOD.name],
    );
    expect(rows).toEqual([
      {
        unified_code: GOOD.code,
        chain_position: 'upstream',
        type: 'branch',
        member_count: 6,
        role: 'member',
        left_on: null,
        alliance: ALLIANCE,
      },
    ]);
    const bad = await harness.app.db.admin.query(
      `SELECT id FROM organizations WHERE name = $1 OR unified_code = 'BADCODE'`,
      [BAD],
    );
    expect(bad.rows).toEqual([]);
    const job = await harness.app.db.admin.query(
      `SELECT status, progress, accepted_rows, file_name FROM transfer_jobs`,
    );
    expect(job.rows).toEqual([{ status: 'succeeded', progress: 100, accepted_rows: 1, file_name: '成员导入.csv' }]);
  });

  it('shows the imported enterprise in the members table and the finished job among the recent jobs', async () => {
    await page
      .getByTestId('recent-jobs')
      .getByRole('row')
      .filter({ hasText: '成员导入.csv' })
      .getByText('已完成')
      .waitFor();

    await clickNav(page, 'alliances');
    await page.getByTestId('alliances-table').getByRole('link', { name: ALLIANCE }).click();
    await page.getByTestId('members-tab-member').click();
    const row = page.getByTestId('members-table-member').getByRole('row').filter({ hasText: GOOD.name });
    await row.getByText('上游').waitFor();
    await row.getByText('党支部').waitFor();
    expect(await page.getByTestId('members-table-member').getByText(BAD).count()).toBe(0);
  });

  it('threw no uncaught errors in the page', () => {
    expect(harness.pageErrors).toEqual([]);
  });
});
