import { Http } from '../support/http';
import { addContact } from '../support/members';
import { startTestApp, TestApp } from '../support/test-app';
import { createOtherTenant } from '../support/tenants';

describe('resource sharing (三张清单) and the talent pool', () => {
  let app: TestApp;
  let http: Http;
  let xingyi: string;
  let jingong: string;
  let hongan: string;
  let official: string;

  beforeAll(async () => {
    app = await startTestApp();
    http = new Http(app.api);
    await addContact(app.db.admin, 'hongan@anhai.demo', '鸿安机械', '蔡鸿安');
    [xingyi, jingong, hongan, official] = await Promise.all(
      ['xingyi@anhai.demo', 'jingong@anhai.demo', 'hongan@anhai.demo', 'official@anhai.demo'].map((e) => http.token(e)),
    );
  });
  afterAll(() => app.close());

  const publish = (token: string, body: Record<string, unknown>) => http.post('/api/v1/listings', body, { token });

  it('suggests matches by category and tags, ranked by overlap, in both directions', async () => {
    const need = await publish(xingyi, {
      kind: 'need',
      category: 'equipment',
      tags: ['五轴加工', '数控', '检测'],
      title: '需要五轴加工中心代工',
      description: '每月约 200 件叶轮',
    });
    expect(need.status).toBe(201);
    expect(need.body).toMatchObject({ kind: 'need', status: 'open', mine: true, organization: { name: '兴翼机械' } });
    const best = await publish(jingong, {
      kind: 'resource',
      category: 'equipment',
      tags: ['五轴加工', '数控'],
      title: '五轴加工中心夜间空闲',
      description: '可共享',
    });
    const tagsOnly = await publish(hongan, {
      kind: 'resource',
      category: 'space',
      tags: ['检测', '数控'],
      title: '检测实验室开放',
      description: '三坐标测量',
    });
    const categoryOnly = await publish(hongan, {
      kind: 'project',
      category: 'equipment',
      tags: ['自动化'],
      title: '合作研发自动化产线',
      description: '寻找伙伴',
    });
    await publish(hongan, {
      kind: 'resource',
      category: 'space',
      tags: ['仓储'],
      title: '闲置仓库出租',
      description: '无关',
    });
    await publish(xingyi, {
      kind: 'resource',
      category: 'equipment',
      tags: ['五轴加工'],
      title: '自家设备',
      description: '同一单位不匹配',
    });
    const talent = await http.post(
      '/api/v1/talents',
      { name: '陈师傅', title: '高级数控技师', category: 'know-how', skills: ['数控', '五轴加工', '检测'] },
      { token: hongan },
    );
    expect(talent.status).toBe(201);

    const matches = await http.get(`/api/v1/listings/${need.body.id}/matches`, { token: xingyi });
    expect(matches.status).toBe(200);
    expect(
      matches.body.items.map((m: { title: string; score: number; type: string }) => [m.type, m.title, m.score]),
    ).toEqual([
      ['talent', '陈师傅', 3],
      ['listing', '五轴加工中心夜间空闲', 3],
      ['listing', '检测实验室开放', 2],
      ['listing', '合作研发自动化产线', 1],
    ]);
    expect(matches.body.items[1]).toMatchObject({
      id: best.body.id,
      sameCategory: true,
      sharedTags: ['五轴加工', '数控'],
    });
    expect(matches.body.items[2]).toMatchObject({ id: tagsOnly.body.id, sameCategory: false });
    expect(matches.body.items[3]).toMatchObject({ id: categoryOnly.body.id, sharedTags: [] });
    // A page at a time, cutting between the two of equal score: the same matches in the same order.
    const ids = (reply: { body: { items: { id: string }[] } }) => reply.body.items.map((m) => m.id);
    const firstMatch = await http.get(`/api/v1/listings/${need.body.id}/matches?limit=1`, { token: xingyi });
    const otherMatches = await http.get(
      `/api/v1/listings/${need.body.id}/matches?cursor=${firstMatch.body.nextCursor}`,
      { token: xingyi },
    );
    expect([...ids(firstMatch), ...ids(otherMatches)]).toEqual(ids(matches));
    expect(otherMatches.body.nextCursor).toBeNull();

    const back = await http.get(`/api/v1/listings/${best.body.id}/matches`, { token: jingong });
    expect(back.body.items.map((m: { title: string }) => m.title)).toEqual(['需要五轴加工中心代工']);

    const board = await http.get('/api/v1/listings?kind=resource&tag=数控', { token: official });
    expect(board.body.items.map((l: { title: string }) => l.title).sort()).toEqual([
      '五轴加工中心夜间空闲',
      '检测实验室开放',
    ]);
    const page1 = await http.get('/api/v1/listings?limit=2', { token: official });
    const page2 = await http.get(`/api/v1/listings?limit=2&cursor=${page1.body.nextCursor}`, { token: official });
    expect(page1.body.items).toHaveLength(2);
    expect(page2.body.items[0].id).not.toBe(page1.body.items[1].id);
  });

  it('puts both sides in touch when a member expresses interest; only the parties and officials see the thread', async () => {
    const resource = await publish(jingong, {
      kind: 'resource',
      category: 'space',
      tags: ['展厅'],
      title: '企业展厅可共享',
      description: '周末开放',
    });
    const interest = await http.post(
      `/api/v1/listings/${resource.body.id}/interests`,
      { message: '想借用展厅办产品发布会' },
      { token: xingyi },
    );
    expect(interest.status).toBe(201);
    expect(interest.body).toMatchObject({ owner: { name: '晋工机械' }, interested: { name: '兴翼机械' } });
    expect(interest.body.ownerContacts.map((c: { email: string }) => c.email)).toContain('jingong@anhai.demo');
    expect(interest.body.interestedContacts.map((c: { email: string }) => c.email)).toContain('xingyi@anhai.demo');
    for (const token of [jingong, xingyi]) {
      const titles = (await http.get('/api/v1/notifications', { token })).body.items.map(
        (n: { title: string }) => n.title,
      );
      expect(titles).toContain('对接意向：企业展厅可共享');
    }
    const reply = await http.post(
      `/api/v1/listing-interests/${interest.body.id}/messages`,
      { body: '欢迎，周六可以' },
      { token: jingong },
    );
    expect(reply.body.messages.map((m: { body: string }) => m.body)).toEqual([
      '想借用展厅办产品发布会',
      '欢迎，周六可以',
    ]);
    expect((await http.get(`/api/v1/listing-interests/${interest.body.id}`, { token: official })).status).toBe(200);
    expect((await http.get(`/api/v1/listing-interests/${interest.body.id}`, { token: hongan })).status).toBe(404);
    expect((await http.get('/api/v1/listing-interests', { token: hongan })).body.items).toEqual([]);

    const again = await http.post(
      `/api/v1/listings/${resource.body.id}/interests`,
      { message: '再次' },
      { token: xingyi },
    );
    expect(again.status).toBe(409);
    const own = await http.post(
      `/api/v1/listings/${resource.body.id}/interests`,
      { message: '自己' },
      { token: jingong },
    );
    expect(own.status).toBe(400);
    expect(own.body.details).toEqual([expect.objectContaining({ field: 'listingId' })]);

    expect((await http.post(`/api/v1/listings/${resource.body.id}/close`, {}, { token: hongan })).status).toBe(403);
    const closed = await http.post(`/api/v1/listings/${resource.body.id}/close`, {}, { token: jingong });
    expect(closed.body.status).toBe('closed');
    expect(
      (await http.post(`/api/v1/listings/${resource.body.id}/interests`, { message: '晚了' }, { token: hongan }))
        .status,
    ).toBe(409);
  });

  it('refuses bad input with the field and reason, and hides listings from other townships', async () => {
    const bad = await http.post(
      '/api/v1/listings',
      { kind: 'gift', category: '', title: 'x', description: 'd', validUntil: '2020-01-01' },
      { token: xingyi, language: 'en' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['category', 'kind', 'title']);
    const past = await http.post(
      '/api/v1/listings',
      { kind: 'need', category: 'x', title: '过期需求', description: 'd', validUntil: '2020-01-01' },
      { token: xingyi },
    );
    expect(past.body.details).toEqual([expect.objectContaining({ field: 'validUntil', reason: '不能早于今天' })]);

    const other = await createOtherTenant(app.db.admin);
    const otherToken = await http.token(other.email);
    const mine = await publish(xingyi, {
      kind: 'need',
      category: 'financing',
      title: '需要贷款担保',
      description: 'd',
    });
    expect((await http.get(`/api/v1/listings/${mine.body.id}`, { token: otherToken })).status).toBe(404);
    expect((await http.get(`/api/v1/listings/${mine.body.id}/matches`, { token: otherToken })).status).toBe(404);
    expect((await http.get('/api/v1/listings', { token: otherToken })).body.items).toEqual([]);
  });
});
