import type { Page } from 'playwright-core';
import { login, screenshotPath, startBrowserHarness, watchedPage, type BrowserHarness } from './support';

describe('the public showcase of an alliance (browser)', () => {
  let harness: BrowserHarness;
  let official: Page;
  let visitor: Page;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    official = await harness.newPage();
    visitor = await harness.newPage();
  });
  afterAll(() => harness?.close());

  it('lets an official find the public address, which anyone can open without signing in', async () => {
    await login(official, 'official@anhai.demo');
    await official.goto('/cases');
    const link = official.getByTestId('showcase-link');
    await link.waitFor();
    const address = new URL((await link.getAttribute('href'))!);
    expect(address.pathname).toMatch(/^\/showcase\/[A-Za-z0-9_-]{8,64}$/);

    await visitor.goto(address.pathname);
    await visitor.getByTestId('showcase-title').getByText('安海镇智能装备制造产业集群党建联盟').waitFor();
    await visitor.getByTestId('figure-members').getByText('25').waitFor();
    const cases = visitor.getByTestId('showcase-case');
    await cases.getByText('兴翼机械：党员攻关小组一年推出 3 款新产品').waitFor();
    await cases.getByText('鸿安机械：腾出闲置厂房共建集群党群活动中心').waitFor();
    expect(new URL(visitor.url()).pathname).toBe(address.pathname); // not sent to the login page
    const text = await visitor.locator('body').innerText();
    expect(text).not.toMatch(/@|1[3-9]\d{9}/);
    await visitor.screenshot({ path: screenshotPath('showcase'), fullPage: true, animations: 'disabled' });
  });

  it('shows the cases’ dates in Shanghai time as YYYY-MM-DD HH:mm, whatever the browser’s zone', async () => {
    const { context, page, errors } = await watchedPage(harness, { timezoneId: 'America/Los_Angeles' });
    try {
      await login(page, 'official@anhai.demo');
      await page.goto('/cases');
      const cells = page.getByTestId('cases-table').locator('tbody tr.ant-table-row td:last-child');
      await cells.first().waitFor();
      const dates = await cells.allInnerTexts();
      expect(dates.length).toBeGreaterThan(0);
      for (const date of dates) expect(date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows an official the listings with matches, the calls, the cases and the indicator results with year on year', async () => {
    await official.goto('/resources');
    await official.getByTestId('listings-table').getByText('寻求伺服控制系统联合攻关').click();
    await official.getByTestId('listing-matches').getByText('伺服调试技术支持', { exact: false }).waitFor();
    await official.goto('/project-calls');
    await official
      .getByTestId('project-calls')
      .getByText(/^\d{4} 年度泉州市智能制造专项资金申报$/)
      .waitFor();
    await official.goto('/indicators');
    await official.getByTestId('indicator-rounds').getByRole('link', { name: '2026', exact: true }).click();
    const results = official.getByTestId('indicator-results');
    await results.getByText('产值（万元）').waitFor();
    await results.getByText('362100').waitFor(); // 318000 + 18900 + 25200 submitted; the draft does not count
    await results.getByText('+7.2%').waitFor(); // against 286000 + 15600 + 23800 + 12400 in 2025
    await official.screenshot({ path: screenshotPath('indicator-results'), fullPage: true, animations: 'disabled' });
  });

  it('lets an official move a round’s deadline, which opens a closed round again', async () => {
    await official.goto('/indicators');
    await official.getByTestId('indicator-rounds').getByRole('link', { name: '2025', exact: true }).click();
    const before = await official.getByTestId('round-deadline').innerText();
    const { rows } = await harness.app.db.admin.query(`SELECT to_char(current_date + 30, 'YYYY-MM-DD') AS day`);
    const later: string = rows[0].day;
    expect(before).not.toBe(later);
    await official.getByTestId('round-reschedule').click();
    const input = official.getByTestId('round-deadline-input');
    await input.click();
    await input.fill(later);
    await input.press('Enter');
    await official.getByTestId('round-reschedule-ok').click();
    await official.getByTestId('round-deadline').getByText(later).waitFor();
    const { rows: stored } = await harness.app.db.admin.query(
      `SELECT to_char(deadline, 'YYYY-MM-DD') AS deadline, status FROM indicator_rounds WHERE period = '2025'`,
    );
    expect(stored).toEqual([{ deadline: later, status: 'open' }]);
  });

  it('says the page does not exist for an unknown address', async () => {
    await visitor.goto('/showcase/no-such-showcase-here');
    await visitor.getByTestId('showcase-not-found').getByText('展示页不存在或未开放').waitFor();
    expect(harness.pageErrors).toEqual([]);
  });
});
