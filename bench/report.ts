import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { round, type Row } from './context';

/** Writes results.json and results.md beside each other and returns the markdown table. */
export function writeReport(dir: string, rows: Row[], meta: Record<string, unknown>): string {
  const header = ['| Scenario | Figure | Value | Target | |', '|---|---|---:|---|---|'];
  const lines = rows.map(
    (r) =>
      `| ${r.scenario} | ${r.metric} | ${round(r.value)}${r.unit && r.unit !== '' ? ` ${r.unit}` : ''} | ${r.target ?? ''} | ${r.met === undefined ? '' : r.met ? 'met' : '**missed**'} |`,
  );
  // Shared machines: the load others put on it while this ran says how far to trust the latencies.
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average over the last 15 minutes ${loadavg()[2].toFixed(1)}`;
  const table = [...header, ...lines].join('\n');
  const targets = rows.filter((r) => r.met !== undefined);
  const summary = `${targets.filter((r) => r.met).length} of ${targets.length} targets met`;
  const markdown = `# Benchmark results\n\n${new Date().toISOString()} · ${machine}\n\n${table}\n\n${summary}.\n`;
  writeFileSync(join(dir, 'results.md'), markdown);
  writeFileSync(join(dir, 'results.json'), JSON.stringify({ ...meta, machine, summary, rows }, null, 2));
  return `${table}\n\n${summary}.`;
}
