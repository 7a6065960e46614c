import * as crypto from 'node:crypto';
import { Client } from 'pg';
import { SmsSignIn } from '../../src/platform/auth/sms-sign-in.service';
import { Http } from '../support/http';
import { SmsServer } from '../support/sms-server';
import { createOtherTenant } from '../support/tenants';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

// Wednesday 10:00 in Asia/Shanghai (UTC+8).
const START = new Date('2026-11-25T02:00:00Z');
const ANHAI_KEY = { id: 'LTAI-anhai', secret: 'anhai-access-key-secret' };
const DONGSHI_KEY = { id: 'LTAI-dongshi', secret: 'dongshi-access-key-secret' };
const NEUTRAL = { resendAfterSeconds: 60, expiresInSeconds: 300 };

/**
 * Signing in with a mobile number and a texted code (issue 19), against the Alibaba Cloud SMS
 * stand-in, with the API's clock under the test's control.
 */
describe('signing in with an SMS code (短信验证码登录)', () => {
  let app: TestApp;
  let http: Http;
  let sms: SmsServer;
  let official: string;
  let dongshi: { tenantId: string; email: string };

  beforeAll(async () => {
    sms = new SmsServer({ [ANHAI_KEY.id]: ANHAI_KEY.secret, [DONGSHI_KEY.id]: DONGSHI_KEY.secret });
    const endpoint = await sms.start();
    // Room for the five tries of a code before the lockout (its own test lowers nothing else).
    app = await startTestApp({ now: START, env: { LOGIN_MAX_FAILURES: '8' } });
    sms.now = () => app.clock.now().getTime();
    http = new Http(app.api);
    official = await http.token('official@anhai.demo');
    const saved = await http.put(
      '/api/v1/notification-settings',
      {
        smsEndpoint: endpoint,
        smsAccessKeyId: ANHAI_KEY.id,
        smsAccessKeySecret: ANHAI_KEY.secret,
        smsSignName: '安海镇人民政府',
        smsVerificationTemplate: 'SMS_900001',
      },
      { token: official },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.smsVerificationTemplate).toBe('SMS_900001');
    dongshi = await createOtherTenant(app.db.admin);
    const saved2 = await http.put(
      '/api/v1/notification-settings',
      {
        smsEndpoint: endpoint,
        smsAccessKeyId: DONGSHI_KEY.id,
        smsAccessKeySecret: DONGSHI_KEY.secret,
        smsSignName: '东石镇人民政府',
        smsVerificationTemplate: 'SMS_900002',
      },
      { token: await http.token(dongshi.email) },
    );
    expect(saved2.status).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await sms.stop();
  });

  const later = (seconds: number) => app.clock.set(new Date(app.clock.now().getTime() + seconds * 1000));
  const setMobile = (email: string, mobile: string | null) =>
    app.db.admin.query('UPDATE users SET mobile = $2 WHERE email = $1', [email, mobile]);
  const ask = (mobile: string) => http.post('/api/v1/auth/sms-codes', { mobile });
  const signIn = (mobile: string, code: string, language?: 'en') =>
    http.post('/api/v1/auth/sms-sign-in', { mobile, code }, { language });
  const textsTo = (mobile: string) => sms.requests.filter((r) => r.params.PhoneNumbers === mobile);
  /** The code of the n-th text (1-based) to the number, once the stand-in has it. */
  const codeSentTo = async (mobile: string, nth: number) => {
    const texts = await waitFor(
      async () => textsTo(mobile),
      (t) => t.length >= nth,
    );
    return JSON.parse(texts[nth - 1].params.TemplateParam).code as string;
  };
  /** Let the background send finish (or not happen): the stand-in's count stays put. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
  const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  it('texts a code through the township account and signs in with it, once', async () => {
    await setMobile('expert@anhai.demo', '13900000101');
    const reply = await ask('13900000101');
    expect(reply.status).toBe(202);
    expect(reply.body).toEqual(NEUTRAL);
    const code = await codeSentTo('13900000101', 1);
    expect(code).toMatch(/^\d{6}$/);
    expect(textsTo('13900000101')[0]).toMatchObject({
      signatureValid: true,
      params: { AccessKeyId: ANHAI_KEY.id, SignName: '安海镇人民政府', TemplateCode: 'SMS_900001' },
    });
    const signedIn = await signIn('13900000101', code);
    expect(signedIn.status).toBe(200);
    const me = await http.get('/api/v1/auth/me', { token: signedIn.body.accessToken });
    expect(me.body).toMatchObject({ email: 'expert@anhai.demo', tenant: { slug: 'anhai' } });
    // The refresh token works as one from a password sign-in.
    expect((await http.post('/api/v1/auth/refresh', { refreshToken: signedIn.body.refreshToken })).status).toBe(200);
    const again = await signIn('13900000101', code, 'en');
    expect(again.status).toBe(401);
    expect(again.body).toMatchObject({ code: 'INVALID_SMS_CODE', message: expect.stringContaining('code') });
  });

  it('stores neither the code nor the number, only keyed hashes', async () => {
    await setMobile('dept2@anhai.demo', '13900000102');
    await ask('13900000102');
    const code = await codeSentTo('13900000102', 1);
    const { rows } = await app.db.admin.query(`SELECT row_to_json(c)::text AS row FROM sms_sign_in_codes c`);
    const dump = rows.map((r) => r.row).join('\n');
    expect(rows.length).toBeGreaterThan(0);
    expect(dump).not.toContain(code);
    expect(dump).not.toContain('13900000102');
    expect(dump).not.toContain(crypto.createHash('sha256').update(code).digest('hex'));
    // Nor anywhere else: the code is no notification, delivery or audit line.
    const { rows: found } = await app.db.admin.query(
      `SELECT count(*)::int AS n FROM audit_log a WHERE a::text LIKE '%' || $1 || '%'`,
      [code],
    );
    expect(found[0].n).toBe(0);
    // The app's own role cannot read the table at all.
    const runtime = new Client({ connectionString: app.db.appUrl });
    await runtime.connect();
    try {
      await expect(runtime.query('SELECT * FROM sms_sign_in_codes')).rejects.toThrow(/permission denied/);
    } finally {
      await runtime.end();
    }
  });

  it('answers a number without an account exactly as one with an account, and sends it nothing', async () => {
    await setMobile('land@anhai.demo', '13900000103');
    const known = await ask('13900000103');
    const unknown = await ask('13900000199');
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    expect(Object.keys(unknown.headers).sort()).toEqual(Object.keys(known.headers).sort());
    await codeSentTo('13900000103', 1);
    await settle();
    expect(textsTo('13900000199')).toHaveLength(0);
    // Its limits answer alike too.
    const knownAgain = await ask('13900000103');
    const unknownAgain = await ask('13900000199');
    expect(knownAgain.status).toBe(429);
    expect(unknownAgain.status).toBe(429);
    expect(unknownAgain.body.code).toBe(knownAgain.body.code);
    expect(unknownAgain.headers['retry-after']).toBe(knownAgain.headers['retry-after']);
    // And no code signs in to it.
    expect((await signIn('13900000199', '000000')).status).toBe(401);
  });

  it('takes about as long for a number without an account', async () => {
    await setMobile('market@anhai.demo', '13900000104');
    const timed = async (mobile: string) => {
      const started = process.hrtime.bigint();
      expect((await ask(mobile)).status).toBe(202);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    // A slow provider: an answer that waited for it would take 150 ms longer.
    sms.delayMs = 150;
    try {
      for (let i = 0; i < 8; i++) {
        later(61);
        known.push(await timed('13900000104'));
        unknown.push(await timed('13900000198'));
      }
    } finally {
      sms.delayMs = 0;
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    // The text goes out after the answer: the known number's answer does not wait for the provider.
    expect(median(known)).toBeLessThan(median(unknown) * 2 + 50);
    await waitFor(
      async () => textsTo('13900000104').length,
      (n) => n === 8,
    );
  });

  it('sends one code a minute and ten a day per number, the day as in China', async () => {
    await setMobile('hr@anhai.demo', '13900000105');
    // Thursday 23:00 in Shanghai, to cross midnight there.
    app.clock.set(new Date('2026-11-26T15:00:00Z'));
    expect((await ask('13900000105')).status).toBe(202);
    later(59);
    const tooSoon = await ask('13900000105');
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.body).toMatchObject({ code: 'SMS_CODE_LIMIT', message: '验证码获取过于频繁，请稍后再试' });
    expect(tooSoon.headers['retry-after']).toBe('1');
    later(1);
    expect((await ask('13900000105')).status).toBe(202);
    for (let i = 3; i <= 10; i++) {
      later(60);
      expect((await ask('13900000105')).status).toBe(202);
    }
    later(60); // 23:10
    const daily = await ask('13900000105');
    expect(daily.status).toBe(429);
    expect(daily.headers['retry-after']).toBe(String(50 * 60));
    await waitFor(
      async () => textsTo('13900000105').length,
      (n) => n === 10,
    );
    app.clock.set(new Date('2026-11-26T16:00:00Z')); // Friday 00:00 in Shanghai
    expect((await ask('13900000105')).status).toBe(202);
    await waitFor(
      async () => textsTo('13900000105').length,
      (n) => n === 11,
    );
  });

  it('gives a code five tries, then the lockout of passwords takes over', async () => {
    await setMobile('safety@anhai.demo', '13900000106');
    later(120);
    await ask('13900000106');
    const code = await codeSentTo('13900000106', 1);
    for (let i = 0; i < 5; i++) expect((await signIn('13900000106', otherCode(code))).status).toBe(401);
    // Five tries used the code up: the right one no longer works (a sixth failure of the account).
    expect((await signIn('13900000106', code)).status).toBe(401);
    later(61);
    await ask('13900000106');
    const next = await codeSentTo('13900000106', 2);
    expect((await signIn('13900000106', otherCode(next))).status).toBe(401);
    // The eighth failure (LOGIN_MAX_FAILURES) locks the account, for codes and passwords alike.
    expect((await signIn('13900000106', otherCode(next))).status).toBe(423);
    expect((await signIn('13900000106', next)).status).toBe(423);
    const password = await http.post('/api/v1/auth/login', { email: 'safety@anhai.demo', password: 'x' });
    expect(password.status).toBe(423);
  });

  it('lets a code expire after five minutes', async () => {
    await setMobile('finance@anhai.demo', '13900000107');
    later(120);
    await ask('13900000107');
    const code = await codeSentTo('13900000107', 1);
    later(300);
    expect((await signIn('13900000107', code)).status).toBe(401);
    later(1);
    await ask('13900000107');
    const fresh = await codeSentTo('13900000107', 2);
    later(299);
    expect((await signIn('13900000107', fresh)).status).toBe(200);
  });

  it('answers alike when the provider refuses, and the code it did not send signs in to nothing', async () => {
    await setMobile('dept.head@anhai.demo', '13900000108');
    later(120);
    const newCode = jest.spyOn(SmsSignIn.prototype, 'newCode').mockReturnValueOnce('424242');
    sms.failNext(1);
    const reply = await ask('13900000108');
    expect(newCode).toHaveBeenCalledTimes(1);
    newCode.mockRestore();
    expect(reply.status).toBe(202);
    expect(reply.body).toEqual(NEUTRAL);
    await settle();
    expect(textsTo('13900000108')).toHaveLength(0);
    expect((await signIn('13900000108', '424242')).status).toBe(401);
    // The next minute's code arrives and works.
    later(61);
    await ask('13900000108');
    expect((await signIn('13900000108', await codeSentTo('13900000108', 1))).status).toBe(200);
  });

  it('sends nothing when the township mapped no template, with the same answer', async () => {
    await setMobile('jingong@anhai.demo', '13900000109');
    later(120);
    await http.put('/api/v1/notification-settings', { smsVerificationTemplate: '' }, { token: official });
    try {
      const reply = await ask('13900000109');
      expect(reply.status).toBe(202);
      expect(reply.body).toEqual(NEUTRAL);
      await settle();
      expect(textsTo('13900000109')).toHaveLength(0);
    } finally {
      await http.put('/api/v1/notification-settings', { smsVerificationTemplate: 'SMS_900001' }, { token: official });
    }
  });

  it('signs in a person an official invited by mobile, and never an uninvited or disabled one', async () => {
    const invited = await http.post(
      '/api/v1/users/invitations',
      { mobile: '13900000110', displayName: '新同事', role: 'expert' },
      { token: official },
    );
    expect(invited.status).toBe(201);
    later(120);
    await ask('13900000110');
    const signedIn = await signIn('13900000110', await codeSentTo('13900000110', 1));
    expect(signedIn.status).toBe(200);
    const { rows } = await app.db.admin.query(`SELECT status FROM users WHERE mobile = '13900000110'`);
    expect(rows).toEqual([{ status: 'active' }]);

    // A disabled person gets no text, and a code sent before the disabling opens no session.
    await setMobile('xingyi@anhai.demo', '13900000111');
    await ask('13900000111');
    const code = await codeSentTo('13900000111', 1);
    const { rows: ids } = await app.db.admin.query(`SELECT id FROM users WHERE email = 'xingyi@anhai.demo'`);
    expect((await http.post(`/api/v1/users/${ids[0].id}/disable`, {}, { token: official })).status).toBe(200);
    expect((await signIn('13900000111', code)).status).toBe(403);
    later(61);
    await ask('13900000111');
    await settle();
    expect(textsTo('13900000111')).toHaveLength(1);

    // Nobody gets an account by asking: the number stays unknown.
    const before = (await app.db.admin.query('SELECT count(*)::int AS n FROM users')).rows[0].n;
    await ask('13900000112');
    expect((await signIn('13900000112', '123456')).status).toBe(401);
    expect((await app.db.admin.query('SELECT count(*)::int AS n FROM users')).rows[0].n).toBe(before);
  });

  it("sends through each person's own township, and a code does not reach another township's user", async () => {
    await app.db.admin.query(
      `INSERT INTO users (tenant_id, mobile, display_name, role, status) VALUES ($1, '13900000120', '东石企业', 'expert', 'active')`,
      [dongshi.tenantId],
    );
    await setMobile('dept@anhai.demo', '13900000121');
    later(120);
    await ask('13900000120');
    await ask('13900000121');
    const dongshiCode = await codeSentTo('13900000120', 1);
    const anhaiCode = await codeSentTo('13900000121', 1);
    expect(textsTo('13900000120')[0].params).toMatchObject({ AccessKeyId: DONGSHI_KEY.id, SignName: '东石镇人民政府' });
    expect(textsTo('13900000121')[0].params).toMatchObject({ AccessKeyId: ANHAI_KEY.id });
    // Anhai's code with Dongshi's number (and back) signs in to nobody.
    expect((await signIn('13900000120', anhaiCode)).status).toBe(401);
    expect((await signIn('13900000121', dongshiCode)).status).toBe(401);
    // The number moves from Anhai's official to a Dongshi account after the text went out: the code
    // was issued to Anhai's person, and does not open the Dongshi account.
    await setMobile('dept@anhai.demo', null);
    await app.db.admin.query(
      `INSERT INTO users (tenant_id, mobile, display_name, role, status) VALUES ($1, '13900000121', '东石新人', 'expert', 'active')`,
      [dongshi.tenantId],
    );
    expect((await signIn('13900000121', anhaiCode)).status).toBe(401);
  });

  it('refuses malformed numbers and codes with the field and reason', async () => {
    const badMobile = await http.post('/api/v1/auth/sms-codes', { mobile: '+86 139' }, { language: 'en' });
    expect(badMobile.status).toBe(400);
    expect(badMobile.body.details).toEqual([{ field: 'mobile', reason: 'must be a valid mobile number' }]);
    const badCode = await http.post('/api/v1/auth/sms-sign-in', { mobile: '13900000101', code: '12ab' });
    expect(badCode.status).toBe(400);
    expect(badCode.body.details).toEqual([{ field: 'code', reason: '必须是 6 位数字验证码' }]);
    expect((await http.post('/api/v1/auth/sms-codes', { mobile: 13900000101 })).status).toBe(400);
  });
});

describe('throttling SMS sign-in per address', () => {
  let app: TestApp;
  let http: Http;

  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_RATE_PER_MINUTE: '3' } });
    http = new Http(app.api);
  });
  afterAll(() => app.close());

  it('limits asking for codes and trying them like password sign-in', async () => {
    const asked = [];
    for (let i = 0; i < 4; i++)
      asked.push((await http.post('/api/v1/auth/sms-codes', { mobile: `1390000020${i}` })).status);
    expect(asked).toEqual([202, 202, 202, 429]);
    const tried = [];
    for (let i = 0; i < 4; i++)
      tried.push((await http.post('/api/v1/auth/sms-sign-in', { mobile: '13900000200', code: '000000' })).status);
    expect(tried).toEqual([401, 401, 401, 429]);
  });
});
