import { login, screenshotPath, startBrowserHarness, watchedPage, type BrowserHarness } from './support';

/** 按历史分派 beside the alliance's routing rules: an official turns it off and on again. */
describe('routing by history (browser)', () => {
  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await startBrowserHarness();
  });
  afterAll(() => harness?.close());

  it('lets an official switch routing by history off and on for the alliance, and keeps the choice', async () => {
    const { page, context, errors } = await watchedPage(harness, { viewport: { width: 1440, height: 900 } });
    await login(page, 'official@anhai.demo');
    await page.goto('/service-catalogue');
    const toggle = page.getByTestId('sr-route-by-history');
    await toggle.waitFor();
    await page.getByText('按历史分派', { exact: true }).waitFor();
    expect(await toggle.getAttribute('aria-checked')).toBe('true');

    const saved = page.waitForResponse((r) => r.url().endsWith('/routing-settings') && r.request().method() === 'PUT');
    await toggle.click();
    expect((await saved).status()).toBe(200);
    await page.getByText('已保存分派设置').waitFor();
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('routing-by-history-1440'), animations: 'disabled' });

    // Read back from the API after a reload, then on again.
    await page.reload();
    await page.locator('[data-testid="sr-route-by-history"][aria-checked="false"]').waitFor();
    await toggle.click();
    await page.locator('[data-testid="sr-route-by-history"][aria-checked="true"]').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
