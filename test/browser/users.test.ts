import type { Page } from 'playwright-core';
import { login, pickOption, startBrowserHarness, type BrowserHarness } from './support';

describe('inviting people (browser)', () => {
  let harness: BrowserHarness;
  let page: Page;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    page = await harness.newPage();
    await login(page, 'official@anhai.demo');
  });
  afterAll(() => harness?.close());

  it('invites an expert and shows the invitation link in place of the form', async () => {
    await page.goto('/users');
    await page.getByTestId('user-invite').click();
    await page.getByTestId('invite-email').fill('new.expert@anhai.demo');
    await page.getByTestId('invite-display-name').fill('新专家');
    await pickOption(page, page.getByTestId('invite-role'), '智库专家');
    await page.getByTestId('invite-submit').click();

    const link = await page.getByTestId('invitation-url').innerText();
    expect(link).toMatch(/\/accept-invitation\?token=/);
    expect(await page.getByTestId('invite-form').isVisible()).toBe(false);
    const { rows } = await harness.app.db.admin.query(
      `SELECT status, role FROM users WHERE email = 'new.expert@anhai.demo'`,
    );
    expect(rows).toEqual([{ status: 'invited', role: 'expert' }]);
  });

  it('creates a township as the platform admin, with the link for its first official', async () => {
    const platform = await harness.newPage();
    await login(platform, 'platform@lianmeng.demo');
    await platform.goto('/tenants');
    await platform.getByTestId('tenant-create').click();
    // The header has a tenant-name too: fill the form's own fields.
    const form = platform.getByTestId('tenant-form');
    await form.getByTestId('tenant-name').fill('东石镇');
    await form.getByTestId('tenant-slug').fill('dongshi');
    await form.getByTestId('tenant-admin-email').fill('official@dongshi.demo');
    await form.getByTestId('tenant-admin-name').fill('东石镇官员');
    await platform.getByTestId('tenant-submit').click();
    expect(await platform.getByTestId('invitation-url').innerText()).toMatch(/\/accept-invitation\?token=/);
    const { rows } = await harness.app.db.admin.query(
      `SELECT t.slug, u.role FROM tenants t JOIN users u ON u.tenant_id = t.id WHERE u.email = 'official@dongshi.demo'`,
    );
    expect(rows).toEqual([{ slug: 'dongshi', role: 'township_admin' }]);
  });
});
