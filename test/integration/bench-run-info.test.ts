import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeReport } from '../../bench/report';
import { datedResultsName, finishRun, partialSettings, startRun } from '../../bench/run-info';
import { Clock } from '../../src/platform/clock/clock';

// 2027-01-01 00:30 in Asia/Shanghai, still 2026-12-31 in UTC.
const NEW_YEAR = new Date('2026-12-31T16:30:00Z');

class StoppedClock extends Clock {
  constructor(public at: Date) {
    super();
  }
  now(): Date {
    return this.at;
  }
}

/** The bench's results files: named for the day and the commit, and a partial run never taken for a full one. */
describe('bench results files', () => {
  const work = mkdtempSync(join(tmpdir(), 'lianmeng-bench-run-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('calls a run partial when it leaves scenarios, read paths or data out', () => {
    expect(partialSettings({})).toEqual([]);
    expect(partialSettings({ BENCH_SCALE: '1', BENCH_ONLY: ' ', BENCH_KEEP_DATABASE: '1' })).toEqual([]);
    expect(partialSettings({ BENCH_ONLY: 'read,backup', BENCH_READ_PATHS: 'inbox', BENCH_SCALE: '0.05' })).toEqual([
      'BENCH_ONLY=read,backup',
      'BENCH_READ_PATHS=inbox',
      'BENCH_SCALE=0.05',
    ]);
  });

  it('names the file for the day in Asia/Shanghai and the commit, -partial for a partial run', () => {
    const run = { startedAt: NEW_YEAR, commit: 'abc1234-dirty', partial: [] };
    expect(datedResultsName(run)).toBe('2027-01-01-abc1234-dirty.md');
    expect(datedResultsName({ ...run, partial: ['BENCH_SCALE=0.05'] })).toBe('2027-01-01-abc1234-dirty-partial.md');
  });

  it('reads the commit, dirty only for uncommitted changes to tracked files', () => {
    const repo = join(work, 'repo');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], {
        cwd: repo,
        encoding: 'utf8',
      }).trim();
    execFileSync('git', ['init', '-q', repo]);
    writeFileSync(join(repo, 'tracked.txt'), 'one');
    git('add', 'tracked.txt');
    git('commit', '-qm', 'one');
    const head = git('rev-parse', '--short', 'HEAD');
    const clock = new StoppedClock(NEW_YEAR);
    writeFileSync(join(repo, 'untracked.txt'), 'results of an earlier run');
    expect(startRun(clock, repo, {}).commit).toBe(head);
    writeFileSync(join(repo, 'tracked.txt'), 'two');
    expect(startRun(clock, repo, {}).commit).toBe(`${head}-dirty`);
    expect(startRun(clock, work, {}).commit).toBe('no-commit');
  });

  it('writes results.md, results.json and the dated file, with the load average at the start and the end', () => {
    const clock = new StoppedClock(NEW_YEAR);
    const run = { ...startRun(clock, work, { BENCH_ONLY: 'memory' }), commit: 'abc1234' };
    clock.at = new Date(NEW_YEAR.getTime() + 60_000);
    const rows = [
      { scenario: 'Memory', metric: 'API peak RSS', value: 120, unit: 'MB', target: '≤ 250 MB', met: true },
    ];
    const { dated } = writeReport(work, rows, { minutes: 1 }, finishRun(run, clock));

    expect(dated).toBe('2027-01-01-abc1234-partial.md');
    const markdown = readFileSync(join(work, dated), 'utf8');
    expect(readFileSync(join(work, 'results.md'), 'utf8')).toBe(markdown);
    expect(markdown).toContain('2026-12-31T16:30:00.000Z · commit abc1234 · ');
    expect(markdown).toMatch(
      /Load average \(1, 5, 15 min\): [\d.]+, [\d.]+, [\d.]+ at the start, [\d.]+, [\d.]+, [\d.]+ at the end/,
    );
    expect(markdown).toContain("**Partial run** (BENCH_ONLY=memory): not a full run's figures.");
    expect(markdown).toContain('| Memory | API peak RSS | 120 MB | ≤ 250 MB | met |');
    const json = JSON.parse(readFileSync(join(work, 'results.json'), 'utf8'));
    expect(json.run).toMatchObject({
      commit: 'abc1234',
      partial: ['BENCH_ONLY=memory'],
      finishedAt: '2026-12-31T16:31:00.000Z',
    });
    expect(json.run.load.end).toHaveLength(3);
  });
});
