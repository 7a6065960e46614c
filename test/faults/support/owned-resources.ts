import { rmSync } from 'node:fs';

/**
 * Everything a fault test starts: child processes by pid and temporary directories. Released in
 * afterAll, and again synchronously when the jest worker exits, so a failed or interrupted test
 * leaves no server or directory behind. Only pids recorded here are ever signalled.
 */
const pids = new Set<number>();
const dirs = new Set<string>();
const finalizers = new Set<() => void>();

export function ownPid(pid: number | undefined): void {
  if (pid) pids.add(pid);
}

export function releasePid(pid: number | undefined): void {
  if (pid) pids.delete(pid);
}

export function ownDir(dir: string): void {
  dirs.add(dir);
}

export function releaseDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  dirs.delete(dir);
}

/** A synchronous last resort, e.g. an immediate PostgreSQL shutdown. */
export function onExit(finalizer: () => void): () => void {
  finalizers.add(finalizer);
  return () => finalizers.delete(finalizer);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function releaseAll(): void {
  for (const finalizer of finalizers) {
    try {
      finalizer();
    } catch {
      // best effort on the way out
    }
  }
  finalizers.clear();
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  pids.clear();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs.clear();
}

let hooked = false;
export function hookProcessExit(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', releaseAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      releaseAll();
      process.exit(130);
    });
  }
}

/** Runs a command as the `postgres` OS user when we are root (initdb and postgres refuse root). */
export function asPostgresArgs(command: string, args: string[]): [string, string[]] {
  if (process.getuid?.() === 0) return ['runuser', ['-u', 'postgres', '--', command, ...args]];
  return [command, args];
}
