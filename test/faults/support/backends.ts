import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { format } from 'node:util';
import type { StateBackend } from '../../../src/platform/config/environment';

/**
 * Why this machine cannot run the fault suite's own redis-server (RedisServer spawns it from PATH),
 * or undefined when it can. TEST_WITHOUT_REDIS=1 pretends it is missing, to try the skips.
 */
function redisMissing(): string | undefined {
  if (['1', 'true'].includes(process.env.TEST_WITHOUT_REDIS ?? ''))
    return 'which TEST_WITHOUT_REDIS=1 treats as not installed';
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  if (dirs.some((dir) => executable(join(dir, 'redis-server')))) return undefined;
  return 'which is not installed (not on PATH; Debian/Ubuntu: apt-get install redis-server)';
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

const missing = redisMissing();
export const redisInstalled = missing === undefined;

// Jest loads this module afresh for each test file, so each file says it once per suite.
const said = new Set<string>();
function sayWhySkipped(suite: string): void {
  if (said.has(suite)) return;
  said.add(suite);
  process.stdout.write(`\nSkipped: ${suite} needs redis-server, ${missing}\n`);
}

/** A suite that needs its own redis-server: without one it is skipped (and says why), not failed. */
export function describeWithRedis(name: string, fn: () => void): void {
  if (redisInstalled) {
    describe(name, fn);
  } else {
    sayWhySkipped(`"${name}"`);
    describe.skip(name, fn);
  }
}

/**
 * `describe.each(['redis', 'postgres'])` for a suite that runs on both queue backends: without
 * redis-server its Redis half is skipped (it still shows as skipped, and says why), the PostgreSQL
 * half runs. `name` takes the backend for its `%s`, as with describe.each.
 */
export function describeEachBackend(name: string, fn: (backend: StateBackend) => void): void {
  for (const backend of ['redis', 'postgres'] as const) {
    const title = format(name, backend);
    if (backend === 'postgres' || redisInstalled) {
      describe(title, () => fn(backend));
    } else {
      sayWhySkipped(`"${title}"`);
      describe.skip(title, () => fn(backend));
    }
  }
}
