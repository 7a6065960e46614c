import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { Page } from 'playwright-core';
import { login, startBrowserHarness, type BrowserHarness } from './support';

dayjs.extend(utc);
dayjs.extend(timezone);

const PURPOSE = '兴翼机械党支部组织生活会';
const GROUP = '晋江市青年企业家研学团';
/** The first site of the seeded route, whose code the official shows. */
const FIRST_SITE = '红色示范车间';

/** A day a week ahead that is not a Sunday (the party-member activity zone is closed on Sundays). */
function dayAhead(): string {
  let day = dayjs().tz('Asia/Shanghai').add(6, 'day');
  if (day.day() === 0) day = day.add(1, 'day');
  return day.format('YYYY-MM-DD');
}

/** Types both ends of the antd range picker in the open dialog (the picker puts its test id on an inner input). */
async function fillRange(page: Page, start: string, end: string): Promise<void> {
  const inputs = page.locator('.ant-modal .ant-picker-range input');
  await inputs.first().click();
  await inputs.first().fill(start);
  await inputs.first().press('Enter');
  await inputs.nth(1).fill(end);
  await inputs.nth(1).press('Enter');
}

describe('activity venues and the study route (browser)', () => {
  let harness: BrowserHarness;
  let official: Page;
  let member: Page;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    official = await harness.newPage();
    member = await harness.newPage();
    await login(official, 'official@anhai.demo');
    await login(member, 'xingyi@anhai.demo');
  }, 180_000);
  afterAll(() => harness?.close());

  it('books a zone that needs approval; the official approves it and it shows on the venue calendar', async () => {
    const day = dayAhead();
    await member.goto('/venues');
    await member.getByTestId('book-zone-党员活动区').click();
    await fillRange(member, `${day} 19:00`, `${day} 20:30`);
    await member.getByTestId('booking-purpose').fill(PURPOSE);
    await member.getByTestId('booking-attendees').fill('30');
    await member.getByTestId('booking-submit').click();
    const mine = member.getByTestId('venue-bookings').locator('tr', { hasText: PURPOSE });
    await mine.waitFor();
    await mine.getByText('待审批').waitFor();

    await official.goto('/venues');
    const pending = official.getByTestId('venue-bookings').locator('tr', { hasText: PURPOSE });
    await pending.getByTestId('booking-approve').click();
    await pending.waitFor({ state: 'detached', timeout: 30_000 });

    await member.reload();
    await member
      .getByTestId('venue-bookings')
      .locator('tr', { hasText: PURPOSE })
      .getByText('已通过')
      .waitFor({ timeout: 30_000 });
    const calendar = member.getByTestId('venue-calendar');
    await member.locator('.section-card', { has: calendar }).locator('.ant-picker input').fill(day);
    await member.locator('.section-card', { has: calendar }).locator('.ant-picker input').press('Enter');
    await calendar.locator('tr', { hasText: PURPOSE }).waitFor({ timeout: 30_000 });
  });

  it('books a study-route visit for a group and records it at a site by its QR code', async () => {
    const today = dayjs().tz('Asia/Shanghai').format('YYYY-MM-DD');
    await member.goto('/study-route');
    await member.getByTestId('study-sites').waitFor();
    const visitOn = member.getByTestId('study-visit-on');
    const input = (await visitOn.evaluate((node) => node.tagName)) === 'INPUT' ? visitOn : visitOn.locator('input');
    await input.click();
    await input.fill(today);
    await input.press('Enter');
    await member.getByTestId('study-availability').waitFor();
    await member.getByTestId('study-group-name').fill(GROUP);
    await member.getByTestId('study-group-size').fill('12');
    await member.getByTestId('study-book-submit').click();
    await member.getByTestId('study-bookings').locator('tr', { hasText: GROUP }).waitFor({ timeout: 30_000 });

    // The official shows the first site's QR code; its address is what the code holds.
    await official.goto('/study-route');
    await official.getByTestId('site-code-1').click();
    await official.getByTestId('site-qr').waitFor();
    const url = (await official.getByTestId('site-qr-url').innerText()).trim();
    expect(url).toMatch(/\/study-route\/scan\/[\w-]{16,}$/);

    // What the statistics held for the first site this month before the visit (the seed's groups may have been there).
    const month = today.slice(0, 7);
    const {
      rows: [before],
    } = await harness.app.db.admin.query(
      `SELECT count(*)::int AS visits, coalesce(sum(v.people), 0)::int AS people
         FROM study_site_visits v JOIN study_sites s ON s.id = v.site_id JOIN tenants t ON t.id = s.tenant_id
        WHERE t.slug = 'anhai' AND s.name = $1 AND to_char(v.visited_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = $2`,
      [FIRST_SITE, month],
    );

    await member.goto(new URL(url).pathname);
    const record = member.getByTestId('scan-record').filter({ hasText: GROUP });
    await record.click();
    await member.getByTestId('scan-done').waitFor({ timeout: 30_000 });
    await member.reload();
    await member
      .getByTestId('scan-record')
      .filter({ hasText: GROUP })
      .and(member.locator('[disabled]'))
      .waitFor({ timeout: 30_000 });

    await official.keyboard.press('Escape');
    await official.reload();
    // The visit just recorded counts for the first site in this month: one more visit, twelve more people.
    const row = official
      .getByTestId('study-stats')
      .locator('tr.ant-table-row')
      .filter({ hasText: month })
      .filter({ hasText: FIRST_SITE });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.locator('td').allTextContents()).toEqual([
      month,
      FIRST_SITE,
      String(before.visits + 1),
      String(before.people + 12),
    ]);
    expect(harness.pageErrors).toEqual([]);
  });
});
