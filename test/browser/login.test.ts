import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../support/http';
import { clickNav, login, startBrowserHarness, type BrowserHarness, screenshotPath } from './support';

describe('signing in and out (browser)', () => {
  let harness: BrowserHarness;
  let page: Page;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    page = await harness.newPage();
  });
  afterAll(() => harness?.close());

  it('refuses a wrong password with the Chinese message and stays on the login page', async () => {
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByTestId('login-email').fill('official@anhai.demo');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();

    const error = page.getByTestId('login-error');
    await error.getByText('账号或密码错误').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('signs in on the workbench and shows the user in the header and the role navigation', async () => {
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();

    await page.waitForURL('**/home');
    await page.getByTestId('user-name').getByText('林镇长').waitFor();
    await page.getByTestId('tenant-name').getByText('安海镇').waitFor();
    await page.getByTestId('nav-home').getByText('工作台', { exact: true }).waitFor();
    await clickNav(page, 'alliances');
    await page.waitForURL('**/alliances');
    await page.getByTestId('nav-alliances').getByText('联盟', { exact: true }).waitFor();
    await page
      .getByTestId('alliances-table')
      .getByRole('link', { name: '安海镇智能装备制造产业集群党建联盟' })
      .waitFor();
    // Transitions (the table's loading veil fading out) are finished, not caught half way.
    await page.screenshot({ path: screenshotPath('login'), fullPage: true, animations: 'disabled' });
  });

  it('switches the interface to English and back to Chinese', async () => {
    const heading = page.getByRole('heading', { level: 3 });
    await heading.getByText('联盟', { exact: true }).waitFor();

    await page.getByTestId('language-switch').getByText('English', { exact: true }).click();
    await page.getByTestId('nav-alliances').getByText('Alliances', { exact: true }).waitFor();
    await page.getByTestId('nav-organizations').getByText('Organizations', { exact: true }).waitFor();
    await heading.getByText('Alliances', { exact: true }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en-US');

    // The choice survives a reload.
    await page.reload();
    await page.getByTestId('nav-alliances').getByText('Alliances', { exact: true }).waitFor();

    await page.getByTestId('language-switch').getByText('中文', { exact: true }).click();
    await page.getByTestId('nav-alliances').getByText('联盟', { exact: true }).waitFor();
    await heading.getByText('联盟', { exact: true }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
  });

  it('shows the 404 page for an unknown path while signed in', async () => {
    await page.goto('/no-such-page');
    const notFound = page.getByTestId('not-found');
    await notFound.getByText('您访问的页面不存在。').waitFor();
    // Still inside the app shell.
    await page.getByTestId('main-nav').waitFor();
    await notFound.getByRole('button', { name: '返回首页' }).click();
    await page.waitForURL('**/home');
  });

  it('signs out back to the login page, and the app is closed again', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    await page.getByTestId('login-submit').waitFor();

    await page.goto('/alliances');
    await page.waitForURL('**/login');
    await page.getByTestId('login-email').waitFor();
  });

  it('lands an enterprise contact on the home page with its own organisation, and keeps it out of admin pages', async () => {
    // Another person, another browser: the official's tab remembers where it was sent from.
    const contact = await harness.newPage();
    await login(contact, 'jingong@anhai.demo');
    await contact.waitForURL('**/home');
    await contact.getByTestId('user-name').getByText('王志强').waitFor();
    await contact.getByTestId('home-organization').getByText('晋工机械').waitFor();
    await contact.getByTestId('nav-home').waitFor();
    expect(await contact.getByTestId('nav-alliances').count()).toBe(0);

    await contact.goto('/alliances');
    await contact.getByText('您没有权限访问此页面。').waitFor();
  });

  it('fits the header on a phone: the township on one line, no side menu, the tab bar at the bottom clear of the page', async () => {
    const phone = await harness.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await login(phone, 'official@anhai.demo');
    const header = (await phone.locator('.app-header').boundingBox())!;
    const township = (await phone.getByTestId('tenant-name').boundingBox())!;
    const title = (await phone.locator('.app-content h3').first().boundingBox())!;
    const tabBar = (await phone.getByTestId('tab-bar').boundingBox())!;
    expect(township.height).toBeLessThan(30);
    expect(township.y).toBeGreaterThanOrEqual(header.y);
    expect(title.y).toBeGreaterThanOrEqual(header.y + header.height);
    // The side menu and its button are gone on a phone; the tab bar sits on the screen's bottom edge.
    expect(await phone.locator('.ant-layout-sider-zero-width-trigger').isVisible()).toBe(false);
    expect(await phone.getByTestId('main-nav').isVisible()).toBe(false);
    expect(Math.round(tabBar.y + tabBar.height)).toBe(844);
    await phone.screenshot({ path: screenshotPath('header-phone'), animations: 'disabled' });
    await phone.close();
  });

  it('threw no uncaught errors in the page', () => {
    expect(harness.pageErrors).toEqual([]);
  });
});
