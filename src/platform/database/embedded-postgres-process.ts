import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { EmbeddedPostgresError } from './embedded-postgres-errors';
import type { ServerAccount } from './embedded-postgres-host';

const READY = 'database system is ready to accept connections';
const STOP_GRACE_MS = 30_000;

export interface Command {
  bin: string;
  args: string[];
  account: ServerAccount;
  cwd: string;
  onLine: (line: string) => void;
  /** Turns the lines printed by a failed run into an error. */
  explain: (lines: string[]) => EmbeddedPostgresError;
}

interface Spawned {
  child: ChildProcess;
  lines: string[];
  /** Settles when the process has exited and all it printed has been read. */
  closed: Promise<void>;
}

function spawnAs(command: Command, onLine: (line: string) => void): Spawned {
  const { bin, args, account, cwd } = command;
  // env given explicitly so that the caller's process.env applies (jest gives each test file its own copy).
  // Its own process group: Ctrl+C in a terminal reaches the caller, which stops the server after
  // the processes that use it (the demo's API and worker) have finished.
  const child = spawn(bin, args, {
    cwd,
    env: process.env,
    uid: account.uid,
    gid: account.gid,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    // Read for as long as the server runs: one whose stderr pipe fills up hangs in its next log write.
    createInterface({ input: stream }).on('line', (line) => {
      if (lines.push(line) > 200) lines.shift();
      onLine(line);
    });
  }
  const closed = new Promise<void>((resolve, reject) => {
    child.once('close', () => resolve());
    child.once('error', (error) => reject(new EmbeddedPostgresError(`Could not run ${bin}: ${error.message}`)));
  });
  return { child, lines, closed };
}

/** Runs initdb to its end; rejects with an explained error when it fails. */
export async function runToEnd(command: Command): Promise<void> {
  const { child, lines, closed } = spawnAs(command, command.onLine);
  await closed;
  if (child.exitCode !== 0) throw command.explain(lines);
}

/** Starts the server; resolves once it accepts connections, rejects with the reason when it exits first. */
export async function startServer(command: Command): Promise<ChildProcess> {
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  const { child, lines, closed } = spawnAs(command, (line) => {
    if (line.includes(READY)) ready();
    command.onLine(line);
  });
  const failed = closed.then(() => {
    throw command.explain(lines);
  });
  await Promise.race([isReady, failed]);
  failed.catch(() => undefined);
  return child;
}

/** Fast shutdown (SIGINT: clients are disconnected); SIGQUIT when it has not stopped after 30 s. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGQUIT'), STOP_GRACE_MS);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}
