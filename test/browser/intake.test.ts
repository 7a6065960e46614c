import type { Page } from 'playwright-core';
import { login, screenshotPath, startBrowserHarness, watchedPage, type BrowserHarness } from './support';

/** Smart intake in the browser, on the demo's year of history: the official trains, the enterprise is helped. */
describe('smart intake (browser)', () => {
  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await startBrowserHarness({ history: true });
  });
  afterAll(() => harness?.close());

  it("lets an official retrain the township's model and see its measured accuracy", async () => {
    const { page, context, errors } = await watchedPage(harness, { viewport: { width: 1440, height: 900 } });
    await login(page, 'official@anhai.demo');
    await page.goto('/service-catalogue');
    const card = page.getByTestId('intake-model');
    await card.getByText('尚未训练', { exact: false }).waitFor();
    await page.getByTestId('intake-retrain').click();
    const figures = page.getByTestId('intake-figures');
    await figures.waitFor({ timeout: 90_000 });
    expect(await figures.textContent()).toMatch(/件已办结请求/);
    expect(await figures.textContent()).toMatch(/首选 \d+\.\d%/);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('intake-model-1440'), animations: 'disabled' });
    expect(errors).toEqual([]);
    await context.close();
  });

  const typeRequest = async (page: Page) => {
    await page.goto('/submit-request');
    await page.getByTestId('sr-submit-form').waitFor();
    const answered = page.waitForResponse((r) => r.url().endsWith('/intake/suggestions') && r.status() === 200);
    await page.getByTestId('sr-title').fill('申请技改项目贷款贴息');
    await page.getByTestId('sr-description').fill('我司新购数控设备，想申请贷款贴息，请问需要哪些材料？');
    return (await (await answered).json()) as {
      categories: { suggestions: { code: string; name: string }[]; preselect: string | null };
    };
  };

  it('suggests categories as the enterprise types, and preselects only what the enterprise has not chosen', async () => {
    const { page, context, errors } = await watchedPage(harness, { viewport: { width: 1440, height: 900 } });
    await login(page, 'jingong@anhai.demo');
    const body = await typeRequest(page);
    const suggestions = page.getByTestId('intake-suggestions');
    await suggestions.waitFor();
    expect(body.categories.suggestions.length).toBeGreaterThan(0);
    expect(await suggestions.locator('.ant-tag').count()).toBeLessThanOrEqual(3);
    const first = body.categories.suggestions[0];
    const category = page.getByTestId('sr-category');
    if (body.categories.preselect) {
      await category.getByText(first.name).waitFor();
      await page.getByTestId('intake-preselected').waitFor();
    }
    await page.screenshot({ path: screenshotPath('intake-submit-1440'), animations: 'disabled' });

    // The enterprise picks another category from the suggestions: typing on never takes it back.
    const other = body.categories.suggestions.find((s) => s.code !== body.categories.preselect) ?? first;
    await page.getByTestId(`intake-suggestion-${other.code}`).click();
    await category.getByText(other.name).waitFor();
    const again = page.waitForResponse((r) => r.url().endsWith('/intake/suggestions'));
    await page.getByTestId('sr-description').fill('我司新购数控设备，想申请贷款贴息和融资担保，请问需要哪些材料？');
    await again;
    await page.waitForTimeout(300);
    expect(await category.textContent()).toContain(other.name);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the suggestions on a phone', async () => {
    const { page, context } = await watchedPage(harness, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await login(page, 'jingong@anhai.demo');
    await typeRequest(page);
    await page.getByTestId('intake-suggestions').waitFor();
    await page.screenshot({ path: screenshotPath('intake-submit-390'), fullPage: true, animations: 'disabled' });
    await page.goto('/');
    await context.close();
    const official = await watchedPage(harness, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await login(official.page, 'official@anhai.demo');
    await official.page.goto('/service-catalogue');
    await official.page.getByTestId('intake-figures').waitFor();
    await official.page.getByTestId('intake-model').scrollIntoViewIfNeeded();
    await official.page.screenshot({ path: screenshotPath('intake-model-390'), animations: 'disabled' });
    await official.context.close();
  });
});
