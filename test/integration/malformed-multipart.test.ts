import { Http } from '../support/http';
import { PNG } from '../support/photo-upload';
import { categoryId, smartAllianceId } from '../support/service-requests';
import { startTestApp, TestApp } from '../support/test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const CSV = Buffer.from('企业名称,统一社会信用代码\n测试企业,91350582MA2XXXXX1X\n');

/** One `file` part, well formed: each case below breaks exactly one thing about it. */
function part(boundary: string, fileName: string, content: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

const BODIES: Record<string, (fileName: string, content: Buffer) => { body: Buffer; headers: Record<string, string> }> =
  {
    // The header names one boundary, the body is delimited by another.
    'a boundary that does not match': (fileName, content) => ({
      body: part('----sent-boundary', fileName, content),
      headers: { 'content-type': 'multipart/form-data; boundary=----declared-boundary' },
    }),
    // Multipart without the boundary parameter at all.
    'a multipart type without a boundary': (fileName, content) => ({
      body: part('----unnamed-boundary', fileName, content),
      headers: { 'content-type': 'multipart/form-data' },
    }),
    // The connection dropped in the middle of the file: no closing boundary.
    'a body cut short in the file': (fileName, content) => {
      const whole = part('----cut-boundary', fileName, content);
      return {
        body: whole.subarray(0, whole.indexOf('\r\n\r\n') + 4 + Math.floor(content.length / 2)),
        headers: { 'content-type': 'multipart/form-data; boundary=----cut-boundary' },
      };
    },
    // Cut before the part's headers end.
    'a body cut short in the part header': (fileName, content) => ({
      body: part('----cut-boundary', fileName, content).subarray(0, 40),
      headers: { 'content-type': 'multipart/form-data; boundary=----cut-boundary' },
    }),
  };

describe('malformed multipart bodies on every upload route', () => {
  let app: TestApp;
  let http: Http;
  let routes: { name: string; url: string; token: string; fileName: string; content: Buffer }[];

  beforeAll(async () => {
    app = await startTestApp();
    http = new Http(app.api);
    const official = await http.token('official@anhai.demo');
    const xingyi = await http.token('xingyi@anhai.demo');
    const alliance = await smartAllianceId(app);
    const request = await http.post(
      '/api/v1/service-requests',
      {
        allianceId: alliance,
        categoryId: await categoryId(app, 'permits'),
        title: '附件格式测试',
        description: '残缺的上传请求。',
      },
      { token: xingyi },
    );
    const typicalCase = await http.post(
      '/api/v1/typical-cases',
      { title: '兴翼机械：典型案例', summary: '摘要', body: '正文', allianceId: alliance },
      { token: xingyi },
    );
    const report = await http.post(
      '/api/v1/think-tank/reports',
      { allianceId: alliance, title: '上传格式检查', abstract: '用于检查残缺的上传请求。' },
      { token: xingyi },
    );
    const venue = (await app.db.admin.query('SELECT id FROM venues ORDER BY name LIMIT 1')).rows[0].id;
    const site = (await app.db.admin.query('SELECT id FROM study_sites ORDER BY position LIMIT 1')).rows[0].id;
    for (const created of [request, typicalCase, report]) expect(created.status).toBe(201);
    routes = [
      {
        name: 'member import',
        url: `/api/v1/alliances/${alliance}/imports`,
        token: official,
        fileName: 'members.csv',
        content: CSV,
      },
      {
        name: 'service-request attachment',
        url: `/api/v1/service-requests/${request.body.id}/attachments`,
        token: xingyi,
        fileName: 'permit.pdf',
        content: PDF,
      },
      {
        name: 'venue photo',
        url: `/api/v1/venues/${venue}/photos`,
        token: official,
        fileName: 'hall.png',
        content: PNG,
      },
      {
        name: 'study-site photo',
        url: `/api/v1/study-route/sites/${site}/photos`,
        token: official,
        fileName: 'site.png',
        content: PNG,
      },
      {
        name: 'typical-case photo',
        url: `/api/v1/typical-cases/${typicalCase.body.id}/photos`,
        token: xingyi,
        fileName: 'case.png',
        content: PNG,
      },
      {
        name: 'think-tank report version',
        url: `/api/v1/think-tank/reports/${report.body.id}/versions`,
        token: xingyi,
        fileName: 'report.pdf',
        content: PDF,
      },
    ];
  });
  afterAll(() => app.close());

  it.each(Object.keys(BODIES))('answers %s with 400 and the file field, on every route', async (kind) => {
    const answers = [];
    for (const route of routes) {
      const form = BODIES[kind](route.fileName, route.content);
      const reply = await http.request('POST', route.url, {
        token: route.token,
        body: form.body,
        headers: form.headers,
      });
      answers.push({ route: route.name, status: reply.status, body: reply.body });
    }
    // Every route in one comparison, so a failure lists each route that still answers otherwise.
    expect(answers).toEqual(
      routes.map((route) => ({
        route: route.name,
        status: 400,
        body: {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: '请求参数有误',
          details: [
            { field: 'file', reason: '上传内容不完整或格式错误（multipart 分隔符不符或内容被截断），请重新上传' },
          ],
          requestId: expect.any(String),
        },
      })),
    );
  });

  it('says so in English too, and nothing of the broken upload is kept', async () => {
    const route = routes[0];
    const form = BODIES['a body cut short in the file'](route.fileName, route.content);
    const reply = await http.request('POST', route.url, {
      token: route.token,
      body: form.body,
      headers: form.headers,
      language: 'en',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.details).toEqual([
      {
        field: 'file',
        reason:
          'is incomplete or malformed (the multipart boundary does not match or the body was cut short): upload it again',
      },
    ]);
    const { rows } = await app.db.admin.query(`SELECT count(*)::int AS n FROM transfer_jobs`);
    expect(rows[0].n).toBe(0);
    const photos = await app.db.admin.query(
      `SELECT (SELECT count(*) FROM venue_photos) + (SELECT count(*) FROM study_site_photos) + (SELECT count(*) FROM typical_case_photos) AS n`,
    );
    expect(Number(photos.rows[0].n)).toBe(0);
  });

  it('still accepts the same files when the body is whole', async () => {
    for (const route of routes) {
      const body = part('----whole-boundary', route.fileName, route.content);
      const reply = await http.request('POST', route.url, {
        token: route.token,
        body,
        headers: { 'content-type': 'multipart/form-data; boundary=----whole-boundary' },
      });
      expect([route.name, reply.status]).toEqual([route.name, route.name === 'member import' ? 202 : 201]);
    }
  });
});
