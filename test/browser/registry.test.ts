import type { Page } from 'playwright-core';
import {
  login,
  pickOption,
  startBrowserHarness,
  waitForValue,
  type BrowserHarness,
  screenshotPath,
  clickNav,
} from './support';

const ALLIANCE = '安海镇智能装备制造产业集群党建联盟';
const NEW_ORG = '安海新材料科技';
const NEW_ORG_CODE = '91350582MA2XBR0101';

describe('the 1+X+N registry (browser)', () => {
  let harness: BrowserHarness;
  let page: Page;
  let allianceUrl: string;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    page = await harness.newPage();
    await login(page, 'official@anhai.demo');
  });
  afterAll(() => harness?.close());

  it('opens the alliance: the lead in the 1 tab, the departments in the X tab', async () => {
    await clickNav(page, 'alliances');
    await page.getByTestId('alliances-table').getByRole('link', { name: ALLIANCE }).click();
    await page.waitForURL(/\/alliances\/[0-9a-f-]{36}$/);
    allianceUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: ALLIANCE }).waitFor();

    const leads = page.getByTestId('members-table-lead');
    await leads.getByRole('row').filter({ hasText: '晋工机械' }).waitFor();
    expect(await leads.locator('tbody tr.ant-table-row').count()).toBe(1);

    await page.getByTestId('members-tab-department').click();
    await page.waitForURL('**?tab=department');
    const departments = page.getByTestId('members-table-department');
    await departments.getByRole('row').filter({ hasText: '安海镇财政所' }).waitFor();
    await departments.getByRole('row').filter({ hasText: '安海镇经济发展办公室' }).waitFor();
    // Enterprises are not among the departments.
    expect(await departments.getByText('晋工机械').count()).toBe(0);
  });

  it('registers a new enterprise with its Party organisation through the form', async () => {
    await clickNav(page, 'organizations');
    await page.waitForURL('**/organizations');
    await page.getByTestId('organization-create').click();
    await page.waitForURL('**/organizations/new');

    await page.getByTestId('org-name').fill(NEW_ORG);
    await page.getByTestId('org-unified-code').fill(NEW_ORG_CODE);
    await page.getByTestId('org-industry').fill('新材料');
    await pickOption(page, page.getByTestId('org-chain-position'), '中游');
    await page.getByTestId('org-address').fill('福建省晋江市安海镇工业园区 8 号');

    await page.getByTestId('org-has-party').click();
    await pickOption(page, page.getByTestId('org-party-type'), '党支部');
    await page.getByTestId('org-party-name').fill(`${NEW_ORG}党支部`);
    await page.getByTestId('org-party-secretary').fill('蔡书记');
    await page.getByTestId('org-party-members').fill('12');

    await page.getByTestId('org-add-contact').click();
    const contact = page.getByTestId('org-contact-row').first();
    await contact.getByLabel('姓名').fill('蔡联络');
    await contact.getByLabel('电话').fill('13905950101');

    await page.getByTestId('org-submit').click();
    await page.waitForURL('**/organizations');
    await page.getByText('已保存').waitFor();
    const row = page.getByTestId('organizations-table').getByRole('row').filter({ hasText: NEW_ORG });
    await row.getByText('党支部 · 蔡书记').waitFor();
    await row.getByText(NEW_ORG_CODE).waitFor();

    const { rows } = await harness.app.db.admin.query(
      `SELECT o.kind, o.chain_position, o.address, o.contacts, p.type, p.name AS party_name, p.secretary, p.member_count
         FROM organizations o JOIN party_organizations p ON p.organization_id = o.id
        WHERE o.name = $1`,
      [NEW_ORG],
    );
    expect(rows).toEqual([
      {
        kind: 'enterprise',
        chain_position: 'midstream',
        address: '福建省晋江市安海镇工业园区 8 号',
        contacts: [expect.objectContaining({ name: '蔡联络', phone: '13905950101' })],
        type: 'branch',
        party_name: `${NEW_ORG}党支部`,
        secretary: '蔡书记',
        member_count: 12,
      },
    ]);
  });

  it('adds the new enterprise to the alliance as a member (N)', async () => {
    await page.goto(`${allianceUrl}?tab=member`);
    const members = page.getByTestId('members-table-member');
    await members.getByRole('row').filter({ hasText: '鸿安机械' }).waitFor();
    expect(await members.getByText(NEW_ORG).count()).toBe(0);
    await page.getByText('领头企业 1 · 职能部门 7 · 成员企业 24').waitFor();

    await page.getByTestId('member-add').click();
    const dialog = page.getByRole('dialog').filter({ has: page.getByTestId('add-member-form') });
    await dialog.waitFor();
    await dialog.getByTestId('add-member-role').getByText('成员企业').waitFor();
    await pickOption(page, dialog.getByTestId('add-member-organization'), NEW_ORG, '新材料');
    await dialog.getByRole('button', { name: '加入联盟' }).click();

    await page.getByText('已加入联盟').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const row = members.getByRole('row').filter({ hasText: NEW_ORG });
    await row.waitFor();
    await row.getByText('中游').waitFor();
    await row.getByText('党支部').waitFor();
    await row.getByText('蔡书记').waitFor();
    // 24 seeded members plus this one, in the alliance's 1+X+N summary.
    await page.getByText('领头企业 1 · 职能部门 7 · 成员企业 25').waitFor();
    // Transitions (the table's loading veil fading out) are finished, not caught half way.
    await page.screenshot({ path: screenshotPath('registry'), fullPage: true, animations: 'disabled' });

    const { rows } = await harness.app.db.admin.query(
      `SELECT m.role, m.left_on, a.name AS alliance
         FROM alliance_memberships m
         JOIN organizations o ON o.id = m.organization_id
         JOIN alliances a ON a.id = m.alliance_id
        WHERE o.name = $1`,
      [NEW_ORG],
    );
    expect(rows).toEqual([{ role: 'member', left_on: null, alliance: ALLIANCE }]);
  });

  it("edits an organisation's address and keeps it after a reload", async () => {
    const address = '福建省晋江市安海镇鸿安路 18 号';
    await clickNav(page, 'organizations');
    const search = page.getByPlaceholder('按名称搜索');
    await search.fill('鸿安');
    await search.press('Enter');
    await page.waitForURL('**/organizations?q=*');
    await page.getByTestId('organizations-table').getByRole('link', { name: '鸿安机械' }).click();
    await page.waitForURL(/\/organizations\/[0-9a-f-]{36}\/edit$/);
    const editUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: '编辑：鸿安机械' }).waitFor();
    await waitForValue(page.getByTestId('org-name'), '鸿安机械');

    await page.getByTestId('org-address').fill(address);
    await page.getByTestId('org-submit').click();
    await page.waitForURL('**/organizations');
    await page.getByText('已保存').waitFor();

    await page.goto(editUrl);
    await waitForValue(page.getByTestId('org-name'), '鸿安机械');
    await waitForValue(page.getByTestId('org-address'), address);
    // The rest of the record is untouched by the edit.
    await waitForValue(page.getByTestId('org-unified-code'), '91350582MA2XHA0002');
    await waitForValue(page.getByTestId('org-party-secretary'), '林文华');

    const { rows } = await harness.app.db.admin.query(
      `SELECT o.address, o.unified_code, p.secretary, p.member_count
         FROM organizations o LEFT JOIN party_organizations p ON p.organization_id = o.id
        WHERE o.name = '鸿安机械'`,
    );
    expect(rows).toEqual([{ address, unified_code: '91350582MA2XHA0002', secretary: '林文华', member_count: 18 }]);
  });

  it('threw no uncaught errors in the page', () => {
    expect(harness.pageErrors).toEqual([]);
  });
});
