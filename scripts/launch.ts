import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { randomSecret } from '../src/platform/auth/token-hash';
import { backupHint, startEmbeddedPostgres, type EmbeddedDatabase } from '../src/platform/database/embedded-postgres';
import {
  builtInAdminUrl,
  builtInDataDir,
  BUILT_IN_APP_ROLE,
  BUILT_IN_DATABASE,
} from '../src/platform/database/embedded-postgres-location';
import { runProcess } from '../src/platform/startup/run-process';
import { PRODUCTION_RUNTIME_ENV } from '../src/platform/startup/runtime-settings';

const ROOT = path.resolve(__dirname, '../..');

/**
 * `npm run demo` (with --seed) and `npm run serve`: migrates, seeds when asked, and runs the API and
 * the worker until Ctrl+C. Without DATABASE_URL it first starts the built-in PostgreSQL (data in
 * EMBEDDED_DATABASE_DIR, by default var/postgres/data, kept between runs) and points every step at
 * it; it stops it last, once the API and the worker have finished their in-flight work.
 */
runProcess('The demo', async () => {
  const seed = process.argv.includes('--seed');
  const env: NodeJS.ProcessEnv = { ...process.env };
  let database: EmbeddedDatabase | undefined;
  if (!env.DATABASE_URL) {
    database = await startBuiltInDatabase();
    Object.assign(env, builtInUrls(database));
  }
  let interrupted: NodeJS.Signals | undefined;
  // Ctrl+C (SIGINT) reaches every process of the terminal's group: each child stops itself and this
  // one waits. A SIGTERM or SIGHUP (a service manager, kill) reaches this process alone: passed on.
  const stopping = (signal: NodeJS.Signals) => {
    interrupted = signal;
    if (signal !== 'SIGINT') current?.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stopping);
  let code = 0;
  try {
    const steps = [['migrate', 'dist/scripts/migrate.js'], ...(seed ? [['seed', 'dist/scripts/seed/seed.js']] : [])];
    for (const [, script] of steps) {
      code = await run(process.execPath, [path.join(ROOT, script)], env);
      if (code !== 0 || interrupted) break;
    }
    if (code === 0 && !interrupted) {
      const concurrently = path.join(path.dirname(require.resolve('concurrently')), 'dist/bin/concurrently.js');
      code = await run(
        process.execPath,
        [
          concurrently,
          '--kill-others-on-fail',
          '-n',
          'api,worker',
          '-c',
          'blue,magenta',
          'npm:start',
          'npm:start:worker',
        ],
        // The API and the worker run as in production; a setting of the caller's own wins.
        { ...PRODUCTION_RUNTIME_ENV, ...env },
      );
    }
  } finally {
    await database?.stop();
  }
  process.exit(interrupted ? 0 : code);
});

async function startBuiltInDatabase(): Promise<EmbeddedDatabase> {
  const dataDir = await builtInDataDir(ROOT, process.env, (note) => process.stdout.write(`${note}\n`));
  const logFile = path.join(path.dirname(dataDir), 'postgres.log');
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const database = await startEmbeddedPostgres({ dataDir, onLog: (line) => appendFileSync(logFile, `${line}\n`) });
  const shown = (file: string) =>
    path.relative(process.cwd(), file).startsWith('..') ? file : path.relative(process.cwd(), file);
  process.stdout.write(
    [
      `Built-in PostgreSQL ${database.majorVersion} on 127.0.0.1:${database.port} (DATABASE_URL is not set).`,
      `Its data lives in ${shown(dataDir)} and is kept between runs; its log in ${shown(logFile)}.`,
      backupHint(database, BUILT_IN_DATABASE),
      '',
    ].join('\n'),
  );
  return database;
}

/** The owner's URL, and the application's with a password of this run (migration:run sets it). */
function builtInUrls(database: EmbeddedDatabase): { DATABASE_ADMIN_URL: string; DATABASE_URL: string } {
  const admin = new URL(builtInAdminUrl(database.adminUrl));
  const app = new URL(admin);
  app.username = BUILT_IN_APP_ROLE;
  app.password = randomSecret(24);
  return { DATABASE_ADMIN_URL: admin.toString(), DATABASE_URL: app.toString() };
}

/** The step running now, to pass a signal on to. */
let current: ChildProcess | undefined;

async function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
  current = child;
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  current = undefined;
  return code ?? (signal ? 1 : 0);
}
