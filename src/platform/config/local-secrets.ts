import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Where a machine without JWT_SECRET and SECRETS_KEY keeps the ones generated for it (var/ is not in git). */
export const LOCAL_SECRETS_FILE = 'var/secrets.json';

export const LOCAL_SECRET_NAMES = ['JWT_SECRET', 'SECRETS_KEY'] as const;
type LocalSecrets = Record<(typeof LOCAL_SECRET_NAMES)[number], string>;

export class LocalSecretsError extends Error {}

/**
 * Outside production, fills in a missing JWT_SECRET or SECRETS_KEY from var/secrets.json, generating
 * random ones into it on the first start. There is no built-in fallback: a value in the repository
 * would let anyone who reads it forge a platform administrator's token. The file is created whole or
 * not at all (written aside, then hard-linked into place, which fails if it exists), so the API, the
 * worker, the seed and the migration started at once all end up with the first one written.
 *
 * Writes the values into `env` so every later reader in the process (Nest's ConfigModule) sees the
 * same, and returns what to tell the person starting it, or null when nothing was missing.
 */
export function applyLocalSecrets(env: Record<string, string | undefined>, cwd = process.cwd()): string | null {
  if (env.NODE_ENV === 'production') return null;
  const missing = LOCAL_SECRET_NAMES.filter((name) => !env[name]);
  if (missing.length === 0) return null;
  const path = join(cwd, LOCAL_SECRETS_FILE);
  const shown = relative(cwd, path);
  const { secrets, created } = readOrCreate(path, shown);
  for (const name of missing) env[name] = secrets[name];
  const names = missing.join(' and ');
  const [are, ones, them] = missing.length > 1 ? ['are', 'random ones were', 'them'] : ['is', 'a random one was', 'it'];
  return created
    ? `${names} ${are} not set, so ${ones} generated and saved in ${shown} (readable only by this user, and not in git). ` +
        `Every process started from this directory uses ${them}; keep the file, or sessions end and stored webhook and mail ` +
        `passwords can no longer be read. To use your own, set ${names}.`
    : `${names} ${are} not set: using the ${missing.length > 1 ? 'random ones' : 'random one'} saved in ${shown} on the first start.`;
}

function readOrCreate(path: string, shown: string): { secrets: LocalSecrets; created: boolean } {
  const existing = readIfPresent(path, shown);
  if (existing) return { secrets: existing, created: false };

  mkdirSync(dirname(path), { recursive: true });
  const candidate = Object.fromEntries(
    LOCAL_SECRET_NAMES.map((name) => [name, randomBytes(32).toString('hex')]),
  ) as LocalSecrets;
  const aside = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(aside, 'wx', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(candidate, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(aside, path);
    return { secrets: candidate, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Another process started at the same moment was first: use its secrets.
    return { secrets: readIfPresent(path, shown)!, created: false };
  } finally {
    unlinkSync(aside);
  }
}

function readIfPresent(path: string, shown: string): LocalSecrets | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new LocalSecretsError(`${shown} cannot be read: ${(error as Error).message}`);
  }
  let parsed: Partial<LocalSecrets> | null = null;
  try {
    parsed = JSON.parse(text) as Partial<LocalSecrets>;
  } catch {
    // reported below
  }
  const bad = LOCAL_SECRET_NAMES.filter((name) => typeof parsed?.[name] !== 'string' || parsed[name].length < 32);
  if (bad.length > 0) {
    throw new LocalSecretsError(
      `${shown} does not hold ${bad.join(' and ')} as this program writes ${bad.length > 1 ? 'them' : 'it'} (a JSON object of strings of at least 32 characters). ` +
        `Set JWT_SECRET and SECRETS_KEY yourself, or delete the file to have new ones generated (signed-in sessions end, and secrets stored with the old key can no longer be read).`,
    );
  }
  // Someone's copy or umask may have opened it up: it stays readable by its owner only.
  try {
    if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  } catch {
    // Another user's file that we may read: not ours to change.
  }
  return parsed as LocalSecrets;
}
