import { checkApplicationRole, checkPostgres, checkRedis } from '../../src/platform/startup/dependency-check';
import { Http } from '../support/http';
import { SlowProxy } from '../support/slow-proxy';
import { TEST_ADMIN_URL, TEST_REDIS_URL } from '../support/test-environment';
import { startTestApp, TestApp } from '../support/test-app';
import { describeWithRedis } from '../support/with-redis';

describe('operations', () => {
  let app: TestApp;
  let http: Http;

  beforeAll(async () => {
    app = await startTestApp({ seed: false });
    http = new Http(app.api);
  });
  afterAll(() => app.close());

  it('reports the health of the database and Redis (when Redis is configured)', async () => {
    const reply = await http.get('/health');
    expect(reply.status).toBe(200);
    if (app.backend === 'redis')
      expect(reply.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } });
    else
      expect(reply.body).toEqual(
        expect.objectContaining({ status: 'ok', info: { database: expect.objectContaining({ status: 'up' }) } }),
      );
  });

  it('reports only the database without REDIS_URL: nothing lives in Redis then', async () => {
    const single = await startTestApp({ seed: false, backend: 'postgres' });
    try {
      const reply = await new Http(single.api).get('/health');
      expect(reply.status).toBe(200);
      expect(Object.keys(reply.body.info)).toEqual(['database']);
    } finally {
      await single.close();
    }
  });

  it('exposes Prometheus metrics with request durations', async () => {
    await http.get('/health');
    const reply = await http.get('/metrics');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('http_request_duration_seconds_bucket');
    expect(reply.body).toContain('process_resident_memory_bytes');
  });

  it('serves the OpenAPI document and its browsable UI', async () => {
    const spec = await http.get('/api/openapi.json');
    expect(spec.status).toBe(200);
    expect(spec.body.paths['/api/v1/auth/login']).toBeDefined();
    expect(spec.body.components.schemas.ErrorBody).toBeDefined();
    const docs = await http.get('/api/docs');
    expect(docs.status).toBe(200);
    expect(String(docs.body)).toContain('swagger');
  });

  it('answers unknown API paths with the error body, and other paths with the web app', async () => {
    const api = await http.get('/api/v1/nothing-here', { language: 'en' });
    expect(api.status).toBe(404);
    expect(api.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', message: 'Not found', details: [] });
    const page = await http.get('/alliances/some/deep/link');
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('<div id="root">');
  });

  it('refuses malformed, oversized and mistyped bodies with a 4xx in the one error shape', async () => {
    const json = { 'content-type': 'application/json' };
    const malformed = await http.request('POST', '/api/v1/auth/login', { body: '{"email": ', headers: json });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: [{ field: 'body' }] });
    const huge = await http.request('POST', '/api/v1/auth/login', {
      body: JSON.stringify({ email: 'x'.repeat(2 * 1024 * 1024), password: 'y' }),
      headers: json,
    });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
    const wrongType = await http.request('POST', '/api/v1/auth/login', {
      body: 'email=x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const pollution = await http.request('POST', '/api/v1/auth/login', {
      body: '{"email":"a","password":"b","__proto__":{"admin":true}}',
      headers: json,
    });
    expect(pollution.status).toBe(400);
  });

  it('echoes the request id and sets security headers', async () => {
    const reply = await http.get('/health', { headers: { 'x-request-id': 'trace-123' } });
    expect(reply.headers['x-request-id']).toBe('trace-123');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
  });
});

describe('health when Redis is down', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ seed: false, env: { REDIS_URL: 'redis://127.0.0.1:1' } });
  });
  afterAll(() => app.close());

  it('answers 503 and names Redis', async () => {
    const reply = await new Http(app.api).get('/health');
    expect(reply.status).toBe(503);
    expect(reply.body).toMatchObject({
      status: 'error',
      error: { redis: { status: 'down' } },
      info: { database: { status: 'up' } },
    });
  });

  it('stays live: a dependency outage is no reason to restart the process', async () => {
    const reply = await new Http(app.api).get('/health/live');
    expect(reply).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});

describeWithRedis('health on a slow machine', () => {
  let app: TestApp;
  const redis = new URL(TEST_REDIS_URL);
  const proxy = new SlowProxy({ host: redis.hostname, port: Number(redis.port || 6379) });

  beforeAll(async () => {
    const port = await proxy.start();
    app = await startTestApp({
      seed: false,
      env: { REDIS_URL: `redis://127.0.0.1:${port}`, HEALTH_TIMEOUT_MS: '300' },
    });
  });
  afterAll(async () => {
    await app.close();
    await proxy.stop();
  });

  it('waits HEALTH_TIMEOUT_MS for a ping: a Redis slower than that is reported down, with the time it was given', async () => {
    const http = new Http(app.api);
    expect((await http.get('/health')).status).toBe(200);
    proxy.delayMs = 600;
    const slow = await http.get('/health');
    expect(slow.status).toBe(503);
    expect(slow.body).toMatchObject({ error: { redis: { status: 'down', message: 'timeout after 300 ms' } } });
    proxy.delayMs = 0;
    await new Promise((resolve) => setTimeout(resolve, 700)); // the late PONG of the last ping
    expect((await http.get('/health')).status).toBe(200);
  });
});

describe('start-up checks', () => {
  it('names PostgreSQL, its address and how to start it', async () => {
    await expect(checkPostgres('postgres://lianmeng_app@127.0.0.1:1/lianmeng')).rejects.toThrow(
      /PostgreSQL is not reachable at 127\.0\.0\.1:1 \(DATABASE_URL\)[\s\S]*docker compose up -d postgres[\s\S]*pg_ctlcluster/,
    );
  });

  it('names Redis, its address and how to start it', async () => {
    await expect(checkRedis('redis://127.0.0.1:1')).rejects.toThrow(
      /Redis is not reachable at 127\.0\.0\.1:1 \(REDIS_URL\)[\s\S]*docker compose up -d redis/,
    );
  });

  it('refuses to run the application as a role that bypasses row-level security', async () => {
    await expect(checkApplicationRole(TEST_ADMIN_URL)).rejects.toThrow(/bypasses row-level security/);
  });
});
