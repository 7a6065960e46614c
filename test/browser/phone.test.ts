import dayjs from 'dayjs';
import type { BrowserContext, Page } from 'playwright-core';
import { Http } from '../support/http';
import { waitFor } from '../support/wait-for';
import { login, pickOption, screenshotPath, startBrowserHarness, watchedPage, type BrowserHarness } from './support';

const ALLIANCE = '安海镇智能装备制造产业集群党建联盟';
const TITLE = '车间数控折弯机液压站漏油，申请技改补贴咨询';
const MEETING = '智能装备产业链移动端协调会';
const ADDRESS = '鸿安机械党群活动中心';

/** An enterprise contact's and a department person's phone: 390×844 CSS pixels at 3× (an iPhone 12–15). */
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true } as const;

interface Phone {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

/**
 * How wide the page is, and the window. On a mobile browser a page wider than the screen widens the
 * window too (it zooms out to show it all), so both must equal the phone's width: comparing the one
 * with the other would never fail.
 */
function pageWidths(page: Page): Promise<{ scroll: number; inner: number }> {
  return page.evaluate<{ scroll: number; inner: number }>(
    '({ scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth })',
  );
}

/** The status tag of the request's detail page, once it shows `status`. */
async function waitForStatus(page: Page, status: string, timeout = 45_000): Promise<void> {
  await page.locator(`[data-testid="sr-status"][data-status="${status}"]`).waitFor({ timeout });
}

describe('the phone: enterprise orders, department serves, meetings, installable app (browser, 390×844)', () => {
  let harness: BrowserHarness;
  let http: Http;
  let enterprise: Phone;
  let detailPath: string;
  let meetingId: string;
  let officialToken: string;

  async function phone(): Promise<Phone> {
    const { context, page, errors } = await watchedPage(harness, PHONE);
    return { context, page, errors };
  }

  /** The page fits the phone's width (no sideways scrolling), nothing went wrong, and a screenshot to look at. */
  async function checkStep(device: Phone, name: string): Promise<void> {
    const { page } = device;
    await page.waitForLoadState('networkidle').catch(() => undefined);
    const widths = await pageWidths(page);
    await page.screenshot({ path: screenshotPath(`phone-${name}`), fullPage: true, animations: 'disabled' });
    expect({ step: name, ...widths }).toEqual({
      step: name,
      scroll: PHONE.viewport.width,
      inner: PHONE.viewport.width,
    });
    expect({ step: name, errors: device.errors }).toEqual({ step: name, errors: [] });
  }

  beforeAll(async () => {
    harness = await startBrowserHarness();
    http = new Http(harness.app.api);
    officialToken = (await http.login('official@anhai.demo')).accessToken;
    // The demo has no meeting yet: the township invites 兴翼机械 to one starting within the hour,
    // so that check-in (open from an hour before) can be tried too.
    const id = async (sql: string) => (await harness.app.db.admin.query(sql)).rows[0].id as string;
    const allianceId = await id(`SELECT id FROM alliances WHERE name = '${ALLIANCE}'`);
    const officialId = await id(`SELECT id FROM users WHERE email = 'official@anhai.demo'`);
    const xingyiId = await id(`SELECT id FROM organizations WHERE name = '兴翼机械'`);
    const base = dayjs().add(30, 'minute').startOf('minute');
    const start = base.subtract(base.minute() % 5, 'minute');
    for (const offset of [0, 10, 20]) {
      const reply = await http.post(
        '/api/v1/meetings',
        {
          allianceId,
          title: MEETING,
          chairId: officialId,
          place: { kind: 'address', address: ADDRESS },
          startsAt: start.add(offset, 'minute').toISOString(),
          endsAt: start.add(offset + 60, 'minute').toISOString(),
          invitees: { organizationIds: [xingyiId], requiredUserIds: [] },
        },
        { token: officialToken },
      );
      if (reply.status === 201) {
        meetingId = reply.body.items[0].id;
        break;
      }
    }
    expect(meetingId).toBeDefined();
    enterprise = await phone();
  });
  afterAll(() => harness?.close());

  it('gives the enterprise contact a tab bar, not the sidebar, and a header that names the township and the user', async () => {
    const { page } = enterprise;
    await login(page, 'xingyi@anhai.demo');
    await page.getByTestId('tab-bar').waitFor();
    expect(await page.getByTestId('main-nav').isVisible()).toBe(false);
    expect(await page.locator('.ant-layout-sider-zero-width-trigger').isVisible()).toBe(false);
    const tabs = await page.getByTestId('tab-bar').locator('.tab-bar-label').allInnerTexts();
    expect(tabs).toEqual(['工作台', '诉求', '提交', '会议', '我的']);
    // The township's name whole (安海镇), not cut to one character.
    const tenant = page.getByTestId('tenant-name');
    expect(await tenant.innerText()).toBe('安海镇');
    expect(await tenant.evaluate((node) => node.scrollWidth <= node.clientWidth)).toBe(true);
    await page.getByTestId('user-name').waitFor();
    await page.waitForURL('**/home');
    await checkStep(enterprise, 'enterprise-home');
    // The width check sees a page wider than the phone (so that its passes above and below mean something).
    await page.evaluate(
      `document.querySelector('.app-content').insertAdjacentHTML('beforeend', '<div id="too-wide" style="width: 600px; height: 1px"></div>')`,
    );
    const wide = await pageWidths(page);
    await page.evaluate(`document.getElementById('too-wide').remove()`);
    expect(wide.scroll).toBeGreaterThan(PHONE.viewport.width);
    expect(await pageWidths(page)).toEqual({ scroll: PHONE.viewport.width, inner: PHONE.viewport.width });

    // 我的: the rest of the menu and the language.
    await page.getByTestId('tab-me').click();
    const drawer = page.getByTestId('me-drawer');
    await drawer.getByTestId('more-venues').waitFor();
    await drawer.getByText('兴翼机械').waitFor();
    await checkStep(enterprise, 'enterprise-me');
    await drawer.getByTestId('more-notifications').click();
    await page.waitForURL('**/notifications');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('lists the enterprise’s requests as cards', async () => {
    const { page } = enterprise;
    await page.getByTestId('tab-service-requests').click();
    await page.waitForURL('**/service-requests');
    const list = page.getByTestId('sr-list');
    await list.getByTestId('sr-link').first().waitFor();
    expect(await list.locator('table').count()).toBe(0);
    // Nothing floats over the page's title (the sidebar's old trigger did): its first character is on top.
    const title = page.locator('.page-header h3');
    const box = (await title.boundingBox())!;
    expect(
      await page.evaluate<boolean>(
        `document.elementFromPoint(${box.x + 4}, ${box.y + box.height / 2})?.closest('h3') !== null`,
      ),
    ).toBe(true);
    await checkStep(enterprise, 'enterprise-requests');
  });

  it('submits a request with a photo taken by the camera as its attachment', async () => {
    const { page } = enterprise;
    await page.getByTestId('tab-submit-request').click();
    await page.waitForURL('**/submit-request');
    const form = page.getByTestId('sr-submit-form');
    await form.waitFor();
    // The enterprise's only alliance: named in the header, nothing to pick.
    await page.getByTestId('page-alliance').getByText(ALLIANCE).waitFor();
    await pickOption(page, page.getByTestId('sr-category'), '政策咨询');
    await page.getByTestId('sr-title').fill(TITLE);
    await page
      .getByTestId('sr-description')
      .fill('二号车间折弯机液压站漏油，想了解设备技改补贴的申报条件，现场照片见附件。');
    // The camera's photo: a real JPEG, as a phone camera hands it over.
    const photo = await page.screenshot({ type: 'jpeg', quality: 60 });
    await page
      .getByTestId('sr-camera-input')
      .setInputFiles({ name: '现场照片.jpg', mimeType: 'image/jpeg', buffer: photo });
    await form.getByText('现场照片.jpg').waitFor();
    await checkStep(enterprise, 'enterprise-submit');
    await page.getByTestId('sr-submit').click();

    await page.waitForURL(/\/service-requests\/[0-9a-f-]{36}$/);
    detailPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await page.getByTestId('sr-attachments').getByText('现场照片.jpg').waitFor();
    await waitForStatus(page, 'routed');
    await checkStep(enterprise, 'enterprise-detail');
    const { rows } = await harness.app.db.admin.query(
      `SELECT a.file_name, a.content_type FROM service_request_attachments a JOIN service_requests r ON r.id = a.request_id WHERE r.title = $1`,
      [TITLE],
    );
    expect(rows).toEqual([{ file_name: '现场照片.jpg', content_type: 'image/jpeg' }]);
  });

  it('lets the department person accept it from the request on a phone', async () => {
    const { rows } = await harness.app.db.admin.query(
      'SELECT u.email FROM service_requests r JOIN users u ON u.id = r.handler_id WHERE r.title = $1',
      [TITLE],
    );
    expect(rows).toHaveLength(1);
    const department = await phone();
    const { page } = department;
    await login(page, rows[0].email);
    const tabs = await page.getByTestId('tab-bar').locator('.tab-bar-label').allInnerTexts();
    expect(tabs).toEqual(['工作台', '待办', '会议', '通知', '我的']);
    await page.getByTestId('tab-service-inbox').click();
    const card = page.getByTestId('sr-inbox').getByTestId('sr-link').filter({ hasText: TITLE });
    await card.waitFor();
    await checkStep(department, 'department-inbox');
    await card.click();
    await page.waitForURL(`**${detailPath}`);
    await waitForStatus(page, 'routed');
    await checkStep(department, 'department-detail');
    await page.getByTestId('sr-action-accept').click();
    await waitForStatus(page, 'accepted');

    // Resolving asks for a text in a modal that fits the phone.
    await page.getByTestId('sr-action-resolve').click();
    await page.getByTestId('sr-modal-text').fill('已上门查看，补贴申报条件和材料清单已发至联系人。');
    await checkStep(department, 'department-resolve');
    await page.getByTestId('sr-modal-ok').click();
    await waitForStatus(page, 'resolved');
    await checkStep(department, 'department-resolved');
  });

  it('lets the enterprise answer a meeting invitation and check in with the code at the meeting', async () => {
    const { page } = enterprise;
    await page.getByTestId('tab-meetings').click();
    await page.waitForURL('**/meetings');
    const link = page.getByTestId('meeting-link').filter({ hasText: MEETING });
    await link.first().waitFor();
    await checkStep(enterprise, 'enterprise-meetings');
    await link.first().click();
    await page.waitForURL(`**/meetings/${meetingId}`);
    // The organisation is invited: its contact names themself, then accepts.
    await page.getByTestId('meeting-attend-self').click();
    await page.getByTestId('rsvp-accept').click();
    await page.getByTestId('meeting-participants').getByText('已接受').waitFor();
    await checkStep(enterprise, 'enterprise-meeting');

    // At the meeting, the phone's camera reads the QR code on the screen: its link checks in.
    const { status, body } = await http.get(`/api/v1/meetings/${meetingId}/check-in-code`, { token: officialToken });
    expect(status).toBe(200);
    const url = new URL(body.url);
    await page.goto(url.pathname + url.search);
    const result = page.getByTestId('checkin-result');
    await result.waitFor();
    expect(await result.getAttribute('data-result')).toBe('success');
    await checkStep(enterprise, 'enterprise-checked-in');
  });

  it('serves a valid web app manifest whose icons exist, and the service worker as JavaScript', async () => {
    const manifestReply = await fetch(`${harness.baseUrl}/manifest.webmanifest`);
    expect(manifestReply.status).toBe(200);
    expect(manifestReply.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    const manifest = (await manifestReply.json()) as {
      start_url: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({
      short_name: '联盟',
      start_url: '/home',
      display: 'standalone',
      theme_color: '#c8102e',
    });
    expect(manifest.icons.map((icon) => icon.sizes).sort()).toEqual(['192x192', '512x512', '512x512']);
    expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) {
      const reply = await fetch(`${harness.baseUrl}${icon.src}`);
      expect({ src: icon.src, status: reply.status, type: reply.headers.get('content-type') }).toEqual({
        src: icon.src,
        status: 200,
        type: 'image/png',
      });
      const png = Buffer.from(await reply.arrayBuffer());
      // The PNG's own width and height (IHDR) are what the manifest says.
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
    }

    const sw = await fetch(`${harness.baseUrl}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('content-type')).toMatch(/^(application|text)\/javascript/);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    // The SPA's fallback does not answer for them: a missing file is still index.html, these are not.
    expect(await sw.text()).toContain("addEventListener('fetch'");
    const offline = await fetch(`${harness.baseUrl}/offline.html`);
    expect(await offline.text()).toContain('网络未连接');

    // The page links them, and the CSP lets the worker and the manifest load.
    const html = await (await fetch(`${harness.baseUrl}/home`)).text();
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest"');
    expect(html).toContain('<meta name="theme-color" content="#c8102e"');
    expect(html).toContain('<link rel="apple-touch-icon" href="/icons/apple-touch-icon.png"');
  });

  it('shows the offline page when the phone loses its network after one visit, and keeps no API response', async () => {
    const device = await phone();
    const { page, context } = device;
    await login(page, 'xingyi@anhai.demo');
    await page.getByTestId('tab-bar').waitFor();
    // The worker is installed and controls the page.
    const controlled = () => page.evaluate<boolean>('Boolean(navigator.serviceWorker.controller)');
    await page.evaluate('navigator.serviceWorker.ready.then(() => undefined)');
    await waitFor(controlled, Boolean, 15_000);
    await checkStep(device, 'online');

    await context.setOffline(true);
    await page.goto('/service-requests');
    await page.getByTestId('offline-page').waitFor();
    await page.getByText('You are offline').waitFor();
    await page.screenshot({ path: screenshotPath('phone-offline'), animations: 'disabled' });
    expect(await pageWidths(page)).toEqual({ scroll: PHONE.viewport.width, inner: PHONE.viewport.width });

    // What the worker keeps: the shell's files, never an API answer or a page's HTML.
    const cached = await page.evaluate<string[]>(`(async () => {
      const paths = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
      return paths;
    })()`);
    expect(cached).toContain('/offline.html');
    expect(
      cached.filter((path) => path.startsWith('/api') || path === '/home' || path === '/' || path === '/index.html'),
    ).toEqual([]);

    await context.setOffline(false);
    await page.goto('/home');
    await page.getByTestId('tab-bar').waitFor();
  });
});
