import type { Page } from 'playwright-core';
import { idOf } from '../support/tenants';
import { login, screenshotPath, startBrowserHarness, watchedPage, type BrowserHarness } from './support';

const ALLIANCE = '安海镇智能装备制造产业集群党建联盟';
const CARDS = [
  'membersByRole',
  'membersByChain',
  'requestsByStatus',
  'meetingsMonthly',
  'requestsMonthly',
  'departmentRanking',
  'indicatorTrends',
  'indicatorQuarterly',
];
/** The cards that count the period's meetings and requests: empty in a quarter that has not come yet. */
const PERIOD_CARDS = ['requestsByStatus', 'meetingsMonthly', 'requestsMonthly', 'departmentRanking'];

interface WallMeasure {
  scrollHeight: number;
  scrollWidth: number;
  innerHeight: number;
  innerWidth: number;
  /** The key figures' value size, in CSS pixels. */
  figureFont: number;
  rankingFont: number;
  /** How far down and right the cards reach. */
  cardsBottom: number;
  cardsRight: number;
  /** The charts' canvases' heights. */
  canvasHeights: number[];
}

const MEASURE = `(() => {
  const rect = (selector) => document.querySelector(selector).getBoundingClientRect();
  const font = (selector) => parseFloat(getComputedStyle(document.querySelector(selector)).fontSize);
  const cards = [...document.querySelectorAll('[data-testid^="dash-card-"]')].map((card) => card.getBoundingClientRect());
  return {
    scrollHeight: document.scrollingElement.scrollHeight,
    scrollWidth: document.scrollingElement.scrollWidth,
    innerHeight: window.innerHeight,
    innerWidth: window.innerWidth,
    figureFont: font('[data-testid="dash-figure-members"] .ant-statistic-content'),
    rankingFont: font('[data-testid="dash-wall-ranking-name"]'),
    cardsBottom: Math.max(...cards.map((card) => card.bottom)),
    cardsRight: Math.max(...cards.map((card) => card.right)),
    canvasHeights: [...document.querySelectorAll('[data-testid^="dash-chart-"] canvas')].map((canvas) => canvas.getBoundingClientRect().height),
  };
})()`;

/** Every element among `selector`'s matches whose text is cut (wider than its box, or drawn with an ellipsis). */
function cutTexts(page: Page, selector: string): Promise<string[]> {
  return page.evaluate<string[]>(`[...document.querySelectorAll(${JSON.stringify(selector)})]
    .filter((el) => el.scrollWidth > el.clientWidth || getComputedStyle(el).textOverflow === 'ellipsis' || el.closest('.ant-table-cell-ellipsis'))
    .map((el) => el.textContent)`);
}

/** The wall display on one screen size, from the 1080p it was drawn for to a 4K one, and its empty panels. */
describe('the wall display from 1920×1080 to 3840×2160, and panels without data (browser)', () => {
  let harness: BrowserHarness;
  let allianceId: string;
  let ranking: string[];

  beforeAll(async () => {
    harness = await startBrowserHarness({ history: true });
    allianceId = await idOf(harness.app.db.admin, 'alliances', ALLIANCE);
  });
  afterAll(() => harness?.close());

  /** The official on the wall in a browser of `viewport`'s size, every card drawn. */
  async function openWall(viewport: { width: number; height: number }, search = '', id = allianceId) {
    const watched = await watchedPage(harness, { viewport });
    await login(watched.page, 'official@anhai.demo');
    await watched.page.goto(`/dashboard/${id}/wall${search}`);
    await watched.page.locator(`[data-testid="dash-content"][data-alliance="${id}"]`).waitFor({ timeout: 20_000 });
    for (const card of CARDS) {
      await watched.page
        .locator(
          `[data-testid="dash-card-${card}"] :is(canvas, [data-testid^="dash-empty-"], [data-testid="dash-wall-ranking"])`,
        )
        .first()
        .waitFor();
    }
    // The charts animate in; let them settle before measuring or taking the picture.
    await watched.page.waitForTimeout(1_500);
    return watched;
  }

  /** The department names in ranking order, as the API gives them to the official. */
  async function rankingFromApi(page: Page): Promise<string[]> {
    const tokens = await page.evaluate<string | null>(`localStorage.getItem('lianmeng.tokens')`);
    const { accessToken } = JSON.parse(tokens ?? '{}') as { accessToken?: string };
    const response = await fetch(`${harness.baseUrl}/api/v1/alliances/${allianceId}/dashboard`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { serviceRequests: { departmentRanking: { name: string }[] } };
    return body.serviceRequests.departmentRanking.map((department) => department.name);
  }

  it('fills a 4K screen exactly, with everything twice the size of the 1080p wall', async () => {
    const sizes = [
      { width: 1920, height: 1080 },
      { width: 2560, height: 1440 },
      { width: 3840, height: 2160 },
    ];
    const measures: WallMeasure[] = [];
    for (const viewport of sizes) {
      const { page, context, errors } = await openWall(viewport);
      const measure = await page.evaluate<WallMeasure>(MEASURE);
      measures.push(measure);
      // One screen: the document is exactly the window, no scrolling either way.
      expect({ viewport, height: measure.scrollHeight, width: measure.scrollWidth }).toEqual({
        viewport,
        height: viewport.height,
        width: viewport.width,
      });
      // And the cards use it: they reach the bottom and the right edge (not a 1080p layout in a corner).
      expect(measure.cardsBottom).toBeGreaterThan(viewport.height * 0.95);
      expect(measure.cardsRight).toBeGreaterThan(viewport.width * 0.95);
      expect(errors).toEqual([]);
      await page.screenshot({
        path: screenshotPath(`wall-${viewport.width}x${viewport.height}`),
        animations: 'disabled',
      });
      await context.close();
    }
    const [hd, qhd, uhd] = measures;
    // Type and charts grow with the screen: twice the size on a 4K wall, in between on a 1440p one.
    expect(uhd.figureFont).toBeCloseTo(hd.figureFont * 2, 0);
    expect(qhd.figureFont).toBeGreaterThan(hd.figureFont);
    expect(qhd.figureFont).toBeLessThan(uhd.figureFont);
    expect(uhd.rankingFont).toBeCloseTo(hd.rankingFont * 2, 0);
    expect(Math.min(...uhd.canvasHeights)).toBeGreaterThanOrEqual(Math.min(...hd.canvasHeights) * 2 - 2);
  });

  it('shows whole department names on the wall and in the dashboard’s ranking table', async () => {
    const { page, context } = await openWall({ width: 1920, height: 1080 });
    ranking = await rankingFromApi(page);
    expect(ranking.length).toBeGreaterThan(3);
    // The demo has long names: the test means something only when one would have been cut.
    expect(Math.max(...ranking.map((name) => name.length))).toBeGreaterThanOrEqual(14);

    const names = await page.getByTestId('dash-wall-ranking-name').allTextContents();
    expect(names.length).toBeGreaterThanOrEqual(Math.min(ranking.length, 6));
    expect(names).toEqual(ranking.slice(0, names.length));
    expect(await cutTexts(page, '[data-testid="dash-wall-ranking-name"]')).toEqual([]);
    // The list keeps inside its card: none of its rows is hidden below the card's edge.
    const overflow = await page.evaluate<number>(`(() => {
      const list = document.querySelector('[data-testid="dash-wall-ranking"]');
      return list.scrollHeight - list.clientHeight;
    })()`);
    expect(overflow).toBeLessThanOrEqual(0);

    // The official's dashboard at a laptop's width: the table beside the bars wraps long names instead of cutting them.
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`/dashboard?allianceId=${allianceId}`);
    await page.locator(`[data-testid="dash-content"][data-alliance="${allianceId}"]`).waitFor({ timeout: 20_000 });
    const cells = page.getByTestId('dash-ranking').locator('.ant-table-tbody tr.ant-table-row td:nth-child(2)');
    await cells.first().waitFor();
    expect(await cells.allTextContents()).toEqual(ranking);
    expect(
      await cutTexts(page, '[data-testid="dash-ranking"] .ant-table-tbody tr.ant-table-row td:nth-child(2)'),
    ).toEqual([]);
    await page
      .getByTestId('dash-card-departmentRanking')
      .screenshot({ path: screenshotPath('dashboard-ranking'), animations: 'disabled' });
    await context.close();
  });

  it('explains a quarter with nothing yet instead of drawing bare axes, on the wall and on the dashboard', async () => {
    // A quarter two years ahead: no meeting held, no request made.
    const year = new Date().getFullYear() + 2;
    const search = `?from=${year}-01-01&to=${year}-03-31`;
    const { page, context, errors } = await openWall({ width: 1920, height: 1080 }, search);
    const check = async () => {
      for (const card of PERIOD_CARDS) {
        const panel = page.getByTestId(`dash-card-${card}`);
        expect({ card, text: (await panel.getByTestId(`dash-empty-${card}`).textContent())?.trim() }).toEqual({
          card,
          text: expect.stringMatching(/^本期暂无/),
        });
        expect({ card, canvases: await panel.locator('canvas').count() }).toEqual({ card, canvases: 0 });
      }
      // The members are there whatever the period: their charts stay.
      for (const card of ['membersByRole', 'membersByChain'])
        expect(await page.getByTestId(`dash-empty-${card}`).count()).toBe(0);
    };
    await check();
    expect(await page.evaluate<number>('document.scrollingElement.scrollHeight')).toBe(1080);
    await page.screenshot({ path: screenshotPath('wall-empty-quarter'), animations: 'disabled' });

    await page.goto(`/dashboard?allianceId=${allianceId}&from=${year}-01-01&to=${year}-03-31`);
    await page.locator(`[data-testid="dash-content"][data-alliance="${allianceId}"]`).waitFor({ timeout: 20_000 });
    await page.getByTestId('dash-empty-meetingsMonthly').waitFor();
    await check();
    await page.screenshot({ path: screenshotPath('dashboard-empty-quarter'), fullPage: true, animations: 'disabled' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('explains every panel of a new alliance with nothing in it yet', async () => {
    const db = harness.app.db.admin;
    const {
      rows: [empty],
    } = await db.query(
      `INSERT INTO alliances (tenant_id, name) SELECT tenant_id, '安海镇新材料产业党建联盟（筹）' FROM alliances WHERE id = $1 RETURNING id`,
      [allianceId],
    );
    const { page, context, errors } = await openWall({ width: 1920, height: 1080 }, '', empty.id);
    for (const card of CARDS) {
      const text = (await page.getByTestId(`dash-empty-${card}`).textContent())?.trim();
      expect({ card, text }).toEqual({ card, text: expect.stringMatching(/^(本期暂无|联盟尚无|尚未发起)/) });
    }
    expect(await page.locator('.dash-cards canvas').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('wall-empty-alliance'), animations: 'disabled' });
    expect(errors).toEqual([]);
    await context.close();
  });
});
