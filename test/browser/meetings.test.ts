import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { Page } from 'playwright-core';
import { login, pickOption, startBrowserHarness, type BrowserHarness, screenshotPath } from './support';

dayjs.extend(utc);
dayjs.extend(timezone);

const TITLE = '智能装备产业链季度联席会议';
const ADDRESS = '晋工机械会议中心';
const LEAVE_REASON = '当天需赴泉州参加市经信局培训';
const CANCEL_REASON = '镇党委会议时间调整，另行通知';

/** A working day a few days ahead (Shanghai), as YYYY-MM-DD. */
function workdayAhead(days: number): string {
  let day = dayjs().tz('Asia/Shanghai').add(days, 'day');
  while (day.day() === 0 || day.day() === 6) day = day.add(1, 'day');
  return day.format('YYYY-MM-DD');
}

/** Types into an antd date or time picker and confirms with Enter. */
async function typeInPicker(page: Page, testId: string, text: string): Promise<void> {
  const element = page.getByTestId(testId);
  const input = (await element.evaluate((node) => node.tagName)) === 'INPUT' ? element : element.locator('input');
  await input.click();
  await input.fill(text);
  await input.press('Enter');
}

async function waitForStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid="meeting-status"][data-status="${status}"]`).waitFor();
}

describe('joint meetings: schedule, ask for leave, cancel (browser)', () => {
  let harness: BrowserHarness;
  let official: Page;
  let detailPath: string;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    official = await harness.newPage();
    await login(official, 'official@anhai.demo');
  });
  afterAll(() => harness?.close());

  it('lets the official schedule a meeting at an address, inviting an enterprise and requiring a department official', async () => {
    await official.getByTestId('nav-meetings').click();
    await official.waitForURL('**/meetings');
    await official.getByTestId('meetings-new').click();
    const form = official.getByTestId('meeting-form');
    await form.waitFor();
    await official.getByTestId('meeting-title').fill(TITLE);
    await official.getByTestId('meeting-description').fill('通报一季度产业链供需对接情况，研究首台套推广应用。');
    await pickOption(official, official.getByTestId('meeting-required'), '黄志坚', '黄志坚');
    await official.keyboard.press('Escape');
    await pickOption(official, official.getByTestId('meeting-organizations'), '兴翼机械', '兴翼');
    await official.keyboard.press('Escape');
    await official.getByTestId('meeting-address').fill(ADDRESS);
    // The free-time finder offers slots when the chair and the required official are both free.
    await official.getByTestId('meeting-find-slots').click();
    await official.getByTestId('meeting-slots').getByTestId('meeting-slot').first().waitFor();
    await official.screenshot({ path: screenshotPath('meetings-form'), animations: 'disabled' });
    await typeInPicker(official, 'meeting-date', workdayAhead(4));
    await typeInPicker(official, 'meeting-start', '09:30');
    await typeInPicker(official, 'meeting-end', '11:00');
    await official.getByTestId('meeting-submit').click();

    await official.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    detailPath = new URL(official.url()).pathname;
    await waitForStatus(official, 'scheduled');
    await official.getByTestId('meeting-overview').getByText(ADDRESS).waitFor();
    const participants = official.getByTestId('meeting-participants');
    await participants.getByRole('row').filter({ hasText: '兴翼机械' }).waitFor();
    await participants.getByRole('row').filter({ hasText: '黄志坚' }).waitFor();

    // It is on the meetings page.
    await official.getByTestId('nav-meetings').click();
    await official.waitForURL('**/meetings');
    await official.getByTestId('meetings-calendar').waitFor();
    await official.screenshot({ path: screenshotPath('meetings-month'), fullPage: true, animations: 'disabled' });
    await official.getByTestId('meetings-view').getByText('列表').click();
    await official.getByTestId('meetings-list').getByRole('row').filter({ hasText: TITLE }).waitFor();
  });

  it('shows a private calendar subscription URL once', async () => {
    await official.getByTestId('meetings-feed').click();
    const url = await official.getByTestId('meetings-feed-url').textContent();
    expect(url).toMatch(/^https?:\/\/.+\/api\/v1\/calendar\/.+/);
    await official.keyboard.press('Escape');
  });

  it('lets the required official ask for leave with a reason', async () => {
    const dept = await harness.newPage();
    await login(dept, 'dept@anhai.demo');
    await dept.getByTestId('nav-meetings').click();
    await dept.waitForURL('**/meetings');
    await dept.getByTestId('meetings-view').getByText('列表').click();
    await dept.getByTestId('meetings-list').getByRole('link', { name: TITLE }).click();
    await dept.waitForURL(`**${detailPath}`);
    await waitForStatus(dept, 'scheduled');
    const download = dept.waitForEvent('download');
    await dept.getByTestId('meeting-ics').click();
    expect((await download).suggestedFilename()).toMatch(/\.ics$/);
    // Only officials may list colleagues, so there is no delegation here.
    expect(await dept.getByTestId('rsvp-delegate-open').count()).toBe(0);

    await dept.getByTestId('rsvp-decline').click();
    await dept.getByTestId('rsvp-reason').fill(LEAVE_REASON);
    await dept.getByTestId('rsvp-ok').click();
    const row = dept.getByTestId('meeting-participants').getByRole('row').filter({ hasText: '黄志坚' });
    await row.getByText('请假').waitFor();
    await row.getByText(LEAVE_REASON).waitFor();

    const { rows } = await harness.app.db.admin.query(
      `SELECT p.response, p.decline_reason FROM meeting_participants p
         JOIN meetings m ON m.id = p.meeting_id JOIN users u ON u.id = p.attendee_id
        WHERE m.title = $1 AND u.email = 'dept@anhai.demo'`,
      [TITLE],
    );
    expect(rows).toEqual([{ response: 'declined', decline_reason: LEAVE_REASON }]);
  });

  it('lets the official cancel it with a reason', async () => {
    await official.goto(detailPath);
    await waitForStatus(official, 'scheduled');
    await official.getByTestId('meeting-participants').getByRole('row').filter({ hasText: '黄志坚' }).getByText('请假').waitFor();
    await official.getByTestId('meeting-cancel').click();
    await official.getByTestId('meeting-cancel-reason').fill(CANCEL_REASON);
    await official.getByTestId('meeting-cancel-ok').click();
    await waitForStatus(official, 'cancelled');
    expect(await official.getByTestId('meeting-status').textContent()).toBe('已取消');
    await official.getByTestId('meeting-cancel-reason-shown').getByText(CANCEL_REASON).waitFor();
    await official.screenshot({ path: screenshotPath('meetings'), fullPage: true, animations: 'disabled' });

    const { rows } = await harness.app.db.admin.query('SELECT status, cancel_reason FROM meetings WHERE title = $1', [TITLE]);
    expect(rows).toEqual([{ status: 'cancelled', cancel_reason: CANCEL_REASON }]);

    // The list strikes it through.
    await official.getByTestId('nav-meetings').click();
    await official.waitForURL('**/meetings');
    await official.getByTestId('meetings-view').getByText('列表').click();
    const link = official.getByTestId('meetings-list').getByRole('link', { name: TITLE });
    expect(await link.getAttribute('data-status')).toBe('cancelled');
    expect(await link.evaluate((node) => (node as { style: { textDecoration: string } }).style.textDecoration)).toContain('line-through');
  });

  it('threw no uncaught errors in the page', () => {
    expect(harness.pageErrors).toEqual([]);
  });
});
