import { randomBytes } from 'node:crypto';
import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { EmbeddedPostgresError } from './embedded-postgres-errors';

/**
 * What the embedded server keeps beside its data directory: `password` (0600), the `port` it last
 * used (so a restart keeps the same address when it is still free) and `owner.pid`, the Node
 * process that started the running server.
 */
export class EmbeddedPostgresState {
  readonly passwordFile: string;
  private readonly portFile: string;
  private readonly ownerFile: string;

  constructor(readonly dataDir: string) {
    const parent = path.dirname(dataDir);
    this.passwordFile = path.join(parent, 'password');
    this.portFile = path.join(parent, 'port');
    this.ownerFile = path.join(parent, 'owner.pid');
  }

  /** The cluster's password; a new cluster gets a random one, written before initdb runs. */
  async password(initialised: boolean): Promise<string> {
    const saved = await readText(this.passwordFile);
    if (saved) {
      await chmod(this.passwordFile, 0o600);
      return saved;
    }
    if (initialised) {
      throw new EmbeddedPostgresError(
        `Data directory ${this.dataDir} holds a cluster, but its password file ${this.passwordFile} is missing. ` +
          'Restore that file, or move the data directory away to start with an empty database.',
      );
    }
    const password = randomBytes(24).toString('base64url');
    await writeFile(this.passwordFile, `${password}\n`, { mode: 0o600, flag: 'wx' });
    return password;
  }

  /** The port last used, when it is still free; otherwise one the kernel picks (never 5432). */
  async freePort(): Promise<number> {
    const saved = Number(await readText(this.portFile));
    if (Number.isInteger(saved) && saved > 0 && (await listenOn(saved)) !== undefined) return saved;
    const port = await listenOn(0);
    if (port === undefined)
      throw new EmbeddedPostgresError('Found no free TCP port on 127.0.0.1 for the embedded PostgreSQL server.');
    return port;
  }

  async recordStart(port: number): Promise<void> {
    await writeFile(this.portFile, `${port}\n`);
    await writeFile(this.ownerFile, `${process.pid}\n`);
  }

  async recordStop(): Promise<void> {
    await rm(this.ownerFile, { force: true });
  }

  async owner(): Promise<number | undefined> {
    const pid = Number(await readText(this.ownerFile));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  }
}

export async function readText(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Binds 127.0.0.1:port for a moment; resolves the port bound, or undefined when it is taken. */
function listenOn(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : undefined));
    });
  });
}
