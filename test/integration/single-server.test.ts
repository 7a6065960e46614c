import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../faults/support/ports';
import { waitFor } from '../support/wait-for';

const ROOT = resolve(__dirname, '../..');
const STARTUP_MS = 300_000;

/**
 * The smallest deployment, as the README starts it: no DATABASE_URL and no REDIS_URL, so the launcher
 * starts the built-in PostgreSQL and everything (queues included) runs on it. Every TCP connection
 * any of its Node processes opens is recorded: none may go to the machine's own PostgreSQL (5432)
 * or Redis (6379), which run here.
 */
describe('one server, nothing to install (built-in PostgreSQL, queues on PostgreSQL)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lianmeng-single-'));
  const connections = join(dir, 'connections.log');
  let port: number;
  let launcher: ChildProcess | undefined;
  let output = '';

  const start = (args: string[]) => {
    output = '';
    // Its own process group, like a terminal's: Ctrl+C is a SIGINT to the whole group.
    launcher = spawn(process.execPath, [join(ROOT, 'dist/scripts/launch.js'), ...args], {
      cwd: ROOT,
      detached: true,
      env: environment(port),
    });
    launcher.stdout!.on('data', (chunk) => (output += chunk));
    launcher.stderr!.on('data', (chunk) => (output += chunk));
  };
  // Nothing configured but where to keep things, and the recorder of connections.
  const environment = (apiPort: number) => ({
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    NODE_ENV: 'development',
    PORT: String(apiPort),
    EMBEDDED_DATABASE_DIR: join(dir, 'postgres', 'data'),
    STORAGE_DIR: join(dir, 'storage'),
    JWT_SECRET: 'j'.repeat(64),
    SECRETS_KEY: 's'.repeat(64),
    LOG_LEVEL: 'warn',
    NODE_OPTIONS: `--require ${join(ROOT, 'test/support/record-connections.cjs')}`,
    RECORD_CONNECTIONS_FILE: connections,
  });
  const interrupt = async () => {
    const exited = once(launcher!, 'exit');
    process.kill(-launcher!.pid!, 'SIGINT');
    const [code] = await exited;
    launcher = undefined;
    return code as number | null;
  };
  // Starting, migrating and seeding take seconds alone, several minutes beside the scale-out drill
  // on two cores; a launcher that gave up fails at once with what it printed.
  const serving = () =>
    waitFor(
      () =>
        api('/health').then(
          (r) => r.status,
          () => (launcher?.exitCode === null ? 0 : Promise.reject(new Error(output))),
        ),
      (status) => status === 200,
      STARTUP_MS,
      500,
    ).catch((error: Error) =>
      Promise.reject(new Error(`${error.message}\nThe launcher printed:\n${output.slice(-4000)}`)),
    );
  const api = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${port}${path}`, init);
  const login = (email: string) =>
    api('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'Lianmeng-Demo-2024' }),
    });

  beforeAll(async () => {
    // As root the server runs as `postgres`, which must be able to enter the folder.
    chmodSync(dir, 0o755);
    port = await freePort();
    writeFileSync(connections, '');
  });
  afterAll(async () => {
    if (launcher) await interrupt().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'starts, seeds and serves with nothing configured; an official signs in and a submission is routed by the worker',
    async () => {
      start(['--seed']);
      await serving();
      expect(output).toMatch(/Built-in PostgreSQL 15 on 127\.0\.0\.1:\d+ \(DATABASE_URL is not set\)/);
      expect(output).toContain('pg_dump --dbname=');
      const official = await login('official@anhai.demo');
      expect(official.status).toBe(200);

      const { accessToken } = (await (await login('xingyi@anhai.demo')).json()) as { accessToken: string };
      const auth = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
      const alliances = (await (await api('/api/v1/alliances?limit=100', { headers: auth })).json()) as {
        items: { id: string; name: string }[];
      };
      const alliance = alliances.items.find((a) => a.name.includes('智能装备'))!;
      const categories = (await (
        await api(`/api/v1/alliances/${alliance.id}/service-categories?limit=100`, { headers: auth })
      ).json()) as { items: { id: string; code: string }[] };
      const category = categories.items.find((c) => c.code === 'policy')!;
      const submitted = await api('/api/v1/service-requests', {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({
          allianceId: alliance.id,
          categoryId: category.id,
          title: '单机部署测试',
          description: '没有 Redis 也能分派',
        }),
      });
      expect(submitted.status).toBe(201);
      const { id } = (await submitted.json()) as { id: string };
      const routed = await waitFor(
        async () =>
          ((await (await api(`/api/v1/service-requests/${id}`, { headers: auth })).json()) as { status: string })
            .status,
        (status) => status === 'routed',
        120_000,
      );
      expect(routed).toBe('routed');
    },
    STARTUP_MS + 180_000,
  );

  it(
    'stops on Ctrl+C, the database last, starts again with its data kept, and refuses a second copy on the same data',
    async () => {
      expect(await interrupt()).toBe(0);
      const embeddedPort = Number(readFileSync(join(dir, 'postgres', 'port'), 'utf8'));
      // The server is gone: nothing listens on its port any more.
      const probe = createServer().listen(embeddedPort, '127.0.0.1');
      await once(probe, 'listening');
      probe.close();

      start([]);
      await serving();
      expect((await login('official@anhai.demo')).status).toBe(200);
      expect(output).not.toContain('Demo data is in place');

      // A second copy on the same data is refused in plain words, and leaves the first running.
      const second = spawn(process.execPath, [join(ROOT, 'dist/scripts/launch.js')], {
        cwd: ROOT,
        env: environment(await freePort()),
      });
      let said = '';
      second.stderr!.on('data', (chunk) => (said += chunk));
      const [code] = await once(second, 'exit');
      expect(code).toBe(1);
      expect(said).toContain('is already in use by a running PostgreSQL server');
      expect(said).not.toMatch(/\n\s+at /);
      expect((await login('official@anhai.demo')).status).toBe(200);
    },
    STARTUP_MS + 120_000,
  );

  it('never opened a connection to the machine’s PostgreSQL (5432) or Redis (6379)', () => {
    const targets = readFileSync(connections, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(' ')[1]);
    const embeddedPort = readFileSync(join(dir, 'postgres', 'port'), 'utf8').trim();
    // The recorder works: the processes' own connections are in it.
    expect(targets).toContain(`127.0.0.1:${embeddedPort}`);
    expect(targets.filter((target) => /:(5432|6379)$/.test(target))).toEqual([]);
  });
});
