import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ownPid, releasePid } from './owned-resources';

export const ROOT = join(__dirname, '../../..');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A built entry point (dist/...) running as a real child process, its output kept for assertions. */
export class AppProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<Exit>;
  private out = '';

  constructor(
    readonly name: string,
    script: string,
    env: Record<string, string>,
  ) {
    if (!existsSync(join(ROOT, 'dist', script))) {
      throw new Error(`dist/${script} is missing: build first (npm run build:api)`);
    }
    this.child = spawn(process.execPath, [join(ROOT, 'dist', script)], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_NO_WARNINGS: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    ownPid(this.child.pid);
    this.child.stdout!.on('data', (chunk: Buffer) => (this.out += chunk.toString()));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.out += chunk.toString()));
    this.exited = once(this.child, 'exit').then((args): Exit => {
      const [code, signal] = args as [Exit['code'], Exit['signal']];
      releasePid(this.child.pid);
      return { code, signal };
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  output(): string {
    return this.out;
  }

  /** Resolves with the first match of `pattern` in the output; fails if the process exits first. A start on a CI machine running two suites at once can take over a minute. */
  async waitForOutput(pattern: RegExp, timeoutMs = 120_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(this.out);
      if (match) return match;
      if (!this.running) throw new Error(`${this.name} exited before printing ${pattern}:\n${this.out.slice(-3000)}`);
      if (Date.now() > deadline)
        throw new Error(`${this.name} did not print ${pattern} within ${timeoutMs} ms:\n${this.out.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  signal(signal: NodeJS.Signals): void {
    if (this.running) this.child.kill(signal);
  }

  /** Sends the signal and waits for the exit, failing after `timeoutMs`. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000): Promise<Exit & { ms: number }> {
    const started = Date.now();
    if (!this.running) return { ...(await this.exited), ms: 0 };
    this.child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new Error(`${this.name} did not exit within ${timeoutMs} ms of ${signal}:\n${this.out.slice(-3000)}`)),
        timeoutMs,
      );
    });
    try {
      return { ...(await Promise.race([this.exited, timeout])), ms: Date.now() - started };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Never leaves a process behind: SIGKILL if it is still there. */
  async destroy(): Promise<void> {
    if (this.running) {
      this.child.kill('SIGCONT');
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}
