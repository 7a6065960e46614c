import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis, RedisOptions } from 'ioredis';
import { ownDir, ownPid, releaseDir, releasePid } from './owned-resources';
import { freePort } from './ports';
import { waitFor } from '../../support/wait-for';

/**
 * A redis-server of the test's own on a spare port, in the foreground as our child (so its pid is
 * ours to signal). Append-only persistence, as production runs it, so a restart keeps the queues.
 */
export class RedisServer {
  private child?: ChildProcess;
  private readonly dir = mkdtempSync(join(tmpdir(), 'lianmeng-faults-redis-'));
  private output = '';

  private constructor(
    readonly port: number,
    private readonly extraArgs: string[],
  ) {
    ownDir(this.dir);
  }

  static async create(extraArgs: string[] = []): Promise<RedisServer> {
    const server = new RedisServer(await freePort(), extraArgs);
    await server.start();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--dir',
        this.dir,
        '--save',
        '',
        '--appendonly',
        'yes',
        '--appendfsync',
        'everysec',
        '--maxmemory-policy',
        'noeviction',
        ...this.extraArgs,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    ownPid(child.pid);
    child.stdout.on('data', (chunk) => (this.output = (this.output + chunk).slice(-4000)));
    child.stderr.on('data', (chunk) => (this.output = (this.output + chunk).slice(-4000)));
    child.once('exit', () => releasePid(child.pid));
    this.child = child;
    await waitFor(() => this.ping(), Boolean, 20_000, 50).catch((error) => {
      throw new Error(`redis-server did not start: ${(error as Error).message}\n${this.output}`);
    });
  }

  /** A clean shutdown (SIGTERM: the append-only file is flushed). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  }

  async ping(): Promise<boolean> {
    const client = this.client({
      lazyConnect: true,
      retryStrategy: () => null,
      maxRetriesPerRequest: 0,
      connectTimeout: 1000,
    });
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  }

  client(options: RedisOptions = {}): Redis {
    const client = new Redis(this.port, '127.0.0.1', { maxRetriesPerRequest: 3, ...options });
    client.on('error', () => undefined);
    return client;
  }

  async destroy(): Promise<void> {
    await this.stop('SIGKILL');
    releaseDir(this.dir);
  }
}
