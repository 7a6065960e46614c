import type { ChildProcess } from 'node:child_process';
import { chown, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EmbeddedPostgresError, explainFailure, wrongOwner } from './embedded-postgres-errors';
import {
  assertReachable,
  locateBinaries,
  reachableBinaries,
  serverAccount,
  type Binaries,
  type ServerAccount,
} from './embedded-postgres-host';
import { settleExistingServer } from './embedded-postgres-lock';
import { runToEnd, startServer, stopServer, type Command } from './embedded-postgres-process';
import { EmbeddedPostgresState, readText } from './embedded-postgres-state';

export { EmbeddedPostgresError, type EmbeddedPostgresProblem } from './embedded-postgres-errors';

/**
 * A PostgreSQL server run from the binaries of the `embedded-postgres` package, for running the
 * product with nothing but Node when DATABASE_URL is not set.
 *
 * The data directory (e.g. var/postgres/data) is initialised on first start and reused after; its
 * parent folder keeps the password (0600), the last port and the pid of the Node process that
 * started the server. The server listens on 127.0.0.1 only, on a free port (never 5432, where the
 * machine's own PostgreSQL may be), and has no Unix socket.
 *
 * Stopping: call `stop()`. The server also stops when this process exits normally or through
 * process.exit(). It runs in a process group of its own, so Ctrl+C in a terminal does not reach it:
 * a signal ends this process without running any exit handler, leaving the server running, unless
 * something handles that signal: use `stopOnSignals(db)`, or stop it yourself as scripts/launch.ts does. A SIGKILL always leaves
 * the server running; the next start on the same data directory then stops it first (see
 * embedded-postgres-lock.ts).
 */
export interface EmbeddedDatabase {
  /** postgres://postgres:<password>@127.0.0.1:<port>/postgres, the superuser on the `postgres` database. */
  adminUrl: string;
  port: number;
  /** Absolute path of the cluster's directory. */
  dataDir: string;
  /** The server's major version, e.g. 15. */
  majorVersion: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** The cluster's directory, created when missing; its parent keeps the password file. */
  dataDir: string;
  /** A fixed port; by default the one used last time when still free, or any free one. */
  port?: number;
  /** Each line initdb and the server print; the server's log goes on after the start. */
  onLog?: (line: string) => void;
}

/** Where `npm run demo` keeps the embedded cluster: var/postgres/data of the project. */
export function defaultEmbeddedDataDir(projectRoot: string = process.cwd()): string {
  return path.join(projectRoot, 'var', 'postgres', 'data');
}

// Without --encoding and --locale the cluster would take the machine's locale, often C: SQL_ASCII,
// where length() counts bytes and pg_trgm finds no trigrams in Chinese text.
const INITDB_FLAGS = ['--encoding=UTF8', '--locale=C.UTF-8', '--auth=scram-sha-256', '--username=postgres'];
const SERVER_SETTINGS = ['listen_addresses=127.0.0.1', 'unix_socket_directories=', 'max_connections=200'];
const ATTEMPTS_ON_A_TAKEN_PORT = 3;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const onLog = options.onLog ?? (() => undefined);
  const state = new EmbeddedPostgresState(dataDir);
  const account = await serverAccount();
  const binaries = await reachableBinaries(locateBinaries(), account);
  await mkdir(path.dirname(dataDir), { recursive: true });
  await assertReachable([path.dirname(dataDir), path.dirname(binaries.postgres)], account);

  const initialised = await isInitialised(dataDir, account);
  const password = await state.password(initialised);
  if (initialised) await settleExistingServer(state, onLog);
  else await initialise(dataDir, password, binaries, account, onLog);

  const { child, port } = await listen(options.port, state, (port) => ({
    bin: binaries.postgres,
    args: ['-D', dataDir, '-p', String(port), ...SERVER_SETTINGS.flatMap((setting) => ['-c', setting])],
    account,
    cwd: path.dirname(dataDir),
    onLine: onLog,
    explain: (lines) => explainFailure(lines, { dataDir, port, user: account.name }),
  }));
  try {
    await state.recordStart(port);
    const majorVersion = Number(await readText(path.join(dataDir, 'PG_VERSION')));
    return running(child, { dataDir, port, password, majorVersion, state });
  } catch (error) {
    await stopServer(child);
    throw error;
  }
}

/** Stops the server on these signals, then lets the signal take its usual course unless something else handles it. */
export function stopOnSignals(
  db: EmbeddedDatabase,
  signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'],
): () => void {
  const remove = () => signals.forEach((signal) => process.off(signal, handler));
  const handler = (signal: NodeJS.Signals) => {
    remove();
    void db.stop().finally(() => {
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  };
  signals.forEach((signal) => process.on(signal, handler));
  return remove;
}

/** How to back the embedded database up; the package ships no pg_dump. */
export function backupHint(db: EmbeddedDatabase, database = 'lianmeng'): string {
  const url = new URL(db.adminUrl);
  url.pathname = `/${database}`;
  return [
    `Back up with a PostgreSQL ${db.majorVersion} client (Debian/Ubuntu: apt-get install postgresql-client-${db.majorVersion}):`,
    `  pg_dump --dbname='${url.href}' -Fc -f ${database}.dump`,
    'or, with nothing to install, an encrypted backup of the database and the attachments (see the README, Backups and restore): BACKUP_KEY=... npm run backup',
  ].join('\n');
}

/** Whether the data directory holds a cluster (PG_VERSION); one owned by another user is refused. */
async function isInitialised(dataDir: string, account: ServerAccount): Promise<boolean> {
  const info = await stat(dataDir).catch(() => undefined);
  if (!info) return false;
  const uid = account.uid ?? process.getuid?.();
  const foreign = uid !== undefined && info.uid !== uid;
  const refuse = () =>
    new EmbeddedPostgresError(wrongOwner(dataDir, account.name, `is owned by uid ${info.uid}`), 'data-dir-owner');
  // Root can look inside, and hands an empty directory over to the server's account in initialise().
  if (foreign && account.uid === undefined) throw refuse();
  const initialised = (await readText(path.join(dataDir, 'PG_VERSION'))) !== undefined;
  if (foreign && initialised) throw refuse();
  return initialised;
}

/**
 * initdb reads the password from a file. It goes into a fresh 0700 folder of ours, owned by the
 * account initdb runs as, so no other user can read it meanwhile (embedded-postgres's own
 * initialise() writes it to the shared temp folder, readable by all).
 */
async function initialise(
  dataDir: string,
  password: string,
  binaries: Binaries,
  account: ServerAccount,
  onLog: (line: string) => void,
) {
  const started = performance.now();
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const secrets = await mkdtemp(path.join(path.dirname(dataDir), '.initdb-'));
  const pwfile = path.join(secrets, 'password');
  try {
    await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
    if (account.uid !== undefined) {
      for (const owned of [dataDir, secrets, pwfile]) await chown(owned, account.uid, account.gid!);
    }
    await runToEnd({
      bin: binaries.initdb,
      args: [`--pgdata=${dataDir}`, `--pwfile=${pwfile}`, ...INITDB_FLAGS],
      account,
      cwd: path.dirname(dataDir),
      onLine: onLog,
      explain: (lines) => explainFailure(lines, { dataDir, user: account.name }),
    });
  } finally {
    await rm(secrets, { recursive: true, force: true });
  }
  onLog(`Initialised PostgreSQL data directory ${dataDir} in ${Math.round(performance.now() - started)} ms`);
}

/** Starts the server on the given port, or on a free one; another program may take that before the server binds it. */
async function listen(fixed: number | undefined, state: EmbeddedPostgresState, command: (port: number) => Command) {
  for (let attempt = 1; ; attempt++) {
    const port = fixed ?? (await state.freePort());
    try {
      return { child: await startServer(command(port)), port };
    } catch (error) {
      const taken = error instanceof EmbeddedPostgresError && error.problem === 'port-in-use';
      if (!taken || fixed !== undefined || attempt >= ATTEMPTS_ON_A_TAKEN_PORT) throw error;
    }
  }
}

interface Running {
  dataDir: string;
  port: number;
  password: string;
  majorVersion: number;
  state: EmbeddedPostgresState;
}

function running(child: ChildProcess, { dataDir, port, password, majorVersion, state }: Running): EmbeddedDatabase {
  // Synchronous, so it also runs on process.exit(); the server then shuts down on its own.
  const stopOnExit = () => child.kill('SIGINT');
  process.on('exit', stopOnExit);
  let stopping: Promise<void> | undefined;
  return {
    adminUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    majorVersion,
    stop: () =>
      (stopping ??= (async () => {
        await stopServer(child);
        process.off('exit', stopOnExit);
        await state.recordStop();
      })()),
  };
}
