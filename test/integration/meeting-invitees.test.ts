import { Http } from '../support/http';
import { addContact } from '../support/members';
import { createOtherTenant } from '../support/tenants';
import { startTestApp, TestApp } from '../support/test-app';

const shanghai = (local: string) => new Date(`${local}+08:00`);

interface Person {
  id: string;
  email: string | null;
  displayName: string;
  role: string;
  organization: { id: string; name: string } | null;
}

/** Who an official may ask to a joint meeting: GET /users?allianceId=, and their calendars in the free-slot search. */
describe('joint meeting invitees', () => {
  let app: TestApp;
  let http: Http;
  let official: string;
  let ids: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp({ now: shanghai('2026-11-25T10:00:00') });
    http = new Http(app.api);
    official = await http.token('official@anhai.demo');
    const q = async (sql: string) => (await app.db.admin.query(sql)).rows[0].id as string;
    ids = {
      alliance: await q(`SELECT id FROM alliances WHERE name = '安海镇智能装备制造产业集群党建联盟'`),
      official: await q(`SELECT id FROM users WHERE email = 'official@anhai.demo'`),
      jingong: await q(`SELECT id FROM users WHERE email = 'jingong@anhai.demo'`),
    };
    await app.db.admin.query(`UPDATE users SET mobile = '13805951234' WHERE id = $1`, [ids.jingong]);
    // An enterprise of the registry that is in no alliance, with an active contact.
    const {
      rows: [outsider],
    } = await app.db.admin.query(
      `INSERT INTO organizations (tenant_id, name, kind) SELECT tenant_id, '局外机械', 'enterprise' FROM users WHERE id = $1 RETURNING id`,
      [ids.official],
    );
    ids.outsiderOrg = outsider.id;
    ids.outsider = await addContact(app.db.admin, 'outsider@anhai.demo', '局外机械', '郑局外');
  });
  afterAll(() => app.close());

  const people = async (query: string, token = official) => {
    const reply = await http.get(`/api/v1/users?allianceId=${ids.alliance}&status=active&limit=100${query}`, { token });
    expect(reply.status).toBe(200);
    return reply.body.items as Person[];
  };

  it('finds an enterprise contact of a member enterprise by name, organisation, email or phone, with the organisation', async () => {
    for (const q of ['王志强', '晋工', 'jingong@', '13805951234', '0595']) {
      const found = await people(`&q=${encodeURIComponent(q)}`);
      expect(found.find((p) => p.id === ids.jingong)).toMatchObject({
        displayName: '王志强',
        role: 'enterprise_contact',
        organization: { name: '晋工机械' },
      });
    }
  });

  it('lists the officials, department staff, member enterprises’ contacts and experts, and no one of an organisation outside the alliance', async () => {
    const all = await people('');
    const roles = new Set(all.map((p) => p.role));
    expect([...roles].sort()).toEqual(['department_staff', 'enterprise_contact', 'expert', 'township_admin']);
    expect(all.map((p) => p.email)).toEqual(
      expect.arrayContaining([
        'official@anhai.demo',
        'dept@anhai.demo',
        'jingong@anhai.demo',
        'xingyi@anhai.demo',
        'expert@anhai.demo',
      ]),
    );
    expect(all.map((p) => p.id)).not.toContain(ids.outsider);
    expect(await people(`&q=${encodeURIComponent('局外')}`)).toEqual([]);
    // Without the alliance the registry's people are all listed, as the users page needs.
    const everyone = await http.get(`/api/v1/users?q=${encodeURIComponent('局外')}`, { token: official });
    expect(everyone.body.items.map((p: Person) => p.id)).toEqual([ids.outsider]);
  });

  it('pages with a cursor', async () => {
    const first = await http.get(`/api/v1/users?allianceId=${ids.alliance}&limit=2`, { token: official });
    expect(first.body.items).toHaveLength(2);
    const next = await http.get(
      `/api/v1/users?allianceId=${ids.alliance}&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      { token: official },
    );
    expect(next.status).toBe(200);
    expect(next.body.items.map((p: Person) => p.id)).not.toContain(first.body.items[0].id);
  });

  it('refuses a malformed, unknown or other township’s alliance with a 400 naming allianceId, and anyone but an official', async () => {
    const other = await createOtherTenant(app.db.admin);
    for (const allianceId of ['not-a-uuid', '00000000-0000-4000-8000-000000000000', other.allianceId]) {
      const reply = await http.get(`/api/v1/users?allianceId=${allianceId}`, { token: official });
      expect(reply.status).toBe(400);
      expect(reply.body.details.map((d: { field: string }) => d.field)).toEqual(['allianceId']);
    }
    for (const email of ['jingong@anhai.demo', 'dept@anhai.demo', 'expert@anhai.demo']) {
      expect(
        (await http.get(`/api/v1/users?allianceId=${ids.alliance}`, { token: await http.token(email) })).status,
      ).toBe(403);
    }
    const otherOfficial = await http.token(other.email);
    const theirs = await http.get(`/api/v1/users?allianceId=${other.allianceId}&q=${encodeURIComponent('王志强')}`, {
      token: otherOfficial,
    });
    expect(theirs.status).toBe(200);
    expect(theirs.body.items).toEqual([]);
  });

  it('refuses to require a person, or invite an organisation, from outside the alliance', async () => {
    const schedule = (invitees: object) =>
      http.post(
        '/api/v1/meetings',
        {
          allianceId: ids.alliance,
          title: '联盟外人员测试',
          chairId: ids.official,
          place: { kind: 'address', address: '镇政府三楼' },
          startsAt: shanghai('2026-12-02T15:00:00').toISOString(),
          endsAt: shanghai('2026-12-02T16:00:00').toISOString(),
          invitees,
        },
        { token: official },
      );
    const person = await schedule({ requiredUserIds: [ids.outsider] });
    expect(person.status).toBe(400);
    expect(person.body.details).toEqual([
      { field: 'invitees.requiredUserIds', reason: expect.stringContaining('不属于该联盟') },
    ]);
    const organization = await schedule({ organizationIds: [ids.outsiderOrg] });
    expect(organization.status).toBe(400);
    expect(organization.body.details).toEqual([
      { field: 'invitees.organizationIds', reason: expect.stringContaining('不属于该联盟') },
    ]);
    const { rows } = await app.db.admin.query(`SELECT 1 FROM meetings WHERE title = '联盟外人员测试'`);
    expect(rows).toEqual([]);
  });

  it('schedules with an enterprise contact required, says how many were told, and keeps the contact’s busy time out of the free slots', async () => {
    const reply = await http.post(
      '/api/v1/meetings',
      {
        allianceId: ids.alliance,
        title: '首台套推广对接会',
        chairId: ids.official,
        place: { kind: 'address', address: '晋工机械会议中心' },
        startsAt: shanghai('2026-12-01T09:00:00').toISOString(),
        endsAt: shanghai('2026-12-01T10:00:00').toISOString(),
        invitees: { requiredUserIds: [ids.jingong] },
      },
      { token: official },
    );
    expect(reply.status).toBe(201);
    // The chair and the contact.
    expect(reply.body.notified).toBe(2);

    // Another official, free all morning: only the contact's meeting keeps 09:00 and 09:30 out.
    const {
      rows: [other],
    } = await app.db.admin.query(
      `INSERT INTO users (tenant_id, email, display_name, role, status) SELECT tenant_id, 'official2@anhai.demo', '许副镇长', 'township_admin', 'active' FROM users WHERE id = $1 RETURNING id`,
      [ids.official],
    );
    const slots = async (userIds: string[]) => {
      const search = await http.get(
        `/api/v1/meetings/free-slots?from=${encodeURIComponent(shanghai('2026-12-01T09:00:00').toISOString())}&to=${encodeURIComponent(shanghai('2026-12-01T12:00:00').toISOString())}&durationMinutes=60&userIds=${userIds.join(',')}&limit=3`,
        { token: official },
      );
      expect(search.status).toBe(200);
      return search.body.items.map((s: { startsAt: string }) => s.startsAt);
    };
    expect(await slots([other.id])).toEqual(
      ['09:00', '09:30', '10:00'].map((t) => shanghai(`2026-12-01T${t}:00`).toISOString()),
    );
    expect(await slots([other.id, ids.jingong])).toEqual(
      ['10:00', '10:30', '11:00'].map((t) => shanghai(`2026-12-01T${t}:00`).toISOString()),
    );
  });
});
