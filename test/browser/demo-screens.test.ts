import type { Page } from 'playwright-core';
import { idOf } from '../support/tenants';
import { login, startBrowserHarness, type BrowserHarness, screenshotPath } from './support';

const ALLIANCE = '安海镇智能装备制造产业集群党建联盟';
const WALL = { width: 1920, height: 1080 };
const TILES = [
  'members',
  'partyMembers',
  'meetingsHeld',
  'attendanceRate',
  'requests',
  'onTimeRate',
  'satisfaction',
  'reportsUnderReview',
  'recommendations',
  'overdueActionItems',
];
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

/** The demo as a township first sees it: each role's workbench, and the dashboard and wall display on a 1080p screen, with a year of history. */
describe('the demo with its year of history, on a 1920×1080 screen', () => {
  let harness: BrowserHarness;
  let allianceId: string;

  beforeAll(async () => {
    harness = await startBrowserHarness({ history: true });
    allianceId = await idOf(harness.app.db.admin, 'alliances', ALLIANCE);
  });
  afterAll(() => harness?.close());

  const open = async (email: string): Promise<Page> => {
    const page = await harness.newPage();
    await page.setViewportSize(WALL);
    await login(page, email);
    return page;
  };

  // Each role's workbench holds work from the demo's year: the sections that must not be empty.
  it.each([
    ['official', 'official@anhai.demo', ['supervised_requests', 'minutes_to_approve', 'overdue_action_items']],
    ['department', 'dept@anhai.demo', ['requests_to_resolve', 'meetings_to_answer']],
    ['enterprise', 'xingyi@anhai.demo', ['meetings_to_answer', 'indicator_rounds_to_fill']],
    ['expert', 'expert@anhai.demo', ['review_invitations', 'reviews_due']],
  ])('gives the %s a workbench with the demo’s work in it', async (name, email, sections) => {
    const page = await open(email);
    await page.goto('/home');
    await page.getByTestId('workbench').waitFor();
    const present = await page
      .locator('[data-testid^="workbench-section-"]')
      .evaluateAll((cards) =>
        cards.map((card) => card.getAttribute('data-testid')!.slice('workbench-section-'.length)),
      );
    for (const section of sections) {
      expect(present).toContain(section);
      await page.getByTestId(`workbench-section-${section}`).getByTestId('workbench-item').first().waitFor();
    }
    await page.screenshot({ path: screenshotPath(`demo-workbench-${name}`), animations: 'disabled' });
    await page.context().close();
  });

  it('fills every tile and chart of the dashboard and the wall display', async () => {
    const page = await open('official@anhai.demo');
    for (const path of [`/dashboard?allianceId=${allianceId}`, `/dashboard/${allianceId}/wall`]) {
      await page.goto(path);
      await page.locator(`[data-testid="dash-content"][data-alliance="${allianceId}"]`).waitFor({ timeout: 20_000 });
      for (const tile of TILES) {
        const value = (
          await page.locator(`[data-testid="dash-figure-${tile}"] .ant-statistic-content-value`).textContent()
        )?.trim();
        expect({ tile, value }).toEqual({ tile, value: expect.stringMatching(/^[1-9][\d,.]*%?$/) });
      }
      // Every card draws its chart (the wall's ranking is a list of whole names instead).
      for (const chart of CHARTS)
        await page
          .locator(`[data-testid="dash-card-${chart}"] :is(canvas, [data-testid="dash-wall-ranking-row"])`)
          .first()
          .waitFor();
      // The charts animate in; let them settle before the picture.
      await page.waitForTimeout(1_500);
      // The wall display fits a 1080p screen: nothing below the fold.
      if (path.endsWith('/wall'))
        expect(await page.evaluate<number>('document.scrollingElement.scrollHeight')).toBeLessThanOrEqual(WALL.height);
      await page.screenshot({
        path: screenshotPath(path.endsWith('/wall') ? 'demo-wall' : 'demo-dashboard'),
        animations: 'disabled',
      });
    }
    expect(harness.pageErrors).toEqual([]);
    await page.context().close();
  });
});
