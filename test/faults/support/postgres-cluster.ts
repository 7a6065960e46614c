import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { asPostgresArgs, isAlive, onExit, ownDir, releaseDir, runSync } from './owned-resources';
import { freePort } from './ports';

const run = promisify(execFile);

function binDir(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))) : [];
  if (versions.length === 0) throw new Error(`No PostgreSQL server binaries under ${base}/*/bin (apt-get install postgresql)`);
  return join(base, versions.sort((a, b) => Number(b) - Number(a))[0], 'bin');
}

/**
 * A PostgreSQL cluster of the test's own: initdb into a temporary directory, a spare port on the
 * loopback, trust authentication. It can be stopped, killed and restarted without touching anything
 * else on the machine. fsync is off: the OS never crashes in these tests, only the server does.
 */
export class PostgresCluster {
  private readonly bin = binDir();
  private readonly dir: string;
  private readonly data: string;
  private readonly log: string;
  private forget?: () => void;

  private constructor(readonly port: number) {
    this.dir = mkdtempSync(join(tmpdir(), 'lianmeng-faults-pg-'));
    ownDir(this.dir);
    if (process.getuid?.() === 0) chownSync(this.dir, Number(runSync('id', ['-u']).trim()), Number(runSync('id', ['-g']).trim()));
    this.data = join(this.dir, 'data');
    this.log = join(this.dir, 'server.log');
  }

  static async create(): Promise<PostgresCluster> {
    const cluster = new PostgresCluster(await freePort());
    await cluster.exec('initdb', ['-D', cluster.data, '-A', 'trust', '-U', 'postgres', '-N', '-E', 'UTF8', '--locale=C.UTF-8']);
    // If this jest worker dies, take the server down with it (synchronously, from the exit hook).
    cluster.forget = onExit(() => cluster.killSync());
    await cluster.start();
    return cluster;
  }

  url(database: string, user = 'postgres', password?: string): string {
    return `postgres://${user}${password ? `:${password}` : ''}@127.0.0.1:${this.port}/${database}`;
  }

  /** The postmaster's pid while it runs (first line of postmaster.pid). */
  pid(): number | null {
    try {
      return Number(readFileSync(join(this.data, 'postmaster.pid'), 'utf8').split('\n')[0]) || null;
    } catch {
      return null;
    }
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200`;
    await this.exec('pg_ctl', ['-D', this.data, '-o', options, '-l', this.log, '-w', '-t', '60', 'start']);
  }

  /** `fast` closes every session and rolls back what is open; `immediate` is a crash (recovery at next start). */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.exec('pg_ctl', ['-D', this.data, '-m', mode, '-w', '-t', '60', 'stop']);
  }

  async query<T extends object = Record<string, any>>(database: string, sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.url(database), connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  serverLog(): string {
    try {
      return readFileSync(this.log, 'utf8');
    } catch {
      return '';
    }
  }

  async destroy(): Promise<void> {
    if (this.pid() !== null) await this.stop('immediate').catch(() => this.killSync());
    this.forget?.();
    releaseDir(this.dir);
  }

  private killSync(): void {
    const pid = this.pid();
    // SIGQUIT is PostgreSQL's immediate shutdown: the postmaster takes its backends down with it.
    if (pid && isAlive(pid)) process.kill(pid, 'SIGQUIT');
  }

  private async exec(tool: string, args: string[]): Promise<void> {
    const [file, argv] = asPostgresArgs(join(this.bin, tool), args);
    try {
      await run(file, argv, { timeout: 90_000 });
    } catch (error) {
      throw new Error(`${tool} ${args.join(' ')} failed: ${(error as Error).message}\n${this.serverLog().slice(-2000)}`);
    }
  }
}
