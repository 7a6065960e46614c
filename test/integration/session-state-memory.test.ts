import { Redis } from 'ioredis';
import { LOCAL_STATE_TTL_MS } from '../../src/platform/auth/local-session-states';
import { AppProcess } from '../faults/support/app-process';
import { freePort } from '../faults/support/ports';
import { RedisServer } from '../faults/support/redis-server';
import { Http } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import { describeWithRedis } from '../support/with-redis';

/** Well inside LOCAL_STATE_TTL_MS: a process that was not told of a revocation would still let the token in. */
const WITHIN_MS = 1_000;

/**
 * Each API process keeps the session states it read for a few seconds, so a request of a user it
 * saw lately costs no Redis round trip. Two API processes here share one database and one Redis of
 * this file's own: A, the built API as a child process (two in one process would share passport's one
 * JWT strategy), and B, in this process. A session ended, a user disabled or a role changed through B
 * stops working on A within WITHIN_MS (pub/sub), not after LOCAL_STATE_TTL_MS; and while Redis is
 * down A's memory answers nothing.
 */
describeWithRedis('session states remembered in each API process', () => {
  let redis: RedisServer;
  let app: TestApp;
  let api: AppProcess;
  let origin: string;
  let b: Http;
  let official: string;

  beforeAll(async () => {
    expect(WITHIN_MS).toBeLessThan(LOCAL_STATE_TTL_MS / 2);
    redis = await RedisServer.create();
    app = await startTestApp({ backend: 'redis', env: { REDIS_URL: redis.url } });
    // A: the same database, Redis, key prefix and JWT secret (startTestApp's environment).
    const port = await freePort();
    const env = Object.fromEntries(
      Object.entries(process.env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
    api = new AppProcess('api', 'src/main.js', { ...env, PORT: String(port), HOST: '127.0.0.1' });
    origin = `http://127.0.0.1:${port}`;
    await waitFor(
      () =>
        fetch(`${origin}/health/live`).then(
          (r) => r.status,
          () => 0,
        ),
      (status) => status === 200,
      120_000,
      100,
    );
    b = new Http(app.api);
    official = await b.token('official@anhai.demo');
    await bothSubscribed();
  }, 180_000);
  afterAll(async () => {
    await api?.stop();
    await app?.close();
    await redis?.destroy();
  });

  afterEach(async () => {
    if (!redis.running) await redis.start();
    await bothSubscribed();
  });

  /** Both processes listen for invalidations: their memories answer from now on. */
  async function bothSubscribed(): Promise<void> {
    const client = new Redis(redis.url);
    try {
      await waitFor(
        async () => {
          const [, count] = (await client.pubsub('NUMSUB', `${app.prefix}:session-state-changed`)) as [string, number];
          return count;
        },
        (count) => count === 2,
        15_000,
      );
    } finally {
      client.disconnect();
    }
  }

  /** GET /auth/me on A. */
  const me = async (token: string) =>
    (await fetch(`${origin}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status;
  const userId = async (email: string) =>
    (await app.db.admin.query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [email])).rows[0].id;
  /** Asks A until it refuses the token; fails if it still lets it in after WITHIN_MS. */
  const refusedByA = (token: string) =>
    waitFor(
      () => me(token),
      (status) => status === 401,
      WITHIN_MS,
      20,
    );

  /** A has read the session's state and remembers it. */
  async function rememberedByA(token: string): Promise<void> {
    expect(await me(token)).toBe(200);
    expect(await me(token)).toBe(200);
  }

  it('ends on one process a session signed out through the other', async () => {
    const session = await b.login('hr@anhai.demo');
    const kept = await b.login('hr@anhai.demo');
    await rememberedByA(session.accessToken);
    await rememberedByA(kept.accessToken);
    expect((await b.post('/api/v1/auth/logout', { refreshToken: session.refreshToken })).status).toBe(204);
    await refusedByA(session.accessToken);
    // The person's other session goes on.
    expect(await me(kept.accessToken)).toBe(200);
  });

  it('refuses on one process a user disabled through the other', async () => {
    const session = await b.login('finance@anhai.demo');
    await rememberedByA(session.accessToken);
    const id = await userId('finance@anhai.demo');
    expect((await b.post(`/api/v1/users/${id}/disable`, {}, { token: official })).status).toBe(200);
    await refusedByA(session.accessToken);
  });

  it('ends on one process the tokens of a user whose role changed through the other', async () => {
    const session = await b.login('expert@anhai.demo');
    await rememberedByA(session.accessToken);
    const id = await userId('expert@anhai.demo');
    expect((await b.patch(`/api/v1/users/${id}`, { role: 'township_admin' }, { token: official })).status).toBe(200);
    await refusedByA(session.accessToken);
  });

  it('answers nothing from memory while Redis is down: PostgreSQL does', async () => {
    const session = await b.login('land@anhai.demo');
    await rememberedByA(session.accessToken);
    await redis.stop();
    // Through B, with nobody to hear of it: only PostgreSQL knows.
    const id = await userId('land@anhai.demo');
    expect((await b.post(`/api/v1/users/${id}/disable`, {}, { token: official })).status).toBe(200);
    expect(await me(session.accessToken)).toBe(401);
  });
});
