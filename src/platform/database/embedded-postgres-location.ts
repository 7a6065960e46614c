import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { defaultEmbeddedDataDir } from './embedded-postgres';
import { isReachable, serverAccount } from './embedded-postgres-host';

/** The database and the application's role the launcher makes on the built-in server. */
export const BUILT_IN_DATABASE = 'lianmeng';
export const BUILT_IN_APP_ROLE = 'lianmeng_app';

/**
 * Where the built-in PostgreSQL of the project at `root` keeps its data: EMBEDDED_DATABASE_DIR, else
 * var/postgres/data of the project; as root, when the project lies where the postgres account that
 * runs the server cannot enter (under /root, mode 0700), a folder of /var/lib/lianmeng named after
 * the project instead (`onMoved` says so), so the demo starts rather than stops with a permissions
 * message. npm run serve, demo, backup and restore all find it here.
 */
export async function builtInDataDir(
  root: string,
  env: NodeJS.ProcessEnv = process.env,
  onMoved: (note: string) => void = () => undefined,
): Promise<string> {
  if (env.EMBEDDED_DATABASE_DIR) return path.resolve(env.EMBEDDED_DATABASE_DIR);
  const dataDir = defaultEmbeddedDataDir(root);
  const account = await serverAccount();
  if (await isReachable([path.dirname(dataDir)], account)) return dataDir;
  const elsewhere = path.join(
    '/var/lib/lianmeng',
    `postgres-${createHash('sha256').update(root).digest('hex').slice(0, 12)}`,
    'data',
  );
  onMoved(
    `The ${account.name} account that runs PostgreSQL cannot enter ${root}; the built-in database keeps its data in ${path.dirname(elsewhere)} instead.`,
  );
  mkdirSync(path.dirname(elsewhere), { recursive: true, mode: 0o755 });
  return elsewhere;
}

/** The owner's URL of the built-in database, from the server's `postgres` superuser URL. */
export function builtInAdminUrl(serverAdminUrl: string): string {
  const url = new URL(serverAdminUrl);
  url.pathname = `/${BUILT_IN_DATABASE}`;
  return url.toString();
}
