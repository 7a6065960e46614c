import { categoryId, smartAllianceId } from '../support/service-requests';
import { Http } from '../support/http';
import { idOf } from '../support/tenants';
import { startTestApp, type TestApp } from '../support/test-app';

describe('personal data: phone numbers masked in lists, whole only where one record is opened', () => {
  let app: TestApp;
  let http: Http;
  let official: string;

  beforeAll(async () => {
    app = await startTestApp();
    http = new Http(app.api);
    official = await http.token('official@anhai.demo');
  });
  afterAll(() => app.close());

  it("masks organisations' contact phones in the list and shows them on the organisation's page", async () => {
    const id = await idOf(app.db.admin, 'organizations', '兴翼机械');
    const list = await http.get('/api/v1/organizations?q=兴翼&limit=10', { token: official });
    const listed = list.body.items.find((o: { id: string }) => o.id === id);
    expect(listed.contacts[0].phone).toBe('139****0003');
    expect(JSON.stringify(list.body)).not.toContain('13905950003');
    expect((await http.get(`/api/v1/organizations/${id}`, { token: official })).body.contacts[0].phone).toBe(
      '13905950003',
    );
  });

  it("masks a request's contact phone in lists and shows it to the parties on the request", async () => {
    const xingyi = await http.token('xingyi@anhai.demo');
    const submitted = await http.post(
      '/api/v1/service-requests',
      {
        allianceId: await smartAllianceId(app),
        categoryId: await categoryId(app, 'policy'),
        title: '咨询人才补贴政策',
        description: '请电话联系',
        preferredContact: { name: '黄丽娟', phone: '13912345678', method: 'phone' },
      },
      { token: xingyi },
    );
    expect(submitted.status).toBe(201);
    const mine = await http.get('/api/v1/service-requests', { token: xingyi });
    expect(JSON.stringify(mine.body)).not.toContain('13912345678');
    expect(mine.body.items.find((r: { id: string }) => r.id === submitted.body.id).preferredContact.phone).toBe(
      '139****5678',
    );
    expect(
      (await http.get(`/api/v1/service-requests/${submitted.body.id}`, { token: xingyi })).body.preferredContact.phone,
    ).toBe('13912345678');
  });

  it("masks people's mobile numbers in the user list", async () => {
    const invited = await http.post(
      '/api/v1/users/invitations',
      { mobile: '13700002222', displayName: '隐私测试', role: 'expert' },
      { token: official },
    );
    expect(invited.status).toBe(201);
    const list = await http.get('/api/v1/users?q=隐私测试', { token: official });
    expect(list.body.items[0].mobile).toBe('137****2222');
  });
});
