import { login, startBrowserHarness, type BrowserHarness } from './support';

describe('scratch screenshots', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startBrowserHarness();
  });
  afterAll(() => harness?.close());

  it('shoots', async () => {
    jest.setTimeout(120_000);
    const x = await harness.newPage();
    await login(x, 'xingyi@anhai.demo');
    await x.getByTestId('nav-submit-request').click();
    await x.getByTestId('sr-category').click();
    await x.waitForTimeout(800);
    await x.screenshot({ path: '/tmp/s-submit.png', fullPage: true, animations: 'disabled' });
    await x.getByTestId('nav-service-requests').click();
    await x.getByTestId('sr-list').locator('tbody tr.ant-table-row').first().waitFor();
    await x.screenshot({ path: '/tmp/s-list.png', fullPage: true, animations: 'disabled' });
    await x.getByTestId('sr-list').getByRole('link').first().click();
    await x.getByTestId('sr-status').waitFor();
    await x.waitForTimeout(500);
    await x.screenshot({ path: '/tmp/s-x-detail.png', fullPage: true, animations: 'disabled' });

    const d = await harness.newPage();
    await login(d, 'land@anhai.demo');
    await d.getByTestId('nav-service-inbox').click();
    await d.getByTestId('sr-inbox').locator('tbody tr.ant-table-row').first().waitFor();
    await d.screenshot({ path: '/tmp/s-inbox.png', fullPage: true, animations: 'disabled' });
    await d.getByTestId('sr-inbox').getByRole('link').first().click();
    await d.getByTestId('sr-status').waitFor();
    await d.getByTestId('sr-action-transfer').click();
    await d.waitForTimeout(600);
    await d.screenshot({ path: '/tmp/s-transfer.png', fullPage: true, animations: 'disabled' });

    const o = await harness.newPage();
    await login(o, 'official@anhai.demo');
    await o.getByTestId('nav-supervision').click();
    await o.waitForTimeout(1500);
    await o.screenshot({ path: '/tmp/s-supervision.png', fullPage: true, animations: 'disabled' });
    await o.getByTestId('nav-service-catalogue').click();
    await o.getByTestId('sr-categories').locator('tbody tr.ant-table-row').first().waitFor();
    await o.waitForTimeout(800);
    await o.screenshot({ path: '/tmp/s-catalogue.png', fullPage: true, animations: 'disabled' });
    await o.getByTestId('sr-rule-edit').first().click();
    await o.waitForTimeout(600);
    await o.screenshot({ path: '/tmp/s-rule.png', animations: 'disabled' });
    await o.keyboard.press('Escape');
    await o.getByTestId('sr-category-edit').first().click();
    await o.waitForTimeout(600);
    await o.screenshot({ path: '/tmp/s-category.png', animations: 'disabled' });
    await o.keyboard.press('Escape');
    await o.getByText('English').click();
    await o.getByTestId('nav-service-statistics').click();
    await o.locator('[data-testid="sr-chart-monthly"] canvas').first().waitFor();
    await o.waitForTimeout(1500);
    await o.screenshot({ path: '/tmp/s-stats-en.png', fullPage: true, animations: 'disabled' });
    await o.getByTestId('nav-service-requests').click();
    await o.getByTestId('sr-list').locator('tbody tr.ant-table-row').first().waitFor();
    await o.getByTestId('sr-list').getByRole('link').first().click();
    await o.getByTestId('sr-status').waitFor();
    await o.waitForTimeout(500);
    await o.screenshot({ path: '/tmp/s-o-detail-en.png', fullPage: true, animations: 'disabled' });
    expect(harness.pageErrors).toEqual([]);
  }, 120_000);
});
