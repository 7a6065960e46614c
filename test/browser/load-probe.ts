import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';

/**
 * Runs in every document of the page before its scripts: samples the DOM every 50 ms (is anything
 * shown: text, a spinner, a skeleton?) and notes when the sign-in form was sent and when the
 * workbench first rendered, all on the document's own clock (performance.now()).
 */
export const PROBE_SCRIPT = `(() => {
  const probe = { samples: [], signInAt: null, loginFormAt: null, workbenchAt: null };
  window.__loadProbe = probe;
  const shown = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const painted = () => {
    const body = document.body;
    if (!body) return false;
    if (body.innerText.trim().length > 0) return true;
    return [...document.querySelectorAll('.ant-spin, .ant-skeleton, [aria-busy="true"]')].some(shown);
  };
  const landmarks = () => {
    const now = performance.now();
    if (probe.loginFormAt === null && document.querySelector('[data-testid="login-submit"]')) probe.loginFormAt = now;
    if (probe.workbenchAt === null && document.querySelector('[data-testid="workbench"]')) probe.workbenchAt = now;
  };
  const sample = () => {
    probe.samples.push([Math.round(performance.now()), painted() ? 1 : 0]);
    landmarks();
  };
  sample();
  setInterval(sample, 50);
  new MutationObserver(landmarks).observe(document, { childList: true, subtree: true });
  document.addEventListener('submit', () => { probe.signInAt = performance.now(); }, true);
})();`;

export interface ProbeState {
  samples: [number, 0 | 1][];
  signInAt: number | null;
  loginFormAt: number | null;
  workbenchAt: number | null;
}

/** The longest run of samples in which the page showed nothing (ms), up to `until` on the same clock. */
export function longestBlank(samples: ProbeState['samples'], until = Infinity): number {
  let longest = 0;
  let blankSince: number | null = null;
  for (const [at, painted] of samples) {
    if (at > until) break;
    if (!painted && blankSince === null) blankSince = at;
    if (painted && blankSince !== null) {
      longest = Math.max(longest, at - blankSince);
      blankSince = null;
    }
  }
  const last = samples.filter(([at]) => at <= until).at(-1);
  if (blankSince !== null && last) longest = Math.max(longest, last[0] - blankSince);
  return longest;
}

export interface Transfer {
  url: string;
  type: string;
  encoding: string;
  bytes: number;
}

/** Every response the page received while watching, with its body's bytes on the wire (compressed as sent; headers apart). */
export function watchTransfers(cdp: CDPSession): { transfers: Transfer[]; reset(): void } {
  const pending = new Map<string, Omit<Transfer, 'bytes'>>();
  const bodies = new Map<string, number>();
  const watcher = {
    transfers: [] as Transfer[],
    reset() {
      watcher.transfers = [];
      pending.clear();
      bodies.clear();
    },
  };
  cdp.on('Network.responseReceived', (event) => {
    const headers = Object.fromEntries(
      Object.entries(event.response.headers).map(([key, value]) => [key.toLowerCase(), String(value)]),
    );
    pending.set(event.requestId, {
      url: event.response.url,
      type: event.response.mimeType,
      encoding: headers['content-encoding'] ?? 'identity',
    });
  });
  cdp.on('Network.dataReceived', (event) => {
    bodies.set(event.requestId, (bodies.get(event.requestId) ?? 0) + event.encodedDataLength);
  });
  cdp.on('Network.loadingFinished', (event) => {
    const response = pending.get(event.requestId);
    if (response) watcher.transfers.push({ ...response, bytes: bodies.get(event.requestId) ?? 0 });
  });
  return watcher;
}

export const isScript = (transfer: Transfer) => /javascript/.test(transfer.type);

export interface FirstLoadTry {
  /** JavaScript bytes the login page took on a cold load, compressed as sent. */
  loginScriptBytes: number;
  loginScripts: { path: string; encoding: string; bytes: number }[];
  /** From sending the sign-in form to the workbench rendered, empty cache then warm cache (ms). */
  coldMs: number;
  warmMs: number;
  /** From the login page's navigation to its form, empty cache then warm cache (ms). */
  loginPageMs: { cold: number; warm: number };
  /** The sign-in request itself (password hashing included), cold and warm (ms). */
  signInRequestMs: { cold: number; warm: number };
  /** What sign-in fetched on the empty cache, up to the workbench: code and API answers (bytes on the wire). */
  afterSignIn: { scriptBytes: number; apiBytes: number; apiRequests: number };
  /** The longest time the page showed nothing, from the login page's load to the workbench (ms). */
  longestBlankMs: number;
}

export interface FirstLoadReport {
  network: string;
  targets: { loginScriptBytes: number; coldMs: number; warmMs: number; longestBlankMs: number };
  tries: FirstLoadTry[];
  best: { loginScriptBytes: number; coldMs: number; warmMs: number; longestBlankMs: number };
}

/** Writes `<dir>/<today>-first-load.json` and `.md`, the way the benchmark names its dated results. */
export function writeFirstLoadReport(dir: string, today: string, at: Date, report: FirstLoadReport): string {
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `${today}-first-load`);
  writeFileSync(`${base}.json`, JSON.stringify({ date: today, at: at.toISOString(), ...report }, null, 2));
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const row = (figure: string, value: string, target: string, met: boolean) =>
    `| ${figure} | ${value} | ${target} | ${met ? 'met' : '**missed**'} |`;
  const { best, targets } = report;
  const markdown = [
    '# First load',
    '',
    `${at.toISOString()} · ${report.network} · best of ${report.tries.length} tries`,
    '',
    '| Figure | Value | Target | |',
    '|---|---:|---|---|',
    row(
      'login page JavaScript, compressed',
      kb(best.loginScriptBytes),
      `≤ ${kb(targets.loginScriptBytes)}`,
      best.loginScriptBytes <= targets.loginScriptBytes,
    ),
    row(
      'sign-in → workbench rendered, empty cache',
      `${best.coldMs} ms`,
      `≤ ${targets.coldMs} ms`,
      best.coldMs <= targets.coldMs,
    ),
    row(
      'sign-in → workbench rendered, warm cache',
      `${best.warmMs} ms`,
      `≤ ${targets.warmMs} ms`,
      best.warmMs <= targets.warmMs,
    ),
    row(
      'longest blank moment (no content, no spinner)',
      `${best.longestBlankMs} ms`,
      `≤ ${targets.longestBlankMs} ms`,
      best.longestBlankMs <= targets.longestBlankMs,
    ),
    '',
    '| Try | Login JS | Login page cold / warm | Sign-in → workbench cold | warm | Sign-in request cold / warm | Longest blank |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...report.tries.map(
      (t, i) =>
        `| ${i + 1} | ${kb(t.loginScriptBytes)} | ${t.loginPageMs.cold} / ${t.loginPageMs.warm} ms | ${t.coldMs} ms | ${t.warmMs} ms | ${t.signInRequestMs.cold} / ${t.signInRequestMs.warm} ms | ${t.longestBlankMs} ms |`,
    ),
    '',
    `After sign-in on the empty cache (first try): ${kb(report.tries[0].afterSignIn.scriptBytes)} of JavaScript, ${report.tries[0].afterSignIn.apiRequests} API answers of ${kb(report.tries[0].afterSignIn.apiBytes)} in all.`,
    '',
    'Login page scripts (first try):',
    '',
    ...report.tries[0].loginScripts.map((s) => `- ${s.path} · ${s.encoding} · ${kb(s.bytes)}`),
    '',
  ].join('\n');
  writeFileSync(`${base}.md`, markdown);
  return markdown;
}
