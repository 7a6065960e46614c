import { systemActor } from '../../src/platform/tenancy/request-actor';
import { TenantContext } from '../../src/platform/tenancy/tenant-context.service';
import { OrganizationDirectory } from '../../src/modules/organizations/organization-directory.service';
import { PeopleDirectory } from '../../src/modules/users/people-directory.service';
import { startTestApp, TestApp } from '../support/test-app';
import { createOtherTenant } from '../support/tenants';

/** The users and organizations modules' directories, as other modules call them. */
describe('people and organisation directories', () => {
  let app: TestApp;
  let tenant: TenantContext;
  let people: PeopleDirectory;
  let organizations: OrganizationDirectory;
  let anhai: string;
  let other: Awaited<ReturnType<typeof createOtherTenant>>;
  let otherOfficial: string;

  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
    (await app.db.admin.query(sql, params)).rows as T[];
  const asTownship = <T>(tenantId: string, work: () => Promise<T>): Promise<T> =>
    tenant.run(systemActor(tenantId), work);

  beforeAll(async () => {
    app = await startTestApp();
    tenant = app.api.get(TenantContext);
    people = app.api.get(PeopleDirectory);
    organizations = app.api.get(OrganizationDirectory);
    [{ id: anhai }] = await query<{ id: string }>(`SELECT id FROM tenants WHERE slug = 'anhai'`);
    other = await createOtherTenant(app.db.admin);
    [{ id: otherOfficial }] = await query<{ id: string }>('SELECT id FROM users WHERE email = $1', [other.email]);
  });

  afterAll(() => app?.close());

  it('finds nobody and nothing of another township', async () => {
    const [{ id: own }] = await query<{ id: string }>(
      `SELECT id FROM users WHERE tenant_id = $1 AND status = 'active' LIMIT 1`,
      [anhai],
    );
    await asTownship(anhai, async () => {
      expect(await people.person(otherOfficial)).toBeNull();
      expect(await people.exists(otherOfficial)).toBe(false);
      expect(await people.displayName(otherOfficial)).toBeNull();
      expect([...(await people.displayNames([otherOfficial, own])).keys()]).toEqual([own]);
      expect(await people.isActive(otherOfficial)).toBe(false);
      expect(await people.activeStaff(other.organizationId)).toEqual([]);
      expect(await people.activeOfficials()).not.toContain(otherOfficial);
      expect(await organizations.find(other.organizationId)).toBeNull();
      expect(await organizations.exists(other.organizationId)).toBe(false);
      expect((await organizations.names([other.organizationId])).size).toBe(0);
    });
    await asTownship(other.tenantId, async () => {
      expect(await people.activeOfficials()).toEqual([otherOfficial]);
      expect(await organizations.find(other.organizationId)).toMatchObject({ name: '东石精密', kind: 'enterprise' });
    });
  });

  it('counts only active accounts, of the organisation asked for', async () => {
    const staff = await query<{ id: string; organization_id: string }>(
      `SELECT id, organization_id FROM users WHERE tenant_id = $1 AND status = 'active' AND organization_id IN (
         SELECT organization_id FROM users WHERE tenant_id = $1 AND status = 'active' GROUP BY organization_id HAVING count(*) >= 2 LIMIT 1)
       ORDER BY created_at, id`,
      [anhai],
    );
    expect(staff.length).toBeGreaterThanOrEqual(2);
    const organizationId = staff[0].organization_id;
    const [disabled, ...others] = staff.map((s) => s.id);
    await query(`UPDATE users SET status = 'disabled' WHERE id = $1`, [disabled]);
    try {
      await asTownship(anhai, async () => {
        expect(await people.activeStaff(organizationId)).toEqual(others);
        expect(await people.activeStaff([organizationId, organizationId])).toEqual(others);
        expect(await people.isActive(disabled)).toBe(false);
        expect(await people.isActive(others[0], { organizationId })).toBe(true);
        expect(await people.isActive(others[0], { organizationId: null })).toBe(false);
        expect(await people.person(disabled)).toMatchObject({ status: 'disabled', organizationId });
      });
    } finally {
      await query(`UPDATE users SET status = 'active' WHERE id = $1`, [disabled]);
    }
  });

  it('puts the leaders first, and gives only them when asked for leaders or all', async () => {
    for (const n of [1, 2])
      await query(
        `INSERT INTO users (tenant_id, email, display_name, role, status) VALUES ($1, $2, $3, 'township_admin', 'active')`,
        [anhai, `official${n}@directory.demo`, `官员${n}`],
      );
    const officials = await query<{ id: string }>(
      `SELECT id FROM users WHERE tenant_id = $1 AND role = 'township_admin' AND status = 'active' ORDER BY created_at, id`,
      [anhai],
    );
    const saved = await query<{ id: string }>(`SELECT id FROM users WHERE tenant_id = $1 AND is_leader`, [anhai]);
    await query(`UPDATE users SET is_leader = false WHERE tenant_id = $1`, [anhai]);
    try {
      const ids = officials.map((o) => o.id);
      expect(ids.length).toBeGreaterThanOrEqual(3);
      await asTownship(anhai, async () => {
        expect(await people.activeOfficials()).toEqual(ids);
        expect(await people.activeOfficials({ leadersOrAll: true })).toEqual(ids);
      });
      const leader = ids[ids.length - 1];
      await query(`UPDATE users SET is_leader = true WHERE id = $1`, [leader]);
      await asTownship(anhai, async () => {
        expect(await people.activeOfficials()).toEqual([leader, ...ids.slice(0, -1)]);
        expect(await people.activeOfficials({ leadersOrAll: true })).toEqual([leader]);
      });
    } finally {
      await query(`UPDATE users SET is_leader = (id = ANY($2)) WHERE tenant_id = $1`, [anhai, saved.map((s) => s.id)]);
    }
  });

  it("reads in the caller's transaction", async () => {
    const [{ id: organizationId }] = await query<{ id: string }>(
      `SELECT id FROM organizations WHERE tenant_id = $1 LIMIT 1`,
      [anhai],
    );
    await asTownship(anhai, async () => {
      const [{ id }] = await tenant.manager.query<{ id: string }[]>(
        `INSERT INTO users (tenant_id, email, display_name, role, status, organization_id)
         VALUES ($1, 'uncommitted@anhai.demo', '未提交', 'department_staff', 'active', $2) RETURNING id`,
        [anhai, organizationId],
      );
      expect(await people.displayName(id)).toBe('未提交');
      expect(await people.activeStaff(organizationId)).toContain(id);
      expect(await organizations.name(organizationId)).not.toBeNull();
    });
  });
});
