import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import type { Clock } from '../src/platform/clock/clock';
import { localDate } from '../src/platform/clock/local-date';

/** What a results file says about the run itself, beside its figures. */
export interface RunInfo {
  startedAt: Date;
  finishedAt?: Date;
  /** The short commit measured, with "-dirty" when tracked files had uncommitted changes. */
  commit: string;
  /** The settings that left scenarios, read paths or data out, e.g. "BENCH_ONLY=read"; none for a full run. */
  partial: string[];
  /** The machine's load average over 1, 5 and 15 minutes, at the start and at the end of the run. */
  load: { start: number[]; end?: number[] };
}

/** The run as it starts: when, which commit, how busy the machine already is. */
export function startRun(clock: Clock, root: string, env: NodeJS.ProcessEnv = process.env): RunInfo {
  return { startedAt: clock.now(), commit: commitOf(root), partial: partialSettings(env), load: { start: loadavg() } };
}

export function finishRun(run: RunInfo, clock: Clock): RunInfo & { finishedAt: Date } {
  return { ...run, finishedAt: clock.now(), load: { ...run.load, end: loadavg() } };
}

/**
 * The settings that make a run partial: only some scenarios or read paths, or a scaled data set.
 * Their figures are not a full run's, so the dated file says so in its name.
 */
export function partialSettings(env: NodeJS.ProcessEnv): string[] {
  const partial: string[] = [];
  for (const name of ['BENCH_ONLY', 'BENCH_READ_PATHS']) {
    const value = env[name]?.trim();
    if (value) partial.push(`${name}=${value}`);
  }
  if (env.BENCH_SCALE !== undefined && Number(env.BENCH_SCALE) !== 1) partial.push(`BENCH_SCALE=${env.BENCH_SCALE}`);
  return partial;
}

/** `<date>-<commit>.md`, the date in Asia/Shanghai as the first-load figures'; `-partial` before .md for a partial run. */
export function datedResultsName(run: Pick<RunInfo, 'startedAt' | 'commit' | 'partial'>): string {
  return `${localDate(run.startedAt)}-${run.commit}${run.partial.length > 0 ? '-partial' : ''}.md`;
}

function commitOf(root: string): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  try {
    const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? '-dirty' : ''}`;
  } catch {
    return 'no-commit'; // not a git checkout (an unpacked release): the name still says so
  }
}
