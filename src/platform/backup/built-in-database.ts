import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres, stopOnSignals } from '../database/embedded-postgres';
import type { Environment } from '../config/environment';
import { builtInAdminUrl, builtInDataDir, BUILT_IN_DATABASE } from '../database/embedded-postgres-location';
import { EmbeddedPostgresState, readText } from '../database/embedded-postgres-state';
import { BackupError } from './backup-error';

export interface BuiltInDatabase {
  /** The owner's URL of the `lianmeng` database on the built-in server. */
  adminUrl: string;
  /** What was done to reach it, to print. */
  note: string;
  /** Whether it is the server npm run serve (or demo) runs, rather than one of this command's. */
  shared: boolean;
  /** Stops the server when this command started it; leaves one that npm run serve runs alone. */
  release(): Promise<void>;
}

/**
 * The built-in PostgreSQL (DATABASE_URL unset) for `npm run backup` and `npm run restore`: the
 * server npm run serve or demo runs now, found by the postmaster.pid of its data directory and
 * reached with the port and password kept beside it; otherwise the server started for the command
 * alone and stopped afterwards. A data directory without a cluster is refused unless `create` (a
 * restore onto a new server makes the cluster, as npm run serve would).
 */
export async function openBuiltInDatabase(dataDir: string, options: { create: boolean }): Promise<BuiltInDatabase> {
  const state = new EmbeddedPostgresState(dataDir);
  const initialised = (await readText(path.join(dataDir, 'PG_VERSION'))) !== undefined;
  if (!initialised && !options.create) {
    throw new BackupError(
      `DATABASE_URL is not set and the built-in database has no data yet (${dataDir} holds no cluster). ` +
        'Start it once with npm run serve (or npm run demo), set EMBEDDED_DATABASE_DIR to where its data lives, or point DATABASE_URL and DATABASE_ADMIN_URL at your PostgreSQL.',
    );
  }
  const running = initialised ? await runningServer(dataDir) : undefined;
  if (running) {
    const password = await state.password(true);
    const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${running.port}/postgres`;
    return {
      adminUrl: builtInAdminUrl(url),
      note: `Using the built-in PostgreSQL running on 127.0.0.1:${running.port} (pid ${running.pid}, data in ${dataDir}); it keeps running.`,
      shared: true,
      release: () => Promise.resolve(),
    };
  }
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const logFile = path.join(path.dirname(dataDir), 'postgres.log');
  const database = await startEmbeddedPostgres({ dataDir, onLog: (line) => appendFileSync(logFile, `${line}\n`) });
  const removeHandlers = stopOnSignals(database);
  return {
    adminUrl: builtInAdminUrl(database.adminUrl),
    note:
      `${initialised ? 'Started' : 'Created and started'} the built-in PostgreSQL for this command on 127.0.0.1:${database.port} (data in ${dataDir}); it stops when done.` +
      (initialised
        ? ''
        : `\nIts database ${BUILT_IN_DATABASE} is made by the restore; start the product on it with npm run serve.`),
    shared: false,
    release: async () => {
      removeHandlers();
      await database.stop();
    },
  };
}

/** The server of this data directory that runs now, from its postmaster.pid (pid, then its port on the 4th line). */
async function runningServer(dataDir: string): Promise<{ pid: number; port: number } | undefined> {
  const lock = await readText(path.join(dataDir, 'postmaster.pid'));
  const lines = lock?.split('\n') ?? [];
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0 || !isAlive(pid)) return undefined;
  return { pid, port };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface CommandDatabase {
  adminUrl: string;
  /** DATABASE_URL; undefined for the built-in server. */
  appUrl?: string;
  note?: string;
  /** The built-in server that npm run serve runs now. */
  shared?: boolean;
  release(): Promise<void>;
}

/**
 * The database a backup or restore works on: DATABASE_ADMIN_URL's when DATABASE_URL is set, as for
 * every other command; otherwise the built-in server of the project at `root` (see openBuiltInDatabase).
 */
export async function commandDatabase(
  env: Pick<Environment, 'DATABASE_URL' | 'DATABASE_ADMIN_URL'>,
  raw: NodeJS.ProcessEnv,
  root: string,
  options: { create: boolean },
): Promise<CommandDatabase> {
  if (raw.DATABASE_URL)
    return { adminUrl: env.DATABASE_ADMIN_URL, appUrl: env.DATABASE_URL, release: () => Promise.resolve() };
  return openBuiltInDatabase(await builtInDataDir(root, raw), options);
}
