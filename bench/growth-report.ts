import { copyFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { localDate } from '../src/platform/clock/local-date';

const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf', '#7f7f7f'];
const PANEL = { width: 420, height: 300, left: 56, top: 36 };

/** One read path's figures at each size, smallest first. */
export interface GrowthSeries {
  name: string;
  /** EXPLAIN ANALYZE execution time of all its statements (median of runs), ms; NaN when it has none. */
  sqlMs: number[];
  /** HTTP p99 at RATE requests a second, ms. */
  p99Ms: number[];
}

export interface GrowthResult {
  sizes: number[];
  series: GrowthSeries[];
  /** Seconds each size took to grow to (0 when it was seeded before) and to measure. */
  steps: { size: number; seedSeconds: number; measureSeconds: number }[];
  rate: number;
  seconds: number;
}

/** How much a figure may grow from the smallest size to the largest if it grows as log(n). */
export function logBound(sizes: number[]): number {
  return Math.log10(sizes[sizes.length - 1]) / Math.log10(sizes[0]);
}

/** 10 k, 1 M: request counts as the report names them. */
export function requests(n: number): string {
  if (n >= 1_000_000) return `${n / 1_000_000} M`;
  if (n >= 1_000) return `${n / 1_000} k`;
  return String(n);
}

/**
 * Writes growth.md (a table per figure) and growth.png (the same as a chart) into the results, and
 * dated copies (<date>-growth.md, .png) beside them; returns the files' names.
 */
export async function writeGrowthReport(dir: string, result: GrowthResult, at: Date): Promise<string[]> {
  // The township's day, as the run's own dated results (bench/run-info.ts).
  const date = localDate(at);
  writeFileSync(join(dir, 'growth.md'), markdown(result, at, 'growth.png'));
  writeFileSync(join(dir, `${date}-growth.md`), markdown(result, at, `${date}-growth.png`));
  await renderPng(chartSvg(result), join(dir, 'growth.png'));
  copyFileSync(join(dir, 'growth.png'), join(dir, `${date}-growth.png`));
  return ['growth.md', 'growth.png', `${date}-growth.md`, `${date}-growth.png`];
}

function markdown(result: GrowthResult, at: Date, chart: string): string {
  const bound = logBound(result.sizes);
  const table = (title: string, pick: (s: GrowthResult['series'][number]) => number[]) => {
    const rows = result.series
      .map((s) => ({ name: s.name, values: pick(s) }))
      .filter(({ values }) => !values.some(Number.isNaN))
      .map(({ name, values }) => {
        const growth = values[values.length - 1] / values[0];
        const cells = values.map((v) => v.toFixed(v < 10 ? 2 : 1));
        return `| ${name} | ${cells.join(' | ')} | ${growth.toFixed(2)} × | ${growth <= bound ? 'met' : '**missed**'} |`;
      });
    return [
      `### ${title}`,
      '',
      `| Read path | ${result.sizes.map(requests).join(' | ')} | growth | ≤ ${bound.toFixed(2)} × |`,
      `|---|${result.sizes.map(() => '---:').join('|')}|---:|---|`,
      ...rows,
    ].join('\n');
  };
  const steps = result.steps
    .map(
      (s) =>
        `${requests(s.size)}: ${s.seedSeconds > 0 ? `grown in ${Math.round(s.seedSeconds)} s` : 'seeded before'}, measured in ${Math.round(s.measureSeconds)} s`,
    )
    .join('; ');
  return `# Growth of the read paths with the number of service requests

${at.toISOString()} · ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load average over the last 15 minutes ${loadavg()[2].toFixed(1)}

One township grown step by step (${steps}). At each size, each path is asked over HTTP at ${result.rate} requests a
second for ${result.seconds} s (the same rate at every size) and its statements are run under EXPLAIN ANALYZE
(median of five). A figure grows no faster than the logarithm of the data when
value(${requests(result.sizes[result.sizes.length - 1])}) ≤ value(${requests(result.sizes[0])}) × log10(${result.sizes[result.sizes.length - 1]}) ÷ log10(${result.sizes[0]}) = × ${bound.toFixed(2)}.
Times in milliseconds.

${table('SQL time (EXPLAIN ANALYZE, all statements)', (s) => s.sqlMs)}

${table(`HTTP p99 at ${result.rate} req/s`, (s) => s.p99Ms)}

![growth](${chart})
`;
}

/** Two panels, SQL time and p99, requests on a log x axis and milliseconds on a log y axis; one line per path. */
function chartSvg(result: GrowthResult): string {
  const panels = [
    { title: 'SQL time (EXPLAIN ANALYZE), ms', pick: (s: GrowthResult['series'][number]) => s.sqlMs },
    { title: `HTTP p99 at ${result.rate} req/s, ms`, pick: (s: GrowthResult['series'][number]) => s.p99Ms },
  ];
  const legendTop = PANEL.top + PANEL.height + 50;
  const width = 2 * (PANEL.left + PANEL.width + 24);
  const height = legendTop + Math.ceil(result.series.length / 3) * 20 + 10;
  const parts = panels.map((panel, i) => panelSvg(result, panel.title, panel.pick, i * (width / 2)));
  const legend = result.series.map((s, i) => {
    const x = 20 + (i % 3) * (width / 3);
    const y = legendTop + Math.floor(i / 3) * 20;
    return `<line x1="${x}" y1="${y}" x2="${x + 24}" y2="${y}" stroke="${COLOURS[i % COLOURS.length]}" stroke-width="3"/><text x="${x + 30}" y="${y + 4}">${escape(s.name)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>${parts.join('')}${legend.join('')}</svg>`;
}

function panelSvg(
  result: GrowthResult,
  title: string,
  pick: (s: GrowthResult['series'][number]) => number[],
  offset: number,
): string {
  const values = result.series.flatMap(pick).filter((v) => Number.isFinite(v) && v > 0);
  const yMin = 10 ** Math.floor(Math.log10(Math.min(...values)));
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(...values)));
  const xMin = Math.log10(result.sizes[0]);
  const xMax = Math.log10(result.sizes[result.sizes.length - 1]);
  const left = offset + PANEL.left;
  const x = (n: number) => left + ((Math.log10(n) - xMin) / (xMax - xMin || 1)) * PANEL.width;
  const y = (ms: number) =>
    PANEL.top + PANEL.height - ((Math.log10(ms) - Math.log10(yMin)) / Math.log10(yMax / yMin)) * PANEL.height;
  const grid: string[] = [];
  for (let decade = yMin; decade <= yMax; decade *= 10)
    grid.push(
      `<line x1="${left}" y1="${y(decade)}" x2="${left + PANEL.width}" y2="${y(decade)}" stroke="#ddd"/><text x="${left - 6}" y="${y(decade) + 4}" text-anchor="end">${decade < 1 ? decade.toFixed(Math.round(-Math.log10(decade))) : decade}</text>`,
    );
  for (const size of result.sizes)
    grid.push(
      `<line x1="${x(size)}" y1="${PANEL.top}" x2="${x(size)}" y2="${PANEL.top + PANEL.height}" stroke="#eee"/><text x="${x(size)}" y="${PANEL.top + PANEL.height + 16}" text-anchor="middle">${requests(size)}</text>`,
    );
  const lines = result.series.map((s, i) => {
    const points = pick(s)
      .map((v, j) => [result.sizes[j], v] as const)
      .filter(([, v]) => Number.isFinite(v) && v > 0);
    const colour = COLOURS[i % COLOURS.length];
    return `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.map(([n, v]) => `${x(n)},${y(v)}`).join(' ')}"/>${points.map(([n, v]) => `<circle cx="${x(n)}" cy="${y(v)}" r="3" fill="${colour}"/>`).join('')}`;
  });
  return `<text x="${left}" y="${PANEL.top - 14}" font-weight="bold">${escape(title)}</text>
<text x="${left + PANEL.width / 2}" y="${PANEL.top + PANEL.height + 34}" text-anchor="middle">service requests (log scale)</text>
<rect x="${left}" y="${PANEL.top}" width="${PANEL.width}" height="${PANEL.height}" fill="none" stroke="#999"/>${grid.join('')}${lines.join('')}`;
}

/** Renders the SVG with the Debian Chromium the browser tests use. */
async function renderPng(svg: string, file: string): Promise<void> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(`<body style="margin:0">${svg}</body>`);
    await page.locator('svg').screenshot({ path: file });
  } finally {
    await browser.close();
  }
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
