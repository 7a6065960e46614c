import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { S3Storage } from '../../src/platform/storage/s3.storage';
import type { FileStorage } from '../../src/platform/storage/file-storage';
import { LocalDiskStorage } from '../../src/platform/storage/local-disk.storage';
import { Http } from '../support/http';
import { submitAndRoute } from '../support/service-requests';
import { startTestApp, TestApp } from '../support/test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

function multipart(fileName: string, content: Buffer): { body: Buffer; headers: Record<string, string> } {
  const boundary = '----attachment-boundary';
  return {
    body: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('attachments of service requests', () => {
  let app: TestApp;
  let http: Http;
  let xingyi: string;
  let request: { id: string; handler: { id: string } };

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
    http = new Http(app.api);
    xingyi = await http.token('xingyi@anhai.demo');
    request = await submitAndRoute(app, http, xingyi, { categoryCode: 'permits', title: '办理营业执照变更' });
  });
  afterAll(() => app.close());

  const upload = (name: string, content: Buffer, token = xingyi) => {
    const form = multipart(name, content);
    return http.request('POST', `/api/v1/service-requests/${request.id}/attachments`, {
      token,
      body: form.body,
      headers: form.headers,
    });
  };

  it('accepts a PDF and an image, judged by their content, and serves them back as downloads', async () => {
    const pdf = await upload('营业执照.pdf', PDF);
    expect(pdf.status).toBe(201);
    expect(pdf.body).toMatchObject({ fileName: '营业执照.pdf', contentType: 'application/pdf', size: PDF.length });
    const png = await upload('photo.bin', PNG);
    expect(png.body.contentType).toBe('image/png');

    const download = await app.api.inject({
      method: 'GET',
      url: `/api/v1/service-requests/${request.id}/attachments/${pdf.body.id}`,
      headers: { authorization: `Bearer ${xingyi}` },
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="_+\.pdf"; filename\*=UTF-8''/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    const detail = await http.get(`/api/v1/service-requests/${request.id}`, { token: xingyi });
    expect(detail.body.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['营业执照.pdf', 'photo.bin']);
    expect(detail.body.timeline.filter((e: { type: string }) => e.type === 'attachment_added')).toHaveLength(2);
  });

  it('refuses what is not a document or an image, whatever its name says', async () => {
    const html = await upload('invoice.pdf', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(html.status).toBe(415);
    expect(html.body.details).toEqual([{ field: 'file', reason: '只接受 PDF、图片和 Office 文件（按文件内容识别）' }]);
    const exe = await upload('setup.docx', Buffer.from('4d5a90000300000004000000ffff0000', 'hex'));
    expect(exe.status).toBe(415);
  });

  it('keeps only the file name of a path, and stores under a key of its own', async () => {
    const reply = await upload('../../../etc/passwd.pdf', PDF);
    expect(reply.body.fileName).toBe('passwd.pdf');
    const { rows } = await app.db.admin.query('SELECT storage_key FROM service_request_attachments WHERE id = $1', [
      reply.body.id,
    ]);
    expect(rows[0].storage_key).toMatch(/^[0-9a-f-]+\/[0-9a-f-]+\/[0-9a-f-]+$/);
  });

  it('shows attachments only to those concerned', async () => {
    const other = await http.token('jingong@anhai.demo');
    expect((await upload('x.pdf', PDF, other)).status).toBe(404);
    const { rows } = await app.db.admin.query('SELECT id FROM service_request_attachments LIMIT 1');
    expect(
      (await http.get(`/api/v1/service-requests/${request.id}/attachments/${rows[0].id}`, { token: other })).status,
    ).toBe(404);
  });
});

describe('file storage back ends', () => {
  it('stores, reads and removes on local disk, refusing unsafe keys', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'storage-'));
    try {
      const storage: FileStorage = new LocalDiskStorage(dir);
      await storage.put('t1/r1/f1', PDF, 'application/pdf');
      expect((await storage.get('t1/r1/f1')).equals(PDF)).toBe(true);
      await storage.remove('t1/r1/f1');
      await expect(storage.get('t1/r1/f1')).rejects.toThrow();
      await expect(storage.put('../escape', PDF, 'application/pdf')).rejects.toThrow(/Unsafe/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stores, reads and removes in an S3-compatible store (s3rver on loopback)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 's3rver-'));
    const server = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: dir,
      configureBuckets: [{ name: 'lianmeng' }],
    });
    const { port } = await server.run();
    try {
      const storage = new S3Storage({
        endpoint: `http://127.0.0.1:${port}`,
        region: 'us-east-1',
        bucket: 'lianmeng',
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
      });
      await storage.put('t1/r1/f1', PDF, 'application/pdf');
      expect((await storage.get('t1/r1/f1')).equals(PDF)).toBe(true);
      await storage.remove('t1/r1/f1');
      await expect(storage.get('t1/r1/f1')).rejects.toThrow();
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
