import type { BrowserContext, Page } from 'playwright-core';
import { Http } from '../support/http';
import { submitAndRoute } from '../support/service-requests';
import { englishIn, rawKeysIn, visibleText } from './page-text';
import { screenshotPath, startBrowserHarness, watchedPage, type BrowserHarness } from './support';

const TO_ACCEPT = '咨询研发费用加计扣除政策';
const RETURNED = '申请高新技术企业认定辅导';

const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1440, height: 900 }, isMobile: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true },
] as const;

const PEOPLE = [
  { who: 'department', email: 'dept@anhai.demo', section: 'requests_to_accept', title: TO_ACCEPT },
  { who: 'enterprise', email: 'xingyi@anhai.demo', section: 'requests_awaiting_information', title: RETURNED },
] as const;

interface Visit {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

/**
 * 工作台 in the browser: department staff and an enterprise contact sign in, see their workbench
 * with what waits for them and its count, and open an item from it; on a desktop and on a phone,
 * without console errors, raw i18n keys, untranslated English or sideways scrolling.
 */
describe('the workbench (browser)', () => {
  let harness: BrowserHarness;
  let http: Http;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    harness = await startBrowserHarness();
    http = new Http(harness.app.api);
    tokens.xingyi = await http.token('xingyi@anhai.demo');
    tokens.dept = await http.token('dept@anhai.demo');
    // Through the product's own API: one request waits for the department, one for the enterprise's information.
    ids[TO_ACCEPT] = (
      await submitAndRoute(harness.app, http, tokens.xingyi, { categoryCode: 'policy', title: TO_ACCEPT })
    ).id;
    ids[RETURNED] = (
      await submitAndRoute(harness.app, http, tokens.xingyi, { categoryCode: 'policy', title: RETURNED })
    ).id;
    for (const [action, body] of [
      ['accept', undefined],
      ['return', { reason: '请补充近三年研发费用明细' }],
    ] as const) {
      const reply = await http.post(`/api/v1/service-requests/${ids[RETURNED]}/${action}`, body, {
        token: tokens.dept,
      });
      expect(reply.status).toBeLessThan(300);
    }
  });
  afterAll(() => harness?.close());

  async function visit(viewport: (typeof VIEWPORTS)[number], email: string): Promise<Visit> {
    const { context, page, errors } = await watchedPage(harness, {
      viewport: viewport.viewport,
      isMobile: viewport.isMobile,
      hasTouch: viewport.isMobile,
    });
    await page.goto('/login');
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill('Lianmeng-Demo-2024');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname !== '/login');
    return { context, page, errors };
  }

  describe.each(VIEWPORTS)('at $viewport.width×$viewport.height', (viewport) => {
    it.each(PEOPLE)('$who sees what waits, with its count, and opens it', async ({ email, section, title, who }) => {
      const { context, page, errors } = await visit(viewport, email);
      try {
        await page.goto('/home');
        const card = page.getByTestId(`workbench-section-${section}`);
        const item = card.getByTestId('workbench-item').filter({ hasText: title });
        await item.waitFor();
        // The count is the API's, and the item shows its clock.
        const api = await http.get('/api/v1/workbench', { token: who === 'department' ? tokens.dept : tokens.xingyi });
        const total = api.body.sections.find((s: { key: string }) => s.key === section).total as number;
        expect(total).toBeGreaterThan(0);
        expect((await card.getByTestId('workbench-count').innerText()).trim()).toBe(String(total));
        if (section === 'requests_to_accept')
          expect(await item.getByTestId('workbench-clock').innerText()).toMatch(/^(剩余|已超时) \d+ (分钟|小时|天)$/);
        // Every section says what it is for, even when empty; this week's meetings are there for both.
        await page.getByTestId('workbench-section-meetings_this_week').waitFor();
        if (who === 'enterprise') await page.getByTestId('home-organization').waitFor();
        await page.waitForLoadState('networkidle').catch(() => undefined);

        const text = await visibleText(page);
        expect(rawKeysIn(text)).toEqual([]);
        expect(englishIn(text)).toEqual([]);
        const widths = await page.evaluate<{ scroll: number; inner: number }>(
          '({ scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth })',
        );
        if (viewport.isMobile) expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
        // The shell may clip what overflows its content area, so each card must fit as well.
        const overflowing = await page.evaluate<number>(
          `[...document.querySelectorAll('.workbench-card')].filter((c) => c.getBoundingClientRect().right > window.innerWidth + 0.5 || c.scrollWidth > c.clientWidth + 1).length`,
        );
        expect(overflowing).toBe(0);
        await page.screenshot({
          path: screenshotPath(`workbench-${who}-${viewport.name}`),
          fullPage: true,
          animations: 'disabled',
        });

        await item.getByRole('link', { name: title }).click();
        await page.waitForURL(`**/service-requests/${ids[title]}`);
        await page.getByRole('heading', { name: title }).waitFor();
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});
