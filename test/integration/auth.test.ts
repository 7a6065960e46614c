import { DEMO_PASSWORD, Http } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';

describe('authentication', () => {
  let app: TestApp;
  let http: Http;

  beforeAll(async () => {
    app = await startTestApp();
    http = new Http(app.api);
  });
  afterAll(() => app.close());

  it('signs in with email and password and says who the user is', async () => {
    const { accessToken, refreshToken } = await http.login('official@anhai.demo');
    expect(refreshToken.split('.')).toHaveLength(3);
    const me = await http.get('/api/v1/auth/me', { token: accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      email: 'official@anhai.demo',
      role: 'township_admin',
      tenant: { slug: 'anhai', name: '安海镇', timeZone: 'Asia/Shanghai' },
      organization: null,
    });
  });

  it('gives an enterprise contact its organisation', async () => {
    const me = await http.get('/api/v1/auth/me', { token: await http.token('jingong@anhai.demo') });
    expect(me.body).toMatchObject({
      role: 'enterprise_contact',
      organization: { name: '晋工机械', kind: 'enterprise' },
    });
  });

  it('signs in with a mobile number', async () => {
    await app.db.admin.query(`UPDATE users SET mobile = '13912345678' WHERE email = 'expert@anhai.demo'`);
    const reply = await http.post('/api/v1/auth/login', { email: '13912345678', password: DEMO_PASSWORD });
    expect(reply.status).toBe(200);
  });

  it('refuses a wrong password in the client language, without saying which part was wrong', async () => {
    const zh = await http.post('/api/v1/auth/login', { email: 'expert@anhai.demo', password: 'not the password' });
    expect(zh.status).toBe(401);
    expect(zh.body).toMatchObject({
      statusCode: 401,
      code: 'INVALID_CREDENTIALS',
      message: '账号或密码错误',
      details: [],
    });
    const unknown = await http.post(
      '/api/v1/auth/login',
      { email: 'nobody@anhai.demo', password: 'x' },
      { language: 'en' },
    );
    expect(unknown.body).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'Wrong account or password' });
    expect(typeof unknown.body.requestId).toBe('string');
  });

  it('refuses a request with no or a forged token', async () => {
    expect((await http.get('/api/v1/auth/me')).status).toBe(401);
    const [header, payload] = (await http.token('official@anhai.demo')).split('.');
    const forged = await http.get('/api/v1/auth/me', { token: `${header}.${payload}.c2lnbmF0dXJl` });
    expect(forged.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect((await http.get('/api/v1/auth/me', { token: `${none}.${payload}.` })).status).toBe(401);
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    for (let i = 0; i < 4; i++) {
      expect((await http.post('/api/v1/auth/login', { email: 'dept@anhai.demo', password: `wrong-${i}` })).status).toBe(
        401,
      );
    }
    const fifth = await http.post('/api/v1/auth/login', { email: 'dept@anhai.demo', password: 'wrong-again' });
    expect(fifth.status).toBe(423);
    expect(fifth.body.code).toBe('ACCOUNT_LOCKED');
    const right = await http.post('/api/v1/auth/login', { email: 'dept@anhai.demo', password: DEMO_PASSWORD });
    expect(right.status).toBe(423);

    // The lock is the account's, whether it is reached by email or by mobile.
    await app.db.admin.query(`UPDATE users SET mobile = '13712345678' WHERE email = 'dept@anhai.demo'`);
    expect((await http.post('/api/v1/auth/login', { email: '13712345678', password: DEMO_PASSWORD })).status).toBe(423);

    const subject = `encode(sha256(convert_to('user:' || (SELECT id FROM users WHERE email = 'dept@anhai.demo'), 'UTF8')), 'hex')`;
    await app.db.admin.query(
      `UPDATE login_failures SET locked_until = now() - interval '1 second' WHERE subject = ${subject}`,
    );
    expect((await http.post('/api/v1/auth/login', { email: 'dept@anhai.demo', password: DEMO_PASSWORD })).status).toBe(
      200,
    );
    const { rows } = await app.db.admin.query(
      `SELECT count(*)::int AS n FROM login_failures WHERE subject = ${subject}`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('rotates refresh tokens and revokes the whole family when an old one is reused', async () => {
    const first = await http.login('xingyi@anhai.demo');
    const second = await http.post('/api/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect((await http.get('/api/v1/auth/me', { token: second.body.accessToken })).status).toBe(200);

    const reuse = await http.post('/api/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('INVALID_REFRESH_TOKEN');
    // The thief's reuse ends the legitimate holder's session too: the family is revoked.
    expect((await http.post('/api/v1/auth/refresh', { refreshToken: second.body.refreshToken })).status).toBe(401);
    // Another sign-in starts a family of its own.
    const other = await http.login('xingyi@anhai.demo');
    expect((await http.post('/api/v1/auth/refresh', { refreshToken: other.refreshToken })).status).toBe(200);
  });

  it('refuses malformed and tampered refresh tokens', async () => {
    const { refreshToken } = await http.login('xingyi@anhai.demo');
    const [user, id] = refreshToken.split('.');
    expect((await http.post('/api/v1/auth/refresh', { refreshToken: `${user}.${id}.tampered` })).status).toBe(401);
    expect((await http.post('/api/v1/auth/refresh', { refreshToken: 'garbage' })).status).toBe(401);
    expect((await http.post('/api/v1/auth/refresh', {})).status).toBe(400);
  });

  it('ends the session on logout', async () => {
    const { refreshToken } = await http.login('expert@anhai.demo');
    expect((await http.post('/api/v1/auth/logout', { refreshToken })).status).toBe(204);
    expect((await http.post('/api/v1/auth/refresh', { refreshToken })).status).toBe(401);
  });

  it('changes the password under the password policy and ends other sessions', async () => {
    const session = await http.login('jingong@anhai.demo');
    const weak = await http.post(
      '/api/v1/auth/password',
      { currentPassword: DEMO_PASSWORD, newPassword: 'short' },
      { token: session.accessToken },
    );
    expect(weak.status).toBe(400);
    expect(weak.body.details).toEqual([{ field: 'newPassword', reason: '至少 12 个字符' }]);
    const common = await http.post(
      '/api/v1/auth/password',
      { currentPassword: DEMO_PASSWORD, newPassword: 'password1234' },
      { token: session.accessToken, language: 'en' },
    );
    expect(common.body.details).toEqual([{ field: 'newPassword', reason: 'is too common: choose another' }]);
    const wrong = await http.post(
      '/api/v1/auth/password',
      { currentPassword: 'nope', newPassword: 'a much longer passphrase' },
      { token: session.accessToken },
    );
    expect(wrong.body.code).toBe('WRONG_PASSWORD');
    const same = await http.post(
      '/api/v1/auth/password',
      { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD },
      { token: session.accessToken },
    );
    expect(same.status).toBe(400);
    expect(same.body.details).toEqual([{ field: 'newPassword', reason: '不能与当前密码相同' }]);
    const sameEnglish = await http.post(
      '/api/v1/auth/password',
      { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD },
      { token: session.accessToken, language: 'en' },
    );
    expect(sameEnglish.body.details).toEqual([
      { field: 'newPassword', reason: 'must differ from the current password' },
    ]);
    // Refused, so the session it would have ended still works.
    expect((await http.get('/api/v1/auth/me', { token: session.accessToken })).status).toBe(200);

    const changed = await http.post(
      '/api/v1/auth/password',
      { currentPassword: DEMO_PASSWORD, newPassword: 'river stone lantern 2026' },
      { token: session.accessToken },
    );
    expect(changed.status).toBe(204);
    expect((await http.post('/api/v1/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
    expect((await http.get('/api/v1/auth/me', { token: session.accessToken })).status).toBe(401);
    expect(
      (await http.post('/api/v1/auth/login', { email: 'jingong@anhai.demo', password: DEMO_PASSWORD })).status,
    ).toBe(401);
    expect(
      (await http.post('/api/v1/auth/login', { email: 'jingong@anhai.demo', password: 'river stone lantern 2026' }))
        .status,
    ).toBe(200);
  });

  it('accepts an invitation once, with a password of the invitee’s choosing', async () => {
    const official = await http.token('official@anhai.demo');
    const invited = await http.post(
      '/api/v1/users/invitations',
      { email: 'new.official@anhai.demo', displayName: '新同事', role: 'township_admin' },
      { token: official },
    );
    expect(invited.status).toBe(201);
    expect(invited.body.user.status).toBe('invited');
    const token = new URL(invited.body.invitationUrl).searchParams.get('token')!;
    expect(
      (await http.post('/api/v1/auth/login', { email: 'new.official@anhai.demo', password: 'anything at all' })).status,
    ).toBe(401);

    const accepted = await http.post('/api/v1/auth/accept-invitation', {
      token,
      password: 'a long and private passphrase',
    });
    expect(accepted.status).toBe(200);
    expect((await http.get('/api/v1/auth/me', { token: accepted.body.accessToken })).body.displayName).toBe('新同事');
    expect(
      (await http.post('/api/v1/auth/accept-invitation', { token, password: 'a long and private passphrase' })).body
        .code,
    ).toBe('INVALID_INVITATION');
  });

  it('stores only a hash of the password, made with argon2id at m=19 MiB, t=2', async () => {
    const { rows } = await app.db.admin.query(
      `SELECT password_hash FROM users WHERE email = 'new.official@anhai.demo'`,
    );
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });
});

describe('login throttling', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_RATE_PER_MINUTE: '3' } });
  });
  afterAll(() => app.close());

  it('answers 429 past the rate, counted in Redis so every API process shares it', async () => {
    const http = new Http(app.api);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await http.post('/api/v1/auth/login', { email: 'x@anhai.demo', password: 'y' })).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const reply = await http.post('/api/v1/auth/login', { email: 'x@anhai.demo', password: 'y' }, { language: 'en' });
    expect(reply.body).toMatchObject({
      statusCode: 429,
      code: 'TOO_MANY_REQUESTS',
      message: 'Too many requests: try again later',
    });
  });
});
