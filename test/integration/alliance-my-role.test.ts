import { idOf } from '../support/tenants';
import { useTestApp } from '../support/test-app';

const SMART = '安海镇智能装备制造产业集群党建联盟';
const FOOD = '安海镇食品饮料产业集群党建联盟';

/** `myRole` on an alliance: the signed-in person's organisation's current place in it, for the web app's default alliance. */
describe('an alliance says whether it is the reader’s own', () => {
  const suite = useTestApp();

  async function rolesSeenBy(email: string): Promise<Record<string, string | null>> {
    const token = await suite.http.token(email);
    const reply = await suite.http.get('/api/v1/alliances?limit=100', { token });
    expect(reply.status).toBe(200);
    return Object.fromEntries(reply.body.items.map((a: { name: string; myRole: string | null }) => [a.name, a.myRole]));
  }

  it('gives the enterprise, the department and the official their own roles', async () => {
    expect(await rolesSeenBy('jingong@anhai.demo')).toMatchObject({ [SMART]: 'lead', [FOOD]: null });
    // 安海镇经济发展办公室 sits in both alliances as a department.
    expect(await rolesSeenBy('dept@anhai.demo')).toMatchObject({ [SMART]: 'department', [FOOD]: 'department' });
    // An official (no organisation) and an expert belong to none.
    expect(Object.values(await rolesSeenBy('official@anhai.demo')).every((role) => role === null)).toBe(true);
    expect(Object.values(await rolesSeenBy('expert@anhai.demo')).every((role) => role === null)).toBe(true);
  });

  it('says so on one alliance too, and forgets a membership the organisation has left', async () => {
    const official = await suite.http.token('official@anhai.demo');
    const xingyi = await suite.http.token('xingyi@anhai.demo');
    const food = await idOf(suite.app.db.admin, 'alliances', FOOD);
    expect((await suite.http.get(`/api/v1/alliances/${food}`, { token: xingyi })).body.myRole).toBeNull();

    const organizationId = await idOf(suite.app.db.admin, 'organizations', '兴翼机械');
    const joined = await suite.http.post(
      `/api/v1/alliances/${food}/members`,
      { organizationId, role: 'member', joinedOn: '2025-01-01' },
      { token: official },
    );
    expect(joined.status).toBe(201);
    expect((await suite.http.get(`/api/v1/alliances/${food}`, { token: xingyi })).body.myRole).toBe('member');

    await suite.http.post(
      `/api/v1/alliances/${food}/members/${joined.body.id}/leave`,
      { leftOn: '2025-06-30', reason: '调整' },
      { token: official },
    );
    expect((await suite.http.get(`/api/v1/alliances/${food}`, { token: xingyi })).body.myRole).toBeNull();
  });
});
