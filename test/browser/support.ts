import { join } from 'node:path';
import { tmpdir } from 'node:os';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';
import { DEMO_PASSWORD } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

// The browser project's `testTimeout` in jest.config.js is not applied (jest reads it only at the
// top level, not per project), so the browser files set their own. A flow that takes 8 s on a quiet
// machine has taken over 60 s in CI while another browser file and the fault suite ran beside it;
// a real hang still fails, on a locator's own 45 s limit (a page's load waited over 15 s there while
// two CI runs shared the machine).
jest.setTimeout(300_000);

/** The real API and worker on a fresh seeded database, serving the built web app, and a headless Chromium. */
export interface BrowserHarness {
  app: TestApp;
  browser: Browser;
  baseUrl: string;
  /** Uncaught exceptions thrown in any page of this harness. */
  pageErrors: Error[];
  /** A new browser (its own storage); `firstRun` keeps the first-run tour, which the other tests never see. */
  newPage(options?: { firstRun?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** `history`: seed the demo's year of history as well (the base demo otherwise). */
export async function startBrowserHarness(options: { history?: boolean } = {}): Promise<BrowserHarness> {
  const app = await startTestApp({ listen: true, worker: true, history: options.history });
  let browser: Browser | undefined;
  try {
    const { port } = app.api.getHttpServer().address() as { port: number };
    const baseUrl = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    const launched = browser;
    const contexts: BrowserContext[] = [];
    const pageErrors: Error[] = [];
    return {
      app,
      browser: launched,
      baseUrl,
      pageErrors,
      async newPage(options = {}) {
        const context = await launched.newContext({
          baseURL: baseUrl,
          locale: 'zh-CN',
          timezoneId: 'Asia/Shanghai',
          viewport: { width: 1366, height: 900 },
        });
        contexts.push(context);
        context.setDefaultTimeout(45_000);
        // Only the app under test: anything not on its own origin is refused.
        await context.route(
          (url) => url.origin !== baseUrl,
          (route) => route.abort('blockedbyclient'),
        );
        // The first-run tour (web/src/shell/FirstRunTour.tsx) covers the page with a mask:
        // marked seen for everyone on this browser, before any page script runs.
        if (!options.firstRun) await context.addInitScript(() => localStorage.setItem('lianmeng.tour.*', 'seen'));
        const page = await context.newPage();
        page.on('pageerror', (error) => pageErrors.push(error));
        return page;
      },
      async close() {
        for (const context of contexts) await context.close().catch(() => undefined);
        await launched.close().catch(() => undefined);
        await app.close();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await app.close();
    throw error;
  }
}

/** A page in a browser of its own (a viewport, a phone), with the errors it logs collected. */
export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions, in order. */
  errors: string[];
}

/**
 * Like `harness.newPage()` (only the app's own origin, the first-run tour marked seen), in a browser
 * context of the caller's options, e.g. `{ viewport: { width: 390, height: 844 }, isMobile: true }`;
 * the caller closes `context`.
 */
export async function watchedPage(harness: BrowserHarness, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await harness.browser.newContext({
    baseURL: harness.baseUrl,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...options,
  });
  context.setDefaultTimeout(45_000);
  await context.route(
    (url) => url.origin !== harness.baseUrl,
    (route) => route.abort('blockedbyclient'),
  );
  await context.addInitScript(() => localStorage.setItem('lianmeng.tour.*', 'seen'));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/** Signs in through the login form and waits until the app has left the login page. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname !== '/login');
  await page.getByTestId('user-name').waitFor();
}

/**
 * Clicks the side menu's entry for `path` (its testid is `nav-<path>`), first opening the group
 * that holds it when that group is closed.
 */
export async function clickNav(page: Page, path: string): Promise<void> {
  const nav = page.getByTestId('main-nav');
  await nav.locator('li').first().waitFor();
  const entry = nav.getByTestId(`nav-${path}`);
  // A closed group draws its entries only once opened; its title lists the paths it holds. A group
  // still opening (or closing) after a navigation covers its entries for a moment: try again.
  await waitFor(
    async () => {
      if (!(await entry.isVisible()))
        await nav
          .locator(`[data-paths~="/${path}"]`)
          .click({ timeout: 5_000 })
          .catch(() => undefined);
      return entry.click({ timeout: 3_000 }).then(
        () => true,
        () => false,
      );
    },
    Boolean,
    45_000,
    300,
  );
}

/** Waits until an input shows `expected` (controlled inputs do not reflect their value in the DOM). */
export async function waitForValue(locator: Locator, expected: string, timeoutMs = 10_000): Promise<void> {
  await locator.waitFor();
  await waitFor(
    () => locator.inputValue(),
    (value) => value === expected,
    timeoutMs,
  );
}

/** Picks an option of an antd Select: opens it, optionally types to search, clicks the option. */
export async function pickOption(page: Page, select: Locator, option: string, search?: string): Promise<void> {
  await select.click();
  if (search !== undefined) await select.locator('input').fill(search);
  const openDropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  // A click while the dropdown is still animating open can be lost on a loaded machine; the
  // dropdown then stays open over the form. Click again until the select shows the choice.
  for (let attempt = 0; attempt < 3; attempt++) {
    const item = openDropdown.locator('.ant-select-item-option', { hasText: option }).first();
    if (attempt === 0) await item.click();
    else if (await item.isVisible()) await item.click({ timeout: 5_000 });
    else break;
    const chosen = await waitFor(async () => (await select.innerText()).includes(option), Boolean, 2_000).catch(
      () => false,
    );
    if (chosen) break;
  }
  await openDropdown.waitFor({ state: 'hidden', timeout: 2_000 }).catch(() => undefined);
}

/**
 * Closes a modal with one of its buttons, and waits until it is gone: a click that lands while
 * the modal is still animating open can be lost on a loaded machine, leaving its mask over the page.
 */
export async function closeDialog(dialog: Locator, button: RegExp | string): Promise<void> {
  for (let attempt = 0; attempt < 3 && (await dialog.isVisible()); attempt++) {
    await dialog
      .getByRole('button', { name: button })
      .click({ timeout: 5_000 })
      .catch(() => undefined);
    await dialog.waitFor({ state: 'hidden', timeout: 3_000 }).catch(() => undefined);
  }
  await dialog.waitFor({ state: 'hidden' });
}

/** Where screenshots go, to look at after a run: SCREENSHOT_DIR, else the OS's temporary directory. */
export function screenshotPath(name: string): string {
  return join(process.env.SCREENSHOT_DIR ?? tmpdir(), `browser-${name}.png`);
}

/**
 * Lets the page's finite animations end (a modal zooming in, a drawer sliding) before a click: on a
 * loaded machine Playwright's two-frame stability check can pass mid-zoom and the click miss.
 */
export async function animationsDone(page: Page): Promise<void> {
  await page.evaluate(`Promise.all(document.getAnimations()
    .filter((a) => a.effect && a.effect.getComputedTiming().iterations !== Infinity)
    .map((a) => a.finished.catch(() => undefined)))`);
}
