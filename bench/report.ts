import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { round, type Row } from './context';
import { datedResultsName, type RunInfo } from './run-info';

/**
 * Writes results.json and results.md beside each other, and the same markdown as the dated
 * `<date>-<commit>.md` (`-partial.md` for a partial run) to keep; returns the markdown table and
 * the dated file's name.
 */
export function writeReport(
  dir: string,
  rows: Row[],
  meta: Record<string, unknown>,
  run: RunInfo,
): { table: string; dated: string } {
  const header = ['| Scenario | Figure | Value | Target | |', '|---|---|---:|---|---|'];
  const lines = rows.map(
    (r) =>
      `| ${r.scenario} | ${r.metric} | ${round(r.value)}${r.unit && r.unit !== '' ? ` ${r.unit}` : ''} | ${r.target ?? ''} | ${r.met === undefined ? '' : r.met ? 'met' : '**missed**'} |`,
  );
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  // Shared machines: the load others put on it while this ran says how far to trust the latencies.
  const loads = (load?: number[]) => (load ? load.map((l) => l.toFixed(2)).join(', ') : 'unknown');
  const load = `Load average (1, 5, 15 min): ${loads(run.load.start)} at the start, ${loads(run.load.end)} at the end`;
  const partial =
    run.partial.length > 0 ? `\n\n**Partial run** (${run.partial.join(', ')}): not a full run's figures.` : '';
  const table = [...header, ...lines].join('\n');
  const targets = rows.filter((r) => r.met !== undefined);
  const summary = `${targets.filter((r) => r.met).length} of ${targets.length} targets met`;
  const markdown = `# Benchmark results\n\n${run.startedAt.toISOString()} · commit ${run.commit} · ${machine}\n\n${load}${partial}\n\n${table}\n\n${summary}.\n`;
  const dated = datedResultsName(run);
  writeFileSync(join(dir, 'results.md'), markdown);
  writeFileSync(join(dir, dated), markdown);
  writeFileSync(join(dir, 'results.json'), JSON.stringify({ ...meta, run, machine, summary, rows }, null, 2));
  return { table: `${table}\n\n${summary}.`, dated };
}
