import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PasswordHasher } from '../../src/platform/auth/password-hasher';
import { createApiApp } from '../../src/platform/http/create-api-app';
import { DEMO_PASSWORD, Http } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * What auth.test.ts does not already cover: tokens signed with another key or algorithm, expired
 * or of an ended session or a disabled user; the stored hashes' parameters; throttling across two
 * API processes; security headers and CORS. (Covered there: alg none, a forged signature, refresh
 * rotation with reuse detection, logout ending the refresh token, the lockout, the password policy
 * on change.)
 */
describe('attacks on authentication', () => {
  let app: TestApp;
  let http: Http;
  let secret: string;
  let official: string;

  beforeAll(async () => {
    app = await startTestApp({ env: { CORS_ORIGINS: 'https://portal.anhai.example' } });
    http = new Http(app.api);
    secret = app.api.get(ConfigService).getOrThrow<string>('JWT_SECRET');
    official = await http.token('official@anhai.demo');
  });
  afterAll(() => app.close());

  const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
  const expectUnauthenticated = async (token: string) => {
    const reply = await http.get('/api/v1/auth/me', { token });
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED', details: [] });
    expect(typeof reply.body.requestId).toBe('string');
  };

  it('refuses tokens signed with another key, another algorithm, another issuer, or expired', async () => {
    const { iat, exp, iss, aud, ...claims } = claimsOf(official);
    await expectUnauthenticated(
      new JwtService({ secret: 'x'.repeat(48) }).sign(claims, {
        issuer: 'lianmeng',
        audience: 'lianmeng-api',
        algorithm: 'HS256',
        expiresIn: 900,
      }),
    );
    await expectUnauthenticated(
      new JwtService({ secret }).sign(claims, {
        issuer: 'lianmeng',
        audience: 'lianmeng-api',
        algorithm: 'HS512',
        expiresIn: 900,
      }),
    );
    await expectUnauthenticated(
      new JwtService({ secret }).sign(claims, {
        issuer: 'someone-else',
        audience: 'lianmeng-api',
        algorithm: 'HS256',
        expiresIn: 900,
      }),
    );
    await expectUnauthenticated(
      new JwtService({ secret }).sign(
        { ...claims, exp: Math.floor(Date.now() / 1000) - 5 },
        { issuer: 'lianmeng', audience: 'lianmeng-api', algorithm: 'HS256' },
      ),
    );
    // alg none with the real claims, in both spellings.
    for (const alg of ['none', 'None']) {
      const header = Buffer.from(JSON.stringify({ alg, typ: 'JWT' })).toString('base64url');
      await expectUnauthenticated(`${header}.${official.split('.')[1]}.`);
    }
    // The same key and claims sign a token that works: the refusals above are about what changed.
    expect(
      (
        await http.get('/api/v1/auth/me', {
          token: new JwtService({ secret }).sign(claims, {
            issuer: 'lianmeng',
            audience: 'lianmeng-api',
            algorithm: 'HS256',
            expiresIn: 900,
          }),
        })
      ).status,
    ).toBe(200);
  });

  it('refuses a token that lacks its expiry, its issue time, its issuer or its audience, or names another audience', async () => {
    const { iat, exp, iss, aud, ...claims } = claimsOf(official);
    const sign = (options: object) => new JwtService({ secret }).sign(claims, { algorithm: 'HS256', ...options });
    const complete = { issuer: 'lianmeng', audience: 'lianmeng-api', expiresIn: 900 };
    const { expiresIn, ...withoutExp } = complete;
    const { issuer, ...withoutIss } = complete;
    const { audience, ...withoutAud } = complete;
    await expectUnauthenticated(sign(withoutExp)); // valid for ever
    await expectUnauthenticated(sign({ ...complete, noTimestamp: true }));
    await expectUnauthenticated(sign(withoutIss));
    await expectUnauthenticated(sign(withoutAud));
    await expectUnauthenticated(sign({ ...complete, audience: 'another-service' }));
    expect((await http.get('/api/v1/auth/me', { token: sign(complete) })).status).toBe(200);
    // What the product issues has all four.
    expect([typeof iat, typeof exp, iss, aud]).toEqual(['number', 'number', 'lianmeng', 'lianmeng-api']);
  });

  it('ends the access token of a session at logout, and of a family whose refresh token was reused', async () => {
    const session = await http.login('expert@anhai.demo');
    const other = await http.login('expert@anhai.demo');
    expect((await http.post('/api/v1/auth/logout', { refreshToken: session.refreshToken })).status).toBe(204);
    await expectUnauthenticated(session.accessToken);
    expect((await http.post('/api/v1/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
    // Another session of the same person goes on.
    expect((await http.get('/api/v1/auth/me', { token: other.accessToken })).status).toBe(200);

    const rotated = await http.post('/api/v1/auth/refresh', { refreshToken: other.refreshToken });
    expect(rotated.status).toBe(200);
    expect((await http.post('/api/v1/auth/refresh', { refreshToken: other.refreshToken })).status).toBe(401); // reuse
    await expectUnauthenticated(rotated.body.accessToken);
  });

  it("ends a disabled user's access and refresh tokens at once", async () => {
    const invited = await http.post(
      '/api/v1/users/invitations',
      { email: 'short.lived@anhai.demo', displayName: '临时', role: 'expert' },
      { token: official },
    );
    const token = new URL(invited.body.invitationUrl).searchParams.get('token')!;
    const accepted = await http.post('/api/v1/auth/accept-invitation', {
      token,
      password: 'a sufficiently long passphrase',
    });
    expect(accepted.status).toBe(200);
    expect(
      (await http.post(`/api/v1/users/${invited.body.user.id}/disable`, {}, { token: official })).status,
    ).toBeLessThan(300);
    await expectUnauthenticated(accepted.body.accessToken);
    expect((await http.post('/api/v1/auth/refresh', { refreshToken: accepted.body.refreshToken })).status).toBe(401);
    expect(
      (
        await http.post('/api/v1/auth/login', {
          email: 'short.lived@anhai.demo',
          password: 'a sufficiently long passphrase',
        })
      ).status,
    ).toBeGreaterThanOrEqual(401);
  });

  it('answers a known and an unknown login alike through six failures, hashing the password each time', async () => {
    const hasher = app.api.get(PasswordHasher, { strict: false });
    const verify = jest.spyOn(hasher, 'verify');
    const attempts = async (email: string) => {
      const replies = [];
      for (let i = 0; i < 6; i++) {
        const { status, body } = await http.post('/api/v1/auth/login', { email, password: `wrong-${i}` });
        const { requestId, ...rest } = body;
        expect(typeof requestId).toBe('string');
        replies.push({ status, body: rest });
      }
      return replies;
    };
    try {
      const known = await attempts('market@anhai.demo');
      const knownHashes = verify.mock.calls.length;
      verify.mockClear();
      const unknown = await attempts('no.such.person@anhai.demo');
      expect(unknown).toEqual(known);
      expect(known.map((r) => r.status)).toEqual([401, 401, 401, 401, 423, 423]);
      expect([knownHashes, verify.mock.calls.length]).toEqual([6, 6]);
      // A mobile number nobody has locks the same way.
      expect((await attempts('13800000000')).map((r) => r.status)).toEqual([401, 401, 401, 401, 423, 423]);
    } finally {
      verify.mockRestore();
    }
  });

  it('holds invitations to the password policy: length, common passwords, the account name', async () => {
    const invited = await http.post(
      '/api/v1/users/invitations',
      { email: 'zhang.wei@anhai.demo', displayName: '张伟', role: 'expert' },
      { token: official },
    );
    const token = new URL(invited.body.invitationUrl).searchParams.get('token')!;
    const attempts: [string, string][] = [
      ['short-1', 'passwordTooShort'],
      ['123456789012', 'passwordTooCommon'],
      ['aaaaaaaaaaaaaaaa', 'passwordTooCommon'],
      ['zhang.wei-2026!!', 'passwordSameAsAccount'],
    ];
    for (const [password] of attempts) {
      const reply = await http.post('/api/v1/auth/accept-invitation', { token, password }, { language: 'en' });
      expect([password, reply.status, reply.body.code]).toEqual([password, 400, 'WEAK_PASSWORD']);
    }
    expect(
      (await http.post('/api/v1/auth/accept-invitation', { token, password: 'correct horse battery staple' })).status,
    ).toBe(200);
  });

  it('hashes every stored password with argon2id at m ≥ 19 MiB, t ≥ 2', async () => {
    const { rows } = await app.db.admin.query<{ email: string; password_hash: string }>(
      `SELECT email, password_hash FROM users WHERE password_hash IS NOT NULL`,
    );
    expect(rows.length).toBeGreaterThan(5);
    for (const { email, password_hash } of rows) {
      const [, algorithm, , parameters] = password_hash.split('$');
      expect([email, algorithm]).toEqual([email, 'argon2id']);
      const params = Object.fromEntries(
        parameters
          .split(',')
          .map((p) => p.split('='))
          .map(([k, v]) => [k, Number(v)]),
      );
      expect(params.m).toBeGreaterThanOrEqual(19 * 1024);
      expect(params.t).toBeGreaterThanOrEqual(2);
    }
  });

  it('sets the security headers on API answers and on the web app', async () => {
    for (const url of ['/api/v1/auth/me', '/health', '/api/v1/nothing-here']) {
      const reply = await app.api.inject({ method: 'GET', url, headers: { authorization: `Bearer ${official}` } });
      const csp = String(reply.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain("'unsafe-eval'");
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(String(reply.headers['strict-transport-security'])).toMatch(/max-age=\d{7,}/);
      expect(reply.headers['referrer-policy']).toBe('no-referrer');
      expect(reply.headers['x-powered-by']).toBeUndefined();
      expect(reply.headers.server).toBeUndefined();
    }
  });

  it('answers CORS only for the allowed origins', async () => {
    const preflight = (origin: string) =>
      app.api.inject({
        method: 'OPTIONS',
        url: '/api/v1/auth/login',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization',
        },
      });
    const allowed = await preflight('https://portal.anhai.example');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://portal.anhai.example');
    expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
    for (const origin of ['https://evil.example', 'https://portal.anhai.example.evil.example', 'null']) {
      const refused = await preflight(origin);
      expect([origin, refused.headers['access-control-allow-origin']]).toEqual([origin, undefined]);
    }
    const simple = await app.api.inject({ method: 'GET', url: '/health', headers: { origin: 'https://evil.example' } });
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('login throttling across two API processes', () => {
  let app: TestApp;
  let second: NestFastifyApplication;

  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_RATE_PER_MINUTE: '4' } });
    // A second API on the same database and Redis prefix (startTestApp left both in the environment).
    second = await createApiApp({ logger: false });
    await second.init();
    await second.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await second.close();
    await app.close();
  });

  it('counts failed sign-ins spread over both processes together', async () => {
    const apis = [new Http(app.api), new Http(second)];
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push(
        (await apis[i % 2].post('/api/v1/auth/login', { email: `nobody${i}@anhai.demo`, password: 'wrong password' }))
          .status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429, 429]);
    // The right password from the other process is throttled too: the limit is per client, not per account.
    const reply = await apis[1].post('/api/v1/auth/login', { email: 'official@anhai.demo', password: DEMO_PASSWORD });
    expect(reply.status).toBe(429);
    expect(reply.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS', details: [] });
  });
});

describe('login throttling behind proxies', () => {
  let app: TestApp;
  let behindProxy: NestFastifyApplication;

  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_RATE_PER_MINUTE: '20', TRUSTED_PROXIES: '' } });
    // A second API on the same database and Redis that trusts the proxy on 127.0.0.1, inject()'s address.
    process.env.TRUSTED_PROXIES = '127.0.0.1';
    behindProxy = await createApiApp({ logger: false });
    await behindProxy.init();
    await behindProxy.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await behindProxy.close();
    await app.close();
  });

  const guesses = async (api: NestFastifyApplication, network: string) => {
    const http = new Http(api);
    const statuses = new Set<number>();
    for (let i = 0; i < 30; i++) {
      const headers = { 'x-forwarded-for': `${network}.${i + 1}` };
      statuses.add(
        (
          await http.post(
            '/api/v1/auth/login',
            { email: `guess${i}@anhai.demo`, password: 'wrong password' },
            { headers },
          )
        ).status,
      );
    }
    return [...statuses].sort();
  };

  it('ignores X-Forwarded-For from a client that is not a trusted proxy', async () => {
    expect(await guesses(app.api, '203.0.113')).toEqual([401, 429]);
  });

  it('honours X-Forwarded-For from a trusted proxy: each client has its own limit', async () => {
    expect(await guesses(behindProxy, '198.51.100')).toEqual([401]);
  });
});
