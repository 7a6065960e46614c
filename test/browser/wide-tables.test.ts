import type { Page } from 'playwright-core';
import { fitProblems, measureTables, trackApi, type ApiTracker, type Fit } from './page-walk';
import { login, screenshotPath, startBrowserHarness, type BrowserHarness } from './support';

/**
 * Lists choose their columns for the screen they are on: at 1440×900 and 1280×800, on every page
 * of the official's menu (and the department's and enterprise's request lists), no table's last
 * column runs past the visible content area and the page never scrolls sideways. And an empty list
 * says what the page is for and what to do first, not antd's bare "暂无数据".
 */
const SCREENS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
];

/** Request lists of other roles that the official's menu does not hold (待办服务 is the department's). */
const OTHER_LISTS = [
  { email: 'dept@anhai.demo', paths: ['/service-inbox?tab=all'] },
  { email: 'jingong@anhai.demo', paths: ['/service-requests', '/service-inbox?tab=all'] },
];

describe('wide tables and empty lists (browser)', () => {
  let harness: BrowserHarness;

  beforeAll(async () => {
    // The year of history: full lists, long names, a supervision board with several late requests.
    harness = await startBrowserHarness({ history: true });
  });
  afterAll(() => harness?.close());

  const signIn = async (email: string, screen: { width: number; height: number }) => {
    const page = await harness.newPage();
    await page.setViewportSize(screen);
    const api = trackApi(page);
    await login(page, email);
    await api.settled();
    return { page, api };
  };

  const check = async (page: Page, api: ApiTracker, path: string, problems: string[]): Promise<Fit> => {
    await page.goto(path);
    await page.locator('.app-content').waitFor();
    await api.settled();
    const fit = await measureTables(page);
    problems.push(...fitProblems(path, fit));
    return fit;
  };

  it.each(SCREENS)(
    'at $width×$height no table of the official’s menu, nor a request list, is cut off',
    async (screen) => {
      const { page, api } = await signIn('official@anhai.demo', screen);
      // Every entry of the menu as drawn, closed groups included (their titles list the paths they hold).
      const drawn = await page
        .getByTestId('main-nav')
        .locator('[data-testid^="nav-"]')
        .evaluateAll((nodes) =>
          nodes.map(
            (node) => node.getAttribute('data-paths') ?? `/${node.getAttribute('data-testid')!.slice('nav-'.length)}`,
          ),
        );
      const paths = [...new Set(drawn.flatMap((entry) => entry.split(' ')))];
      expect(paths).toEqual(expect.arrayContaining(['/supervision', '/organizations', '/service-requests']));

      const problems: string[] = [];
      let tables = 0;
      for (const path of paths) tables += (await check(page, api, path, problems)).tables;
      if (screen.width === 1440) {
        for (const [path, name] of [
          ['/supervision', 'supervision'],
          ['/organizations', 'organizations'],
        ]) {
          await page.goto(path);
          await api.settled();
          await page.screenshot({ path: screenshotPath(`wide-tables-${name}-1440`), animations: 'disabled' });
        }
      }
      await page.context().close();

      for (const { email, paths: lists } of OTHER_LISTS) {
        const other = await signIn(email, screen);
        for (const path of lists) tables += (await check(other.page, other.api, path, problems)).tables;
        await other.page.context().close();
      }
      expect(problems).toEqual([]);
      // The pages did draw their tables (a check of nothing passes too).
      expect(tables).toBeGreaterThan(20);
      // About thirty pages, each loaded afresh: a loaded CI machine has needed more than the default five minutes.
    },
    600_000,
  );

  it('shows what a list is for when it is empty, with the first step where the person can act', async () => {
    const { admin } = harness.app.db;
    // An enterprise contact and a request status its organisation has no request in: a filter that matches nothing.
    const statuses = ['submitted', 'routed', 'accepted', 'in_progress', 'returned', 'resolved', 'closed', 'rejected'];
    const { rows: asked } = await admin.query<{ email: string; statuses: string[] }>(
      `SELECT u.email, array_remove(array_agg(DISTINCT r.status::text), NULL) AS statuses
         FROM users u LEFT JOIN service_requests r ON r.requester_organization_id = u.organization_id
        WHERE u.role = 'enterprise_contact' AND u.status = 'active' AND u.email LIKE '%@anhai.demo'
        GROUP BY u.email HAVING count(r.id) > 0 ORDER BY u.email`,
    );
    const filtered = asked
      .map(({ email, statuses: used }) => ({ email, status: statuses.find((status) => !used.includes(status)) }))
      .find((row) => row.status);
    // A tab of the department's inbox with nothing in it.
    const { rows: routed } = await admin.query<{ status: string }>(
      `SELECT DISTINCT r.status::text AS status FROM service_requests r JOIN users u ON u.organization_id = r.assigned_organization_id WHERE u.email = 'dept@anhai.demo'`,
    );
    const emptyTab = ['routed', 'accepted', 'in_progress', 'returned'].find(
      (tab) => !routed.some((row) => row.status === tab),
    );
    expect(filtered).toBeDefined();
    expect(emptyTab).toBeDefined();

    const enterprise = await signIn(filtered!.email, SCREENS[0]);
    await enterprise.page.goto(`/service-requests?status=${filtered!.status}`);
    await enterprise.api.settled();
    const empty = enterprise.page.getByTestId('sr-list').getByTestId('empty-state');
    await expect(empty.innerText()).resolves.toContain('没有符合当前筛选条件的服务请求');
    // Its button clears the filter, and the enterprise's own requests show.
    await empty.getByRole('button', { name: '清除筛选' }).click();
    await enterprise.page.getByTestId('sr-list').getByTestId('sr-link').first().waitFor();
    await enterprise.page.context().close();

    const dept = await signIn('dept@anhai.demo', SCREENS[0]);
    await dept.page.goto(`/service-inbox?tab=${emptyTab}`);
    await dept.api.settled();
    const inbox = dept.page.getByTestId('sr-inbox').getByTestId('empty-state');
    await expect(inbox.innerText()).resolves.toContain('分派给本单位的服务请求会出现在这里');
    await expect(dept.page.locator('.app-content').innerText()).resolves.not.toContain('暂无数据');
    await dept.page.context().close();
    expect(harness.pageErrors).toEqual([]);
  });
});
