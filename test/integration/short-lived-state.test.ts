import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PostgresThrottlerStorage } from '../../src/platform/auth/postgres-throttler.storage';
import { RedisThrottlerStorage } from '../../src/platform/auth/redis-throttler.storage';
import type { StateBackend } from '../../src/platform/config/environment';
import {
  PostgresStreamTicketStore,
  RedisStreamTicketStore,
  type StreamTicketStore,
} from '../../src/platform/notifications/live/stream-ticket-store';
import { createRedis } from '../../src/platform/redis/redis.module';
import { Http } from '../support/http';
import { STATE_BACKENDS, startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { TEST_REDIS_URL } from '../support/test-environment';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What Redis holds when configured, and PostgreSQL otherwise: the same contract for both. Two
 * instances of a store stand for two API processes sharing one count or one ticket.
 */
describe.each(STATE_BACKENDS)('short-lived state on %s', (backend: StateBackend) => {
  let db: TestDatabase;
  // Two of each: two API processes, each with its own connection to the shared server.
  const dataSources: DataSource[] = [];
  const clients: Redis[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const prefix = `{lm-test-${randomBytes(4).toString('hex')}}`;
    for (let i = 0; i < 2; i++) {
      // The application's role, through TypeORM, as in the API.
      const dataSource = new DataSource({ type: 'postgres', url: db.appUrl, poolSize: 5 });
      dataSources.push(await dataSource.initialize());
      if (backend !== 'redis') continue;
      const client = createRedis(TEST_REDIS_URL, prefix);
      await new Promise((resolve) => client.once('ready', resolve));
      clients.push(client);
    }
  });
  afterAll(async () => {
    for (const client of clients) await client.quit();
    for (const dataSource of dataSources) await dataSource.destroy();
    await db.drop();
  });

  let next = 0;
  const throttler = (): ThrottlerStorage => {
    const process = next++ % 2;
    return backend === 'postgres'
      ? new PostgresThrottlerStorage(dataSources[process])
      : new RedisThrottlerStorage(clients[process]);
  };
  const tickets = (): StreamTicketStore => {
    const process = next++ % 2;
    return backend === 'postgres'
      ? new PostgresStreamTicketStore(dataSources[process])
      : new RedisStreamTicketStore(clients[process]);
  };
  const key = () => `client-${randomBytes(4).toString('hex')}`;

  describe('throttler storage', () => {
    it('counts the hits of a key in one window, shared by every process, and apart from other keys', async () => {
      const [first, second] = [throttler(), throttler()];
      const a = key();
      expect((await first.increment(a, 60_000, 5, 0, 'default')).totalHits).toBe(1);
      expect((await second.increment(a, 60_000, 5, 0, 'default')).totalHits).toBe(2);
      const third = await first.increment(a, 60_000, 5, 0, 'default');
      expect(third).toMatchObject({ totalHits: 3, isBlocked: false });
      expect(third.timeToExpire).toBeGreaterThanOrEqual(59);
      expect(third.timeToExpire).toBeLessThanOrEqual(60);
      expect((await second.increment(key(), 60_000, 5, 0, 'default')).totalHits).toBe(1);
      expect((await second.increment(a, 60_000, 5, 0, 'other')).totalHits).toBe(1);
    });

    it('counts every one of many simultaneous hits exactly once', async () => {
      const storage = throttler();
      const a = key();
      const hits = await Promise.all(Array.from({ length: 40 }, () => storage.increment(a, 60_000, 100, 0, 'default')));
      expect(hits.map((hit) => hit.totalHits).sort((x, y) => x - y)).toEqual(
        Array.from({ length: 40 }, (_, i) => i + 1),
      );
    });

    it('starts a new window once the last one expired', async () => {
      const storage = throttler();
      const a = key();
      await storage.increment(a, 300, 5, 0, 'default');
      expect((await storage.increment(a, 300, 5, 0, 'default')).totalHits).toBe(2);
      await sleep(450);
      expect((await storage.increment(a, 300, 5, 0, 'default')).totalHits).toBe(1);
    });

    it('blocks a key that passed its limit for the block duration, even into a new window', async () => {
      const storage = throttler();
      const a = key();
      for (let i = 0; i < 2; i++) expect((await storage.increment(a, 300, 2, 1500, 'default')).isBlocked).toBe(false);
      const over = await storage.increment(a, 300, 2, 1500, 'default');
      expect(over).toMatchObject({ totalHits: 3, isBlocked: true, timeToBlockExpire: 2 });
      await sleep(450);
      const later = await storage.increment(a, 300, 2, 1500, 'default');
      expect(later).toMatchObject({ totalHits: 1, isBlocked: true });
      await sleep(1200);
      expect((await storage.increment(a, 300, 2, 1500, 'default')).isBlocked).toBe(false);
    });
  });

  describe('stream tickets', () => {
    it('gives a ticket’s value once, to whichever process asks first', async () => {
      const [first, second] = [tickets(), tickets()];
      const ticket = randomBytes(24).toString('base64url');
      await first.put(ticket, JSON.stringify({ userId: 'u1', tenantId: 't1' }), 60);
      const taken = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? first : second).take(ticket)));
      expect(taken.filter((value) => value !== null).map((value) => JSON.parse(value!))).toEqual([
        { userId: 'u1', tenantId: 't1' },
      ]);
      expect(await second.take(ticket)).toBeNull();
      expect(await second.take(randomBytes(24).toString('base64url'))).toBeNull();
    });

    it('gives nothing for a ticket that expired', async () => {
      const store = tickets();
      const ticket = randomBytes(24).toString('base64url');
      await store.put(ticket, '{"userId":"u2"}', 1);
      await sleep(1300);
      expect(await store.take(ticket)).toBeNull();
    });
  });

  if (backend === 'postgres') {
    it('keeps only the ticket’s hash, and the worker’s sweep deletes what expired', async () => {
      const store = tickets();
      const ticket = randomBytes(24).toString('base64url');
      await store.put(ticket, '{"userId":"u3"}', 1);
      const { rows } = await db.admin.query(
        `SELECT ticket_hash, actor FROM stream_tickets WHERE actor->>'userId' = 'u3'`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].ticket_hash).not.toContain(ticket);
      await throttler().increment(key(), 100, 5, 0, 'default');
      await sleep(1200);
      const [swept] = await dataSources[0].query('SELECT counters, tickets FROM sweep_expired_state()');
      expect(swept.counters).toBeGreaterThanOrEqual(1);
      expect(swept.tickets).toBeGreaterThanOrEqual(1);
      expect((await db.admin.query(`SELECT 1 FROM stream_tickets WHERE actor->>'userId' = 'u3'`)).rowCount).toBe(0);
      expect(
        (
          await db.admin.query(
            `SELECT relpersistence FROM pg_class WHERE relname IN ('stream_tickets', 'throttle_counters')`,
          )
        ).rows,
      ).toEqual([{ relpersistence: 'u' }, { relpersistence: 'u' }]);
    });
  }
});

describe.each(STATE_BACKENDS)('sign-in state through the API, on %s', (backend: StateBackend) => {
  let app: TestApp;
  let http: Http;

  beforeAll(async () => {
    app = await startTestApp({ backend, env: { LOGIN_RATE_PER_MINUTE: '4' } });
    http = new Http(app.api);
  });
  afterAll(() => app.close());

  it('ends an access token at logout, and refuses it from then on', async () => {
    const { accessToken, refreshToken } = await http.login('expert@anhai.demo');
    expect((await http.get('/api/v1/auth/me', { token: accessToken })).status).toBe(200);
    expect((await http.post('/api/v1/auth/logout', { refreshToken }, { token: accessToken })).status).toBe(204);
    expect((await http.get('/api/v1/auth/me', { token: accessToken })).status).toBe(401);
  });

  it('opens a notification stream with a ticket once', async () => {
    const token = await http.token('xingyi@anhai.demo');
    const { ticket } = (await http.post('/api/v1/notifications/stream-ticket', undefined, { token })).body;
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{20,64}$/);
    await app.api.listen({ port: 0, host: '127.0.0.1' });
    const base = (await app.api.getUrl()).replace('[::1]', '127.0.0.1');
    const controller = new AbortController();
    const first = await fetch(`${base}/api/v1/notifications/stream?ticket=${ticket}`, { signal: controller.signal });
    expect(first.status).toBe(200);
    controller.abort();
    expect((await fetch(`${base}/api/v1/notifications/stream?ticket=${ticket}`)).status).toBe(401);
  });

  it('throttles sign-in per client: the fifth attempt in a minute gets 429', async () => {
    const attempts = [];
    for (let i = 0; i < 5; i++)
      attempts.push(
        (await http.post('/api/v1/auth/login', { email: 'nobody@anhai.demo', password: 'wrong-password-1' })).status,
      );
    expect(attempts.slice(0, 2)).toEqual([401, 401]);
    expect(attempts[4]).toBe(429);
  });
});
