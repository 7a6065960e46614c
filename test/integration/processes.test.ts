import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { verify } from 'jsonwebtoken';
import { seed } from '../../scripts/seed/seed';
import { Environment } from '../../src/platform/config/environment';
import { DEMO_PASSWORD } from '../support/http';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { redisAvailable } from '../support/redis-suites';
import { TEST_ADMIN_URL, TEST_REDIS_URL } from '../support/test-environment';
import { waitFor } from '../support/wait-for';

const ROOT = join(__dirname, '../..');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(
  script: string,
  env: Record<string, string>,
  args: string[] = [],
  cwd = ROOT,
): { child: ChildProcess; output: () => Run; done: Promise<Run> } {
  const child = spawn(process.execPath, [join(ROOT, 'dist', script), ...args], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      LOG_LEVEL: 'warn',
      NODE_NO_WARNINGS: '1',
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const done = once(child, 'exit').then(([code, signal]) => ({ code, signal, stdout, stderr }) as Run);
  return { child, done, output: () => ({ code: null, signal: null, stdout, stderr }) };
}

const run = (script: string, env: Record<string, string>, args?: string[], cwd?: string) =>
  start(script, env, args, cwd).done;

// Explicit, so these runs do not write var/secrets.json into the checkout (see the test of that file).
const SECRETS = { JWT_SECRET: randomBytes(32).toString('hex'), SECRETS_KEY: randomBytes(32).toString('hex') };

// Each test starts built processes cold; on a busy 2-core machine that can take most of a minute.
jest.setTimeout(120_000);

describe('the product’s processes and checks, as built', () => {
  let db: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    env = {
      DATABASE_URL: db.appUrl,
      DATABASE_ADMIN_URL: db.adminUrl,
      // Without Redis on this machine the processes keep their queues in PostgreSQL.
      ...(redisAvailable() ? { REDIS_URL: TEST_REDIS_URL } : {}),
      QUEUE_PREFIX: `{lm-test-proc-${process.pid}}`,
      ...SECRETS,
    };
  });
  afterAll(() => db.drop());

  it('finds the entities and the migrations in agreement', async () => {
    const result = await run('scripts/check-migrations.js', { DATABASE_ADMIN_URL: TEST_ADMIN_URL, ...SECRETS });
    expect(result.stderr).toBe('');
    expect(result).toMatchObject({ code: 0, stdout: 'Entities and migrations agree.\n' });
  });

  it('finds the web app’s typed API client up to date with the OpenAPI document', async () => {
    const result = await run('scripts/export-openapi.js', {}, ['--check']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('seeds the demo data idempotently, and refuses to in production', async () => {
    await seed(db.adminUrl, new Date('2026-11-25T10:00:00+08:00'));
    const count = async () =>
      (
        await db.admin
          .query(`SELECT (SELECT count(*) FROM organizations) + (SELECT count(*) FROM alliance_memberships) + (SELECT count(*) FROM users) + (SELECT count(*) FROM audit_log)
      + (SELECT count(*) FROM service_requests) + (SELECT count(*) FROM service_request_events) + (SELECT count(*) FROM follow_up_tasks) + (SELECT sum(value) FROM tenant_counters) AS n`)
      ).rows[0].n;
    const before = await count();
    await seed(db.adminUrl, new Date('2026-11-25T10:00:00+08:00'));
    expect(await count()).toBe(before);
    const { rows } = await db.admin.query(
      `SELECT (SELECT count(*)::int FROM alliance_memberships m JOIN alliances a ON a.id = m.alliance_id
                WHERE a.name = '安海镇智能装备制造产业集群党建联盟' AND m.role = 'member' AND m.left_on IS NULL) AS members,
              (SELECT count(*)::int FROM alliance_memberships m JOIN alliances a ON a.id = m.alliance_id
                WHERE a.name = '安海镇智能装备制造产业集群党建联盟' AND m.role = 'department') AS departments,
              (SELECT array_agg(role ORDER BY role)::text FROM users) AS roles`,
    );
    expect(rows[0].members).toBeGreaterThanOrEqual(22);
    expect(rows[0].departments).toBeGreaterThanOrEqual(6);
    expect(rows[0].roles).toMatch(
      /^\{platform_admin,township_admin,department_staff(,department_staff)*,enterprise_contact(,enterprise_contact)+,expert,expert,expert\}$/,
    );

    const refused = await run('scripts/seed/seed.js', {
      ...env,
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-of-at-least-32-chars',
      SECRETS_KEY: 'a-production-secrets-key-of-32-chars-or-more',
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('refuses to run with NODE_ENV=production');
    // `npm run seed -- --today YYYY-MM-DD` dates the demo as if seeded that day; anything else is said plainly.
    const badToday = await run('scripts/seed/seed.js', env, ['--today', '2027-02-30']);
    expect(badToday).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--today must be a real date written YYYY-MM-DD'),
    });
    expect(badToday.stderr).not.toMatch(/\n\s+at /);
  });

  it('generates the secrets on the first start without them, once for the processes started at once, and says so', async () => {
    const { JWT_SECRET, SECRETS_KEY, ...withoutSecrets } = env;
    const directory = mkdtempSync(join(tmpdir(), 'lianmeng-first-start-'));
    try {
      const runs = await Promise.all([
        run('scripts/migrate.js', withoutSecrets, [], directory),
        run('scripts/seed/seed.js', withoutSecrets, [], directory),
        run('scripts/check-migrations.js', withoutSecrets, [], directory),
      ]);
      for (const result of runs)
        expect([result.code, result.stderr]).toEqual([0, expect.stringContaining('var/secrets.json')]);
      expect(
        runs.filter((r) => r.stderr.includes('random ones were generated and saved in var/secrets.json')).length,
      ).toBe(1);
      expect(runs.filter((r) => r.stderr.includes('using the random ones saved in var/secrets.json')).length).toBe(2);
      expect(runs.map((r) => r.stderr).join('')).not.toMatch(/\n\s+at /);

      const file = join(directory, 'var/secrets.json');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const saved = JSON.parse(readFileSync(file, 'utf8'));
      expect(saved).toEqual({
        JWT_SECRET: expect.stringMatching(/^[0-9a-f]{64}$/),
        SECRETS_KEY: expect.stringMatching(/^[0-9a-f]{64}$/),
      });

      // The API started there later signs with the saved secret: its token verifies with it.
      const api = start(
        'src/main.js',
        { ...withoutSecrets, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
        [],
        directory,
      );
      const address = await waitFor(
        async () => /API listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(api.output().stdout)?.[1] ?? null,
        (url) => url !== null,
        90_000,
      );
      const login = await fetch(`${address}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'official@anhai.demo', password: DEMO_PASSWORD }),
      });
      expect(login.status).toBe(200);
      const { accessToken } = (await login.json()) as { accessToken: string };
      expect(() => verify(accessToken, saved.JWT_SECRET, { algorithms: ['HS256'] })).not.toThrow();
      api.child.kill('SIGTERM');
      expect((await api.done).stderr).toContain('using the random ones saved in var/secrets.json');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('refuses to start in production without secrets of its own, and with the development ones once published', async () => {
    const { JWT_SECRET, SECRETS_KEY, ...withoutSecrets } = env;
    const directory = mkdtempSync(join(tmpdir(), 'lianmeng-production-'));
    try {
      const refused = await run('scripts/migrate.js', { ...withoutSecrets, NODE_ENV: 'production' }, [], directory);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('JWT_SECRET: must be set to a secret of your own in production');
      expect(refused.stderr).toContain('SECRETS_KEY: must be set to a secret of your own in production');
      expect(() => statSync(join(directory, 'var'))).toThrow();
      const published = await run(
        'scripts/migrate.js',
        { ...withoutSecrets, JWT_SECRET: 'lianmeng-development-secret-change-me' },
        [],
        directory,
      );
      expect(published.code).toBe(1);
      expect(published.stderr).toContain('JWT_SECRET: is the development value once published in this repository');
      expect(published.stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('starts the API, answers, and shuts down gracefully on SIGTERM', async () => {
    const api = start('src/main.js', { ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' });
    const address = await waitFor(
      async () => /API listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(api.output().stdout)?.[1] ?? null,
      (url) => url !== null,
      90_000,
    );
    const health = await fetch(`${address}/health`);
    expect(health.status).toBe(200);
    const live = await fetch(`${address}/health/live`);
    expect(live.status).toBe(200);
    api.child.kill('SIGTERM');
    const result = await api.done;
    expect(result.code === 0 || result.signal === 'SIGTERM').toBe(true);
    // Nest re-raises the signal only after every shutdown hook has finished.
    expect(result.stdout).toContain('Shutting down on SIGTERM');
  });

  it('starts the worker, keeps its liveness file fresh, and shuts it down gracefully on SIGTERM', async () => {
    const heartbeat = join(mkdtempSync(join(tmpdir(), 'lianmeng-heartbeat-')), 'alive');
    const worker = start('src/worker.js', { ...env, LOG_LEVEL: 'info', WORKER_HEARTBEAT_FILE: heartbeat });
    await waitFor(async () => worker.output().stdout.includes('Worker started'), Boolean, 90_000);
    // Written once every queue's worker runs, then rewritten every few seconds (the probe's test).
    const first = statSync(heartbeat).mtimeMs;
    await waitFor(
      async () => statSync(heartbeat).mtimeMs,
      (mtime) => mtime > first,
      20_000,
    );
    worker.child.kill('SIGTERM');
    const result = await worker.done;
    rmSync(dirname(heartbeat), { recursive: true, force: true });
    expect(result.code === 0 || result.signal === 'SIGTERM').toBe(true);
    expect(result.stdout).toContain('Shutting down on SIGTERM');
  });

  it('says which dependency is missing, where, and how to start it, instead of a stack trace', async () => {
    const result = await run('src/main.js', { ...env, REDIS_URL: 'redis://127.0.0.1:1' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Redis is not reachable at 127.0.0.1:1 (REDIS_URL)');
    expect(result.stderr).toContain('docker compose up -d redis');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const worker = await run('src/worker.js', { ...env, DATABASE_URL: 'postgres://lianmeng_app@127.0.0.1:1/lianmeng' });
    expect(worker.code).toBe(1);
    expect(worker.stderr).toContain('PostgreSQL is not reachable at 127.0.0.1:1 (DATABASE_URL)');
  });

  it('seeds and migrates, or says in plain words that PostgreSQL is missing, without a stack trace', async () => {
    const missing = {
      ...env,
      DATABASE_URL: 'postgres://lianmeng_app@127.0.0.1:1/lianmeng',
      DATABASE_ADMIN_URL: 'postgres://postgres@127.0.0.1:1/lianmeng',
    };
    for (const script of ['scripts/seed/seed.js', 'scripts/migrate.js']) {
      const result = await run(script, missing);
      expect([script, result.code]).toEqual([script, 1]);
      expect(result.stderr).toContain('PostgreSQL is not reachable at 127.0.0.1:1 (DATABASE_ADMIN_URL)');
      expect(result.stderr).not.toMatch(/\n\s+at |Error:/);
    }
  });

  it('checks PostgreSQL and Redis before the demo builds anything, in plain words', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.demo).toMatch(/^node scripts\/preflight\.mjs && npm run build && /);
    // It cannot import the (unbuilt) configuration: its defaults are a copy.
    const source = readFileSync(join(ROOT, 'scripts/preflight.mjs'), 'utf8');
    expect(source).toContain(`'${new Environment().DATABASE_ADMIN_URL}'`);
    expect(new Environment().REDIS_URL).toBeUndefined();
    const preflight = (variables: Record<string, string>) =>
      new Promise<Run>((resolve) => {
        const child = spawn(process.execPath, [join(ROOT, 'scripts/preflight.mjs')], {
          cwd: ROOT,
          env: { PATH: process.env.PATH ?? '', ...variables },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
      });
    const started = Date.now();
    const missing = await preflight({
      DATABASE_URL: 'postgres://lianmeng_app@127.0.0.1:1/lianmeng',
      DATABASE_ADMIN_URL: 'postgres://postgres@127.0.0.1:1/lianmeng',
      REDIS_URL: 'redis://127.0.0.1:1',
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('PostgreSQL is not reachable at 127.0.0.1:1 (DATABASE_ADMIN_URL)');
    expect(missing.stderr).toContain('docker compose up -d postgres');
    expect(missing.stderr).toContain('Redis is not reachable at 127.0.0.1:1 (REDIS_URL)');
    expect(missing.stderr).toContain('docker compose up -d redis');
    expect(missing.stderr).not.toMatch(/\n\s+at |Error:/);

    if (redisAvailable()) {
      const present = await preflight({
        DATABASE_URL: env.DATABASE_URL,
        DATABASE_ADMIN_URL: env.DATABASE_ADMIN_URL,
        REDIS_URL: TEST_REDIS_URL,
      });
      expect([present.code, present.stderr]).toEqual([0, '']);
      expect(present.stdout).toMatch(/^PostgreSQL at .* answers; Redis at .* answers\.\n$/);
    }
    const noRedis = await preflight({ DATABASE_URL: env.DATABASE_URL, DATABASE_ADMIN_URL: env.DATABASE_ADMIN_URL });
    expect([noRedis.code, noRedis.stderr]).toEqual([0, '']);
    expect(noRedis.stdout).toMatch(
      /^PostgreSQL at .* answers; the queues will live in PostgreSQL \(REDIS_URL is not set\)\.\n$/,
    );

    // Nothing configured: nothing to check, and it says what will be used instead.
    const bare = await preflight({});
    expect([bare.code, bare.stderr]).toEqual([0, '']);
    expect(bare.stdout).toBe(
      'The built-in PostgreSQL will start (DATABASE_URL is not set); the queues will live in PostgreSQL (REDIS_URL is not set).\n',
    );
  });

  it('names a bad environment variable and why', async () => {
    const result = await run('src/main.js', { ...env, PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT="eighty"');
  });
});
