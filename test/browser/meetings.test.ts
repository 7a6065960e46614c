import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { Page } from 'playwright-core';
import { Http } from '../support/http';
import { waitFor } from '../support/wait-for';
import { login, pickOption, startBrowserHarness, type BrowserHarness, screenshotPath, clickNav } from './support';

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
    await clickNav(official, 'meetings');
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
    await clickNav(official, 'meetings');
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
    await clickNav(dept, 'meetings');
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
    await official
      .getByTestId('meeting-participants')
      .getByRole('row')
      .filter({ hasText: '黄志坚' })
      .getByText('请假')
      .waitFor();
    await official.getByTestId('meeting-cancel').click();
    await official.getByTestId('meeting-cancel-reason').fill(CANCEL_REASON);
    await official.getByTestId('meeting-cancel-ok').click();
    await waitForStatus(official, 'cancelled');
    expect(await official.getByTestId('meeting-status').textContent()).toBe('已取消');
    await official.getByTestId('meeting-cancel-reason-shown').getByText(CANCEL_REASON).waitFor();
    await official.screenshot({ path: screenshotPath('meetings'), fullPage: true, animations: 'disabled' });

    const { rows } = await harness.app.db.admin.query('SELECT status, cancel_reason FROM meetings WHERE title = $1', [
      TITLE,
    ]);
    expect(rows).toEqual([{ status: 'cancelled', cancel_reason: CANCEL_REASON }]);

    // The list strikes it through.
    await clickNav(official, 'meetings');
    await official.waitForURL('**/meetings');
    await official.getByTestId('meetings-view').getByText('列表').click();
    const link = official.getByTestId('meetings-list').getByRole('link', { name: TITLE });
    expect(await link.getAttribute('data-status')).toBe('cancelled');
    expect(
      await link.evaluate((node) => (node as { style: { textDecoration: string } }).style.textDecoration),
    ).toContain('line-through');
  });

  it('threw no uncaught errors in the page', () => {
    expect(harness.pageErrors).toEqual([]);
  });
});

const SESSION_TITLE = '智能装备产业链月度协调会';
const MINUTES = '一、通报本月产业链供需对接情况。\n二、兴翼机械牵头推进首台套推广应用。';

describe('joint meetings: RSVP, QR check-in, minutes approved and exported (browser)', () => {
  let harness: BrowserHarness;
  let official: Page;
  let dept: Page;
  let http: Http;
  let officialToken: string;
  let meetingId: string;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    http = new Http(harness.app.api);
    officialToken = (await http.login('official@anhai.demo')).accessToken;
    const id = async (sql: string) => (await harness.app.db.admin.query(sql)).rows[0].id as string;
    const allianceId = await id(`SELECT id FROM alliances WHERE name = '安海镇智能装备制造产业集群党建联盟'`);
    const officialId = await id(`SELECT id FROM users WHERE email = 'official@anhai.demo'`);
    const deptId = await id(`SELECT id FROM users WHERE email = 'dept@anhai.demo'`);
    const xingyiId = await id(`SELECT id FROM organizations WHERE name = '兴翼机械'`);
    // Check-in opens an hour before the start: start within the hour (a later slot if one clashes).
    const base = dayjs().add(30, 'minute').startOf('minute');
    const start = base.subtract(base.minute() % 5, 'minute');
    for (const offset of [0, 10, 20]) {
      const reply = await http.post(
        '/api/v1/meetings',
        {
          allianceId,
          title: SESSION_TITLE,
          chairId: officialId,
          recorderId: deptId,
          place: { kind: 'address', address: ADDRESS },
          startsAt: start.add(offset, 'minute').toISOString(),
          endsAt: start.add(offset + 60, 'minute').toISOString(),
          invitees: { organizationIds: [xingyiId], requiredUserIds: [deptId] },
        },
        { token: officialToken },
      );
      if (reply.status === 201) {
        meetingId = reply.body.items[0].id;
        break;
      }
    }
    expect(meetingId).toBeDefined();
    official = await harness.newPage();
    await login(official, 'official@anhai.demo');
    dept = await harness.newPage();
    await login(dept, 'dept@anhai.demo');
  });
  afterAll(() => harness?.close());

  it('lets the required official accept in the page', async () => {
    await dept.goto(`/meetings/${meetingId}`);
    await waitForStatus(dept, 'scheduled');
    await dept.getByTestId('meeting-overview').getByText('黄志坚').waitFor();
    await dept.getByTestId('rsvp-accept').click();
    await dept
      .getByTestId('meeting-participants')
      .getByRole('row')
      .filter({ hasText: '黄志坚' })
      .getByText('已接受')
      .waitFor();
  });

  it('shows the official a QR code whose web page checks the recorder in', async () => {
    await official.goto(`/meetings/${meetingId}`);
    await waitForStatus(official, 'scheduled');
    await official.getByTestId('meeting-tab-checkin').click();
    await official.getByTestId('checkin-show-qr').click();
    const qr = official.getByTestId('checkin-qr');
    await qr.locator('svg').waitFor({ state: 'visible' });
    // Large enough to scan from the room (once the modal's opening animation is over).
    await waitFor(
      async () => (await qr.locator('svg').boundingBox())?.width ?? 0,
      (width) => width > 300,
      5_000,
    );
    await official.keyboard.press('Escape');

    const { status, body } = await http.get(`/api/v1/meetings/${meetingId}/check-in-code`, { token: officialToken });
    expect(status).toBe(200);
    const url = new URL(body.url);
    expect(url.pathname).toBe(`/meetings/${meetingId}/check-in`);
    await dept.goto(url.pathname + url.search);
    const result = dept.getByTestId('checkin-result');
    await result.waitFor();
    expect(await result.getAttribute('data-result')).toBe('success');
    await result.getByText('签到成功').waitFor();
    await result.getByRole('link').click();
    await dept.waitForURL(`**/meetings/${meetingId}`);
    await dept.getByTestId('meeting-tab-checkin').click();
    await dept.getByTestId('checkin-attendees').getByRole('row').filter({ hasText: '黄志坚' }).waitFor();

    const { rows } = await harness.app.db.admin.query(
      `SELECT u.email FROM meeting_attendance a JOIN users u ON u.id = a.user_id WHERE a.meeting_id = $1`,
      [meetingId],
    );
    expect(rows).toEqual([{ email: 'dept@anhai.demo' }]);
  });

  it('lets the recorder write and circulate the minutes, and the chair approve them, locked and exported to PDF', async () => {
    await dept.getByTestId('meeting-tab-minutes').click();
    await dept.locator('[data-testid="minutes-status"][data-status="none"]').waitFor();
    await dept.getByTestId('minutes-editor').fill(MINUTES);
    await dept.getByTestId('minutes-save').click();
    await dept.locator('[data-testid="minutes-status"][data-status="draft"]').waitFor();
    await dept.getByTestId('minutes-circulate').click();
    await dept.locator('[data-testid="minutes-status"][data-status="circulated"]').waitFor();

    await official.reload();
    await official.getByTestId('meeting-tab-minutes').click();
    await official.locator('[data-testid="minutes-status"][data-status="circulated"]').waitFor();
    await official.getByTestId('minutes-approve').click();
    await official.locator('[data-testid="minutes-status"][data-status="approved"]').waitFor();
    expect(await official.getByTestId('minutes-editor').count()).toBe(0);
    await official
      .getByTestId('minutes-content')
      .getByText('兴翼机械牵头推进首台套推广应用', { exact: false })
      .waitFor();

    const response = official.waitForResponse((r) => r.url().endsWith(`/api/v1/meetings/${meetingId}/minutes.pdf`));
    const download = official.waitForEvent('download');
    await official.getByTestId('minutes-pdf').click();
    expect((await response).status()).toBe(200);
    expect((await response).headers()['content-type']).toContain('application/pdf');
    expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
    await official.screenshot({ path: screenshotPath('meetings-minutes'), fullPage: true, animations: 'disabled' });

    await dept.reload();
    await dept.getByTestId('meeting-tab-minutes').click();
    await dept.locator('[data-testid="minutes-status"][data-status="approved"]').waitFor();
    expect(await dept.getByTestId('minutes-editor').count()).toBe(0);

    const { rows } = await harness.app.db.admin.query('SELECT status FROM meeting_minutes WHERE meeting_id = $1', [
      meetingId,
    ]);
    expect(rows).toEqual([{ status: 'approved' }]);
  });

  it('threw no uncaught errors in the page', () => {
    expect(harness.pageErrors).toEqual([]);
  });
});
