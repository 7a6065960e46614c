import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PNG } from '../support/photo-upload';
import { Http } from '../support/http';
import { idOf } from '../support/tenants';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

function multipart(fileName: string, content: Buffer, type: string): { body: Buffer; headers: Record<string, string> } {
  const boundary = '----lianmeng-test-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('member import and registry export (API and worker)', () => {
  let app: TestApp;
  let http: Http;
  let token: string;
  let allianceId: string;

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
    http = new Http(app.api);
    token = await http.token('official@anhai.demo');
    allianceId = await idOf(app.db.admin, 'alliances', '安海镇智能装备制造产业集群党建联盟');
  });
  afterAll(() => app.close());

  const upload = async (fileName: string, content: Buffer, type = 'text/csv', language: 'zh-CN' | 'en' = 'zh-CN') => {
    const form = multipart(fileName, content, type);
    return http.request('POST', `/api/v1/alliances/${allianceId}/imports`, {
      token,
      body: form.body,
      headers: { ...form.headers, 'accept-language': language },
    });
  };
  const finished = (id: string) =>
    waitFor(
      () => http.get(`/api/v1/jobs/${id}`, { token }),
      (reply) => ['succeeded', 'failed'].includes(reply.body.status),
    ).then((reply) => reply.body);

  it('keeps the valid rows, refuses the bad ones with their reasons, and half-writes nothing', async () => {
    const csv = [
      '企业名称,统一社会信用代码,产业链位置,党组织类型,党员人数,联系人,联系电话,加入日期',
      '新华精密,91350582MA2XNH0101,上游,党支部,6,张三,13800000001,2025-01-02',
      ',91350582MA2XNH0102,中游,党支部,3,李四,,2025-01-02',
      '坏数据公司,BADCODE,左游,党支部,abc,王五,,2025/13/40',
      '新华精密,,上游,党支部,6,,,',
      '晋工机械,91350582MA2XJG0001,下游,党委,86,,,',
      '无党组织企业,,中游,,,,,',
      '安海新材料,91350582MA2XNH0103,中游,党总支,21,,,2025年3月8日',
    ].join('\r\n');
    const started = await upload('成员.csv', Buffer.from(csv));
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ kind: 'member-import', status: 'queued', fileName: '成员.csv' });

    const job = await finished(started.body.id);
    expect(job).toMatchObject({ status: 'succeeded', progress: 100, totalRows: 7, processedRows: 7, acceptedRows: 2 });
    const byRow = (row: number) => job.refusedRows.filter((r: { row: number }) => r.row === row);
    expect(byRow(3)).toEqual([{ row: 3, field: 'name', reason: '必须填写' }]);
    expect(
      byRow(4)
        .map((r: { field: string }) => r.field)
        .sort(),
    ).toEqual(['chainPosition', 'joinedOn', 'partyMemberCount', 'unifiedCode']);
    expect(byRow(5)).toEqual([{ row: 5, field: 'name', reason: '与文件中第 2 行重复' }]);
    expect(byRow(6)).toEqual([{ row: 6, field: 'name', reason: '该单位已在联盟中' }]);
    expect(byRow(7)).toEqual([{ row: 7, field: 'organizationId', reason: '成员企业必须有党组织' }]);

    const { rows } = await app.db.admin.query(
      `SELECT o.name, p.type, m.joined_on::text FROM organizations o
         JOIN party_organizations p ON p.organization_id = o.id
         JOIN alliance_memberships m ON m.organization_id = o.id AND m.alliance_id = $1
        WHERE o.name IN ('新华精密', '安海新材料') ORDER BY o.name`,
      [allianceId],
    );
    expect(rows).toEqual([
      { name: '安海新材料', type: 'general_branch', joined_on: '2025-03-08' },
      { name: '新华精密', type: 'branch', joined_on: '2025-01-02' },
    ]);
    // A refused row leaves nothing behind, not even the organisation it would have created.
    const { rows: orphans } = await app.db.admin.query(
      `SELECT name FROM organizations WHERE name IN ('坏数据公司', '无党组织企业')`,
    );
    expect(orphans).toEqual([]);
    const { rows: stored } = await app.db.admin.query(`SELECT file FROM transfer_jobs WHERE id = $1`, [job.id]);
    expect(stored[0].file).toBeNull();
  });

  it('reads an .xlsx with English headers, and reports reasons in English', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Members');
    sheet.addRow(['Name', 'Role', 'Chain Position', 'Party Organization Type', 'Party Members', 'Joined On']);
    sheet.addRow(['Harbour Robotics', 'member', 'downstream', 'branch', 4, '2025-05-05']);
    sheet.addRow(['Anhai Customs Office', 'department', '', '', '', '']);
    sheet.addRow(['Second Lead', 'lead', 'upstream', 'committee', 30, '']);
    const started = await upload(
      'members.xlsx',
      Buffer.from(await workbook.xlsx.writeBuffer()),
      'application/octet-stream',
      'en',
    );
    const job = await finished(started.body.id);
    expect(job).toMatchObject({ status: 'succeeded', acceptedRows: 2 });
    expect(job.refusedRows).toEqual([
      { row: 4, field: 'role', reason: 'The alliance already has its lead enterprise: there can be only one' },
    ]);
    const { rows } = await app.db.admin.query(`SELECT kind FROM organizations WHERE name = 'Anhai Customs Office'`);
    expect(rows[0].kind).toBe('department');
  });

  it('fails a file it cannot read, with a reason, and imports nothing', async () => {
    // Text, so the upload takes it, but no CSV: a quote that never closes.
    const job = await finished(
      (await upload('broken.csv', Buffer.from('企业名称,党组织类型\n"未闭合的引号,党支部\n'))).body.id,
    );
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/xlsx|csv/);
    const missing = await finished((await upload('x.csv', Buffer.from('地址,联系人\n安海,张三\n'))).body.id);
    expect(missing).toMatchObject({ status: 'failed', acceptedRows: 0 });
    expect(missing.error).toContain('缺少必需的列');
  });

  it('refuses at upload, by content and whatever the name, what is neither an .xlsx nor CSV text', async () => {
    const zip = new JSZip();
    zip.file('notes.txt', 'not a workbook');
    const refused: [string, Buffer][] = [
      ['members.csv', Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')],
      [
        'members.csv',
        Buffer.from('<!DOCTYPE html>\n<html><body><table><tr><td>企业名称</td></tr></table></body></html>'),
      ],
      ['members.xlsx', Buffer.from('\uFEFF  <html><body>企业名称,党组织类型</body></html>')],
      ['members.csv', Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')],
      ['members.csv', PNG],
      ['members.xlsx', await zip.generateAsync({ type: 'nodebuffer' })],
      ['members.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])],
    ];
    const before = (await app.db.admin.query(`SELECT count(*)::int AS n FROM transfer_jobs`)).rows[0].n;
    const answers = [];
    for (const [name, content] of refused) {
      const reply = await upload(name, content);
      answers.push([content.subarray(0, 12).toString('latin1'), reply.status, reply.body.code, reply.body.details]);
    }
    const reason = '只接受 .xlsx 工作簿或 .csv 文本文件（按文件内容识别），不接受 PDF、网页、图片等其他文件';
    expect(answers).toEqual(
      refused.map(([, content]) => [
        content.subarray(0, 12).toString('latin1'),
        400,
        'VALIDATION_FAILED',
        [{ field: 'file', reason }],
      ]),
    );
    const english = await upload('members.csv', refused[0][1], 'text/csv', 'en');
    expect(english.body.details).toEqual([
      {
        field: 'file',
        reason:
          'must be an .xlsx workbook or a .csv text file (judged by its content), not a PDF, web page, image or other file',
      },
    ]);
    expect((await app.db.admin.query(`SELECT count(*)::int AS n FROM transfer_jobs`)).rows[0].n).toBe(before);
  });

  it('takes CSV text in GB18030, as Excel on Chinese Windows saves it', async () => {
    const gb18030 = Buffer.from(
      'c6f3d2b5c3fbb3c62cb5b3d7e9d6afc0e0d0cd0d0ab9fab1eab1e0c2ebc6f3d2b52cb5b3d6a7b2bf0d0a',
      'hex',
    );
    const started = await upload('国标.csv', gb18030);
    expect(started.status).toBe(202);
    expect(await finished(started.body.id)).toMatchObject({ status: 'succeeded', acceptedRows: 1 });
  });

  it('imports a file whose name is longer than a notification title, and shortens the name in the title', async () => {
    const fileName = `${'安海镇智能装备制造产业集群党建联盟成员企业名单'.repeat(10)}.csv`;
    expect(fileName.length).toBeGreaterThan(200);
    const started = await upload(fileName, Buffer.from('企业名称,党组织类型\n长文件名测试企业,党支部\n'));
    expect(started.status).toBe(202);
    const job = await finished(started.body.id);
    expect(job).toMatchObject({ status: 'succeeded', acceptedRows: 1, fileName });
    const inbox = await http.get('/api/v1/notifications', { token });
    const notice = inbox.body.items.find((n: { link: string | null }) => n.link?.includes(job.id));
    expect(notice.title.startsWith('导入完成：安海镇智能装备制造产业集群党建联盟')).toBe(true);
    expect(notice.title.endsWith('….csv')).toBe(true);
    expect(Array.from(notice.title as string).length).toBeLessThanOrEqual(200);
  });

  it('refuses an upload without a file', async () => {
    const reply = await http.post(`/api/v1/alliances/${allianceId}/imports`, {}, { token });
    expect(reply.status).toBe(400);
    expect(reply.body.details[0].field).toBe('file');
  });

  it('exports the registry to .xlsx through the worker, and the file reads back', async () => {
    const started = await http.post(`/api/v1/alliances/${allianceId}/exports`, undefined, { token });
    expect(started.status).toBe(202);
    const job = await finished(started.body.id);
    expect(job).toMatchObject({ status: 'succeeded', progress: 100 });
    expect(job.fileName).toMatch(/^安海镇智能装备制造产业集群党建联盟-\d{4}-\d{2}-\d{2}\.xlsx$/);

    const file = await app.api.inject({
      method: 'GET',
      url: `/api/v1/jobs/${job.id}/download`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain("filename*=UTF-8''");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const [current, history] = workbook.worksheets;
    expect(current.getRow(1).getCell(2).value).toBe('企业名称');
    expect(current.getRow(2).getCell(1).value).toBe('领头企业');
    expect(current.getRow(2).getCell(2).value).toBe('晋工机械');
    const names = current.getColumn(2).values.slice(2);
    expect(names).toEqual(expect.arrayContaining(['鸿安机械', '兴翼机械', '新华精密', '安海镇财政所']));
    expect(history.getColumn(5).values).toContain('企业整体搬迁至外省');
  });

  it('round-trips: importing the export again adds nobody twice', async () => {
    const exported = await finished(
      (await http.post(`/api/v1/alliances/${allianceId}/exports`, undefined, { token })).body.id,
    );
    const file = await app.api.inject({
      method: 'GET',
      url: `/api/v1/jobs/${exported.id}/download`,
      headers: { authorization: `Bearer ${token}` },
    });
    const job = await finished((await upload('again.xlsx', file.rawPayload)).body.id);
    expect(job.status).toBe('succeeded');
    expect(job.acceptedRows).toBe(0);
    expect(
      job.refusedRows
        .filter((r: { row: number }) => r.row > 1)
        .every((r: { reason: string }) => /已在联盟中|领头企业/.test(r.reason)),
    ).toBe(true);
  });

  it('serves the import template with the Chinese header row', async () => {
    const reply = await app.api.inject({
      method: 'GET',
      url: '/api/v1/imports/template?format=csv',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(reply.statusCode).toBe(200);
    expect(reply.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^企业名称,联盟角色,统一社会信用代码/);
  });

  it('lets only officials start jobs and read them', async () => {
    const contact = await http.token('jingong@anhai.demo');
    expect((await http.post(`/api/v1/alliances/${allianceId}/exports`, undefined, { token: contact })).status).toBe(
      403,
    );
    expect((await http.get('/api/v1/jobs', { token: contact })).status).toBe(403);
    const jobs = await http.get('/api/v1/jobs?kind=registry-export', { token });
    expect(jobs.body.items.length).toBeGreaterThanOrEqual(2);
  });
});
