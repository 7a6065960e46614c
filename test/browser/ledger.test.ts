import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { clickNav, login, screenshotPath, startBrowserHarness, type BrowserHarness } from './support';

describe('the alliance ledger (browser)', () => {
  let harness: BrowserHarness;
  let official: Page;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    official = await harness.newPage();
    await login(official, 'official@anhai.demo');
  });
  afterAll(() => harness?.close());

  it('builds this year as Word in the worker, lists it and downloads it', async () => {
    await clickNav(official, 'ledgers');
    await official.getByTestId('ledger-start').click();
    await official.locator('[data-testid="ledger-progress"][data-status="succeeded"]').waitFor({ timeout: 60_000 });
    const row = official.locator('[data-testid="ledger-list"] [data-testid^="ledger-download-"]').first();
    await row.waitFor({ timeout: 20_000 });
    await official.screenshot({ path: screenshotPath('ledger'), fullPage: true, animations: 'disabled' });
    const [download] = await Promise.all([official.waitForEvent('download', { timeout: 30_000 }), row.click()]);
    expect(download.suggestedFilename()).toMatch(/工作台账.*\.docx$/);
    // A .docx is a zip: it starts with "PK".
    expect(
      readFileSync(await download.path())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
    expect(harness.pageErrors).toEqual([]);
  });
});
