import { IndexResolvedHandler } from '../../src/modules/intake/jobs/index-resolved.handler';
import { smartAllianceId, submitAndRoute, type RoutedRequest } from '../support/service-requests';
import { createOtherTenant } from '../support/tenants';
import { useTestApp } from '../support/test-app';

const KB = '/api/v1/knowledge-base';

describe('knowledge base (政策问答库) and similar resolved requests', () => {
  const suite = useTestApp({ worker: true });
  const tokens: Record<string, string> = {};
  let resolved: RoutedRequest;
  let patent: RoutedRequest;
  let open: RoutedRequest;
  let alliance: string;
  let other: Awaited<ReturnType<typeof createOtherTenant>>;

  const handlerOf = async (request: RoutedRequest) => {
    const { rows } = await suite.app.db.admin.query('SELECT email FROM users WHERE id = $1', [request.handler.id]);
    return suite.http.token(rows[0].email);
  };
  const resolve = async (request: RoutedRequest, resolution: string) => {
    const { http } = suite;
    const handler = await handlerOf(request);
    expect(
      (await http.post(`/api/v1/service-requests/${request.id}/accept`, undefined, { token: handler })).status,
    ).toBe(200);
    const reply = await http.post(`/api/v1/service-requests/${request.id}/resolve`, { resolution }, { token: handler });
    expect(reply.body.status).toBe('resolved');
  };

  beforeAll(async () => {
    const { http, app } = suite;
    for (const who of ['official', 'xingyi', 'jingong', 'land']) tokens[who] = await http.token(`${who}@anhai.demo`);
    alliance = await smartAllianceId(app);
    resolved = await submitAndRoute(app, http, tokens.xingyi, {
      categoryCode: 'policy',
      title: '兴翼机械申请高新技术企业认定需要哪些材料',
      description: '我司想申请高新技术企业认定，研发费用怎么归集？联系人黄丽娟，电话请回复。',
    });
    patent = await submitAndRoute(app, http, tokens.xingyi, {
      categoryCode: 'policy',
      title: '专利申请的补助政策',
      description: '发明专利申请有没有资助？',
    });
    open = await submitAndRoute(app, http, tokens.xingyi, {
      categoryCode: 'policy',
      title: '高新技术企业认定的研发费用要求',
      description: '研发费用占比多少才能通过认定？',
    });
    for (const r of [resolved, open]) expect(r.assignedOrganization.name).toBe('安海镇经济发展办公室');
    tokens.dept = await handlerOf(resolved);
    await resolve(resolved, '已向黄丽娟发送高新技术企业认定申报指南：研发费用按项目归集，近三年占销售收入比例须达标。');
    await resolve(patent, '发明专利授权后可申请专利资助，每件补助五千元。');
    other = await createOtherTenant(app.db.admin);
    tokens.other = await http.token(other.email);
  }, 120_000);

  it('drafts a resolved request for its department with the enterprise and its contacts taken out', async () => {
    const draft = await suite.http.get(`${KB}/drafts/${resolved.id}`, { token: tokens.dept });
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ sourceRequestId: resolved.id, allianceId: alliance, articleId: null });
    expect(draft.body.title).toBe('某企业申请高新技术企业认定需要哪些材料');
    expect(draft.body.question).toContain('企业联系人');
    expect(draft.body.answer).toContain('研发费用按项目归集');
    for (const text of [draft.body.title, draft.body.question, draft.body.answer]) {
      expect(text).not.toContain('兴翼机械');
      expect(text).not.toContain('黄丽娟');
    }
    // Only resolved requests, only its department or an official.
    expect((await suite.http.get(`${KB}/drafts/${open.id}`, { token: tokens.dept })).status).toBe(409);
    expect((await suite.http.get(`${KB}/drafts/${resolved.id}`, { token: tokens.land })).status).toBe(403);
    expect((await suite.http.get(`${KB}/drafts/${resolved.id}`, { token: tokens.xingyi })).status).toBe(403);
    expect((await suite.http.get(`${KB}/drafts/${resolved.id}`, { token: tokens.official })).status).toBe(200);
  });

  it('refuses a text naming the enterprise or its contacts with a localised 400 naming the field, then publishes the edited copy', async () => {
    const { http } = suite;
    const body = {
      sourceRequestId: resolved.id,
      title: '高新技术企业认定需要哪些材料',
      question: '企业申请高新技术企业认定，研发费用怎么归集？',
      answer: '研发费用按项目归集，近三年占销售收入比例须达标。',
    };
    const named = await http.post(
      `${KB}/articles`,
      { ...body, question: '兴翼机械想申请认定' },
      { token: tokens.dept },
    );
    expect(named.status).toBe(400);
    expect(named.body.details).toEqual([{ field: 'question', reason: '不能包含提问企业的名称“兴翼机械”' }]);
    const contact = await http.post(
      `${KB}/articles`,
      { ...body, answer: '已联系黄丽娟。' },
      { token: tokens.dept, language: 'en' },
    );
    expect(contact.status).toBe(400);
    expect(contact.body.details).toEqual([
      { field: 'answer', reason: 'must not name a contact of the enterprise (黄丽娟)' },
    ]);
    // Roles: an enterprise cannot publish; a department only what it served.
    expect((await http.post(`${KB}/articles`, body, { token: tokens.xingyi })).status).toBe(403);
    expect((await http.post(`${KB}/articles`, body, { token: tokens.land })).status).toBe(403);
    expect(
      (await http.post(`${KB}/articles`, { ...body, sourceRequestId: open.id }, { token: tokens.dept })).status,
    ).toBe(409);

    const published = await http.post(`${KB}/articles`, body, { token: tokens.dept });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ ...body, allianceId: alliance, status: 'published' });
    const again = await http.post(`${KB}/articles`, body, { token: tokens.official });
    expect(again.status).toBe(409);
    expect(again.body.details).toEqual([{ field: 'sourceRequestId', reason: '该诉求已发布到问答库' }]);
    expect((await http.get(`${KB}/drafts/${resolved.id}`, { token: tokens.dept })).body.articleId).toBe(
      published.body.id,
    );
    // The enterprise reads it without learning which request it came from.
    const asEnterprise = await http.get(`${KB}/articles/${published.body.id}`, { token: tokens.jingong });
    expect(asEnterprise.status).toBe(200);
    expect(asEnterprise.body.sourceRequestId).toBeNull();

    const patentArticle = await http.post(
      `${KB}/articles`,
      {
        sourceRequestId: patent.id,
        title: '专利申请的补助政策',
        question: '发明专利申请有没有资助？',
        answer: '发明专利授权后可申请专利资助，每件补助五千元。',
      },
      { token: tokens.official },
    );
    expect(patentArticle.status).toBe(201);
  });

  it('finds a Chinese question by a paraphrase sharing segmented terms, the closest first', async () => {
    const found = await suite.http.get(`${KB}/articles?q=${encodeURIComponent('认定高新技术企业时研发费用如何归集')}`, {
      token: tokens.jingong,
    });
    expect(found.status).toBe(200);
    expect(found.body.items[0].title).toBe('高新技术企业认定需要哪些材料');
    const scores = found.body.items.map((a: { score: number }) => a.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const patents = await suite.http.get(`${KB}/articles?q=${encodeURIComponent('专利资助')}`, {
      token: tokens.xingyi,
    });
    expect(patents.body.items.map((a: { title: string }) => a.title)).toEqual(['专利申请的补助政策']);
  });

  it('offers at most five published articles similar to a request being written, never an unpublished one', async () => {
    const { http } = suite;
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const made = await http.post(
        `${KB}/articles`,
        {
          allianceId: alliance,
          title: `研发费用加计扣除问答${i + 1}`,
          question: '研发费用加计扣除怎么申报？',
          answer: `第${i + 1}条：按季度预缴时即可享受。`,
        },
        { token: tokens.official },
      );
      expect(made.status).toBe(201);
      ids.push(made.body.id);
    }
    // Officials only edit and unpublish.
    expect(
      (await http.patch(`${KB}/articles/${ids[6]}`, { status: 'unpublished' }, { token: tokens.dept })).status,
    ).toBe(403);
    const hidden = await http.patch(`${KB}/articles/${ids[6]}`, { status: 'unpublished' }, { token: tokens.official });
    expect(hidden.body.status).toBe('unpublished');
    expect((await http.get(`${KB}/articles/${ids[6]}`, { token: tokens.xingyi })).status).toBe(404);

    const similar = await http.post(
      `${KB}/similar`,
      { allianceId: alliance, title: '研发费用加计扣除', description: '想了解加计扣除怎么申报' },
      { token: tokens.xingyi },
    );
    expect(similar.status).toBe(200);
    expect(similar.body).toHaveLength(5);
    for (const a of similar.body) {
      expect(a.status).toBe('published');
      expect(a.id).not.toBe(ids[6]);
    }
    const all = await http.get(`${KB}/articles?status=all&limit=50`, { token: tokens.official });
    expect(all.body.items.map((a: { id: string }) => a.id)).toContain(ids[6]);
    const members = await http.get(`${KB}/articles?status=all&limit=50`, { token: tokens.xingyi });
    expect(members.body.items.map((a: { id: string }) => a.id)).not.toContain(ids[6]);
  });

  it('shows the handler and officials the similar resolved requests with their resolutions', async () => {
    const { http, app } = suite;
    await app.worker!.get(IndexResolvedHandler).handle();
    const url = `/api/v1/intake/similar-requests/${open.id}`;
    const asDept = await http.get(url, { token: tokens.dept });
    const similar = asDept.body.requests;
    expect(asDept.status).toBe(200);
    expect(similar.length).toBeLessThanOrEqual(5);
    expect(similar[0]).toMatchObject({
      id: resolved.id,
      number: resolved.number,
      resolution: expect.stringContaining('研发费用按项目归集'),
    });
    expect(similar.map((r: { id: string }) => r.id)).not.toContain(open.id);
    expect((await http.get(url, { token: tokens.official })).status).toBe(200);
    expect((await http.get(url, { token: tokens.xingyi })).status).toBe(403);
    expect((await http.get(url, { token: tokens.land })).status).toBe(403);
  });

  it("keeps each township's articles and resolved requests its own", async () => {
    const { http } = suite;
    const mine = await http.get(`${KB}/articles?limit=50`, { token: tokens.official });
    const some = mine.body.items[0].id;
    expect((await http.get(`${KB}/articles?limit=50`, { token: tokens.other })).body.items).toEqual([]);
    const search = await http.get(`${KB}/articles?q=${encodeURIComponent('高新技术企业认定')}`, {
      token: tokens.other,
    });
    expect(search.body.items).toEqual([]);
    expect((await http.get(`${KB}/articles/${some}`, { token: tokens.other })).status).toBe(404);
    expect(
      (await http.patch(`${KB}/articles/${some}`, { status: 'unpublished' }, { token: tokens.other })).status,
    ).toBe(404);
    expect((await http.get(`${KB}/drafts/${resolved.id}`, { token: tokens.other })).status).toBe(404);
    expect(
      (
        await http.post(
          `${KB}/articles`,
          { sourceRequestId: resolved.id, title: '认定材料', question: '需要什么', answer: '见指南' },
          {
            token: tokens.other,
          },
        )
      ).status,
    ).toBe(404);
    expect((await http.get(`/api/v1/intake/similar-requests/${open.id}`, { token: tokens.other })).status).toBe(404);
    const similar = await http.post(`${KB}/similar`, { title: '研发费用加计扣除' }, { token: tokens.other });
    expect(similar.body).toEqual([]);
  });

  it('answers an empty query, emoji only and 10,000 characters without a 500', async () => {
    const { http } = suite;
    const ask = (q: string) => http.get(`${KB}/articles?q=${encodeURIComponent(q)}`, { token: tokens.xingyi });
    const empty = await ask('');
    expect(empty.status).toBe(200);
    expect(empty.body.items.length).toBeGreaterThan(0);
    const emoji = await ask('😀🎉🧧');
    expect(emoji.status).toBe(200);
    expect(emoji.body.items).toEqual([]);
    expect((await ask('研发费用'.repeat(2500))).status).toBe(200);
    expect((await ask('研'.repeat(10_001))).status).toBe(400);
    const long = await http.post(
      `${KB}/similar`,
      { title: '😀', description: '加计扣除'.repeat(2500) },
      { token: tokens.xingyi },
    );
    expect(long.status).toBe(200);
    expect((await http.post(`${KB}/similar`, { title: '🎉' }, { token: tokens.xingyi })).body).toEqual([]);
    expect((await http.post(`${KB}/similar`, {}, { token: tokens.xingyi })).status).toBe(200);
    const tooLong = await http.post(
      `${KB}/articles`,
      { allianceId: alliance, title: '研'.repeat(201), question: 'q', answer: 'a' },
      { token: tokens.official },
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.details[0].field).toBe('title');
  });
});
