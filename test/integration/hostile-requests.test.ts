import { Http } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';

/** Requests no honest client sends: each is refused with a 4xx in the error shape, or stored inert. */
describe('hostile requests', () => {
  let app: TestApp;
  let http: Http;
  let official: string;

  beforeAll(async () => {
    app = await startTestApp();
    http = new Http(app.api);
    official = await http.token('official@anhai.demo');
  });
  afterAll(() => app.close());

  const raw = (method: string, url: string, payload: string | Buffer, contentType: string, token = official) =>
    app.api.inject({
      method: method as 'POST',
      url,
      payload,
      headers: { 'content-type': contentType, authorization: `Bearer ${token}` },
    });

  function expectErrorShape(
    reply: { statusCode: number; headers: Record<string, unknown>; json(): any },
    status: number,
  ) {
    expect(reply.statusCode).toBe(status);
    expect(String(reply.headers['content-type'])).toContain('application/json');
    const body = reply.json();
    expect(Object.keys(body).sort()).toEqual(['code', 'details', 'message', 'requestId', 'statusCode']);
    expect(body.statusCode).toBe(status);
    for (const detail of body.details) expect(Object.keys(detail).sort()).toEqual(['field', 'reason']);
    return body;
  }

  it('refuses a body over the limit with 413 in the error shape, on public and signed-in routes', async () => {
    const big = JSON.stringify({ name: '大'.repeat(700_000) }); // 2.1 MB of UTF-8
    const body = expectErrorShape(await raw('POST', '/api/v1/alliances', big, 'application/json'), 413);
    expect(body.code).toBe('PAYLOAD_TOO_LARGE');
    expectErrorShape(await raw('POST', '/api/v1/auth/refresh', big, 'application/json', ''), 413);
  });

  it("answers a body the parser refuses (malformed or empty JSON, a foreign type, over the limit) in the client's language", async () => {
    const invalidJson = { 'zh-CN': '必须是有效的 JSON', en: 'must be valid JSON' };
    const empty = { 'zh-CN': '不能为空', en: 'must not be empty' };
    const cases: { payload: string; type: string; status: number; code: string; reason?: Record<string, string> }[] = [
      { payload: '{bad json', type: 'application/json', status: 400, code: 'VALIDATION_FAILED', reason: invalidJson },
      {
        payload: '{"name":"x"',
        type: 'application/json; charset=utf-8',
        status: 400,
        code: 'VALIDATION_FAILED',
        reason: invalidJson,
      },
      {
        payload: '{"name":"x"} trailing',
        type: 'application/json',
        status: 400,
        code: 'VALIDATION_FAILED',
        reason: invalidJson,
      },
      { payload: '', type: 'application/json', status: 400, code: 'VALIDATION_FAILED', reason: empty },
      { payload: 'name=x', type: 'text/plain', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
      {
        payload: JSON.stringify({ name: 'x'.repeat(1_100_000) }),
        type: 'application/json',
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
      },
    ];
    const messages: Record<string, Record<string, string>> = {
      VALIDATION_FAILED: { 'zh-CN': '请求参数有误', en: 'The request is invalid' },
      UNSUPPORTED_MEDIA_TYPE: { 'zh-CN': '不支持的内容类型', en: 'Unsupported content type' },
      PAYLOAD_TOO_LARGE: { 'zh-CN': '请求内容过大', en: 'The request is too large' },
    };
    const answers: { asked: string; got: unknown }[] = [];
    const expected: typeof answers = [];
    // zh-CN when the client names no language (or another one), English when it asks for it.
    for (const [language, acceptLanguage] of [
      ['zh-CN', undefined],
      ['zh-CN', 'fr'],
      ['en', 'en-GB,en;q=0.9'],
    ]) {
      // A signed-in route and a public one: the body is parsed before either is authorised.
      for (const [url, token] of [
        ['/api/v1/alliances', official],
        ['/api/v1/auth/login', undefined],
      ]) {
        for (const c of cases) {
          const headers: Record<string, string> = { 'content-type': c.type };
          if (token) headers.authorization = `Bearer ${token}`;
          if (acceptLanguage) headers['accept-language'] = acceptLanguage;
          const reply = await app.api.inject({ method: 'POST', url, payload: c.payload, headers });
          const body = expectErrorShape(reply, reply.statusCode);
          const asked = `${acceptLanguage ?? '-'} ${url} ${c.type} ${c.payload.slice(0, 20)}`;
          answers.push({
            asked,
            got: { status: reply.statusCode, code: body.code, message: body.message, details: body.details },
          });
          expected.push({
            asked,
            got: {
              status: c.status,
              code: c.code,
              message: messages[c.code][language!],
              details: c.reason ? [{ field: 'body', reason: c.reason[language!] }] : [],
            },
          });
        }
      }
    }
    expect(answers).toEqual(expected);
  });

  it('refuses deeply nested JSON with a 400 naming the depth, without overflowing the stack', async () => {
    for (const depth of [40, 3_000, 100_000]) {
      const nested = `${'['.repeat(depth)}1${']'.repeat(depth)}`;
      const reply = await raw('POST', '/api/v1/alliances', `{"name":"x","extra":${nested}}`, 'application/json');
      const body = expectErrorShape(reply, 400);
      expect(body.details).toEqual([{ field: 'body', reason: '嵌套层级不能超过 32 层' }]);
    }
    const objects = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
    expectErrorShape(await raw('PUT', '/api/v1/notification-preferences', objects, 'application/json'), 400);
    // The API is still answering after all that.
    expect((await http.get('/api/v1/alliances', { token: official })).status).toBe(200);
  });

  it('refuses prototype-pollution keys and leaves Object.prototype alone', async () => {
    const payloads = [
      '{"name":"x","__proto__":{"polluted":1}}',
      '{"name":"x","constructor":{"prototype":{"polluted":1}}}',
      '{"name":"x","nested":{"__proto__":{"polluted":1}}}',
      '[{"__proto__":{"polluted":1}}]',
    ];
    for (const payload of payloads) {
      const reply = await raw('POST', '/api/v1/alliances', payload, 'application/json');
      expect(reply.statusCode).toBe(400);
      expectErrorShape(reply, 400);
    }
    const query = await http.get('/api/v1/alliances?__proto__[polluted]=1&constructor[prototype][polluted]=1', {
      token: official,
    });
    expect(query.status).toBeLessThan(500);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers 415 to bodies that are not JSON or multipart, on JSON routes', async () => {
    const types = [
      'text/plain',
      'application/xml',
      'text/xml',
      'application/x-www-form-urlencoded',
      'application/octet-stream',
      'image/png',
      'application/json-patch+json; charset=utf-16',
    ];
    for (const type of types) {
      const reply = await raw('POST', '/api/v1/alliances', '<alliance><name>x</name></alliance>', type);
      expect([type, reply.statusCode]).toEqual([type, 415]);
      expect(expectErrorShape(reply, 415).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    // A JSON route answering a multipart body still refuses it by field, not with a 500.
    const boundary = 'b0undary';
    const multipart = `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--${boundary}--\r\n`;
    const reply = await raw('POST', '/api/v1/alliances', multipart, `multipart/form-data; boundary=${boundary}`);
    expect(reply.statusCode).toBeGreaterThanOrEqual(400);
    expect(reply.statusCode).toBeLessThan(500);
    expectErrorShape(reply, reply.statusCode);
  });

  it('refuses invalid UTF-8 in a JSON body with a 400', async () => {
    const invalid = [
      Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]),
      Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]), // an encoded surrogate
      Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from('"}')]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"name":"x"}', 'utf16le')]),
    ];
    for (const payload of invalid) {
      const reply = await raw('POST', '/api/v1/alliances', payload, 'application/json');
      expectErrorShape(reply, 400);
    }
    const { rows } = await app.db.admin.query(
      `SELECT count(*)::int AS n FROM alliances WHERE name LIKE '%' || chr(65533) || '%'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('refuses a JSON body that is null, a bare value or an array on PATCH and PUT routes, instead of an empty update', async () => {
    const alliance = (await http.get('/api/v1/alliances', { token: official })).body.items[0];
    const expert = await http.token('expert@anhai.demo');
    const before = (await http.get('/api/v1/think-tank/experts/me', { token: expert })).body;
    const routes: [string, string, string][] = [
      ['PATCH', `/api/v1/alliances/${alliance.id}`, official],
      ['PUT', '/api/v1/notification-preferences', official],
      ['PATCH', '/api/v1/think-tank/experts/me', expert],
      ['PUT', '/api/v1/notification-settings', official],
    ];
    const answers: { route: string; payload: string; status: number; details: unknown }[] = [];
    for (const [method, url, token] of routes) {
      for (const payload of ['null', ' null ', '42', '"text"', 'true', '[]']) {
        const reply = await raw(method, url, payload, 'application/json', token);
        answers.push({ route: `${method} ${url}`, payload, status: reply.statusCode, details: reply.json().details });
      }
    }
    expect(answers).toEqual(
      answers.map((a) => ({ ...a, status: 400, details: [{ field: 'body', reason: '必须是对象' }] })),
    );
    const english = await app.api.inject({
      method: 'PATCH',
      url: `/api/v1/alliances/${alliance.id}`,
      payload: 'null',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${official}`, 'accept-language': 'en' },
    });
    expect(english.json().details).toEqual([{ field: 'body', reason: 'must be an object' }]);
    // Nothing changed, and an object body is still taken.
    expect((await http.get('/api/v1/think-tank/experts/me', { token: expert })).body).toEqual(before);
    expect((await http.get(`/api/v1/alliances/${alliance.id}`, { token: official })).body.name).toBe(alliance.name);
    expect(
      (
        await raw(
          'PATCH',
          `/api/v1/alliances/${alliance.id}`,
          JSON.stringify({ description: alliance.description }),
          'application/json',
        )
      ).statusCode,
    ).toBe(200);
  });

  it('refuses NUL characters and lone surrogates in strings with a 400, not a database error', async () => {
    for (const name of ['a\u0000b', 'x\ud800y', '\udc00']) {
      const reply = await raw('POST', '/api/v1/alliances', JSON.stringify({ name }), 'application/json');
      expect(expectErrorShape(reply, 400).details).toEqual([
        { field: 'name', reason: '含有无法保存的字符（U+0000 或不成对的代理项）' },
      ]);
    }
    const nested = await raw(
      'POST',
      '/api/v1/organizations',
      JSON.stringify({ kind: 'enterprise', name: 'x', contacts: [{ name: 'a\u0000' }] }),
      'application/json',
    );
    expect(expectErrorShape(nested, 400).details[0].field).toBe('contacts.0.name');
    const query = await http.get('/api/v1/organizations?q=%00', { token: official });
    expect(query.status).toBe(400);
    expect(query.body.details[0].field).toBe('query.q');
  });

  it('answers a path that is not valid UTF-8, or far too long, in the error shape', async () => {
    for (const url of [
      '/api/v1/organizations/%ED%A0%80',
      '/api/v1/organizations/%FF%FE',
      `/api/v1/organizations/${'a'.repeat(5_000)}`,
    ]) {
      const reply = await app.api.inject({ method: 'GET', url, headers: { authorization: `Bearer ${official}` } });
      expect(reply.statusCode).toBeGreaterThanOrEqual(400);
      expect(reply.statusCode).toBeLessThan(500);
      expectErrorShape(reply, reply.statusCode);
    }
  });

  it('stores SQL and script injection strings as text and returns them byte for byte', async () => {
    const hostile = [
      `Robert'); DROP TABLE organizations;-- <script>alert("x")</script>`,
      `' OR 1=1 -- <img src=x onerror=alert(1)> \\ % _ $1 {{7*7}} \${7*7}`,
    ];
    for (const text of hostile) {
      const created = await http.post('/api/v1/organizations', { kind: 'enterprise', name: text }, { token: official });
      expect(created.status).toBe(201);
      const read = await app.api.inject({
        method: 'GET',
        url: `/api/v1/organizations/${created.body.id}`,
        headers: { authorization: `Bearer ${official}` },
      });
      expect(read.statusCode).toBe(200);
      expect(read.headers['content-type']).toMatch(/^application\/json/);
      expect(read.json().name).toBe(text);
      // JSON-escaped as data, never HTML-escaped or interpreted: the raw reply holds the exact JSON string.
      expect(read.body).toContain(JSON.stringify(text));
      const search = await http.get(`/api/v1/organizations?q=${encodeURIComponent(text)}`, { token: official });
      expect(search.status).toBeLessThan(500);
    }
    const { rows } = await app.db.admin.query(`SELECT count(*)::int AS n FROM organizations`);
    expect(rows[0].n).toBeGreaterThan(2); // the table is still there
  });

  it('keeps a service request title with markup byte-identical', async () => {
    const xingyi = await http.token('xingyi@anhai.demo');
    const alliance = (await http.get('/api/v1/alliances', { token: xingyi })).body.items[0];
    const catalogue = await http.get(`/api/v1/alliances/${alliance.id}/service-categories`, { token: xingyi });
    const category = catalogue.body.items.find((c: { active: boolean }) => c.active);
    const title = `<script>fetch('/api/v1/users')</script>' OR '1'='1`;
    const submitted = await http.post(
      '/api/v1/service-requests',
      {
        allianceId: alliance.id,
        categoryId: category.id,
        title,
        description: '<b>bold</b> & "quoted" \u202e reversed',
      },
      { token: xingyi },
    );
    expect(submitted.status).toBe(201);
    const detail = await http.get(`/api/v1/service-requests/${submitted.body.id}`, { token: xingyi });
    expect(detail.body.title).toBe(title);
    expect(detail.body.description).toBe('<b>bold</b> & "quoted" \u202e reversed');
  });
});
