import type { Page } from 'playwright-core';
import { waitFor } from '../support/wait-for';

/**
 * What the tests that walk the app's pages share (navigation.test.ts, wide-tables.test.ts): following
 * a page's API calls until it has its data, and measuring whether its tables fit the screen.
 */

export interface ApiTracker {
  /** API calls answered ≥ 400, as "403 GET /api/v1/…". */
  refused: string[];
  consoleErrors: string[];
  /** Until no API call has been open for half a second and no spinner turns. */
  settled(): Promise<void>;
}

/**
 * Follows the page's API calls (the live notification stream aside) and the code it loads (a page's
 * own code loads when it is first shown, and only then asks for its data).
 */
export function trackApi(page: Page): ApiTracker {
  let inFlight = 0;
  let lastChange = performance.now();
  const refused: string[] = [];
  const consoleErrors: string[] = [];
  const isApi = (url: string) => url.includes('/api/') && !url.includes('/notifications/stream');
  const change = (url: string, delta: number) => {
    if (!isApi(url) && !url.includes('/assets/')) return;
    inFlight += delta;
    lastChange = performance.now();
  };
  page.on('request', (request) => change(request.url(), 1));
  page.on('requestfinished', (request) => change(request.url(), -1));
  page.on('requestfailed', (request) => change(request.url(), -1));
  page.on('response', (response) => {
    if (isApi(response.url()) && response.status() >= 400) {
      refused.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
    }
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  return {
    refused,
    consoleErrors,
    settled: async () => {
      await waitFor(async () => inFlight === 0 && performance.now() - lastChange > 500, Boolean, 30_000);
      await waitFor(
        () => page.locator('.ant-spin-spinning').count(),
        (count) => count === 0,
        15_000,
      ).catch(() => undefined);
    },
  };
}

export interface Fit {
  /** How far the page scrolls sideways, in pixels. */
  sideways: number;
  /** The tables whose last header cell ends beyond what can be seen. */
  clipped: string[];
  tables: number;
}

/** Measures the page as drawn: the content area's right edge (inside its padding) against each table's last header cell. */
export function measureTables(page: Page): Promise<Fit> {
  return page.locator('.app-content').evaluate((content) => {
    const root = content.ownerDocument.documentElement;
    const view = content.ownerDocument.defaultView!;
    const visibleRight = Math.min(
      content.getBoundingClientRect().right - parseFloat(view.getComputedStyle(content).paddingRight),
      root.clientWidth,
    );
    const wrappers = [...content.querySelectorAll('.ant-table-wrapper')].filter(
      (wrapper) => wrapper.getBoundingClientRect().width > 0,
    );
    const clipped = wrappers.flatMap((wrapper) => {
      const headers = [...wrapper.querySelectorAll('thead th')].filter(
        (th) => th.getBoundingClientRect().width > 0 && !th.classList.contains('ant-table-cell-scrollbar'),
      );
      const last = headers[headers.length - 1];
      if (!last) return [];
      // What can be seen of the table: the content area, and the table's own box when it scrolls inside itself.
      const edge = Math.min(visibleRight, wrapper.getBoundingClientRect().right);
      const end = last.getBoundingClientRect().right;
      return end > edge + 1
        ? [`"${last.textContent?.trim()}" ends at ${Math.round(end)} px, ${Math.round(edge)} px visible`]
        : [];
    });
    return { sideways: root.scrollWidth - root.clientWidth, clipped, tables: wrappers.length };
  });
}

/** The problems of a measured page, one line each. */
export function fitProblems(path: string, fit: Fit): string[] {
  return [
    ...(fit.sideways > 0 ? [`${path}: the page scrolls ${fit.sideways} px sideways`] : []),
    ...fit.clipped.map((table) => `${path}: ${table}`),
  ];
}
