import { RedisServer } from '../faults/support/redis-server';
import { waitFor } from '../support/wait-for';
import { DEMO_PASSWORD, Http } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';
import { describeWithRedis } from '../support/with-redis';

/**
 * The API on a Redis of this file's own, which the tests stop, start and flush. PostgreSQL says who
 * may act; Redis only caches it, so a Redis that is down or came back empty never lets in a user
 * who was disabled or signed out, and routes that need Redis answer 503 with Retry-After.
 */
describeWithRedis('the API while Redis is down or came back empty', () => {
  let redis: RedisServer;
  let app: TestApp;
  let http: Http;
  let official: string;

  beforeAll(async () => {
    redis = await RedisServer.create();
    app = await startTestApp({ env: { REDIS_URL: redis.url } });
    http = new Http(app.api);
    official = await http.token('official@anhai.demo');
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await redis?.destroy();
  });

  afterEach(async () => {
    if (!redis.running) await redis.start();
    await apiSeesRedis();
  });

  /** Waits until the API's own client has reconnected (ioredis retries every 2 s at most). */
  const apiSeesRedis = () =>
    waitFor(
      async () => (await http.post('/api/v1/notifications/stream-ticket', undefined, { token: official })).status,
      (s) => s === 200,
      15_000,
      100,
    );

  const me = async (token: string) => (await http.get('/api/v1/auth/me', { token })).status;
  const userId = async (email: string) =>
    (await app.db.admin.query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [email])).rows[0].id;

  it('refuses a user disabled while Redis is down', async () => {
    const session = await http.login('finance@anhai.demo');
    expect(await me(session.accessToken)).toBe(200);
    await redis.stop();
    expect(
      (await http.post(`/api/v1/users/${await userId('finance@anhai.demo')}/disable`, {}, { token: official })).status,
    ).toBe(200);
    expect(await me(session.accessToken)).toBe(401);
    // And still once Redis is back, whatever it cached before.
    await redis.start();
    await apiSeesRedis();
    expect(await me(session.accessToken)).toBe(401);
  });

  it('refuses the access token of a session signed out while Redis is down', async () => {
    const session = await http.login('hr@anhai.demo');
    const other = await http.login('hr@anhai.demo');
    expect(await me(session.accessToken)).toBe(200);
    await redis.stop();
    expect((await http.post('/api/v1/auth/logout', { refreshToken: session.refreshToken })).status).toBe(204);
    expect(await me(session.accessToken)).toBe(401);
    // The person's other session goes on: PostgreSQL says it is fine.
    expect(await me(other.accessToken)).toBe(200);
  });

  it('still refuses a disabled user after Redis comes back empty', async () => {
    const session = await http.login('land@anhai.demo');
    expect(
      (await http.post(`/api/v1/users/${await userId('land@anhai.demo')}/disable`, {}, { token: official })).status,
    ).toBe(200);
    expect(await me(session.accessToken)).toBe(401);
    const client = redis.client();
    try {
      await client.flushall();
    } finally {
      client.disconnect();
    }
    expect(await me(session.accessToken)).toBe(401);
    // Enabled again, the user signs in afresh; the old token stays ended.
    expect(
      (await http.post(`/api/v1/users/${await userId('land@anhai.demo')}/enable`, {}, { token: official })).status,
    ).toBe(200);
    const fresh = await http.login('land@anhai.demo');
    expect(await me(fresh.accessToken)).toBe(200);
    expect(await me(session.accessToken)).toBe(401);
  });

  it('ends the tokens of a user whose role changes while Redis is down (they carry the old role)', async () => {
    const session = await http.login('expert@anhai.demo');
    await redis.stop();
    const changed = await http.patch(
      `/api/v1/users/${await userId('expert@anhai.demo')}`,
      { role: 'township_admin' },
      { token: official },
    );
    expect(changed.status).toBe(200);
    expect(await me(session.accessToken)).toBe(401);
    const { rows } = await app.db.admin.query(
      `SELECT sessions_revoked_at FROM users WHERE email = 'expert@anhai.demo'`,
    );
    expect(rows[0].sessions_revoked_at).toBeInstanceOf(Date);
  });

  it('lets a user PostgreSQL says is fine work while Redis is down', async () => {
    const session = await http.login('market@anhai.demo');
    await redis.stop();
    expect(await me(session.accessToken)).toBe(200);
    expect((await http.get('/api/v1/notifications/unread-count', { token: session.accessToken })).status).toBe(200);
  });

  it('answers 503 with Retry-After, in the usual error body, for a stream ticket and a stream while Redis is down', async () => {
    await redis.stop();
    const ticket = await http.post('/api/v1/notifications/stream-ticket', undefined, {
      token: official,
      language: 'en',
    });
    expect(ticket.status).toBe(503);
    expect(ticket.headers['retry-after']).toBe('5');
    expect(ticket.body).toMatchObject({
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: 'The service is unavailable: try again later',
      details: [],
    });
    expect(typeof ticket.body.requestId).toBe('string');
    // A ticket that cannot be looked up is not called invalid (401): Redis is what failed.
    const stream = await http.get(`/api/v1/notifications/stream?ticket=${'a'.repeat(32)}`);
    expect(stream.status).toBe(503);
    expect(stream.headers['retry-after']).toBe('5');
    expect(stream.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
  });

  it('still signs people in while Redis is down: throttling steps aside, the lockout is in PostgreSQL', async () => {
    await redis.stop();
    expect(
      (await http.post('/api/v1/auth/login', { email: 'safety@anhai.demo', password: DEMO_PASSWORD })).status,
    ).toBe(200);
  });
});
