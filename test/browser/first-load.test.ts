import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { localDate } from '../../src/platform/clock/local-date';
import { DEMO_PASSWORD } from '../support/http';
import { waitFor } from '../support/wait-for';
import {
  isScript,
  longestBlank,
  PROBE_SCRIPT,
  watchTransfers,
  writeFirstLoadReport,
  type FirstLoadTry,
  type ProbeState,
} from './load-probe';
import { startBrowserHarness, type BrowserHarness } from './support';

/** 10 Mbit/s each way and 40 ms of latency: a township office's line. */
const NETWORK = { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 };
const TARGETS = { loginScriptBytes: 250 * 1024, coldMs: 2_500, warmMs: 1_000, longestBlankMs: 200 };
const TRIES = 3;
/**
 * The figures are recorded in bench/results/ (where the dated files are committed) only when
 * BENCH_RECORD=1 asks for it; otherwise they go to bench/results/local/, which git ignores, so a
 * test run on a clean clone leaves the working tree clean.
 */
const RESULTS_DIR = join(__dirname, '../../bench/results', process.env.BENCH_RECORD === '1' ? '' : 'local');
const WEB_DIST = join(__dirname, '../../web/dist');

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: number;
}

/** A GET with exactly these headers (fetch would add its own Accept-Encoding and decode the body). */
function get(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request(`${baseUrl}${path}`, { headers }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes }));
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

/**
 * Issue 23: the first load. The login page's code arrives compressed and small, hashed files are
 * cached for good while index.html and the unhashed files are revalidated, and over a throttled line
 * the workbench is usable soon after signing in, with a spinner (never a blank page) meanwhile.
 * Figures go to bench/results/local/<today>-first-load.md (bench/results/ with BENCH_RECORD=1);
 * times are the best of three tries.
 */
describe('the first load (browser)', () => {
  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await startBrowserHarness({ history: true });
  });
  afterAll(() => harness?.close());

  it('sends hashed assets compressed and immutable, and revalidates index.html and the unhashed files', async () => {
    const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
    const entry = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const stylesheet = /<link[^>]+href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    expect(stylesheet).toBeDefined();

    for (const path of [entry!, stylesheet!]) {
      const brotli = await get(harness.baseUrl, path, { 'accept-encoding': 'gzip, deflate, br, zstd' });
      expect({
        path,
        status: brotli.status,
        encoding: brotli.headers['content-encoding'],
        cache: brotli.headers['cache-control'],
      }).toEqual({
        path,
        status: 200,
        encoding: 'br',
        cache: 'public, max-age=31536000, immutable',
      });
      expect(brotli.headers.vary).toMatch(/accept-encoding/i);
      const gzip = await get(harness.baseUrl, path, { 'accept-encoding': 'gzip' });
      expect(gzip.headers['content-encoding']).toBe('gzip');
      const plain = await get(harness.baseUrl, path);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['content-type']).toMatch(path.endsWith('.js') ? /javascript/ : /text\/css/);
      expect(brotli.bytes).toBeLessThan(plain.bytes / 2);
    }

    // The page itself and what has no hash in its name: looked at again on every visit.
    for (const path of [
      '/',
      '/index.html',
      '/login',
      '/home',
      '/sw.js',
      '/manifest.webmanifest',
      '/favicon.svg',
      '/offline.html',
    ]) {
      const answer = await get(harness.baseUrl, path, { 'accept-encoding': 'gzip, deflate, br' });
      expect({ path, status: answer.status, cache: answer.headers['cache-control'] }).toEqual({
        path,
        status: 200,
        cache: 'no-cache',
      });
    }
    // A chunk of another release is missing, not the app's HTML under a script's name (which the
    // service worker would then keep as that script).
    const missing = await get(harness.baseUrl, '/assets/index-gone1234.js');
    expect(missing.status).toBe(404);
    expect(String(missing.headers['cache-control'] ?? '')).not.toMatch(/immutable/);
  });

  /** One browser from an empty cache: the login page, sign-in, then signed out and in again on a warm cache. */
  async function oneTry(): Promise<FirstLoadTry> {
    const context = await harness.browser.newContext({
      baseURL: harness.baseUrl,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1366, height: 900 },
      // The worker's own fetches would escape the page's throttling; the HTTP cache is what is measured.
      serviceWorkers: 'block',
    });
    try {
      context.setDefaultTimeout(45_000);
      await context.addInitScript(() => localStorage.setItem('lianmeng.tour.*', 'seen'));
      await context.addInitScript(PROBE_SCRIPT);
      const page = await context.newPage();
      page.on('pageerror', (error) => harness.pageErrors.push(error));
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', NETWORK);
      const watcher = watchTransfers(cdp);

      const coldLogin = await openLoginPage(page);
      const loginScripts = watcher.transfers.filter(isScript);
      watcher.reset();
      const cold = await signIn(page);
      const fetched = watcher.transfers;
      const api = fetched.filter((t) => new URL(t.url).pathname.startsWith('/api/'));

      await page.evaluate("localStorage.removeItem('lianmeng.tokens')");
      const warmLogin = await openLoginPage(page);
      const warm = await signIn(page);
      return {
        loginScriptBytes: loginScripts.reduce((sum, t) => sum + t.bytes, 0),
        loginScripts: loginScripts.map((t) => ({
          path: new URL(t.url).pathname,
          encoding: t.encoding,
          bytes: t.bytes,
        })),
        loginPageMs: { cold: coldLogin, warm: warmLogin },
        coldMs: cold.ms,
        warmMs: warm.ms,
        signInRequestMs: { cold: cold.requestMs, warm: warm.requestMs },
        afterSignIn: {
          scriptBytes: fetched.filter(isScript).reduce((sum, t) => sum + t.bytes, 0),
          apiBytes: api.reduce((sum, t) => sum + t.bytes, 0),
          apiRequests: api.length,
        },
        longestBlankMs: Math.max(cold.longestBlankMs, warm.longestBlankMs),
      };
    } finally {
      await context.close();
    }
  }

  /** The login page until its form shows and the network is quiet; the time to its form (ms). */
  async function openLoginPage(page: Page): Promise<number> {
    // The form and a quiet network are what count, not the load event: under the DevTools throttling
    // one CI run's goto waited 45 s for a load event that never came (cause not reproduced).
    await page.goto('/login', { waitUntil: 'commit' });
    await page.getByTestId('login-submit').waitFor();
    await page.waitForLoadState('networkidle');
    const probe = await page.evaluate<ProbeState>('window.__loadProbe');
    return Math.round(probe.loginFormAt!);
  }

  /** Signs in through the form and waits for the workbench; the times on the document's own clock. */
  async function signIn(page: Page) {
    await page.getByTestId('login-email').fill('official@anhai.demo');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('workbench').waitFor();
    const probe = await waitFor(
      () => page.evaluate<ProbeState>('window.__loadProbe'),
      (p) => p.workbenchAt !== null && p.signInAt !== null,
    );
    const requestMs = await page.evaluate<number>(
      "Math.round(performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/v1/auth/login')).at(-1)?.duration ?? -1)",
    );
    return {
      ms: Math.round(probe.workbenchAt! - probe.signInAt!),
      requestMs,
      longestBlankMs: longestBlank(probe.samples, probe.workbenchAt!),
    };
  }

  it('loads the login page in 250 KB of script, never blank, and reports how soon the workbench is usable over a 10 Mbit/s line', async () => {
    const tries: FirstLoadTry[] = [];
    for (let i = 0; i < TRIES; i++) tries.push(await oneTry());
    const best = {
      loginScriptBytes: Math.max(...tries.map((t) => t.loginScriptBytes)),
      coldMs: Math.min(...tries.map((t) => t.coldMs)),
      warmMs: Math.min(...tries.map((t) => t.warmMs)),
      longestBlankMs: Math.min(...tries.map((t) => t.longestBlankMs)),
    };
    const now = harness.app.clock.now();
    const markdown = writeFirstLoadReport(RESULTS_DIR, localDate(now), now, {
      network: '10 Mbit/s down and up, 40 ms latency (Chrome DevTools Protocol), service worker off',
      targets: TARGETS,
      tries,
      best,
    });
    process.stdout.write(
      `\n${markdown}\nWritten to ${join(RESULTS_DIR, `${localDate(now)}-first-load.md`)} and .json\n`,
    );

    // Bytes do not vary with the machine's load: every try within the budget, compressed.
    for (const t of tries) expect(t.loginScriptBytes).toBeLessThanOrEqual(TARGETS.loginScriptBytes);
    // Compressed, but for the few files too small to gain from it (web/scripts/precompress.mjs).
    for (const script of tries[0].loginScripts.filter((s) => s.bytes >= 1024)) {
      expect({ path: script.path, encoding: script.encoding }).toEqual({
        path: script.path,
        encoding: expect.stringMatching(/^(br|gzip)$/),
      });
    }
    // Times are measured and reported against their targets (bench/results), not asserted: on a
    // loaded machine a timed test fails for the machine's sake (the house rule for speed). A page
    // without a spinner is a matter of structure, though: the old app was blank for 2.7 s, and a
    // second of it fails whatever the load.
    expect(best.longestBlankMs).toBeLessThan(1_000);
    expect(harness.pageErrors).toEqual([]);
  });
});
