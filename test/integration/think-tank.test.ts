import JSZip from 'jszip';
import { PDFDocument, PDFName } from 'pdf-lib';
import { ReviewRemindersHandler } from '../../src/modules/think-tank/reviews/review-reminders.handler';
import type { ControlledClock } from '../support/clock';
import { Http, type Reply } from '../support/http';
import { createOtherTenant, idOf } from '../support/tenants';
import { startTestApp, type TestApp } from '../support/test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** A PDF whose information dictionary and XMP metadata name the author, as Word's "save as PDF" does. */
async function pdfByAuthor(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle('调研报告');
  doc.setAuthor('Wang Zhiqiang 王志强');
  doc.setCreator('Jingong Machinery Word');
  doc.addPage().drawText('Survey of the smart equipment chain');
  const xmp =
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator><rdf:Seq><rdf:li>Wang Zhiqiang</rdf:li></rdf:Seq></dc:creator></x:xmpmeta>';
  doc.catalog.set(
    PDFName.of('Metadata'),
    doc.context.register(doc.context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' })),
  );
  // Without object streams, as most writers save: the metadata is then plain text in the file.
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
/** A minimal valid DOCX whose properties name the author, the last editor, the company and the manager. */
async function docxByAuthor(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:ins w:id="1" w:author="王志强" w:date="2026-11-20T10:00:00Z"><w:r><w:t>已补充融资数据。</w:t></w:r></w:ins></w:p></w:body></w:document>',
  );
  zip.file(
    'docProps/core.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>修改稿</dc:title><dc:creator>王志强</dc:creator><cp:lastModifiedBy>Wang Zhiqiang</cp:lastModifiedBy><cp:revision>3</cp:revision></cp:coreProperties>',
  );
  zip.file(
    'docProps/app.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application><Company>晋工机械</Company><Manager>Wang Zhiqiang</Manager></Properties>',
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
/** Every part of a DOCX, unzipped, as one text (names hide in compressed parts, not in the raw bytes). */
async function docxText(content: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(content);
  const parts = await Promise.all(
    Object.values(zip.files)
      .filter((f) => !f.dir)
      .map(async (f) => `${f.name}\n${await f.async('string')}`),
  );
  return parts.join('\n');
}
/** Names in the metadata, as text and as the UTF-16 hex strings PDF writers use for non-Latin text. */
const NAME_UTF16_HEX = Buffer.from('王志强', 'utf16le').swap16().toString('hex');
const AUTHOR_IN_FILES = [
  'Wang Zhiqiang',
  '王志强',
  'Jingong',
  '晋工机械',
  NAME_UTF16_HEX,
  NAME_UTF16_HEX.toUpperCase(),
];
const shanghai = (local: string) => new Date(`${local}+08:00`);
const hours = (n: number) => n * 3600_000;

function multipart(
  fileName: string,
  content: Buffer,
  response?: string,
): { body: Buffer; headers: Record<string, string> } {
  const boundary = '----report-boundary';
  const parts = [
    ...(response === undefined
      ? []
      : [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="response"\r\n\r\n${response}\r\n`)]),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ];
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('the think tank (智库): reports reviewed in rounds', () => {
  let app: TestApp;
  let http: Http;
  let clock: ControlledClock;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const experts: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp({ worker: true, now: shanghai('2026-11-25T10:00:00') });
    clock = app.clock;
    http = new Http(app.api);
    for (const who of ['official', 'jingong', 'xingyi', 'expert', 'expert2', 'expert3', 'finance'])
      tokens[who] = await http.token(`${who}@anhai.demo`);
    ids.alliance = await idOf(app.db.admin, 'alliances', '安海镇智能装备制造产业集群党建联盟');
    ids.jingong = await idOf(app.db.admin, 'organizations', '晋工机械');
    ids.xingyi = await idOf(app.db.admin, 'organizations', '兴翼机械');
    ids.finance = await idOf(app.db.admin, 'organizations', '安海镇财政所');
    const { rows } = await app.db.admin.query(
      `SELECT e.id, u.email, u.id AS user_id FROM experts e JOIN users u ON u.id = e.user_id`,
    );
    for (const row of rows) experts[row.email.split('@')[0]] = row.id;
    ids.jingongUser = (await app.db.admin.query(`SELECT id FROM users WHERE email = 'jingong@anhai.demo'`)).rows[0].id;
    for (const row of rows) ids[`${row.email.split('@')[0]}User`] = row.user_id;
  });
  afterAll(() => app.close());

  /** The file's bytes as served (the Http helper decodes bodies as text). */
  const download = async (reportId: string, versionId: string, token: string) => {
    const response = await app.api.inject({
      method: 'GET',
      url: `/api/v1/think-tank/reports/${reportId}/versions/${versionId}/file`,
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.statusCode, headers: response.headers, content: response.rawPayload };
  };

  const upload = (
    reportId: string,
    token: string,
    content: Buffer = PDF,
    response?: string,
    name = '晋工机械-王志强-调研报告.pdf',
  ) => {
    const form = multipart(name, content, response);
    return http.request('POST', `/api/v1/think-tank/reports/${reportId}/versions`, {
      token,
      body: form.body,
      headers: form.headers,
    });
  };
  const submitted = async (token: string, body: Record<string, unknown>) => {
    const report = await http.post('/api/v1/think-tank/reports', { allianceId: ids.alliance, ...body }, { token });
    expect(report.status).toBe(201);
    expect((await upload(report.body.id, token)).status).toBe(201);
    const sent = await http.post(`/api/v1/think-tank/reports/${report.body.id}/submit`, undefined, { token });
    expect(sent.status).toBe(201);
    return sent.body;
  };
  const window = () => ({
    respondBy: new Date(clock.now().getTime() + hours(48)).toISOString(),
    dueAt: new Date(clock.now().getTime() + hours(24 * 7)).toISOString(),
  });
  const assign = (reportId: string, body: Record<string, unknown>) =>
    http.post(`/api/v1/think-tank/reports/${reportId}/reviewers`, { ...window(), ...body }, { token: tokens.official });
  const assignmentOf = async (reportId: string, expert: string) => {
    const queue = await http.get('/api/v1/think-tank/reviews', { token: tokens[expert] });
    return queue.body.items.find(
      (a: { report: { id: string }; status: string }) =>
        a.report.id === reportId && ['invited', 'accepted'].includes(a.status),
    ).id as string;
  };
  const review = (score: number) => ({
    scores: { evidence: score, feasibility: score, impact: score },
    recommendation: 'minor_revision',
    commentsToAuthors: `建议补充企业融资数据（评分 ${score}）。`,
    confidentialComments: `仅供编辑：作者数据来源存疑（评分 ${score}）。`,
  });

  it('refuses a reviewer with a conflict of interest, says why, and stores nothing', async () => {
    const report = await submitted(tokens.jingong, {
      title: '链上企业用工情况调查',
      abstract: '对链上企业用工缺口和技能结构的调查分析。',
      subjectOrganizationIds: [ids.xingyi],
    });
    const candidates = await http.get(`/api/v1/think-tank/reports/${report.id}/candidates`, { token: tokens.official });
    const byExpert = (id: string) => candidates.body.items.find((c: { expertId: string }) => c.expertId === id);
    expect(byExpert(experts.expert2).conflicts).toEqual([{ rule: 'affiliatedWithAuthor', with: '晋工机械' }]);
    expect(byExpert(experts.expert).conflicts).toEqual([]);

    // Affiliated with the author's organisation (from the registry).
    const refused = await assign(report.id, { expertIds: [experts.expert3, experts.expert2] });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'CONFLICT_OF_INTEREST',
      details: [{ field: 'expertIds[1]', reason: '刘研究员 任职于作者所在单位“晋工机械”' }],
    });
    const english = await http.post(
      `/api/v1/think-tank/reports/${report.id}/reviewers`,
      { ...window(), expertIds: [experts.expert2] },
      { token: tokens.official, language: 'en' },
    );
    expect(english.body.details[0].reason).toBe('刘研究员 works for "晋工机械", an author\'s organisation');

    // Affiliated with an organisation the report is about.
    await http.patch(
      `/api/v1/think-tank/experts/${experts.expert3}`,
      { affiliationOrganizationId: ids.xingyi },
      { token: tokens.official },
    );
    expect((await assign(report.id, { expertIds: [experts.expert3] })).body.details[0]).toMatchObject({
      reason: '周博士 任职于报告的调研对象“兴翼机械”',
    });
    await http.patch(
      `/api/v1/think-tank/experts/${experts.expert3}`,
      { affiliationOrganizationId: null },
      { token: tokens.official },
    );

    // Declared by the expert: an organisation, then a person.
    const declared = await http.post(
      '/api/v1/think-tank/experts/me/declarations',
      { organizationId: ids.xingyi, reason: '曾为该企业提供咨询服务' },
      { token: tokens.expert },
    );
    expect(declared.status).toBe(201);
    expect((await assign(report.id, { expertIds: [experts.expert] })).body.details[0]).toMatchObject({
      reason: '陈教授 已申报与“兴翼机械”存在利益冲突',
    });
    await http.request('DELETE', `/api/v1/think-tank/experts/me/declarations/${declared.body.id}`, {
      token: tokens.expert,
    });
    const person = await http.post(
      '/api/v1/think-tank/experts/me/declarations',
      { userId: ids.jingongUser, reason: '亲属关系' },
      { token: tokens.expert },
    );
    expect((await assign(report.id, { expertIds: [experts.expert] })).body.details[0]).toMatchObject({
      reason: '陈教授 已申报与作者 王志强 存在利益冲突',
    });
    await http.request('DELETE', `/api/v1/think-tank/experts/me/declarations/${person.body.id}`, {
      token: tokens.expert,
    });

    // An author of the report.
    const own = await submitted(tokens.expert, { title: '专家自己的报告', abstract: '由智库专家本人撰写的调研报告。' });
    expect((await assign(own.id, { expertIds: [experts.expert] })).body.details[0]).toMatchObject({
      reason: '陈教授 是该报告的作者',
    });

    const { rows } = await app.db.admin.query(
      'SELECT count(*)::int AS n FROM review_assignments WHERE report_id = ANY($1)',
      [[report.id, own.id]],
    );
    expect(rows[0].n).toBe(0);
    expect((await assign(report.id, { expertIds: [experts.expert, experts.expert3] })).status).toBe(201);
  });

  it('accepts PDF and DOCX by content only, and refuses anything else with the field and reason', async () => {
    const report = await http.post(
      '/api/v1/think-tank/reports',
      { allianceId: ids.alliance, title: '文件类型检查', abstract: '用于检查上传文件类型的报告。' },
      { token: tokens.xingyi },
    );
    const png = await upload(report.body.id, tokens.xingyi, PNG, undefined, 'report.pdf');
    expect(png.status).toBe(415);
    expect(png.body.details).toEqual([{ field: 'file', reason: '只接受 PDF 或 Word（.docx）文件（按文件内容识别）' }]);
    expect(
      (await http.post(`/api/v1/think-tank/reports/${report.body.id}/submit`, undefined, { token: tokens.xingyi })).body
        .details,
    ).toEqual([{ field: 'file', reason: '必须填写' }]);
    expect((await upload(report.body.id, tokens.jingong)).status).toBe(404);
    const docx = await upload(report.body.id, tokens.xingyi, await docxByAuthor(), undefined, '调研报告.docx');
    expect(docx.status).toBe(201);
    expect(docx.body).toMatchObject({ number: 1, contentType: DOCX_MIME, fileName: '调研报告.docx' });
    // A ZIP that is not a Word document is not a DOCX, whatever its name.
    const zip = new JSZip();
    zip.file('readme.txt', 'not a report');
    expect(
      (
        await upload(
          report.body.id,
          tokens.xingyi,
          await zip.generateAsync({ type: 'nodebuffer' }),
          undefined,
          'fake.docx',
        )
      ).status,
    ).toBe(415);
    const bad = await http.post(
      '/api/v1/think-tank/reports',
      { allianceId: ids.alliance, title: 'x', abstract: '', blindMode: 'triple' },
      { token: tokens.xingyi, language: 'en' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['abstract', 'blindMode', 'title']);
  });

  it('runs a double-blind review over two rounds to acceptance, without leaking identities or early scores', async () => {
    const seenByReviewers: Reply[] = [];
    const seenByAuthor: Reply[] = [];
    const as = (who: 'expert' | 'expert3' | 'jingong') => {
      const record = (reply: Reply) => ((who === 'jingong' ? seenByAuthor : seenByReviewers).push(reply), reply);
      return {
        get: async (url: string) => record(await http.get(url, { token: tokens[who] })),
        post: async (url: string, body?: unknown) => record(await http.post(url, body, { token: tokens[who] })),
        put: async (url: string, body?: unknown) => record(await http.put(url, body, { token: tokens[who] })),
      };
    };
    const author = as('jingong');
    const chen = as('expert');
    const zhou = as('expert3');

    const created = await author.post('/api/v1/think-tank/reports', {
      allianceId: ids.alliance,
      title: '智能装备产业链协同创新调研',
      abstract: '调研发现链上企业以党建联盟为纽带抱团发展，在共享检测设备和联合攻关方面成效明显。',
      topics: ['协同创新', '产业链党建'],
      blindMode: 'double',
      coAuthorIds: [],
    });
    const reportId = created.body.id;
    const original = await pdfByAuthor();
    expect(original.toString('latin1').toLowerCase()).toContain(NAME_UTF16_HEX);
    expect(original.toString('latin1')).toContain('Wang Zhiqiang');
    await upload(reportId, tokens.jingong, original);
    await author.post(`/api/v1/think-tank/reports/${reportId}/submit`);
    expect((await assign(reportId, { expertIds: [experts.expert, experts.expert3] })).status).toBe(201);

    const chenAssignment = await assignmentOf(reportId, 'expert');
    const zhouAssignment = await assignmentOf(reportId, 'expert3');
    const invitation = await chen.get(`/api/v1/think-tank/reviews/${chenAssignment}`);
    expect(invitation.body).toMatchObject({
      status: 'invited',
      round: 1,
      report: { authors: null, blindMode: 'double' },
    });
    expect((await chen.get(`/api/v1/think-tank/reports/${reportId}`)).body).toMatchObject({
      viewerRole: 'reviewer',
      authors: null,
    });
    const file = await http.get(
      `/api/v1/think-tank/reports/${reportId}/versions/${invitation.body.report.versionId}/file`,
      { token: tokens.expert },
    );
    expect(file.status).toBe(200);
    expect(String(file.headers['content-disposition'])).not.toContain('王志强');
    seenByReviewers.push({ ...file, body: String(file.headers['content-disposition']) });
    // The PDF's metadata named the author: reviewers get a copy without it that still opens; the editor gets the original.
    const served = await download(reportId, invitation.body.report.versionId, tokens.expert);
    expect((await PDFDocument.load(served.content)).getPageCount()).toBe(1);
    seenByReviewers.push({ status: served.status, headers: {}, body: served.content.toString('latin1') });
    expect((await download(reportId, invitation.body.report.versionId, tokens.official)).content.equals(original)).toBe(
      true,
    );
    expect((await download(reportId, invitation.body.report.versionId, tokens.jingong)).content.equals(original)).toBe(
      true,
    );

    await chen.post(`/api/v1/think-tank/reviews/${chenAssignment}/accept`);
    await zhou.post(`/api/v1/think-tank/reviews/${zhouAssignment}/accept`);
    const outOfRange = await chen.put(`/api/v1/think-tank/reviews/${chenAssignment}`, {
      scores: { evidence: 9, reach: 3 },
    });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.details).toEqual([
      { field: 'scores.evidence', reason: '必须是 1 到 5 的整数' },
      { field: 'scores.reach', reason: '不是评审细则中的指标' },
    ]);
    const incomplete = await chen.post(`/api/v1/think-tank/reviews/${chenAssignment}/submit`, {
      ...review(4),
      scores: { evidence: 4 },
    });
    expect(incomplete.body.details.map((d: { field: string }) => d.field)).toEqual([
      'scores.feasibility',
      'scores.impact',
    ]);
    expect((await chen.post(`/api/v1/think-tank/reviews/${chenAssignment}/submit`, review(4))).body.status).toBe(
      'submitted',
    );

    // Scores stay hidden from a reviewer who has not submitted yet.
    expect((await zhou.get(`/api/v1/think-tank/reviews/${zhouAssignment}`)).body.others).toEqual([]);
    expect(
      (await zhou.get(`/api/v1/think-tank/reports/${reportId}`)).body.rounds[0].reviews.map(
        (r: { ordinal: number }) => r.ordinal,
      ),
    ).toEqual([2]);
    expect((await chen.get(`/api/v1/think-tank/reviews/${chenAssignment}`)).body.others).toEqual([]);
    await zhou.post(`/api/v1/think-tank/reviews/${zhouAssignment}/submit`, review(2));
    const zhouAfter = await zhou.get(`/api/v1/think-tank/reviews/${zhouAssignment}`);
    expect(zhouAfter.body.others).toEqual([
      expect.objectContaining({
        ordinal: 1,
        reviewer: null,
        assignmentId: null,
        scores: { evidence: 4, feasibility: 4, impact: 4 },
        confidentialComments: null,
      }),
    ]);
    expect((await chen.get(`/api/v1/think-tank/reviews/${chenAssignment}`)).body.others[0].scores.evidence).toBe(2);

    // The authors see nothing of the reviews until the editor decides.
    expect((await author.get(`/api/v1/think-tank/reports/${reportId}`)).body.rounds[0].reviews).toEqual([]);
    const decided = await http.post(
      `/api/v1/think-tank/reports/${reportId}/decision`,
      { decision: 'major_revision', letter: '请根据两位评审专家的意见补充融资数据后再审。' },
      { token: tokens.official },
    );
    expect(decided.body.status).toBe('revision_requested');
    const afterDecision = await author.get(`/api/v1/think-tank/reports/${reportId}`);
    expect(afterDecision.body.rounds[0]).toMatchObject({
      decision: 'major_revision',
      decisionLetter: '请根据两位评审专家的意见补充融资数据后再审。',
    });
    expect(afterDecision.body.rounds[0].reviews).toEqual([
      expect.objectContaining({
        ordinal: 1,
        reviewer: null,
        recommendation: null,
        confidentialComments: null,
        commentsToAuthors: '建议补充企业融资数据（评分 4）。',
      }),
      expect.objectContaining({ ordinal: 2, reviewer: null, recommendation: null, confidentialComments: null }),
    ]);

    // Round two: a revision with a response, back to the same reviewers, who keep their numbers.
    const noResponse = await upload(reportId, tokens.jingong);
    expect(noResponse.body.details).toEqual([{ field: 'response', reason: '修改稿须附上对评审意见的答复' }]);
    const revision = await docxByAuthor();
    expect(
      (await upload(reportId, tokens.jingong, revision, '已补充 24 家企业的融资数据。', '王志强-修改稿.docx')).status,
    ).toBe(201);
    expect((await author.post(`/api/v1/think-tank/reports/${reportId}/submit`)).body).toMatchObject({
      status: 'under_review',
      currentRound: 2,
    });
    expect((await assign(reportId, { sameAsPreviousRound: true })).status).toBe(201);
    for (const [who, client] of [
      ['expert', chen],
      ['expert3', zhou],
    ] as const) {
      const id = await assignmentOf(reportId, who);
      const second = await client.post(`/api/v1/think-tank/reviews/${id}/accept`);
      expect(second.body).toMatchObject({
        round: 2,
        ordinal: who === 'expert' ? 1 : 2,
        report: { versionNumber: 2, response: '已补充 24 家企业的融资数据。' },
      });
      const docx = await download(reportId, second.body.report.versionId, tokens[who]);
      expect(docx.headers['content-disposition']).toContain('report-v2.docx');
      const text = await docxText(docx.content);
      expect(text).toContain('已补充融资数据。');
      seenByReviewers.push({ status: docx.status, headers: {}, body: text });
      if (who === 'expert')
        expect((await download(reportId, second.body.report.versionId, tokens.official)).content.equals(revision)).toBe(
          true,
        );
      await client.post(`/api/v1/think-tank/reviews/${id}/submit`, { ...review(5), recommendation: 'accept' });
    }
    await http.post(
      `/api/v1/think-tank/reports/${reportId}/decision`,
      { decision: 'accept', letter: '修改稿已充分回应评审意见，予以录用。' },
      { token: tokens.official },
    );

    // Accepted, not yet published: its recommendations name the author's enterprise and the author, who posts progress.
    const item = await http.post(
      `/api/v1/think-tank/reports/${reportId}/recommendations`,
      { title: '共享检测设备清单', ownerOrganizationId: ids.jingong, dueOn: '2026-12-31' },
      { token: tokens.official },
    );
    expect(item.status).toBe(201);
    expect(
      (
        await http.post(
          `/api/v1/action-items/${item.body.id}/progress`,
          { progress: 50, note: '王志强：已整理 12 台设备' },
          { token: tokens.jingong },
        )
      ).status,
    ).toBe(200);
    const recommendations = await chen.get(`/api/v1/think-tank/reports/${reportId}/recommendations`);
    expect(recommendations.status).toBe(403);
    expect(recommendations.body.details).toEqual([
      { field: 'reportId', reason: '双盲评审期间，评审专家不能查看与作者身份有关的信息' },
    ]);
    expect((await chen.get(`/api/v1/think-tank/reports/${reportId}`)).body).toMatchObject({
      authors: null,
      recommendations: { total: 1, done: 0 },
    });
    expect((await author.get(`/api/v1/think-tank/reports/${reportId}/recommendations`)).body.items).toHaveLength(1);
    // Their queues and histories list other reports too: what concerns this one must not name its authors.
    for (const who of ['expert', 'expert3']) {
      const history = await http.get('/api/v1/think-tank/experts/me/reviews', { token: tokens[who] });
      const mine = history.body.items.filter((h: { reportId: string }) => h.reportId === reportId);
      expect(mine.length).toBeGreaterThanOrEqual(2);
      seenByReviewers.push({ ...history, body: mine });
      const queue = await http.get('/api/v1/think-tank/reviews', { token: tokens[who] });
      seenByReviewers.push({
        ...queue,
        body: queue.body.items.filter((a: { report: { id: string } }) => a.report.id === reportId),
      });
    }
    await chen.get('/api/v1/notifications');
    await zhou.get('/api/v1/notifications');
    await author.get('/api/v1/think-tank/reports');
    await author.get('/api/v1/notifications');
    expect((await http.get('/api/v1/think-tank/experts', { token: tokens.jingong })).status).toBe(403);

    expect(
      (await http.post(`/api/v1/think-tank/reports/${reportId}/publish`, undefined, { token: tokens.official })).body
        .status,
    ).toBe('published');
    const final = await author.get(`/api/v1/think-tank/reports/${reportId}`);
    expect(final.body.rounds.map((r: { number: number; decision: string }) => [r.number, r.decision])).toEqual([
      [1, 'major_revision'],
      [2, 'accept'],
    ]);
    await author.get(`/api/v1/think-tank/library?q=${encodeURIComponent('协同创新')}`);
    await author.get(`/api/v1/think-tank/reports/${reportId}/recommendations`);

    const reviewerSecrets = ['王志强', '晋工机械', ids.jingongUser, 'jingong@anhai.demo'];
    for (const reply of seenByReviewers)
      for (const secret of [...reviewerSecrets, ...AUTHOR_IN_FILES])
        expect(JSON.stringify(reply.body)).not.toContain(secret);
    // Publication ends double-blind review: the library names the authors to the whole township, reviewers included.
    expect(
      (await http.get(`/api/v1/think-tank/library?q=${encodeURIComponent('协同创新')}`, { token: tokens.expert })).body
        .items[0].authors[0].displayName,
    ).toBe('王志强');
    expect(
      (await http.get(`/api/v1/think-tank/reports/${reportId}`, { token: tokens.expert })).body.authors[0].displayName,
    ).toBe('王志强');

    const authorSecrets = [
      '陈教授',
      '周博士',
      experts.expert,
      experts.expert3,
      ids.expertUser,
      ids.expert3User,
      '仅供编辑',
      chenAssignment,
      zhouAssignment,
    ];
    for (const reply of seenByAuthor)
      for (const secret of authorSecrets) expect(JSON.stringify(reply.body)).not.toContain(secret);

    // The editor sees who reviewed and the confidential comments.
    const editorView = await http.get(`/api/v1/think-tank/reports/${reportId}`, { token: tokens.official });
    expect(editorView.body.rounds[0].reviews[0]).toMatchObject({
      reviewer: { displayName: '陈教授' },
      confidentialComments: '仅供编辑：作者数据来源存疑（评分 4）。',
    });
    expect(editorView.body.authors[0].displayName).toBe('王志强');
  });

  it("turns an accepted report's recommendations into action items and counts those done", async () => {
    const report = await submitted(tokens.xingyi, {
      title: '企业融资需求调研',
      abstract: '对链上中小企业融资难点的调研与建议。',
    });
    await assign(report.id, { expertIds: [experts.expert3] });
    const id = await assignmentOf(report.id, 'expert3');
    await http.post(`/api/v1/think-tank/reviews/${id}/accept`, undefined, { token: tokens.expert3 });
    await http.post(`/api/v1/think-tank/reviews/${id}/submit`, review(5), { token: tokens.expert3 });
    const early = await http.post(
      `/api/v1/think-tank/reports/${report.id}/recommendations`,
      { title: '建立融资对接会', ownerOrganizationId: ids.finance, dueOn: '2026-12-31' },
      { token: tokens.official },
    );
    expect(early.status).toBe(409);
    await http.post(
      `/api/v1/think-tank/reports/${report.id}/decision`,
      { decision: 'accept', letter: '报告扎实可行，予以录用。' },
      { token: tokens.official },
    );
    const items = [];
    for (const title of ['建立融资对接会', '编制政策性贷款清单']) {
      const item = await http.post(
        `/api/v1/think-tank/reports/${report.id}/recommendations`,
        { title, ownerOrganizationId: ids.finance, dueOn: '2026-12-31' },
        { token: tokens.official },
      );
      expect(item.body).toMatchObject({ reportId: report.id, status: 'open' });
      items.push(item.body.id);
    }
    await http.post(
      `/api/v1/action-items/${items[0]}/progress`,
      { progress: 100, note: '首场对接会已召开' },
      { token: tokens.finance },
    );
    expect(
      (await http.get(`/api/v1/think-tank/reports/${report.id}`, { token: tokens.xingyi })).body.recommendations,
    ).toEqual({ total: 2, done: 1 });
    expect(
      (await http.get(`/api/v1/think-tank/reports/${report.id}/recommendations`, { token: tokens.xingyi })).body.items
        .map((i: { status: string }) => i.status)
        .sort(),
    ).toEqual(['done', 'open']);
  });

  it('reminds reviewers before they must reply and before their review is due, each reminder once', async () => {
    const report = await submitted(tokens.xingyi, { title: '提醒测试报告', abstract: '用于检查评审提醒时间的报告。' });
    clock.set(shanghai('2026-11-26T09:00:00'));
    await http.post(
      `/api/v1/think-tank/reports/${report.id}/reviewers`,
      { expertIds: [experts.expert2], respondBy: '2026-11-28T09:00:00+08:00', dueAt: '2026-12-05T18:00:00+08:00' },
      { token: tokens.official },
    );
    const handler = app.worker!.get(ReviewRemindersHandler);
    const reminders = async () =>
      (
        await app.db.admin
          .query(`SELECT payload->>'stage' AS stage, payload->>'deadline' AS deadline FROM notification_events
          WHERE type = 'think-tank.review-reminder' AND payload->>'title' = '提醒测试报告' ORDER BY created_at`)
      ).rows;
    const run = async (local: string) => {
      clock.set(shanghai(local));
      await handler.handle();
      return reminders();
    };
    expect(await run('2026-11-27T08:00:00')).toEqual([]);
    expect(await run('2026-11-27T09:30:00')).toEqual([{ stage: 'respond', deadline: '2026-11-28T01:00:00.000Z' }]);
    expect(await run('2026-11-27T20:00:00')).toHaveLength(1);
    const id = await assignmentOf(report.id, 'expert2');
    await http.post(`/api/v1/think-tank/reviews/${id}/accept`, undefined, { token: tokens.expert2 });
    expect(await run('2026-12-02T17:00:00')).toHaveLength(1);
    expect(await run('2026-12-02T18:30:00')).toHaveLength(2);
    expect(await run('2026-12-04T19:00:00')).toHaveLength(3);
    expect(await run('2026-12-05T12:00:00')).toHaveLength(3);
    const titles = (await http.get('/api/v1/notifications', { token: tokens.expert2 })).body.items.map(
      (n: { title: string }) => n.title,
    );
    expect(titles.filter((t: string) => t.includes('提醒测试报告'))).toEqual([
      '评审即将到期：提醒测试报告',
      '评审即将到期：提醒测试报告',
      '请答复评审邀请：提醒测试报告',
      '评审邀请：提醒测试报告',
    ]);
  });

  it('finds published reports by a Chinese phrase inside longer text, by English words, topics and dates', async () => {
    const search = async (query: string) =>
      (await http.get(`/api/v1/think-tank/library?${query}`, { token: tokens.xingyi })).body;
    const titles = async (query: string) => (await search(query)).items.map((r: { title: string }) => r.title);
    expect(await titles(`q=${encodeURIComponent('抱团发展')}`)).toEqual(
      expect.arrayContaining(['智能装备产业链协同创新调研', '安海镇智能装备制造产业链党建联盟调研报告']),
    );
    expect(await titles(`q=${encodeURIComponent('共享检测设备')}`)).toEqual(['智能装备产业链协同创新调研']);
    expect(await titles(`q=${encodeURIComponent('检测 攻关')}`)).toEqual(['智能装备产业链协同创新调研']);
    expect(await titles(`q=${encodeURIComponent('不存在的短语')}`)).toEqual([]);
    expect(await titles(`q=${encodeURIComponent('100%')}`)).toEqual([]);
    expect(await titles(`topic=${encodeURIComponent('协同创新')}`)).toEqual(['智能装备产业链协同创新调研']);
    expect(await titles('from=2026-11-25&to=2026-11-25')).toEqual(['智能装备产业链协同创新调研']);
    expect(await titles('from=2026-12-01')).toEqual([]);
    // The topics to filter by are the whole library's, beside the search's pages.
    const topics = (await http.get('/api/v1/think-tank/library/topics', { token: tokens.xingyi })).body.topics as {
      topic: string;
      count: number;
    }[];
    expect(topics).toEqual(expect.arrayContaining([{ topic: '协同创新', count: 1 }]));
    // Unpublished reports are not in the library.
    expect(await titles(`q=${encodeURIComponent('融资需求')}`)).toEqual([]);

    await http.post(
      '/api/v1/think-tank/reports',
      {
        allianceId: ids.alliance,
        title: 'Supply Chain Survey',
        abstract: 'Interviews with fifteen Suppliers about logistics.',
      },
      { token: tokens.xingyi },
    );
    await app.db.admin.query(
      `UPDATE research_reports SET status = 'published', published_at = now() WHERE title = 'Supply Chain Survey'`,
    );
    expect(await titles('q=suppliers%20LOGISTICS')).toEqual(['Supply Chain Survey']);
    // The trigram index can serve the search. With a handful of rows the planner rightly prefers a
    // sequential scan, so this session takes that choice away: if the index could not serve the
    // ILIKE (wrong operator class, a pattern it cannot use), the plan would still be a Seq Scan.
    await app.db.admin.query('BEGIN');
    try {
      await app.db.admin.query('SET LOCAL enable_seqscan = off');
      const plan = await app.db.admin.query(`EXPLAIN SELECT id FROM research_reports WHERE search_text ILIKE $1`, [
        '%抱团发展%',
      ]);
      const text = plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
      expect(text).toContain('ix_research_reports__search');
      expect(text).not.toContain('Seq Scan');
    } finally {
      await app.db.admin.query('ROLLBACK');
    }
  });

  it("shows each reviewer's workload: open reviews, on-time rate and turnaround", async () => {
    const workload = await http.get('/api/v1/think-tank/experts/workload', { token: tokens.official });
    const of = (id: string) => workload.body.items.find((e: { expertId: string }) => e.expertId === id);
    // Both also hold an invitation to the first test's report, due 2026-12-02 and never answered: late, not left out.
    // Each also reviewed the seeded published report, on time.
    expect(of(experts.expert)).toMatchObject({ openReviews: 1, submittedReviews: 3, onTimeRate: 0.75 });
    expect(of(experts.expert3)).toMatchObject({ openReviews: 1, submittedReviews: 4, onTimeRate: 0.8 });
    expect(of(experts.expert2)).toMatchObject({
      openReviews: 1,
      submittedReviews: 0,
      onTimeRate: null,
      averageTurnaroundDays: null,
    });
    // Past its due time (2026-12-05 18:00) and still open, expert2's review counts as late.
    clock.set(shanghai('2026-12-06T09:00:00'));
    const later = await http.get('/api/v1/think-tank/experts/workload', { token: tokens.official });
    expect(later.body.items.find((e: { expertId: string }) => e.expertId === experts.expert2)).toMatchObject({
      openReviews: 1,
      submittedReviews: 0,
      onTimeRate: 0,
    });
    expect((await http.get('/api/v1/think-tank/experts/workload', { token: tokens.expert })).status).toBe(403);
    const history = await http.get('/api/v1/think-tank/experts/me/reviews', { token: tokens.expert });
    expect(history.body.items.filter((h: { status: string }) => h.status === 'submitted')).toHaveLength(3);
  });

  it('makes an official who wrote a report its author: no reviewer names, no assigning or deciding on it', async () => {
    const { rows } = await app.db.admin.query(
      `INSERT INTO users (tenant_id, email, display_name, role, status, password_hash)
       SELECT tenant_id, 'official2@anhai.demo', '许副镇长', 'township_admin', 'active', password_hash FROM users WHERE email = 'official@anhai.demo' RETURNING id`,
    );
    const official2 = await http.token('official2@anhai.demo');
    const report = await submitted(official2, {
      title: '干部撰写的调研报告',
      abstract: '由镇干部撰写、须由其他干部审理的报告。',
      blindMode: 'double',
    });
    expect(report.viewerRole).toBe('author');

    const own = await http.post(
      `/api/v1/think-tank/reports/${report.id}/reviewers`,
      { ...window(), expertIds: [experts.expert] },
      { token: official2 },
    );
    expect(own.status).toBe(403);
    expect(own.body).toMatchObject({
      code: 'OWN_REPORT',
      details: [{ field: 'reportId', reason: '您是该报告的作者，不能为其指派评审专家、作出决定或发布' }],
    });
    const english = await http.post(
      `/api/v1/think-tank/reports/${report.id}/reviewers`,
      { ...window(), expertIds: [experts.expert] },
      { token: official2, language: 'en' },
    );
    expect(english.body.details[0].reason).toBe(
      'you are an author of this report, so you may not assign its reviewers, decide on it or publish it',
    );
    expect((await http.get(`/api/v1/think-tank/reports/${report.id}/candidates`, { token: official2 })).body.code).toBe(
      'OWN_REPORT',
    );

    expect((await assign(report.id, { expertIds: [experts.expert] })).status).toBe(201);
    const id = await assignmentOf(report.id, 'expert');
    await http.post(`/api/v1/think-tank/reviews/${id}/accept`, undefined, { token: tokens.expert });
    await http.post(`/api/v1/think-tank/reviews/${id}/submit`, review(3), { token: tokens.expert });
    const seen: Reply[] = [];
    seen.push(await http.get(`/api/v1/think-tank/reports/${report.id}`, { token: official2 }));
    expect(seen[0].body).toMatchObject({ viewerRole: 'author', rounds: [{ reviews: [] }] });
    const decide = await http.post(
      `/api/v1/think-tank/reports/${report.id}/decision`,
      { decision: 'accept', letter: '自己录用自己的报告。' },
      { token: official2 },
    );
    expect(decide).toMatchObject({ status: 403, body: { code: 'OWN_REPORT' } });
    // The expert's history would tell the author who reviews the report.
    seen.push(await http.get(`/api/v1/think-tank/experts/${experts.expert}/reviews`, { token: official2 }));
    expect(seen[1].status).toBe(200);
    expect(JSON.stringify(seen[1].body)).not.toContain(report.id);
    expect(
      JSON.stringify(
        (await http.get(`/api/v1/think-tank/experts/${experts.expert}/reviews`, { token: tokens.official })).body,
      ),
    ).toContain(report.id);

    expect(
      (
        await http.post(
          `/api/v1/think-tank/reports/${report.id}/decision`,
          { decision: 'minor_revision', letter: '请补充调研数据的来源和样本说明后再审。' },
          { token: tokens.official },
        )
      ).status,
    ).toBe(201);
    seen.push(await http.get(`/api/v1/think-tank/reports/${report.id}`, { token: official2 }));
    expect(seen[2].body.rounds[0].reviews).toEqual([
      expect.objectContaining({ ordinal: 1, reviewer: null, confidentialComments: null, recommendation: null }),
    ]);
    seen.push(await http.get('/api/v1/notifications', { token: official2 }));
    for (const reply of seen)
      for (const secret of ['陈教授', experts.expert, ids.expertUser, '仅供编辑', id])
        expect(JSON.stringify(reply.body)).not.toContain(secret);
    expect(rows[0].id).toBeDefined();
  });

  it('refuses an answer after the reply-by date, shows the editor it lapsed, and lets the editor invite again', async () => {
    clock.set(shanghai('2026-12-07T09:00:00'));
    const report = await submitted(tokens.xingyi, { title: '答复期限测试报告', abstract: '用于检查答复期限的报告。' });
    const respondBy = new Date(clock.now().getTime() + hours(48));
    expect(
      (
        await http.post(
          `/api/v1/think-tank/reports/${report.id}/reviewers`,
          {
            expertIds: [experts.expert2],
            respondBy: respondBy.toISOString(),
            dueAt: new Date(clock.now().getTime() + hours(24 * 7)).toISOString(),
          },
          { token: tokens.official },
        )
      ).status,
    ).toBe(201);
    const id = await assignmentOf(report.id, 'expert2');
    clock.set(new Date(respondBy.getTime() + 60_000));

    const late = await http.post(`/api/v1/think-tank/reviews/${id}/accept`, undefined, { token: tokens.expert2 });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({
      code: 'INVITATION_EXPIRED',
      details: [{ field: 'respondBy', reason: expect.stringMatching(/^答复期限 2026\/12\/09 09:00 已过/) }],
    });
    const english = await http.post(
      `/api/v1/think-tank/reviews/${id}/decline`,
      { reason: '太忙' },
      { token: tokens.expert2, language: 'en' },
    );
    expect(english.status).toBe(409);
    expect(english.body.details[0].reason).toMatch(/^the reply deadline 2026\/12\/09 09:00 has passed/);
    const { rows } = await app.db.admin.query('SELECT status, responded_at FROM review_assignments WHERE id = $1', [
      id,
    ]);
    expect(rows[0]).toEqual({ status: 'invited', responded_at: null });

    // The editor sees the invitation still unanswered past its date, and invites the same expert again with a new date.
    const editor = await http.get(`/api/v1/think-tank/reports/${report.id}`, { token: tokens.official });
    expect(editor.body.rounds[0].reviews[0]).toMatchObject({ status: 'invited', respondBy: respondBy.toISOString() });
    expect((await assign(report.id, { expertIds: [experts.expert2] })).status).toBe(201);
    const accepted = await http.post(`/api/v1/think-tank/reviews/${id}/accept`, undefined, { token: tokens.expert2 });
    expect(accepted).toMatchObject({ status: 201, body: { status: 'accepted', ordinal: 1 } });
    // An invitation still within its date cannot be sent twice.
    expect((await assign(report.id, { expertIds: [experts.expert2] })).body.details[0].reason).toBe(
      '刘研究员 已受邀评审本轮',
    );
  });

  it('under single-blind review shows reviewers the authors, and never shows authors the reviewers', async () => {
    const seenByAuthor: Reply[] = [];
    const report = await submitted(tokens.jingong, {
      title: '单盲评审测试报告',
      abstract: '用于检查单盲评审的报告。',
      blindMode: 'single',
      subjectOrganizationIds: [],
    });
    expect((await assign(report.id, { expertIds: [experts.expert3] })).status).toBe(201);
    const id = await assignmentOf(report.id, 'expert3');
    const invitation = await http.get(`/api/v1/think-tank/reviews/${id}`, { token: tokens.expert3 });
    expect(invitation.body.report).toMatchObject({
      blindMode: 'single',
      authors: [{ displayName: '王志强', organization: { name: '晋工机械' } }],
    });
    expect(
      (await http.get(`/api/v1/think-tank/reports/${report.id}`, { token: tokens.expert3 })).body.authors[0]
        .displayName,
    ).toBe('王志强');
    const file = await download(report.id, invitation.body.report.versionId, tokens.expert3);
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('王志强').slice(0, 6));
    await http.post(`/api/v1/think-tank/reviews/${id}/accept`, undefined, { token: tokens.expert3 });
    await http.post(`/api/v1/think-tank/reviews/${id}/submit`, review(4), { token: tokens.expert3 });
    await http.post(
      `/api/v1/think-tank/reports/${report.id}/decision`,
      { decision: 'accept', letter: '报告分析扎实，予以录用。' },
      { token: tokens.official },
    );
    await http.post(
      `/api/v1/think-tank/reports/${report.id}/recommendations`,
      { title: '单盲建议', ownerOrganizationId: ids.finance, dueOn: '2026-12-31' },
      { token: tokens.official },
    );
    expect(
      (await http.get(`/api/v1/think-tank/reports/${report.id}/recommendations`, { token: tokens.expert3 })).status,
    ).toBe(200);
    seenByAuthor.push(await http.get(`/api/v1/think-tank/reports/${report.id}`, { token: tokens.jingong }));
    expect(seenByAuthor[0].body.rounds[0].reviews).toEqual([
      expect.objectContaining({ ordinal: 1, reviewer: null, assignmentId: null }),
    ]);
    seenByAuthor.push(
      await http.get(`/api/v1/think-tank/reports/${report.id}/recommendations`, { token: tokens.jingong }),
    );
    await http.post(`/api/v1/think-tank/reports/${report.id}/publish`, undefined, { token: tokens.official });
    seenByAuthor.push(await http.get(`/api/v1/think-tank/reports/${report.id}`, { token: tokens.jingong }));
    seenByAuthor.push(await http.get('/api/v1/think-tank/library', { token: tokens.jingong }));
    seenByAuthor.push(await http.get('/api/v1/notifications', { token: tokens.jingong }));
    for (const reply of seenByAuthor)
      for (const secret of ['周博士', experts.expert3, ids.expert3User, '仅供编辑', id])
        expect(JSON.stringify(reply.body)).not.toContain(secret);
  });

  it("keeps one township's reports from another's officials, even by id", async () => {
    const other = await createOtherTenant(app.db.admin);
    const stranger = await http.token(other.email);
    const { rows } = await app.db.admin.query(`SELECT id FROM research_reports WHERE status <> 'published' LIMIT 1`);
    expect((await http.get(`/api/v1/think-tank/reports/${rows[0].id}`, { token: stranger })).status).toBe(404);
    expect(
      (
        await http.post(
          `/api/v1/think-tank/reports/${rows[0].id}/decision`,
          { decision: 'reject', letter: '跨租户的决定不应生效。' },
          { token: stranger },
        )
      ).status,
    ).toBe(404);
    expect((await http.get('/api/v1/think-tank/library', { token: stranger })).body.items).toEqual([]);
    expect((await http.get(`/api/v1/think-tank/reports/${rows[0].id}`, { token: tokens.finance })).status).toBe(404);
  });

  it('lets an official replace the rubric, refusing blank and repeated keys, and refuses experts who take no reviews', async () => {
    const rubric = `/api/v1/think-tank/rubrics/${ids.alliance}`;
    const standard = (await http.get(rubric, { token: tokens.official })).body.criteria;
    expect(standard.map((c: { key: string }) => c.key)).toEqual(['evidence', 'feasibility', 'impact']);
    const criterion = (key: string, label = '评分项') => ({ key, label, maxScore: 5 });

    const repeated = await http.request('PUT', rubric, {
      token: tokens.official,
      body: { criteria: [criterion('impact'), criterion(' impact ')] },
    });
    expect(repeated.status).toBe(400);
    expect(repeated.body.details).toEqual([{ field: 'criteria[1].key', reason: expect.any(String) }]);
    const blank = await http.request('PUT', rubric, { token: tokens.official, body: { criteria: [criterion('   ')] } });
    expect(blank.status).toBe(400);
    expect(blank.body.details).toEqual([{ field: 'criteria[0].key', reason: expect.any(String) }]);
    expect(
      (await http.request('PUT', rubric, { token: tokens.expert, body: { criteria: [criterion('novelty')] } })).status,
    ).toBe(403);
    expect((await http.get(rubric, { token: tokens.official })).body.criteria).toEqual(standard);

    const replaced = await http.request('PUT', rubric, {
      token: tokens.official,
      body: { criteria: [criterion(' novelty ', '创新性'), criterion('impact', '价值影响')] },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.criteria).toEqual([
      { key: 'novelty', label: '创新性', description: null, maxScore: 5 },
      { key: 'impact', label: '价值影响', description: null, maxScore: 5 },
    ]);
    expect((await http.request('PUT', rubric, { token: tokens.official, body: { criteria: standard } })).status).toBe(
      200,
    );

    // An expert who is not taking reviews is refused by name, and nothing is stored.
    const report = await submitted(tokens.xingyi, {
      title: '链上企业数字化转型调研',
      abstract: '对链上企业数字化转型现状的调研。',
    });
    expect(
      (
        await http.patch(
          `/api/v1/think-tank/experts/${experts.expert}`,
          { availability: 'unavailable' },
          { token: tokens.official },
        )
      ).status,
    ).toBe(200);
    const refused = await assign(report.id, { expertIds: [experts.expert] });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([{ field: 'expertIds[0]', reason: '陈教授 当前不接受评审邀请' }]);
    const { rows } = await app.db.admin.query(
      'SELECT count(*)::int AS n FROM review_assignments WHERE report_id = $1',
      [report.id],
    );
    expect(rows[0].n).toBe(0);
    await http.patch(
      `/api/v1/think-tank/experts/${experts.expert}`,
      { availability: 'available' },
      { token: tokens.official },
    );
  });
});
