import type { Page } from 'playwright-core';
import { Http } from '../support/http';
import { idOf } from '../support/tenants';
import { login, pickOption, screenshotPath, startBrowserHarness, watchedPage, type BrowserHarness } from './support';

const SMART = '安海镇智能装备制造产业集群党建联盟';
const FOOD = '安海镇食品饮料产业集群党建联盟';
/** Sorts before both seeded alliances, has no members and no service catalogue: "the first in the list" would be wrong. */
const EMPTY = 'A 新材料产业集群党建联盟';
/** An enterprise contact of a food-alliance member: the food alliance is theirs, neither the first nor the largest. */
const FOOD_CONTACT = 'food@anhai.demo';

const DESKTOP = { viewport: { width: 1440, height: 900 } } as const;
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } as const;

/** The alliance the page's header names. */
async function headerAlliance(page: Page): Promise<string> {
  const name = page.locator('.page-header [data-testid="page-alliance"]');
  await name.waitFor();
  return (await name.innerText()).trim();
}

async function waitForHeaderAlliance(page: Page, name: string): Promise<void> {
  await page.locator('.page-header [data-testid="page-alliance"]', { hasText: name }).waitFor();
}

describe('the alliance a page works within (browser)', () => {
  let harness: BrowserHarness;
  let ids: Record<'smart' | 'food' | 'empty', string>;

  beforeAll(async () => {
    harness = await startBrowserHarness({ history: true });
    const db = harness.app.db.admin;
    const http = new Http(harness.app.api);
    const created = await http.post(
      '/api/v1/alliances',
      { name: EMPTY, industry: '新材料' },
      { token: await http.token('official@anhai.demo') },
    );
    expect(created.status).toBe(201);
    ids = {
      smart: await idOf(db, 'alliances', SMART),
      food: await idOf(db, 'alliances', FOOD),
      empty: created.body.id,
    };
    await db.query(
      `INSERT INTO users (tenant_id, email, display_name, role, organization_id, status, password_hash)
       SELECT u.tenant_id, $1, '曾小梅', 'enterprise_contact', o.id, 'active', u.password_hash
         FROM users u JOIN organizations o ON o.tenant_id = u.tenant_id AND o.name = '安海食品'
        WHERE u.email = 'jingong@anhai.demo'`,
      [FOOD_CONTACT],
    );
    // The premise: the list (sorted by name) starts with the empty alliance, and the smart one is the largest.
    const list = await http.get('/api/v1/alliances', { token: await http.token(FOOD_CONTACT) });
    const items = list.body.items as { id: string; myRole: string | null; memberCounts: Record<string, number> }[];
    expect(items[0].id).toBe(ids.empty);
    expect(items.find((a) => a.myRole !== null)?.id).toBe(ids.food);
    const size = (id: string) => Object.values(items.find((a) => a.id === id)!.memberCounts).reduce((a, b) => a + b, 0);
    expect(size(ids.smart)).toBeGreaterThan(size(ids.food));
  });
  afterAll(() => harness?.close());

  it('opens the submission form on the enterprise’s own alliance, and says why it has no categories', async () => {
    const { context, page, errors } = await watchedPage(harness, DESKTOP);
    await login(page, FOOD_CONTACT);
    await page.goto('/submit-request');
    await page.getByTestId('sr-submit-form').waitFor();
    expect(await headerAlliance(page)).toBe(FOOD);
    // One alliance to submit to: named, not offered as a choice.
    expect(await page.getByTestId('sr-alliance').isVisible()).toBe(false);
    const hint = page.getByTestId('sr-category-empty');
    await hint.getByText('该联盟尚未开通服务目录，请联系镇街').waitFor();
    // An enterprise cannot set up a catalogue: no link to it.
    expect(await hint.getByTestId('sr-category-setup').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('alliance-submit-1440'), animations: 'disabled' });

    // A link naming an alliance the enterprise cannot submit to does not win over its own.
    await page.goto(`/submit-request?allianceId=${ids.smart}`);
    await page.getByTestId('sr-submit-form').waitFor();
    expect(await headerAlliance(page)).toBe(FOOD);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits the phone: the submission form names the alliance and shows the hint', async () => {
    const { context, page, errors } = await watchedPage(harness, PHONE);
    await login(page, FOOD_CONTACT);
    await page.goto('/submit-request');
    await page.getByTestId('sr-category-empty').waitFor();
    expect(await headerAlliance(page)).toBe(FOOD);
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await page.screenshot({ path: screenshotPath('alliance-submit-390'), fullPage: true, animations: 'disabled' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens the official’s dashboard on the largest alliance, remembers a choice across a reload, and lets ?allianceId= win', async () => {
    const { context, page, errors } = await watchedPage(harness, DESKTOP);
    await login(page, 'official@anhai.demo');
    const userId = await page.evaluate<string>(
      `fetch('/api/v1/auth/me', { headers: { authorization: 'Bearer ' + JSON.parse(localStorage.getItem('lianmeng.tokens')).accessToken } }).then((r) => r.json()).then((me) => me.id)`,
    );

    // No alliance of their own, nothing chosen yet: the largest, not the first of the list.
    await page.goto('/dashboard');
    await page.locator(`[data-testid="dash-content"][data-alliance="${ids.smart}"]`).waitFor({ timeout: 30_000 });
    expect(await headerAlliance(page)).toBe(SMART);
    await page.locator('[data-testid="dash-chart-membersByRole"] canvas').first().waitFor();
    await page.screenshot({ path: screenshotPath('alliance-dashboard-1440'), animations: 'disabled' });

    // A choice goes into the URL and is remembered for this person.
    await pickOption(page, page.getByTestId('dash-alliance'), FOOD);
    await page.waitForURL((url) => url.searchParams.get('allianceId') === ids.food);
    await waitForHeaderAlliance(page, FOOD);
    await page.locator(`[data-testid="dash-content"][data-alliance="${ids.food}"]`).waitFor();
    expect(await page.evaluate<string | null>(`localStorage.getItem('lianmeng.alliance.${userId}')`)).toBe(ids.food);

    // Across a reload without the URL's choice, on this page and the others about one alliance.
    await page.goto('/dashboard');
    await page.reload();
    await page.locator(`[data-testid="dash-content"][data-alliance="${ids.food}"]`).waitFor();
    expect(await headerAlliance(page)).toBe(FOOD);
    await page.goto('/service-statistics');
    await waitForHeaderAlliance(page, FOOD);
    await page.goto('/meetings');
    await page.locator(`[data-testid="meetings-statistics"][data-alliance="${ids.food}"]`).waitFor();

    // A shared link wins, stays in the URL, and is not taken for a choice.
    await page.goto(`/dashboard?allianceId=${ids.empty}`);
    await page.locator(`[data-testid="dash-content"][data-alliance="${ids.empty}"]`).waitFor();
    expect(await headerAlliance(page)).toBe(EMPTY);
    expect(new URL(page.url()).searchParams.get('allianceId')).toBe(ids.empty);
    // An alliance with nothing in it says so instead of tiles of zeros.
    await page.getByTestId('dash-content').getByText('本期暂无数据').waitFor();
    expect(await page.locator('[data-testid="dash-figure-members"]').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('alliance-dashboard-empty-1440'), animations: 'disabled' });
    await page.goto(`/service-statistics?allianceId=${ids.empty}`);
    await waitForHeaderAlliance(page, EMPTY);
    await page.getByTestId('sr-stats-empty').getByText('本期暂无服务请求').waitFor();
    expect(await page.getByTestId('sr-stats-totals').count()).toBe(0);
    await page.goto('/dashboard');
    await page.locator(`[data-testid="dash-content"][data-alliance="${ids.food}"]`).waitFor();

    // The wall display names the alliance its path gives.
    await page.goto(`/dashboard/${ids.smart}/wall`);
    await page.getByTestId('dash-wall-title').getByText(SMART).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits the phone: the dashboard names the alliance', async () => {
    const { context, page, errors } = await watchedPage(harness, PHONE);
    await login(page, 'official@anhai.demo');
    await page.goto('/dashboard');
    await page.locator(`[data-testid="dash-content"][data-alliance="${ids.smart}"]`).waitFor({ timeout: 30_000 });
    expect(await headerAlliance(page)).toBe(SMART);
    await page.locator('[data-testid="dash-chart-membersByRole"] canvas').first().waitFor();
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await page.screenshot({ path: screenshotPath('alliance-dashboard-390'), animations: 'disabled' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens the department’s dashboard on its own alliance', async () => {
    // 安海镇经济发展办公室 leaves the smart alliance: the food one, neither first nor largest, is its own.
    const http = new Http(harness.app.api);
    const token = await http.token('official@anhai.demo');
    const organizationId = await idOf(harness.app.db.admin, 'organizations', '安海镇经济发展办公室');
    const memberships = await http.get(`/api/v1/alliances/${ids.smart}/members?organizationId=${organizationId}`, {
      token,
    });
    const left = await http.post(
      `/api/v1/alliances/${ids.smart}/members/${memberships.body.items[0].id}/leave`,
      { leftOn: '2025-12-31', reason: '职能调整' },
      { token },
    );
    expect(left.status).toBe(201);

    const { context, page, errors } = await watchedPage(harness, DESKTOP);
    await login(page, 'dept@anhai.demo');
    await page.goto('/dashboard');
    await page.locator(`[data-testid="dash-content"][data-alliance="${ids.food}"]`).waitFor({ timeout: 30_000 });
    expect(await headerAlliance(page)).toBe(FOOD);
    expect(errors).toEqual([]);
    await context.close();
  });
});
