import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { EmbeddedPostgresError } from './embedded-postgres-errors';
import { readText, type EmbeddedPostgresState } from './embedded-postgres-state';

const ORPHAN_STOP_MS = 30_000;

/**
 * Deals with a postmaster.pid left in the data directory before a start.
 *
 * A dead pid is left to postgres, which removes a stale lock itself. A live server of this data
 * directory whose parent is still the Node process recorded in owner.pid is in use: that is an
 * error. One whose parent is another process was orphaned: the Node process that started it was
 * killed with SIGKILL (no handler runs then, so nothing stopped the server). It is a leftover of
 * ours, as is anything still connected to it, so it is stopped and this start goes on as usual.
 * Checking who started a server needs /proc; elsewhere a live lock is reported, not resolved.
 */
export async function settleExistingServer(state: EmbeddedPostgresState, onLog: (line: string) => void): Promise<void> {
  const lock = await readText(path.join(state.dataDir, 'postmaster.pid'));
  const [pidText, , , portText] = lock?.split('\n') ?? [];
  const pid = Number(pidText);
  if (!lock || !Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  const dataDir = state.dataDir;
  const processInfo = await describe(pid);
  if (processInfo && !isPostmasterOf(processInfo.argv, dataDir)) {
    throw new EmbeddedPostgresError(
      `Data directory ${dataDir} has a stale lock file: its postmaster.pid names pid ${pid}, which is now ` +
        `another program (${processInfo.argv[0] ?? 'unknown'}). If no PostgreSQL server uses ${dataDir}, ` +
        `delete ${path.join(dataDir, 'postmaster.pid')} and start again.`,
      'data-dir-in-use',
    );
  }
  const owner = await state.owner();
  if (processInfo && owner !== undefined && processInfo.ppid !== owner) {
    onLog(
      `Stopping PostgreSQL pid ${pid} on port ${portText}: process ${owner} that started it is gone (killed with SIGKILL?)`,
    );
    process.kill(pid, 'SIGINT');
    await untilStopped(pid, dataDir);
    return;
  }
  const starter = processInfo
    ? `, started by process ${processInfo.ppid}${processInfo.ppid === process.pid ? ' (this one)' : ''}`
    : '';
  throw new EmbeddedPostgresError(
    `Data directory ${dataDir} is already in use by a running PostgreSQL server (pid ${pid}, port ${portText}${starter}). ` +
      `Stop it first (Ctrl+C where it was started, or kill -INT ${pid}), or use another data directory.`,
    'data-dir-in-use',
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The command line and parent of a process, from /proc; undefined where there is no /proc. */
async function describe(pid: number): Promise<{ argv: string[]; ppid: number; state: string } | undefined> {
  try {
    const [cmdline, stat] = await Promise.all([
      readFile(`/proc/${pid}/cmdline`, 'utf8'),
      readFile(`/proc/${pid}/stat`, 'utf8'),
    ]);
    // The name in parentheses may itself hold spaces and parentheses; the fields after it do not.
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { argv: cmdline.split('\0'), ppid: Number(ppid), state };
  } catch {
    return undefined;
  }
}

function isPostmasterOf(argv: string[], dataDir: string): boolean {
  const dashD = argv.indexOf('-D');
  return /postgres(\.exe)?$/.test(argv[0] ?? '') && dashD >= 0 && path.resolve(argv[dashD + 1] ?? '') === dataDir;
}

async function untilStopped(pid: number, dataDir: string): Promise<void> {
  const deadline = performance.now() + ORPHAN_STOP_MS;
  while (performance.now() < deadline) {
    // Its parent is now init, which may take a moment to reap it: a zombie answers kill(pid, 0).
    const exited = !isAlive(pid) || (await describe(pid))?.state === 'Z';
    if (exited && (await readText(path.join(dataDir, 'postmaster.pid'))) === undefined) return;
    await sleep(50);
  }
  throw new EmbeddedPostgresError(
    `PostgreSQL pid ${pid} (data directory ${dataDir}) did not stop within 30 s; stop it with kill -QUIT ${pid}.`,
  );
}
