import type { Page } from 'playwright-core';
import { Http } from '../support/http';
import { clickNav, login, screenshotPath, startBrowserHarness, type BrowserHarness } from './support';

describe('the audit log reads as sentences (browser)', () => {
  let harness: BrowserHarness;
  let page: Page;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    page = await harness.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, 'official@anhai.demo');
  });
  afterAll(() => harness?.close());

  it('says who changed which meeting from what to what, and links to the meeting', async () => {
    const http = new Http(harness.app.api);
    const token = await http.token('official@anhai.demo');
    const q = async (sql: string) => (await harness.app.db.admin.query(sql)).rows[0].id as string;
    // A week ahead of the browser's clock (the harness runs on the real one), at a whole hour.
    const startsAt = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 7 * 86_400_000);
    const scheduled = await http.post(
      '/api/v1/meetings',
      {
        allianceId: await q(`SELECT id FROM alliances WHERE name = '安海镇智能装备制造产业集群党建联盟'`),
        title: '2026年第四季度联席会议',
        chairId: await q(`SELECT id FROM users WHERE email = 'official@anhai.demo'`),
        place: { kind: 'address', address: '安海镇政府三楼' },
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
        invitees: { organizationIds: [await q(`SELECT id FROM organizations WHERE name = '晋工机械'`)] },
      },
      { token },
    );
    expect(scheduled.status).toBe(201);
    const meeting = scheduled.body.items[0] as { id: string; title: string };
    expect(
      (await http.post(`/api/v1/meetings/${meeting.id}/cancel`, { reason: '与上级会议冲突' }, { token })).status,
    ).toBe(200);

    await clickNav(page, 'audit-log');
    const sentence = page
      .getByTestId('audit-sentence')
      .filter({ hasText: `修改了 会议《${meeting.title}》：` })
      .first();
    await sentence.waitFor();
    const text = await sentence.innerText();
    expect(text).toContain('状态 已安排 → 已取消');
    expect(text).toContain('取消原因 空 → 与上级会议冲突');
    const row = page.locator('tr', { has: sentence });
    expect(await row.innerText()).toContain('林镇长');
    expect(await row.innerText()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    // No table names or bare ids where a reader looks.
    const listed = await page.getByTestId('audit-table').innerText();
    expect(listed).not.toMatch(/meeting_participants|review_assignments|[0-9a-f]{8}-[0-9a-f]{4}-/);

    await page.screenshot({ path: screenshotPath('audit-log') });

    await row.locator('.ant-table-row-expand-icon').click();
    const detail = page.getByTestId('audit-diff').first();
    await detail.waitFor();
    expect(await detail.innerText()).toContain('会议名称');
    expect(await detail.innerText()).not.toContain('check_in_code');
    await page.screenshot({ path: screenshotPath('audit-log-detail') });

    await sentence.getByRole('link').click();
    await page.waitForURL((url) => url.pathname === `/meetings/${meeting.id}`);
    await page.getByText(meeting.title).first().waitFor();
    expect(harness.pageErrors).toEqual([]);
  });
});
