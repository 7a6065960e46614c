import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import {
  locateBinaries,
  reachableBinaries,
  serverAccount,
  type ServerAccount,
} from '../../../src/platform/database/embedded-postgres-host';
import { asPostgresArgs, isAlive, onExit, ownDir, releaseDir } from './owned-resources';
import { freePort } from './ports';

const run = promisify(execFile);

const TOOLS = ['initdb', 'pg_ctl', 'postgres'];
const MACHINE_BINARIES = '/usr/lib/postgresql';

const hasTools = (dir: string) => TOOLS.every((tool) => existsSync(join(dir, tool)));

/** The newest of the machine's server packages (Debian/Ubuntu layout), as CI installs them. */
function machineBinDir(): string | undefined {
  const versions = existsSync(MACHINE_BINARIES)
    ? readdirSync(MACHINE_BINARIES).filter((v) => hasTools(join(MACHINE_BINARIES, v, 'bin')))
    : [];
  if (versions.length === 0) return undefined;
  return join(MACHINE_BINARIES, versions.sort((a, b) => Number(b) - Number(a))[0], 'bin');
}

/** embedded-postgres's binaries (they include pg_ctl), copied where the server's account can run them. */
async function embeddedBinDir(account: ServerAccount): Promise<string> {
  const dir = dirname((await reachableBinaries(locateBinaries(), account)).postgres);
  if (!hasTools(dir)) throw new Error(`The embedded PostgreSQL binaries in ${dir} lack one of ${TOOLS.join(', ')}`);
  return dir;
}

/**
 * Where the clusters' server binaries come from: TEST_POSTGRES_BIN_DIR when set (e.g. the embedded
 * ones, to try them on a machine that has its own); else the machine's; else, on a machine with
 * nothing but Node, the ones the embedded-postgres package brings. Resolved once per test file.
 */
let located: Promise<string> | undefined;
function binDir(account: ServerAccount): Promise<string> {
  return (located ??= (async () => {
    const forced = process.env.TEST_POSTGRES_BIN_DIR;
    if (forced) {
      // The embedded folder itself may be out of the postgres account's reach (root, 0700 clone).
      if (isEmbeddedBinDir(forced)) return embeddedBinDir(account);
      if (!hasTools(forced)) throw new Error(`TEST_POSTGRES_BIN_DIR=${forced} must hold ${TOOLS.join(', ')}`);
      return resolve(forced);
    }
    return machineBinDir() ?? embeddedBinDir(account);
  })());
}

function isEmbeddedBinDir(dir: string): boolean {
  try {
    return realpathSync(dir) === realpathSync(dirname(locateBinaries().postgres));
  } catch {
    return false; // no such folder, or no embedded-postgres package
  }
}

/**
 * A PostgreSQL cluster of the test's own: initdb into a temporary directory, a spare port on the
 * loopback, trust authentication. It can be stopped, killed and restarted without touching anything
 * else on the machine. fsync is off: the OS never crashes in these tests, only the server does.
 */
export class PostgresCluster {
  private readonly dir: string;
  private readonly data: string;
  private readonly log: string;
  private forget?: () => void;

  private constructor(
    readonly port: number,
    /** The folder of initdb, pg_ctl and postgres this cluster runs. */
    readonly bin: string,
    account: ServerAccount,
  ) {
    this.dir = mkdtempSync(join(tmpdir(), 'lianmeng-faults-pg-'));
    ownDir(this.dir);
    // As root the server runs as the postgres account (asPostgresArgs), which must own its folder.
    if (account.uid !== undefined) chownSync(this.dir, account.uid, account.gid!);
    this.data = join(this.dir, 'data');
    this.log = join(this.dir, 'server.log');
  }

  static async create(): Promise<PostgresCluster> {
    // As root this also creates the postgres account when the machine has none (no server package).
    const account = await serverAccount();
    const cluster = new PostgresCluster(await freePort(), await binDir(account), account);
    // Explicit encoding and locale: else the cluster takes the machine's (often C, i.e. SQL_ASCII).
    await cluster.exec('initdb', [
      '-D',
      cluster.data,
      '-A',
      'trust',
      '-U',
      'postgres',
      '-N',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
    ]);
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

  async query<T extends object = Record<string, unknown>>(
    database: string,
    sql: string,
    params: unknown[] = [],
  ): Promise<T[]> {
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
      throw new Error(
        `${tool} ${args.join(' ')} failed: ${(error as Error).message}\n${this.serverLog().slice(-2000)}`,
        { cause: error },
      );
    }
  }
}
