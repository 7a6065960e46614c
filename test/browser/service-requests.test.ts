import type { Page } from 'playwright-core';
import { login, pickOption, startBrowserHarness, type BrowserHarness, screenshotPath, clickNav } from './support';

const ALLIANCE = '安海镇智能装备制造产业集群党建联盟';
const TITLE = '咨询智能装备首台套保险补偿政策';
const RESOLUTION = '已电话说明首台套保险补偿的申报条件，并发送申报指南。';
const INTERNAL_NOTE = '需与财政所核对本年度补偿资金额度';
const ATTACHMENT = '首台套申报材料.pdf';
const PDF = '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n';

/** The status tag of the detail page, once it shows `status`. */
async function waitForStatus(page: Page, status: string, timeout = 45_000): Promise<void> {
  await page.locator(`[data-testid="sr-status"][data-status="${status}"]`).waitFor({ timeout });
}

describe('service requests: enterprise orders, department serves (browser)', () => {
  let harness: BrowserHarness;
  let enterprise: Page;
  let detailPath: string;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    enterprise = await harness.newPage();
    await login(enterprise, 'xingyi@anhai.demo');
  });
  afterAll(() => harness?.close());

  it('lets the enterprise submit a policy question through the form, then shows it routed', async () => {
    await clickNav(enterprise, 'submit-request');
    await enterprise.waitForURL('**/submit-request');
    const form = enterprise.getByTestId('sr-submit-form');
    await form.waitFor();
    // The enterprise's only alliance: named in the header, nothing to pick.
    await enterprise.getByTestId('page-alliance').getByText(ALLIANCE).waitFor();
    // Each category shows who serves it and how fast.
    await enterprise.getByTestId('sr-category').click();
    const option = enterprise.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
      hasText: '政策咨询',
    });
    await option.getByText('承办：安海镇经济发展办公室').waitFor();
    expect(await option.textContent()).toContain('2 个工作小时内受理，2 个工作日内办结');
    await option.click();
    await enterprise.getByTestId('sr-title').fill(TITLE);
    await enterprise
      .getByTestId('sr-description')
      .fill('我司研发的数控折弯机拟申报首台套，想了解保险补偿政策的申报条件和材料。');
    // An attachment is uploaded once the request exists.
    await form
      .locator('input[type=file]')
      .setInputFiles({ name: ATTACHMENT, mimeType: 'application/pdf', buffer: Buffer.from(PDF) });
    await form.getByText(ATTACHMENT).waitFor();
    await enterprise.getByTestId('sr-submit').click();

    await enterprise.waitForURL(/\/service-requests\/[0-9a-f-]{36}$/);
    detailPath = new URL(enterprise.url()).pathname;
    await enterprise.getByRole('heading', { name: TITLE }).waitFor();
    expect(await enterprise.getByTestId('sr-number').textContent()).toMatch(/^FW-\d{4}-\d{6}$/);

    await enterprise.getByTestId('sr-attachments').getByText(ATTACHMENT).waitFor();

    // The worker routes it; the page looks again by itself until it has.
    await waitForStatus(enterprise, 'routed', 20_000);
    expect(await enterprise.getByTestId('sr-status').textContent()).toBe('已分派');
    await enterprise.getByTestId('sr-assigned').getByText('安海镇经济发展办公室').waitFor();
    // The enterprise may not accept its own request.
    expect(await enterprise.getByTestId('sr-action-accept').count()).toBe(0);
  });

  it('lets the handler it was routed to accept and resolve it', async () => {
    const { rows } = await harness.app.db.admin.query(
      'SELECT u.email FROM service_requests r JOIN users u ON u.id = r.handler_id WHERE r.title = $1',
      [TITLE],
    );
    expect(rows).toHaveLength(1);
    const handler = await harness.newPage();
    await login(handler, rows[0].email);

    // The request is in the department's inbox, under "routed".
    await clickNav(handler, 'service-inbox');
    await handler.getByTestId('sr-inbox').getByRole('row').filter({ hasText: TITLE }).waitFor();

    await handler.goto(detailPath);
    await waitForStatus(handler, 'routed');
    // The department can read the enterprise's attachment.
    const download = handler.waitForEvent('download');
    await handler.getByTestId('sr-attachments').getByTestId('sr-download').click();
    expect((await download).suggestedFilename()).toBe(ATTACHMENT);
    // An internal note, which the enterprise never sees.
    await handler.getByTestId('sr-comment-body').fill(INTERNAL_NOTE);
    await handler.getByTestId('sr-comment-internal').check();
    await handler.getByTestId('sr-comment-submit').click();
    const note = handler.getByTestId('sr-timeline-entry').filter({ hasText: INTERNAL_NOTE });
    await note.getByText('内部').waitFor();

    await handler.getByTestId('sr-action-accept').click();
    await waitForStatus(handler, 'accepted');
    expect(await handler.getByTestId('sr-status').textContent()).toBe('已受理');

    await handler.getByTestId('sr-action-resolve').click();
    await handler.getByTestId('sr-modal-text').fill(RESOLUTION);
    await handler.getByTestId('sr-modal-ok').click();
    await waitForStatus(handler, 'resolved');
    await handler.getByTestId('sr-timeline').getByText(RESOLUTION).waitFor();
    // Nothing is left for the department to do.
    expect(await handler.getByTestId('sr-actions').count()).toBe(0);
  });

  it('lets the enterprise rate it 5 stars, which closes it', async () => {
    await enterprise.reload();
    await waitForStatus(enterprise, 'resolved');
    await enterprise.getByTestId('sr-action-rate').click();
    await enterprise.getByTestId('sr-rating').locator('.ant-rate-star').nth(4).click();
    await enterprise.getByTestId('sr-modal-comment').fill('回复及时，指南很清楚');
    await enterprise.getByTestId('sr-modal-ok').click();

    await waitForStatus(enterprise, 'closed');
    expect(await enterprise.getByTestId('sr-status').textContent()).toBe('已关闭');
    await enterprise.getByTestId('sr-timeline').getByText('回复及时，指南很清楚').waitFor();
    await enterprise.getByTestId('sr-timeline').getByText(RESOLUTION).waitFor();
    expect(await enterprise.getByText(INTERNAL_NOTE).count()).toBe(0);
    await enterprise.screenshot({ path: screenshotPath('sr-detail'), fullPage: true, animations: 'disabled' });

    const { rows } = await harness.app.db.admin.query(
      'SELECT status, rating, rating_comment FROM service_requests WHERE title = $1',
      [TITLE],
    );
    expect(rows).toEqual([{ status: 'closed', rating: 5, rating_comment: '回复及时，指南很清楚' }]);
  });

  it('lists it among the enterprise’s own requests, filtered by status', async () => {
    await clickNav(enterprise, 'service-requests');
    await enterprise.waitForURL('**/service-requests');
    await pickOption(enterprise, enterprise.getByTestId('sr-status-filter'), '已关闭');
    await enterprise.waitForURL('**/service-requests?status=closed');
    await enterprise.getByTestId('sr-list').getByRole('row').filter({ hasText: TITLE }).waitFor();
  });

  it('shows the official the supervision board, the statistics with charts, and the catalogue', async () => {
    const official = await harness.newPage();
    await login(official, 'official@anhai.demo');

    await clickNav(official, 'supervision');
    await official.waitForURL('**/supervision');
    const board = official.getByTestId('sr-supervision');
    await board.getByRole('columnheader', { name: '督办级别' }).waitFor();
    await board.locator('.ant-spin-spinning').waitFor({ state: 'detached' });

    await clickNav(official, 'service-statistics');
    await official.waitForURL('**/service-statistics');
    await official.getByTestId('sr-stats-totals').getByText('按时办结率').waitFor();
    await official.getByTestId('sr-ranking').getByRole('row').filter({ hasText: '安海镇经济发展办公室' }).waitFor();
    await official.locator('[data-testid="sr-chart-departments"] canvas').first().waitFor();
    await official.locator('[data-testid="sr-chart-monthly"] canvas').first().waitFor();

    // 导出 Excel: the worker writes it, the page follows the job and saves the file.
    const download = official.waitForEvent('download', { timeout: 30_000 });
    await official.getByTestId('sr-stats-export').click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await official.locator('[data-testid="sr-stats-export-progress"][data-status="succeeded"]').waitFor();
    await official.screenshot({ path: screenshotPath('sr-stats'), fullPage: true, animations: 'disabled' });

    await clickNav(official, 'service-catalogue');
    await official.waitForURL('**/service-catalogue');
    await official.getByTestId('sr-categories').getByRole('row').filter({ hasText: '政策咨询' }).waitFor();
    await official.getByTestId('sr-rules').getByRole('row').filter({ hasText: '安海镇财政所' }).waitFor();
  });

  it('threw no uncaught errors in the page', () => {
    expect(harness.pageErrors).toEqual([]);
  });
});
