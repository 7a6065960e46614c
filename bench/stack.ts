import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PRODUCTION_RUNTIME_ENV } from '../src/platform/startup/runtime-settings';

export const ROOT = join(__dirname, '../..');
const PG = { host: '127.0.0.1', port: 5432 };

export function adminUrl(database: string): string {
  return `postgres://postgres@${PG.host}:${PG.port}/${database}`;
}

export function appUrl(database: string): string {
  return `postgres://lianmeng_app:lianmeng_app@${PG.host}:${PG.port}/${database}`;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A child process of the benchmark: its output goes to a log file, its peak RSS is read from /proc. */
export class BenchProcess {
  readonly child: ChildProcess;
  private output = '';

  constructor(
    readonly name: string,
    command: string,
    args: string[],
    env: Record<string, string>,
    logFile: string,
  ) {
    const log = createWriteStream(logFile);
    this.child = spawn(command, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [this.child.stdout!, this.child.stderr!]) {
      stream.on('data', (chunk: Buffer) => {
        log.write(chunk);
        if (this.output.length < 200_000) this.output += chunk.toString();
      });
    }
    this.child.once('exit', () => log.end());
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async waitFor(pattern: RegExp, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.output)) {
      if (!this.running)
        throw new Error(`${this.name} exited before printing ${pattern}:\n${this.output.slice(-2000)}`);
      if (Date.now() > deadline)
        throw new Error(`${this.name} did not print ${pattern} in ${timeoutMs} ms:\n${this.output.slice(-2000)}`);
      await sleep(50);
    }
  }

  /** Peak resident set size so far (VmHWM), in MB. */
  peakRssMb(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
}

/** The product's environment for one benchmark database: production mode, its own queue prefix. */
export function productEnv(database: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: appUrl(database),
    DATABASE_ADMIN_URL: adminUrl(database),
    REDIS_URL: 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `{${database}}`,
    JWT_SECRET: BENCH_JWT_SECRET,
    SECRETS_KEY: randomBytes(24).toString('hex'),
    LOGIN_RATE_PER_MINUTE: '100000',
    STORAGE_DIR: join(ROOT, 'var/bench-storage'),
    LOG_LEVEL: 'info',
    // What the Dockerfile sets: a bounded heap, argon2's work areas handed back after each sign-in.
    ...PRODUCTION_RUNTIME_ENV,
    // A routing batch size to compare (0: one request per transaction), else the product's default.
    ...(process.env.ROUTING_COMPANIONS !== undefined && { ROUTING_COMPANIONS: process.env.ROUTING_COMPANIONS }),
    ...extra,
  };
}

export const BENCH_JWT_SECRET = randomBytes(24).toString('hex');

export function runScript(script: string, env: Record<string, string>): void {
  execFileSync(process.execPath, [join(ROOT, 'dist', script)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Polls `check` every 200 ms until it holds; fails after `timeoutMs` (measured on the monotonic clock). */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms`);
    await sleep(200);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
