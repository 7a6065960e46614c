import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { BrowserContext, Page } from 'playwright-core';
import { Http } from '../support/http';
import { login, pickOption, screenshotPath, startBrowserHarness, watchedPage, type BrowserHarness } from './support';

dayjs.extend(utc);
dayjs.extend(timezone);

const ALLIANCE = '安海镇智能装备制造产业集群党建联盟';
const DISTINCT = '第四季度智能装备产业链联席会议';
const WIDE = { viewport: { width: 1440, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** How the modal writes a slot: "12-08 周二 09:00–10:00". */
const slotText = (startsAt: string) => {
  const start = dayjs(startsAt).tz('Asia/Shanghai');
  return `${start.format('MM-DD')} ${'周日 周一 周二 周三 周四 周五 周六'.split(' ')[start.day()]} ${start.format('HH:mm')}`;
};

/** Opens 安排会议 on the meetings page and chooses the smart-equipment alliance. */
async function openScheduleModal(page: Page): Promise<void> {
  await page.goto('/meetings');
  await page.getByTestId('meetings-new').click();
  await page.getByTestId('meeting-form').waitFor();
  await pickOption(page, page.getByTestId('meeting-alliance'), ALLIANCE);
}

/** Required people: an enterprise contact, found by the name of his enterprise. */
async function requireJingongContact(page: Page): Promise<void> {
  const required = page.getByTestId('meeting-required');
  await pickOption(page, required, '王志强', '晋工');
  await page.keyboard.press('Escape');
  // The chosen tag names his enterprise beside him.
  await required.getByText('王志强（晋工机械）').waitFor();
}

describe('joint meetings: an enterprise contact as a required attendee, confirmation, readable calendar (browser)', () => {
  let harness: BrowserHarness;
  let http: Http;
  let token: string;
  let blockedSlot: string;
  let title: string;
  let meetingPath: string;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    harness = await startBrowserHarness();
    http = new Http(harness.app.api);
    token = (await http.login('official@anhai.demo')).accessToken;
    const id = async (sql: string) => (await harness.app.db.admin.query(sql)).rows[0].id as string;
    const ids = {
      alliance: await id(`SELECT id FROM alliances WHERE name = '${ALLIANCE}'`),
      official: await id(`SELECT id FROM users WHERE email = 'official@anhai.demo'`),
      dept2: await id(`SELECT id FROM users WHERE email = 'dept2@anhai.demo'`),
      jingong: await id(`SELECT id FROM users WHERE email = 'jingong@anhai.demo'`),
    };
    // The first hour the official alone would be offered (the form's window and length) ...
    const from = dayjs().add(1, 'hour').startOf('hour').toISOString();
    const to = dayjs().add(14, 'day').toISOString();
    const free = await http.get(
      `/api/v1/meetings/free-slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&durationMinutes=60&userIds=${ids.official}&limit=1`,
      { token },
    );
    blockedSlot = free.body.items[0].startsAt;
    // ... is when the lead enterprise's contact is already in another meeting (chaired by someone else).
    const busy = await http.post(
      '/api/v1/meetings',
      {
        allianceId: ids.alliance,
        title: '晋工机械供应链对接会',
        chairId: ids.dept2,
        place: { kind: 'address', address: '晋工机械会议中心' },
        startsAt: blockedSlot,
        endsAt: dayjs(blockedSlot).add(1, 'hour').toISOString(),
        invitees: { requiredUserIds: [ids.jingong] },
      },
      { token },
    );
    expect(busy.status).toBe(201);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await harness?.close();
  });

  const open = async (options: typeof WIDE | typeof PHONE) => {
    const watched = await watchedPage(harness, options);
    contexts.push(watched.context);
    await login(watched.page, 'official@anhai.demo');
    return watched;
  };

  it('finds an enterprise contact by his enterprise, says why when nobody matches, and keeps his busy hour out of the free slots', async () => {
    const { page, errors: logged } = await open(WIDE);
    await openScheduleModal(page);
    const required = page.getByTestId('meeting-required');
    await required.click();
    await required.locator('input').fill('不存在的人');
    const empty = page.getByTestId('user-select-empty');
    await empty.getByText('没有找到“不存在的人”；只能邀请本镇干部、智库专家和本联盟成员单位的人员').waitFor();
    await required.locator('input').fill('');
    await page.keyboard.press('Escape');
    await requireJingongContact(page);

    await page.getByTestId('meeting-find-slots').click();
    const slots = page.getByTestId('meeting-slots').getByTestId('meeting-slot');
    await slots.first().waitFor();
    const offered = await slots.allInnerTexts();
    expect(offered.length).toBeGreaterThan(0);
    // Free for the official, but not for the contact: not offered.
    expect(offered.some((text) => text.startsWith(slotText(blockedSlot)))).toBe(false);
    await page.screenshot({ path: screenshotPath('meeting-schedule-enterprise-contact-1440'), animations: 'disabled' });

    // Schedule it in the first slot offered: a confirmation, then the new meeting's page.
    await slots.first().click();
    const picker = page.getByTestId('meeting-date');
    const date = await (
      (await picker.evaluate((node) => node.tagName)) === 'INPUT' ? picker : picker.locator('input')
    ).inputValue();
    title = `${date.slice(0, 4)}年${DISTINCT}`;
    await page.getByTestId('meeting-title').fill(title);
    await page.getByTestId('meeting-address').fill('晋工机械会议中心');
    await page.getByTestId('meeting-submit').click();
    await page.locator('.ant-message').getByText(`已安排会议《${title}》，已通知 2 人`).waitFor();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    meetingPath = new URL(page.url()).pathname;
    await page.getByTestId('meeting-participants').getByRole('row').filter({ hasText: '王志强' }).waitFor();
    errors.push(...logged);
  });

  it('shows the schedule form with the contact chosen on a phone', async () => {
    const { page, errors: logged } = await open(PHONE);
    await openScheduleModal(page);
    await requireJingongContact(page);
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('meeting-schedule-enterprise-contact-390'), animations: 'disabled' });
    errors.push(...logged);
  });

  it('shows the calendar entry’s distinctive part in the month cell and its full title on hover', async () => {
    const { page, errors: logged } = await open(WIDE);
    await page.goto('/meetings');
    const calendar = page.getByTestId('meetings-calendar');
    await calendar.waitFor();
    const start = dayjs(await meetingStart()).tz('Asia/Shanghai');
    if (!start.isSame(dayjs().tz('Asia/Shanghai'), 'month')) {
      await pickOption(page, calendar.locator('.ant-picker-calendar-month-select'), `${start.month() + 1}月`);
    }
    const link = calendar.locator(`a[href="${meetingPath}"]`);
    await link.waitFor();
    // The year prefix goes; what tells this meeting apart stays, whole, within two lines.
    expect(await link.textContent()).toBe(`${start.format('HH:mm')} ${DISTINCT}`);
    const clipped = await page.evaluate<boolean>(
      `(() => { const a = document.querySelector('[data-testid="meetings-calendar"] a[href="${meetingPath}"]'); return a.scrollHeight > a.clientHeight + 1; })()`,
    );
    expect(clipped).toBe(false);
    await link.hover();
    await page.getByTestId('meeting-link-tooltip').getByText(title).waitFor();
    expect(await link.getAttribute('aria-label')).toContain(title);
    await page.screenshot({ path: screenshotPath('meetings-calendar-1440'), fullPage: true, animations: 'disabled' });

    // The week shows the full title.
    await page.getByTestId('meetings-view').getByText('周', { exact: true }).click();
    await showWeekOf(page);
    await page.getByTestId('meetings-week').getByRole('link', { name: title }).waitFor();
    errors.push(...logged);
  });

  it('keeps the calendar readable on a phone', async () => {
    const { page, errors: logged } = await open(PHONE);
    await page.goto('/meetings');
    const week = page.getByTestId('meetings-week');
    await week.waitFor();
    await showWeekOf(page);
    // The week (a phone's first view) shows the whole title, wrapping rather than running off the screen.
    const link = week.getByRole('link', { name: title });
    await link.waitFor();
    expect(await link.textContent()).toContain(title);
    const box = await link.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('meetings-calendar-390'), fullPage: true, animations: 'disabled' });
    // The month grid has a dot per meeting; tapping the day lists its meetings in full below.
    await page.getByTestId('meetings-view').getByText('月', { exact: true }).click();
    const calendar = page.getByTestId('meetings-calendar');
    await calendar.waitFor();
    const day = dayjs(await meetingStart()).tz('Asia/Shanghai');
    if (!day.isSame(dayjs().tz('Asia/Shanghai'), 'month')) {
      await pickOption(page, calendar.locator('.ant-picker-calendar-month-select'), `${day.month() + 1}月`);
    }
    await calendar.locator(`.ant-picker-cell[title="${day.format('YYYY-MM-DD')}"]`).click();
    await page.getByTestId('meetings-day').getByRole('link', { name: title }).waitFor();
    await page.screenshot({
      path: screenshotPath('meetings-calendar-month-390'),
      fullPage: true,
      animations: 'disabled',
    });
    errors.push(...logged);
  });

  it('logged no error in any page', () => {
    expect(errors).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  });

  /** Pages the week view on to the meeting's week: the form offers the next two weeks. */
  async function showWeekOf(page: Page): Promise<void> {
    const link = page.getByTestId('meetings-week').locator(`a[href="${meetingPath}"]`);
    for (let i = 0; i < 3; i++) {
      if (
        await link.waitFor({ timeout: 3_000 }).then(
          () => true,
          () => false,
        )
      )
        return;
      await page.getByRole('button', { name: '下一周' }).click();
    }
  }

  async function meetingStart(): Promise<string> {
    const { rows } = await harness.app.db.admin.query('SELECT starts_at FROM meetings WHERE id = $1', [
      meetingPath.split('/').pop(),
    ]);
    return (rows[0].starts_at as Date).toISOString();
  }
});
