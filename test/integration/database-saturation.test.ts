import { Client } from 'pg';
import { DEMO_PASSWORD, Http } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * When every connection of the pool is busy for longer than DATABASE_CONNECT_TIMEOUT_MS (a burst on
 * a saturated machine), a request is told to come back shortly (503 with Retry-After), not that the
 * server broke (500); the request holding the connection still finishes.
 */
describe('a database whose connections are all busy', () => {
  let app: TestApp;
  let http: Http;

  beforeAll(async () => {
    app = await startTestApp({ env: { DATABASE_POOL_SIZE: '1', DATABASE_CONNECT_TIMEOUT_MS: '300' } });
    http = new Http(app.api);
  });
  afterAll(() => app.close());

  it('answers 503 with Retry-After while the only connection waits on a lock, then serves again', async () => {
    const token = await http.token('official@anhai.demo');
    const blocker = new Client({ connectionString: app.db.adminUrl });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
      // Takes the pool's one connection and waits behind the lock with it.
      const first = http.get('/api/v1/auth/me', { token });
      await new Promise((resolve) => setTimeout(resolve, 500));
      // Signed in: the access check finds no connection. Signing in: the sign-in finds none.
      const signedIn = await app.api.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
      });
      const signingIn = await http.post('/api/v1/auth/login', { email: 'dept@anhai.demo', password: DEMO_PASSWORD });
      for (const reply of [
        { status: signedIn.statusCode, headers: signedIn.headers, body: JSON.parse(signedIn.body) },
        signingIn,
      ]) {
        expect(reply.status).toBe(503);
        expect(reply.headers['retry-after']).toMatch(/^[1-9]\d*$/);
        expect(reply.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
      }
      await blocker.query('COMMIT');
      expect((await first).status).toBe(200);
    } finally {
      await blocker.query('ROLLBACK').catch(() => undefined);
      await blocker.end();
    }
    expect((await http.get('/api/v1/auth/me', { token })).status).toBe(200);
  });
});
