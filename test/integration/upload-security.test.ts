import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import { assertSafeZip, UnsafeArchiveError } from '../../src/platform/storage/zip-guard';
import { Http } from '../support/http';
import { categoryId, smartAllianceId } from '../support/service-requests';
import { startTestApp, TestApp } from '../support/test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

function multipart(fileName: string, content: Buffer, contentType = 'application/octet-stream') {
  const boundary = '----upload-security';
  return {
    body: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

interface ZipEntry {
  name: string;
  /** Deflated bytes, with the sizes to declare (which a hostile archive may get wrong on purpose). */
  deflated: Buffer;
  size: number;
  crc: number;
}

/** A zip archive as Office writes them: local headers, the central directory, its end record. */
function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.deflated.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(entry.crc, 16);
    header.writeUInt32LE(entry.deflated.length, 20);
    header.writeUInt32LE(entry.size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.deflated);
    central.push(header, name);
    offset += 30 + name.length + entry.deflated.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function entry(name: string, text: string): ZipEntry {
  const content = Buffer.from(text);
  return { name, deflated: deflateRawSync(content), size: content.length, crc: crc32(content) };
}

/** `megabytes` of zeros, deflated in a stream so the test itself never holds them. */
async function deflatedZeros(megabytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const megabyte = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < megabytes; i++)
    if (!deflate.write(megabyte)) await new Promise((resolve) => deflate.once('drain', resolve));
  deflate.end();
  await done;
  return Buffer.concat(chunks);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const XLSX_TYPES = CONTENT_TYPES.replace('/word/document.xml', '/xl/workbook.xml').replace(
  'wordprocessingml.document.main',
  'spreadsheetml.sheet.main',
);

describe('uploads', () => {
  let app: TestApp;
  let http: Http;
  let xingyi: string;
  let official: string;
  let requestId: string;
  let bomb: Buffer;
  let liar: Buffer;

  beforeAll(async () => {
    app = await startTestApp();
    http = new Http(app.api);
    xingyi = await http.token('xingyi@anhai.demo');
    official = await http.token('official@anhai.demo');
    const submitted = await http.post(
      '/api/v1/service-requests',
      {
        allianceId: await smartAllianceId(app),
        categoryId: await categoryId(app, 'permits'),
        title: '上传安全测试',
        description: '附件的安全检查。',
      },
      { token: xingyi },
    );
    requestId = submitted.body.id;
    // 400 MB of zeros in a few hundred KB, declared honestly in the central directory.
    const zeros = await deflatedZeros(400);
    bomb = zip([
      entry('[Content_Types].xml', CONTENT_TYPES),
      { name: 'word/document.xml', deflated: zeros, size: 400 * 1024 * 1024, crc: 0 },
    ]);
    // The same stream declared as 1 KB: only inflating it shows the lie.
    liar = zip([
      entry('[Content_Types].xml', XLSX_TYPES),
      { name: 'xl/worksheets/sheet1.xml', deflated: zeros, size: 1024, crc: 0 },
    ]);
  }, 120_000);
  afterAll(() => app.close());

  const attach = (fileName: string, content: Buffer, token = xingyi) => {
    const form = multipart(fileName, content);
    return http.request('POST', `/api/v1/service-requests/${requestId}/attachments`, {
      token,
      body: form.body,
      headers: form.headers,
    });
  };

  it('judges the type by content: a PDF named .exe is a PDF, served as a download with nosniff', async () => {
    const reply = await attach('setup.exe', PDF);
    expect(reply.status).toBe(201);
    expect(reply.body.contentType).toBe('application/pdf');
    const download = await app.api.inject({
      method: 'GET',
      url: `/api/v1/service-requests/${requestId}/attachments/${reply.body.id}`,
      headers: { authorization: `Bearer ${xingyi}` },
    });
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toContain('sandbox');
  });

  it('refuses markup whatever its name: HTML as .pdf, SVG with a script as .png', async () => {
    const html = await attach(
      'invoice.pdf',
      Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>'),
    );
    expect(html.status).toBe(415);
    const svg = await attach(
      'logo.png',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'),
    );
    expect(svg.status).toBe(415);
    expect(svg.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', details: [{ field: 'file' }] });
  });

  it('refuses an Office file that expands to hundreds of MB, quickly and without inflating it', async () => {
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const reply = await attach('report.docx', bomb);
    expect(reply.status).toBe(413);
    expect(reply.body).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      details: [{ field: 'file', reason: '压缩文件解压后过大（上限 100 MB）或压缩比异常' }],
    });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
  });

  it('refuses an archive whose directory understates what its entries expand to', async () => {
    const started = Date.now();
    const reply = await attach('data.xlsx', liar);
    expect(reply.status).toBe(413);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(() => assertSafeZip(liar)).toThrow(UnsafeArchiveError);
  });

  it('refuses a spreadsheet bomb as a member import before any job is queued', async () => {
    const alliance = await smartAllianceId(app);
    const form = multipart('members.xlsx', liar);
    const reply = await http.request('POST', `/api/v1/alliances/${alliance}/imports`, {
      token: official,
      body: form.body,
      headers: form.headers,
    });
    expect(reply.status).toBe(413);
    const { rows } = await app.db.admin.query(
      `SELECT count(*)::int AS n FROM transfer_jobs WHERE kind = 'member-import'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('accepts a small honest Office file', () => {
    expect(() =>
      assertSafeZip(
        zip([entry('[Content_Types].xml', CONTENT_TYPES), entry('word/document.xml', '<w:document/>'.repeat(1000))]),
      ),
    ).not.toThrow();
  });

  it('keeps only a safe base name from a path in any convention, and never uses it as a path', async () => {
    const names: [string, string][] = [
      ['../../etc/passwd', 'passwd'],
      ['..\\..\\windows\\system.ini.pdf', 'system.ini.pdf'],
      ['....//....//etc/shadow.pdf', 'shadow.pdf'],
      ['/var/lib/postgresql/x.pdf', 'x.pdf'],
      ['..', 'attachment'],
      ['<img src=x onerror=alert(1)>.pdf', 'img src=x onerror=alert(1).pdf'],
    ];
    for (const [given, kept] of names) {
      const reply = await attach(given, PDF);
      expect([given, reply.status, reply.body.fileName]).toEqual([given, 201, kept]);
      const { rows } = await app.db.admin.query('SELECT storage_key FROM service_request_attachments WHERE id = $1', [
        reply.body.id,
      ]);
      expect(rows[0].storage_key).toMatch(/^[0-9a-f-]{36}\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/);
    }
    const venue = (await app.db.admin.query('SELECT id FROM venues LIMIT 1')).rows[0];
    if (venue) {
      const form = multipart('../../../../tmp/evil.png', PNG, 'image/png');
      const photo = await http.request('POST', `/api/v1/venues/${venue.id}/photos`, {
        token: official,
        body: form.body,
        headers: form.headers,
      });
      expect(photo.status).toBe(201);
      expect(photo.body.fileName).toBe('evil.png');
    }
  });
});

describe('the per-township storage quota', () => {
  let app: TestApp;
  let http: Http;
  let xingyi: string;
  let requestId: string;
  const QUOTA = 1024 * 1024;

  beforeAll(async () => {
    app = await startTestApp({ env: { STORAGE_QUOTA_BYTES_PER_TENANT: String(QUOTA) } });
    http = new Http(app.api);
    xingyi = await http.token('xingyi@anhai.demo');
    const submitted = await http.post(
      '/api/v1/service-requests',
      {
        allianceId: await smartAllianceId(app),
        categoryId: await categoryId(app, 'permits'),
        title: '配额测试',
        description: '存储配额的检查。',
      },
      { token: xingyi },
    );
    requestId = submitted.body.id;
  });
  afterAll(() => app.close());

  const attach = (content: Buffer, language: 'zh-CN' | 'en' = 'zh-CN') => {
    const form = multipart('big.pdf', content);
    return http.request('POST', `/api/v1/service-requests/${requestId}/attachments`, {
      token: xingyi,
      body: form.body,
      headers: form.headers,
      language,
    });
  };

  it('refuses an upload that would pass the quota with 413 and the reason, and stores nothing of it', async () => {
    const { rows } = await app.db.admin.query(
      `SELECT coalesce(sum(size), 0)::int AS used FROM service_request_attachments`,
    );
    expect(rows[0].used).toBe(0);
    const big = Buffer.concat([PDF, Buffer.alloc(400 * 1024, 0x20)]);
    expect((await attach(big)).status).toBe(201);
    expect((await attach(big)).status).toBe(201);
    const refused = await attach(big, 'en');
    expect(refused.status).toBe(413);
    expect(refused.body).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      details: [{ field: 'file', reason: "would pass the township's storage quota (0.8 MB used of 1 MB)" }],
    });
    const after = await app.db.admin.query(`SELECT count(*)::int AS n FROM service_request_attachments`);
    expect(after.rows[0].n).toBe(2);
    // What still fits is still accepted.
    expect((await attach(PDF)).status).toBe(201);
  });
});
