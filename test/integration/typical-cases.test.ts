import { Http } from '../support/http';
import { createOtherTenant, idOf } from '../support/tenants';
import { startTestApp, TestApp } from '../support/test-app';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

function multipart(content: Buffer): { body: Buffer; headers: Record<string, string> } {
  const boundary = '----case-photo-boundary';
  return {
    body: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('typical cases (培树典型) and the public showcase', () => {
  let app: TestApp;
  let http: Http;
  let tokens: Record<string, string>;
  let alliance: string;
  let published: { id: string; photoId: string };
  let slug: string;
  const titles = async (token: string) =>
    (await http.get('/api/v1/notifications', { token })).body.items.map((n: { title: string }) => n.title) as string[];

  beforeAll(async () => {
    app = await startTestApp();
    http = new Http(app.api);
    tokens = {};
    for (const who of ['official', 'jingong', 'xingyi', 'dept']) tokens[who] = await http.token(`${who}@anhai.demo`);
    alliance = await idOf(app.db.admin, 'alliances', '安海镇智能装备制造产业集群党建联盟');
  });
  afterAll(() => app.close());

  const story = {
    title: '兴翼机械：党建引领研发创新',
    summary: '党员攻关小组一年推出 3 款新产品',
    body: '2023 年，兴翼机械党支部组建党员技术攻关小组，全年研发新产品 3 个，获得专利 10 项。',
  };

  it('nominates, returns with a comment, resubmits, approves and publishes', async () => {
    const bad = await http.post(
      '/api/v1/typical-cases',
      { ...story, allianceId: alliance, organizationId: await idOf(app.db.admin, 'organizations', '晋工机械') },
      { token: tokens.xingyi },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ field: 'organizationId', reason: '只能为本单位推荐' }]);
    const nominated = await http.post(
      '/api/v1/typical-cases',
      { ...story, allianceId: alliance },
      { token: tokens.xingyi },
    );
    expect(nominated.status).toBe(201);
    expect(nominated.body).toMatchObject({ status: 'nominated', organization: { name: '兴翼机械' } });
    expect(await titles(tokens.official)).toContain(`典型推荐待审核：${story.title}`);
    const id = nominated.body.id;

    expect(
      (await http.post(`/api/v1/typical-cases/${id}/review`, { decision: 'approve' }, { token: tokens.xingyi })).status,
    ).toBe(403);
    const noComment = await http.post(
      `/api/v1/typical-cases/${id}/review`,
      { decision: 'return' },
      { token: tokens.official },
    );
    expect(noComment.body.details).toEqual([{ field: 'comment', reason: '必须填写' }]);
    const returned = await http.post(
      `/api/v1/typical-cases/${id}/review`,
      { decision: 'return', comment: '请补充专利数据来源' },
      { token: tokens.official },
    );
    expect(returned.body).toMatchObject({ status: 'returned', reviewComment: '请补充专利数据来源' });
    expect(await titles(tokens.xingyi)).toContain(`典型案例退回修改：${story.title}`);
    expect((await http.post(`/api/v1/typical-cases/${id}/publish`, {}, { token: tokens.official })).status).toBe(409);

    const edited = await http.patch(
      `/api/v1/typical-cases/${id}`,
      { body: `${story.body}（数据来源：企业年报）` },
      { token: tokens.xingyi },
    );
    expect(edited.body.status).toBe('nominated');
    const photo = await http.request('POST', `/api/v1/typical-cases/${id}/photos`, {
      token: tokens.xingyi,
      ...(() => {
        const f = multipart(PNG);
        return { body: f.body, headers: f.headers };
      })(),
    });
    expect(photo.status).toBe(201);
    const notImage = multipart(Buffer.from('%PDF-1.4\n'));
    expect(
      (
        await http.request('POST', `/api/v1/typical-cases/${id}/photos`, {
          token: tokens.xingyi,
          body: notImage.body,
          headers: notImage.headers,
        })
      ).status,
    ).toBe(415);

    expect(
      (await http.post(`/api/v1/typical-cases/${id}/review`, { decision: 'approve' }, { token: tokens.official })).body
        .status,
    ).toBe('approved');
    const done = await http.post(`/api/v1/typical-cases/${id}/publish`, {}, { token: tokens.official });
    expect(done.body).toMatchObject({ status: 'published', photos: [{ id: photo.body.id, contentType: 'image/png' }] });
    published = { id, photoId: photo.body.id };

    await http.post(
      '/api/v1/typical-cases',
      { title: '晋工机械：未发布的秘密案例', summary: '尚在审核', body: '内部材料', allianceId: alliance },
      { token: tokens.jingong },
    );
    const list = await http.get('/api/v1/typical-cases', { token: tokens.xingyi });
    const visible = list.body.items.map((c: { title: string }) => c.title);
    expect(visible).toContain(story.title);
    expect(visible).not.toContain('晋工机械：未发布的秘密案例');
  });

  it('shows the alliance publicly at an unguessable address, without signing in and without anything private', async () => {
    const seeded = await http.get(`/api/v1/alliances/${alliance}/showcase`, { token: tokens.official });
    expect(seeded.body).toMatchObject({ allianceId: alliance, enabled: true });
    expect(
      (await http.put(`/api/v1/alliances/${alliance}/showcase`, { enabled: true }, { token: tokens.xingyi })).status,
    ).toBe(403);
    const settings = await http.put(
      `/api/v1/alliances/${alliance}/showcase`,
      { enabled: true, newAddress: true },
      { token: tokens.official },
    );
    expect(settings.body.slug).not.toBe(seeded.body.slug);
    expect((await http.get(`/api/v1/public/alliances/${seeded.body.slug}/showcase`)).status).toBe(404);
    slug = settings.body.slug;
    expect(slug).toMatch(/^[A-Za-z0-9_-]{16}$/);

    const other = await createOtherTenant(app.db.admin);
    const page = await http.get(`/api/v1/public/alliances/${slug}/showcase`);
    expect(page.status).toBe(200);
    const {
      rows: [counts],
    } = await app.db.admin.query(
      `SELECT (SELECT count(*)::int FROM service_requests WHERE alliance_id = $1 AND status IN ('resolved', 'closed')) AS resolved,
              (SELECT count(*)::int FROM alliance_memberships WHERE alliance_id = $1 AND left_on IS NULL AND role = 'department') AS departments,
              (SELECT count(*)::int FROM typical_cases WHERE alliance_id = $1 AND status = 'published') AS published`,
      [alliance],
    );
    expect(page.body).toMatchObject({
      alliance: { name: '安海镇智能装备制造产业集群党建联盟', industry: '智能装备制造' },
      figures: {
        members: 25,
        departments: counts.departments,
        serviceRequestsResolved: counts.resolved,
        publishedCases: counts.published,
      },
    });
    expect(page.body.cases).toHaveLength(counts.published);
    expect(page.body.cases).toContainEqual(
      expect.objectContaining({
        id: published.id,
        title: story.title,
        organizationName: '兴翼机械',
        photoIds: [published.photoId],
      }),
    );

    const raw = JSON.stringify(page.body);
    expect(raw).not.toMatch(/@/); // no email addresses
    expect(raw).not.toMatch(/1[3-9]\d{9}|0595-/); // no phone numbers
    expect(raw).not.toContain('秘密案例');
    expect(raw).not.toContain('东石');
    expect(raw).not.toContain('黄丽娟'); // no people
    expect(raw).not.toContain(alliance); // no internal ids of the alliance or tenant
    expect(raw).not.toContain(other.tenantId);

    const image = await http.get(`/api/v1/public/alliances/${slug}/showcase/photos/${published.photoId}`);
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect((await http.get(`/api/v1/public/alliances/nonexistent-slug-123/showcase`)).status).toBe(404);
    expect((await http.get(`/api/v1/public/alliances/${alliance}/showcase`)).status).toBe(404);
  });

  it('hides a case once unpublished, and the whole page once turned off', async () => {
    await http.post(`/api/v1/typical-cases/${published.id}/unpublish`, {}, { token: tokens.official });
    const page = await http.get(`/api/v1/public/alliances/${slug}/showcase`);
    expect(page.body.cases.map((c: { id: string }) => c.id)).not.toContain(published.id);
    expect((await http.get(`/api/v1/public/alliances/${slug}/showcase/photos/${published.photoId}`)).status).toBe(404);
    const moved = await http.put(
      `/api/v1/alliances/${alliance}/showcase`,
      { enabled: true, newAddress: true },
      { token: tokens.official },
    );
    expect(moved.body.slug).not.toBe(slug);
    expect((await http.get(`/api/v1/public/alliances/${slug}/showcase`)).status).toBe(404);
    await http.put(`/api/v1/alliances/${alliance}/showcase`, { enabled: false }, { token: tokens.official });
    expect((await http.get(`/api/v1/public/alliances/${moved.body.slug}/showcase`)).status).toBe(404);
  });

  it('keeps cases inside the township', async () => {
    const other = await createOtherTenant(app.db.admin, 'shenhu');
    const otherToken = await http.token(other.email);
    expect((await http.get(`/api/v1/typical-cases/${published.id}`, { token: otherToken })).status).toBe(404);
    expect((await http.get('/api/v1/typical-cases', { token: otherToken })).body.items).toEqual([]);
    expect((await http.get(`/api/v1/alliances/${alliance}/showcase`, { token: otherToken })).status).toBe(404);
  });
});
