import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmod, chown, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import {
  backupHint,
  EmbeddedPostgresError,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
  type EmbeddedPostgresOptions,
} from '../../src/platform/database/embedded-postgres';

const PROJECT = path.resolve(__dirname, '../..');
const MODULE = path.join(PROJECT, 'src/platform/database/embedded-postgres');
const isRoot = process.getuid?.() === 0;

describe('embedded PostgreSQL (the database when DATABASE_URL is not set)', () => {
  let root: string;
  let dataDir: string;
  let running: EmbeddedDatabase[];
  let children: ChildProcess[];

  const start = async (options: Partial<EmbeddedPostgresOptions> = {}) => {
    const db = await startEmbeddedPostgres({ dataDir, ...options });
    running.push(db);
    return db;
  };
  /** The rows of the last statement in `sql`. */
  const query = async <T extends object>(url: string, sql: string): Promise<T[]> => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const result = (await client.query(sql)) as unknown as { rows: T[] } | { rows: T[] }[];
      return Array.isArray(result) ? result[result.length - 1].rows : result.rows;
    } finally {
      await client.end();
    }
  };
  const lockPid = async () => Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  /** Whether a process runs; a zombie (exited, not yet reaped by init) does not. */
  const alive = async (pid: number) => {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    return stat !== '' && stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  };

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'lianmeng-embedded-'));
    // As root the server runs as the postgres account, which must be able to enter the 0700 temp folder.
    await chmod(root, 0o711);
    dataDir = path.join(root, 'data');
    running = [];
    children = [];
  });

  afterEach(async () => {
    children.forEach((child) => child.kill('SIGKILL'));
    await Promise.all(running.map((db) => db.stop()));
    // A server a failed test left behind.
    const pid = await lockPid().catch(() => 0);
    if (pid && (await alive(pid))) process.kill(pid, 'SIGQUIT');
    await rm(root, { recursive: true, force: true });
  });

  it('initialises a UTF-8 cluster on a free port of 127.0.0.1, with the extensions the migrations need', async () => {
    // As on a machine whose locale is C, where initdb would otherwise choose SQL_ASCII.
    const locale = process.env.LC_ALL;
    process.env.LC_ALL = 'C';
    const db = await start().finally(() =>
      locale === undefined ? delete process.env.LC_ALL : (process.env.LC_ALL = locale),
    );
    expect(db.port).not.toBe(5432);
    const password = (await readFile(path.join(root, 'password'), 'utf8')).trim();
    expect(db.adminUrl).toBe(`postgres://postgres:${password}@127.0.0.1:${db.port}/postgres`);
    expect((await stat(path.join(root, 'password'))).mode & 0o777).toBe(0o600);
    expect(await readFile(path.join(root, 'port'), 'utf8')).toBe(`${db.port}\n`);
    // initdb's password file went into a folder of its own, removed afterwards.
    expect((await readdir(root)).sort()).toEqual(['data', 'owner.pid', 'password', 'port']);

    const [settings] = await query<Record<string, string>>(
      db.adminUrl,
      `SELECT current_setting('server_encoding') AS encoding, current_setting('lc_collate') AS collate,
              current_setting('listen_addresses') AS listen, current_setting('max_connections') AS connections,
              length('联盟党建')::text AS length`,
    );
    expect(settings).toEqual({
      encoding: 'UTF8',
      collate: 'C.UTF-8',
      listen: '127.0.0.1',
      connections: '200',
      length: '4',
    });

    await query(db.adminUrl, 'CREATE EXTENSION pg_trgm; CREATE EXTENSION btree_gist; CREATE EXTENSION pgcrypto');
    const [extensions] = await query<{ similarity: number; uuid: string }>(
      db.adminUrl,
      `SELECT similarity('联盟党建', '联盟党建工作') AS similarity, gen_random_uuid()::text AS uuid`,
    );
    expect(extensions.similarity).toBeGreaterThan(0);
    expect(extensions.uuid).toMatch(/^[0-9a-f-]{36}$/);
    const installed = await query<{ extname: string }>(
      db.adminUrl,
      `SELECT extname FROM pg_extension ORDER BY extname`,
    );
    expect(installed.map((row) => row.extname)).toEqual(['btree_gist', 'pg_trgm', 'pgcrypto', 'plpgsql']);

    expect(backupHint(db)).toContain(`pg_dump --dbname='postgres://postgres:`);
    expect(backupHint(db)).toContain(`@127.0.0.1:${db.port}/lianmeng' -Fc -f lianmeng.dump`);
    expect(backupHint(db)).toContain('postgresql-client-15');
  });

  it('keeps its data, password and port across a stop and a start', async () => {
    const first = await start();
    await query(first.adminUrl, `CREATE TABLE kept (name text); INSERT INTO kept VALUES ('安海镇')`);
    await first.stop();
    await expect(query(first.adminUrl, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/);

    const lines: string[] = [];
    const second = await start({ onLog: (line) => lines.push(line) });
    expect(second.adminUrl).toBe(first.adminUrl);
    expect(await query(second.adminUrl, 'SELECT name FROM kept')).toEqual([{ name: '安海镇' }]);
    expect(lines.join('\n')).not.toMatch(/Initialised PostgreSQL/);
  });

  it('moves to another free port when the one it used last time is taken', async () => {
    const first = await start();
    await first.stop();
    const holder: Server = createServer().listen(first.port, '127.0.0.1');
    await once(holder, 'listening');
    try {
      const second = await start();
      expect(second.port).not.toBe(first.port);
      expect(await query(second.adminUrl, 'SELECT 1 AS up')).toEqual([{ up: 1 }]);
    } finally {
      holder.close();
    }
  });

  it('refuses a second server on a data directory in use, saying which server uses it', async () => {
    const db = await start();
    const second = start();
    await expect(second).rejects.toThrow(EmbeddedPostgresError);
    await expect(second).rejects.toMatchObject({ problem: 'data-dir-in-use' });
    const holder = `started by process ${process.pid} \\(this one\\)`;
    await expect(second).rejects.toThrow(
      new RegExp(`already in use by a running PostgreSQL server \\(pid \\d+, port ${db.port}, ${holder}\\)`),
    );
    expect(await query(db.adminUrl, 'SELECT 1 AS up')).toEqual([{ up: 1 }]);
  });

  it('names an explicit port that another program holds', async () => {
    const holder: Server = createServer().listen(0, '127.0.0.1');
    await once(holder, 'listening');
    const port = (holder.address() as { port: number }).port;
    try {
      const attempt = start({ port });
      await expect(attempt).rejects.toThrow(`Port ${port} on 127.0.0.1 is already in use by another program`);
      await expect(attempt).rejects.toMatchObject({ problem: 'port-in-use' });
    } finally {
      holder.close();
    }
  });

  it('explains a data directory with the wrong permissions or owner', async () => {
    await (await start()).stop();
    await chmod(dataDir, 0o755);
    await expect(start()).rejects.toThrow(
      `has permissions PostgreSQL refuses: only its owner may enter it (mode 0700 or 0750). Fix with: chmod 0700 ${dataDir}`,
    );
    await chmod(dataDir, 0o700);
    if (isRoot) {
      const owner = (await stat(dataDir)).uid;
      await chown(dataDir, 65534, 65534);
      await expect(start()).rejects.toThrow(
        `Data directory ${dataDir} is owned by uid 65534, but PostgreSQL runs as postgres`,
      );
      await chown(dataDir, owner, owner);
    }
    await start();
  });

  it('explains a data directory of another PostgreSQL major version', async () => {
    await (await start()).stop();
    await writeFile(path.join(dataDir, 'PG_VERSION'), '16\n');
    await expect(start()).rejects.toThrow(`was created by PostgreSQL 16, but the embedded server is PostgreSQL 15.`);
  });

  (isRoot ? it : it.skip)('tells root when the postgres account cannot reach the data directory', async () => {
    await chmod(root, 0o700);
    await expect(start()).rejects.toThrow(
      `PostgreSQL runs as postgres, which cannot enter ${root} (mode 0700, owner uid 0)`,
    );
  });

  describe('when the Node process that started it is killed', () => {
    /** Starts the server in a child Node process with stopOnSignals, as `npm run demo` would. */
    const startInChild = async () => {
      const script = path.join(root, 'child.ts');
      await writeFile(
        script,
        `import { startEmbeddedPostgres, stopOnSignals } from ${JSON.stringify(MODULE)};
         void startEmbeddedPostgres({ dataDir: process.argv[2] }).then((db) => {
           stopOnSignals(db);
           console.log(JSON.stringify({ adminUrl: db.adminUrl }));
           setInterval(() => undefined, 1 << 30);
         });`,
      );
      const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir], {
        cwd: PROJECT,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
      return { child, adminUrl: (JSON.parse(line) as { adminUrl: string }).adminUrl };
    };

    it('stops the server on SIGTERM', async () => {
      const { child } = await startInChild();
      const pid = await lockPid();
      child.kill('SIGTERM');
      const [code, signal] = await once(child, 'exit');
      expect([code, signal]).toEqual([null, 'SIGTERM']);
      expect(await alive(pid)).toBe(false);
      await expect(lockPid()).rejects.toThrow(/ENOENT/);
    }, 30_000);

    it('leaves the server running on SIGKILL, and the next start stops that orphan and starts afresh', async () => {
      const { child, adminUrl } = await startInChild();
      await query(adminUrl, `CREATE TABLE before_kill (id int); INSERT INTO before_kill VALUES (1)`);
      const orphan = await lockPid();
      child.kill('SIGKILL');
      await once(child, 'exit');
      expect(await alive(orphan)).toBe(true);

      const lines: string[] = [];
      const db = await start({ onLog: (line) => lines.push(line) });
      expect(lines.join('\n')).toContain(`Stopping PostgreSQL pid ${orphan}`);
      expect(await alive(orphan)).toBe(false);
      expect(await query(db.adminUrl, 'SELECT id FROM before_kill')).toEqual([{ id: 1 }]);
    }, 30_000);
  });
});
