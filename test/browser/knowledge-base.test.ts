import { Http } from '../support/http';
import { smartAllianceId } from '../support/service-requests';
import { login, screenshotPath, startBrowserHarness, watchedPage, type BrowserHarness } from './support';

/** The knowledge base in the browser: an official publishes, members find it, the submission form offers it. */
describe('knowledge base (browser)', () => {
  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await startBrowserHarness();
  });
  afterAll(() => harness?.close());

  it('offers a published Q&A found by search below the submission form, opening its answer', async () => {
    const http = new Http(harness.app.api);
    const official = await http.token('official@anhai.demo');
    const published = await http.post(
      '/api/v1/knowledge-base/articles',
      {
        allianceId: await smartAllianceId(harness.app),
        title: '技改项目贷款贴息怎么申请',
        question: '企业购置数控设备，能否申请技改项目贷款贴息？需要哪些材料？',
        answer: '可以申请技改项目贷款贴息。\n需提交贷款合同、设备发票和项目备案证明，每年三月集中受理。',
      },
      { token: official },
    );
    expect(published.status).toBe(201);
    const enterprise = await http.token('jingong@anhai.demo');
    const found = await http.get(`/api/v1/knowledge-base/articles?q=${encodeURIComponent('贷款贴息需要什么材料')}`, {
      token: enterprise,
    });
    expect(found.body.items[0].id).toBe(published.body.id);

    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const { page, context, errors } = await watchedPage(harness, { viewport });
      await login(page, 'jingong@anhai.demo');
      await page.goto('/submit-request');
      await page.getByTestId('sr-submit-form').waitFor();
      await page.getByTestId('sr-title').fill('申请技改项目贷款贴息');
      await page.getByTestId('sr-description').fill('我司新购数控设备，想申请贷款贴息，请问需要哪些材料？');
      const box = page.getByTestId('similar-articles');
      await box.waitFor();
      expect(await page.getByTestId('similar-article').count()).toBeLessThanOrEqual(5);
      await box.getByText('技改项目贷款贴息怎么申请').waitFor();
      await box.getByText('可以申请技改项目贷款贴息。').waitFor();
      expect(await box.textContent()).not.toContain('每年三月集中受理');
      await box.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`knowledge-similar-${viewport.width}`), animations: 'disabled' });
      await page.getByTestId('similar-article').first().click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('每年三月集中受理', { exact: false }).waitFor();
      await page.screenshot({ path: screenshotPath(`knowledge-article-${viewport.width}`), animations: 'disabled' });
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
