import type { Page } from 'playwright-core';
import { waitFor } from '../support/wait-for';
import { datesAndTimesIn, englishIn, foreignDatesIn, rawKeysIn, sameDatesAndTimes, visibleText } from './page-text';
import { fitProblems, measureTables, trackApi } from './page-walk';
import { clickNav, login, screenshotPath, startBrowserHarness, watchedPage, type BrowserHarness } from './support';

/**
 * Every role's side menu, entry by entry, at 1440×900 on the year of demo history: each page loads
 * without a refused or failed API call (the menu shows a role only what it may use), without
 * console errors, names itself in the browser tab, shows no raw i18n keys or type ids and no
 * untranslated English in zh-CN, no table wider than the content area, and its dates in the
 * township's zone and format: the same dates and times as in a browser set to Los Angeles, none in
 * the browser's own formats. A screenshot of each page is kept.
 */
const ROLES = [
  { role: 'township_admin', email: 'official@anhai.demo' },
  { role: 'department_staff', email: 'dept@anhai.demo' },
  { role: 'enterprise_contact', email: 'jingong@anhai.demo' },
  { role: 'expert', email: 'expert@anhai.demo' },
  { role: 'platform_admin', email: 'platform@lianmeng.demo' },
] as const;

/** Waits until the tab carries `expected` (a loaded machine renders a new page a moment after its URL). */
async function titleIs(page: Page, expected: string): Promise<string> {
  return waitFor(
    () => page.title(),
    (title) => title === expected,
    10_000,
  ).catch(() => page.title());
}

describe('navigation (browser)', () => {
  let harness: BrowserHarness;
  /** Townships' short ids (`anhai`): the platform admin's tenant list shows them as they are. */
  let slugs: string[];

  beforeAll(async () => {
    harness = await startBrowserHarness({ history: true });
    slugs = (await harness.app.db.admin.query(`SELECT slug FROM tenants`)).rows.map(
      (row: { slug: string }) => row.slug,
    );
  });
  afterAll(() => harness?.close());

  it.each(ROLES)(
    '$role: every menu entry opens without a refused call, names the tab, and shows no raw keys, English, clipped tables or foreign dates',
    async ({ role, email }) => {
      const page = await harness.newPage();
      await page.setViewportSize({ width: 1440, height: 900 });
      const api = trackApi(page);
      await login(page, email);
      await api.settled();
      // The same person in a browser far from the township: every date must read as in Anhai.
      const abroad = await watchedPage(harness, {
        timezoneId: 'America/Los_Angeles',
        viewport: { width: 1440, height: 900 },
      });
      const abroadApi = trackApi(abroad.page);
      await login(abroad.page, email);
      await abroadApi.settled();

      // The menu as drawn: its entries, and the paths its closed groups hold.
      const drawn = await page
        .getByTestId('main-nav')
        .locator('[data-testid^="nav-"]')
        .evaluateAll((nodes) =>
          nodes.map(
            (node) => node.getAttribute('data-paths') ?? `/${node.getAttribute('data-testid')!.slice('nav-'.length)}`,
          ),
        );
      const paths = [...new Set(drawn.flatMap((entry) => entry.split(' ')))].map((path) => path.slice(1));
      expect(paths.length).toBeGreaterThan(2);

      const problems: string[] = [];
      let dates = 0;
      for (const path of paths) {
        const refusedBefore = api.refused.length;
        const errorsBefore = api.consoleErrors.length;
        await clickNav(page, path);
        await page.waitForURL((url) => url.pathname === `/${path}`);
        await api.settled();
        const label = (await page.getByTestId(`nav-${path}`).innerText()).trim();
        // The new page has rendered once the tab carries its name (a loaded machine renders late).
        const title = await titleIs(page, `${label} · 联盟`);
        if (title !== `${label} · 联盟`) problems.push(`/${path}: tab title "${title}"`);
        await api.settled();
        for (const call of api.refused.slice(refusedBefore)) problems.push(`/${path}: ${call}`);
        for (const error of api.consoleErrors.slice(errorsBefore)) problems.push(`/${path}: console error ${error}`);
        const text = await visibleText(page);
        for (const key of rawKeysIn(text)) problems.push(`/${path}: raw key ${key}`);
        for (const word of englishIn(text).filter((word) => !slugs.includes(word)))
          problems.push(`/${path}: English "${word}"`);
        for (const date of foreignDatesIn(text)) problems.push(`/${path}: date "${date}" not in the township's format`);
        problems.push(...fitProblems(`/${path}`, await measureTables(page)));
        await page.screenshot({
          path: screenshotPath(`page-${role}-${path.replaceAll('/', '-')}`),
          animations: 'disabled',
        });

        await abroad.page.goto(`/${path}`);
        await abroad.page.locator('.app-content').waitFor();
        await abroadApi.settled();
        // A loaded machine draws a page late: the same dates within ten seconds (read again on both sides), or a problem.
        let here = datesAndTimesIn(text);
        const abroadDates = async () => datesAndTimesIn(await visibleText(abroad.page));
        const there = await waitFor(abroadDates, (shown) => sameDatesAndTimes(here, shown), 10_000).catch(abroadDates);
        if (!sameDatesAndTimes(here, there)) here = datesAndTimesIn(await visibleText(page));
        dates += here.length;
        if (!sameDatesAndTimes(here, there))
          problems.push(
            `/${path}: in Los Angeles the page shows ${there.join(' ') || 'no dates'}, in Anhai ${here.join(' ') || 'no dates'}`,
          );
      }
      await abroad.context.close();
      expect(problems).toEqual([]);
      expect(abroad.errors).toEqual([]);
      expect(harness.pageErrors).toEqual([]);
      // The pages did show dates (a comparison of nothing passes too).
      if (role !== 'platform_admin') expect(dates).toBeGreaterThan(0);
    },
    600_000,
  );

  it('offers 待办服务 only to an enterprise that serves requests, on the side menu and on a phone', async () => {
    const { rows } = await harness.app.db.admin.query<{ email: string }>(
      `SELECT u.email FROM users u
        WHERE u.email IN ('xingyi@anhai.demo', 'jingong@anhai.demo')
          AND (EXISTS (SELECT 1 FROM service_categories c WHERE c.provider_organization_id = u.organization_id AND c.active)
            OR EXISTS (SELECT 1 FROM routing_rules r WHERE r.target_organization_id = u.organization_id AND r.active)
            OR EXISTS (SELECT 1 FROM service_requests s WHERE s.assigned_organization_id = u.organization_id))`,
    );
    const serving = rows.map((row) => row.email);
    // The demo's 兴翼机械 orders services and serves none.
    expect(serving).not.toContain('xingyi@anhai.demo');
    for (const email of ['xingyi@anhai.demo', 'jingong@anhai.demo']) {
      const page = await harness.newPage();
      const api = trackApi(page);
      await login(page, email);
      await page.getByTestId('nav-service-requests').waitFor();
      await api.settled();
      expect({ email, inbox: await page.getByTestId('nav-service-inbox').count() }).toEqual({
        email,
        inbox: serving.includes(email) ? 1 : 0,
      });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByTestId('tab-me').click();
      const drawer = page.getByTestId('me-drawer');
      await drawer.getByTestId('more-notifications').waitFor();
      expect({ email, inbox: await drawer.getByTestId('more-service-inbox').count() }).toEqual({
        email,
        inbox: serving.includes(email) ? 1 : 0,
      });
      await page.context().close();
    }
  });

  it("groups the official's menu, remembers open groups and the folded menu, and names the tab in the chosen language", async () => {
    const page = await harness.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, 'official@anhai.demo');
    await page.waitForURL('**/home');
    const nav = page.getByTestId('main-nav');

    // The workbench and the dashboard first, then the seven groups, all closed on a first visit.
    const topLevel = await nav
      .locator(
        'ul.ant-menu-root > li > .ant-menu-title-content > span, ul.ant-menu-root > li > .ant-menu-submenu-title > span[data-testid]',
      )
      .allTextContents();
    expect(topLevel).toEqual([
      '工作台',
      '联盟驾驶舱',
      '联盟与成员',
      '企业服务',
      '会议与事项',
      '智库',
      '阵地与研学',
      '资源与典型',
      '系统',
    ]);
    expect(await page.getByTestId('nav-supervision').count()).toBe(0);
    expect(await titleIs(page, '工作台 · 联盟')).toBe('工作台 · 联盟');
    await page.screenshot({ path: screenshotPath('navigation-official-closed'), animations: 'disabled' });

    // Opening two groups; a page of another group opens its group too.
    await page.getByTestId('nav-group-services').click();
    await page.getByTestId('nav-supervision').waitFor();
    await page.getByTestId('nav-group-thinkTank').click();
    await clickNav(page, 'venue-admin');
    await page.waitForURL('**/venue-admin');
    expect(await titleIs(page, '场地管理 · 联盟')).toBe('场地管理 · 联盟');
    await page.screenshot({ path: screenshotPath('navigation-official-open'), animations: 'disabled' });

    // Kept over a reload; a group closed stays closed.
    await page.getByTestId('nav-group-thinkTank').click();
    await page.getByTestId('nav-think-tank/library').waitFor({ state: 'hidden' });
    await page.reload();
    await page.getByTestId('nav-supervision').waitFor();
    await page.getByTestId('nav-venue-admin').waitFor();
    expect(await page.getByTestId('nav-think-tank/library').isVisible()).toBe(false);
    expect(await page.getByTestId('nav-alliances').isVisible()).toBe(false);

    // A detail page takes its list's entry: the entry is highlighted and names the tab.
    const [organization] = (await harness.app.db.admin.query(`SELECT id FROM organizations WHERE name = '晋工机械'`))
      .rows;
    await page.goto(`/organizations/${organization.id}/edit`);
    await page.locator('.ant-menu-item-selected').getByTestId('nav-organizations').waitFor();
    expect(await titleIs(page, '成员单位 · 联盟')).toBe('成员单位 · 联盟');

    // The language switch renames the tab.
    await page.getByTestId('language-switch').getByText('English', { exact: true }).click();
    expect(await titleIs(page, 'Organizations · Lianmeng')).toBe('Organizations · Lianmeng');
    await page.getByTestId('language-switch').getByText('中文', { exact: true }).click();
    expect(await titleIs(page, '成员单位 · 联盟')).toBe('成员单位 · 联盟');

    // Folded to icons, and still folded after a reload.
    await page.locator('.app-sider .ant-layout-sider-trigger').click();
    await page.locator('.app-sider.ant-layout-sider-collapsed').waitFor();
    await page.reload();
    await page.getByTestId('user-name').waitFor();
    await page.locator('.app-sider.ant-layout-sider-collapsed').waitFor();
    expect((await nav.boundingBox())!.width).toBeLessThanOrEqual(64);
    await page.screenshot({ path: screenshotPath('navigation-official-folded'), animations: 'disabled' });
    await page.locator('.app-sider .ant-layout-sider-trigger').click();
    await page.locator('.app-sider:not(.ant-layout-sider-collapsed)').waitFor();
  });

  it('shows the first-run tour once per person: four steps, dismissed, not shown again', async () => {
    const page = await harness.newPage({ firstRun: true });
    await login(page, 'dept@anhai.demo');
    const tour = page.locator('.ant-tour.first-run-tour');
    await tour.getByText('功能菜单').waitFor();
    await page.screenshot({ path: screenshotPath('tour-first-step'), animations: 'disabled' });
    // Four steps: the menu, the workbench, the bell, the person's own menu.
    for (const title of ['工作台', '通知', '个人菜单']) {
      await tour.getByRole('button', { name: '下一步' }).click();
      await tour.getByText(title, { exact: true }).waitFor();
    }
    await tour.getByRole('button', { name: '结束导览' }).click();
    await tour.waitFor({ state: 'hidden' });
    // The page is usable, and the tour stays away after a reload and after signing in again.
    await clickNav(page, 'meetings');
    await page.waitForURL('**/meetings');
    await page.reload();
    await page.getByTestId('user-name').waitFor();
    await page.waitForTimeout(1_000);
    expect(await tour.isVisible()).toBe(false);

    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    // Another person on the same browser gets their own tour; closing it with × counts as seen.
    await login(page, 'jingong@anhai.demo');
    await tour.getByText('功能菜单').waitFor();
    await tour.locator('.ant-tour-close').click();
    await tour.waitFor({ state: 'hidden' });
    await page.reload();
    await page.getByTestId('user-name').waitFor();
    await page.waitForTimeout(1_000);
    expect(await tour.isVisible()).toBe(false);
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('lianmeng.tour.')).length),
    ).toBe(2);
  });

  it('shows the tour on a phone about the bottom tab bar: three steps, pointing at what is on the screen', async () => {
    const page = await harness.newPage({ firstRun: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await login(page, 'xingyi@anhai.demo');
    const tour = page.locator('.ant-tour.first-run-tour');
    await tour.getByText('底部是常用功能', { exact: false }).waitFor();
    for (const title of ['工作台', '通知']) {
      await tour.getByRole('button', { name: '下一步' }).click();
      await tour.getByText(title, { exact: true }).waitFor();
    }
    await tour.getByRole('button', { name: '结束导览' }).click();
    await tour.waitFor({ state: 'hidden' });
    await page.context().close();
  });
});
