import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { Page } from 'playwright-core';
import { waitFor } from '../support/wait-for';
import { animationsDone, login, pickOption, screenshotPath, startBrowserHarness, type BrowserHarness } from './support';

dayjs.extend(utc);
dayjs.extend(timezone);

const GROUP = '石狮市青年企业家研学团';
const ZONE = '晋工机械产品展示厅';
const SITE = '晋工机械智能装配线';
const ENTERPRISE = '恒达智能装备';

/** A 320×200 PNG drawn by the browser itself, big enough to see in the preview. */
async function drawnPng(page: Page): Promise<Buffer> {
  // A string, evaluated in the page: the test's own TypeScript has no DOM types.
  const dataUrl = await page.evaluate<string>(`(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 200;
    const g = canvas.getContext('2d');
    g.fillStyle = '#c0392b';
    g.fillRect(0, 0, 320, 200);
    g.fillStyle = '#f1c40f';
    g.fillRect(40, 40, 240, 120);
    return canvas.toDataURL('image/png');
  })()`);
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}

describe('officials manage venues, study sites and pairs (browser)', () => {
  let harness: BrowserHarness;
  let official: Page;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    official = await harness.newPage();
    await login(official, 'official@anhai.demo');
  }, 180_000);
  afterAll(() => harness?.close());

  it("shows the management pages in the official's menu", async () => {
    const menu = official.getByTestId('main-nav');
    // Both sit in the 阵地与研学 group, closed on a first visit.
    await official.getByTestId('nav-group-venues').click();
    await menu.getByText('场地管理').waitFor();
    await menu.getByText('示范点管理').waitFor();
  });

  it('creates a zone with opening hours and approval, uploads a photo and sees it', async () => {
    await official.goto('/venue-admin');
    await official.getByTestId('zone-add').click();
    await official.getByTestId('zone-name').fill(ZONE);
    await pickOption(official, official.getByTestId('zone-kind'), '企业展示区');
    await official.getByTestId('zone-capacity').fill('40');
    await official.getByTestId('zone-approval').click();
    await official.getByTestId('zone-limit-hours').click();
    // Weekdays 08:30–17:30 by default; open Saturday too.
    await official.getByTestId('day-open-sat').click();
    await official.screenshot({ path: screenshotPath('zone-form') });
    await official.getByTestId('zone-submit').click();

    const row = official.getByTestId('admin-zones').locator('tr', { hasText: ZONE });
    await row.waitFor();
    await row.getByText('需审批').waitFor();
    await row.getByText('周一至周六 08:30–17:30；周日 不开放').waitFor();

    await row.locator('.ant-table-row-expand-icon').click();
    const photos = official.getByTestId('admin-zones').locator('[data-testid^="zone-photos-"]');
    await photos.getByText('暂无照片').waitFor();
    const chooser = official.waitForEvent('filechooser');
    await photos.getByTestId('zone-photo-upload').click();
    await (await chooser).setFiles({ name: 'showroom.png', mimeType: 'image/png', buffer: await drawnPng(official) });
    const image = photos.getByTestId('photo').locator('img');
    await image.waitFor({ timeout: 30_000 });
    // Loaded from the API through the object URL: the drawn 320-pixel width, not a broken image.
    await waitFor(
      () => image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
      (width) => width === 320,
      10_000,
    );
    expect(await row.locator('td').nth(6).innerText()).toBe('1');
    await official.screenshot({ path: screenshotPath('venue-admin'), fullPage: true });

    // The preview opens larger on click.
    await photos.getByTestId('photo').click();
    await official.locator('.ant-image-preview-img').waitFor();
    await official.keyboard.press('Escape');

    // The zone is bookable on the members' venue page with its hours.
    await official.goto('/venues');
    await official.getByTestId('venue-zones').locator('tr', { hasText: ZONE }).getByText('需审批').waitFor();
  });

  it('adds a study site, moves it up the route and records a visit by hand', async () => {
    await official.goto('/study-sites');
    await official.getByTestId('admin-sites').locator('tr', { hasText: '红色示范车间' }).waitFor();
    await official.getByTestId('site-add').click();
    await official.getByTestId('site-name').fill(SITE);
    await official.getByTestId('site-address').fill('安海镇前蔡村晋工机械厂区');
    await official.getByTestId('site-description').fill('参观智能装配线与产业工人技能实训室。');
    await official.getByTestId('site-capacity').fill('30');
    await official.getByTestId('site-submit').click();
    const row = official.getByTestId('admin-sites').locator('tr', { hasText: SITE });
    await row.locator('td', { hasText: /^4$/ }).waitFor();
    await official.getByTestId(`site-up-${SITE}`).click();
    await row.locator('td', { hasText: /^3$/ }).waitFor();

    await row.locator('.ant-table-row-expand-icon').click();
    const photos = official.getByTestId(`site-photos-${SITE}`);
    const chooser = official.waitForEvent('filechooser');
    await photos.getByTestId('site-photo-upload').click();
    await (await chooser).setFiles({ name: 'line.png', mimeType: 'image/png', buffer: await drawnPng(official) });
    await photos.getByTestId('photo').locator('img').waitFor({ timeout: 30_000 });

    // An outside group booked for today, whose visit the official then records by hand.
    await official.goto('/study-route');
    const visitOn = official.getByTestId('study-visit-on');
    const input = (await visitOn.evaluate((node) => node.tagName)) === 'INPUT' ? visitOn : visitOn.locator('input');
    await input.click();
    await input.fill(dayjs().tz('Asia/Shanghai').format('YYYY-MM-DD'));
    await input.press('Enter');
    await official.getByTestId('study-availability').waitFor();
    await official.getByTestId('study-group-name').fill(GROUP);
    await official.getByTestId('study-group-size').fill('8');
    await official.getByText('外来团队（代为登记）').click();
    await official.getByTestId('study-book-submit').click();
    await official.getByTestId('study-bookings').locator('tr', { hasText: GROUP }).waitFor({ timeout: 30_000 });

    await official.goto('/study-sites');
    await official.getByTestId(`site-record-${SITE}`).click();
    const booking = official.getByTestId('record-bookings').locator('.ant-list-item', { hasText: GROUP });
    await booking.waitFor();
    await animationsDone(official);
    const recorded = official.waitForResponse(
      (r) => r.request().method() === 'POST' && /\/study-route\/sites\/[^/]+\/visits$/.test(r.url()),
    );
    await booking.getByTestId('record-visit').click();
    expect((await recorded).status()).toBe(201);
    await booking.getByText('已登记').waitFor({ timeout: 30_000 });
    await official.screenshot({ path: screenshotPath('study-sites-record'), fullPage: true });
    await official.keyboard.press('Escape');
    await official.screenshot({ path: screenshotPath('study-sites'), fullPage: true });
  });

  it('pairs the official with an enterprise, changes the interval and ends the pair', async () => {
    await official.goto('/pairing');
    await official.getByTestId('pairs').locator('tr', { hasText: '兴翼机械' }).waitFor();
    await official.getByTestId('pair-create').click();
    await pickOption(official, official.getByTestId('pair-enterprise'), ENTERPRISE, '恒达');
    await official.getByTestId('pair-interval').fill('14');
    await official.getByTestId('pair-submit').click();
    const row = official.getByTestId('pairs').locator('tr', { hasText: ENTERPRISE });
    await row.getByText('每 14 天').waitFor();

    await row.click();
    await official.getByTestId('pair-interval-edit').fill('21');
    await official.getByTestId('pair-interval-save').click();
    await row.getByText('每 21 天').waitFor();
    await official.screenshot({ path: screenshotPath('pairing'), fullPage: true });
    await official.getByTestId('pair-end').click();
    await official.getByTestId('pair-end-ok').click();
    await row.getByTestId('pair-ended').waitFor();
    expect(harness.pageErrors).toEqual([]);
  });
});
