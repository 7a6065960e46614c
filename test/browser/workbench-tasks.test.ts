import type { BrowserContext, Locator, Page } from 'playwright-core';
import { Http } from '../support/http';
import { idOf } from '../support/tenants';
import { waitFor } from '../support/wait-for';
import { englishIn, rawKeysIn, visibleText } from './page-text';
import { clickNav, login, screenshotPath, startBrowserHarness, watchedPage, type BrowserHarness } from './support';

const ALLIANCE = '安海镇智能装备制造产业集群党建联盟';
const DAY = 86_400_000;
/** A minimal PDF, as a report's file. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1440, height: 900 }, isMobile: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true },
] as const;
type Viewport = (typeof VIEWPORTS)[number];

interface Visit {
  context: BrowserContext;
  page: Page;
  viewport: Viewport;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

/** The count a workbench section shows (its badge's digits). */
async function shownCount(page: Page, section: string): Promise<number> {
  const badge = page.getByTestId(`workbench-section-${section}`).getByTestId('workbench-count');
  return Number((await badge.innerText()).replace(/\s/g, ''));
}

/** Waits until the section shows `expected` (the badge rolls its digits when the count changes). */
async function countIs(page: Page, section: string, expected: number): Promise<number> {
  return waitFor(
    () => shownCount(page, section),
    (count) => count === expected,
    10_000,
  ).catch(() => shownCount(page, section));
}

/** The links of a section's items, as drawn. */
function itemLinks(page: Page, section: string): Promise<string[]> {
  return page
    .getByTestId(`workbench-section-${section}`)
    .locator('[data-testid^="workbench-link-"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
}

/**
 * 工作台 in the browser, on a desktop and on a phone, with the demo's year of history: each role
 * signs in, finds what waits for it, opens the first item and does it on the item's own page, and
 * finds the section's count one lower when it comes back. At every step: no console errors, no
 * raw i18n keys or untranslated English, and on the phone no sideways scrolling.
 */
describe('each role does its work from the workbench (browser, 1440×900 and 390×844)', () => {
  let harness: BrowserHarness;
  let http: Http;
  let department: string;

  beforeAll(async () => {
    harness = await startBrowserHarness({ history: true });
    http = new Http(harness.app.api);
    const admin = harness.app.db.admin;
    const now = harness.app.clock.now().getTime();
    const official = await http.token('official@anhai.demo');
    const allianceId = await idOf(admin, 'alliances', ALLIANCE);

    // A department person with a request to accept (the desktop accepts it) and one to resolve (the
    // phone resolves it): the demo's own data, dept@anhai.demo when it has both.
    const { rows: staff } = await admin.query(
      `SELECT email FROM users WHERE role = 'department_staff' AND status = 'active' AND email LIKE '%@anhai.demo' ORDER BY email <> 'dept@anhai.demo', email`,
    );
    for (const { email } of staff) {
      const { body } = await http.get('/api/v1/workbench', { token: await http.token(email) });
      const total = (key: string) => body.sections.find((s: { key: string }) => s.key === key).total as number;
      if (total('requests_to_accept') > 0 && total('requests_to_resolve') > 0) {
        department = email;
        break;
      }
    }
    expect(department).toBeDefined();

    // The demo has one set of minutes to approve and one invitation for the expert: through the
    // product's API, a second of each, so that each screen has its own to do.
    const officialId = (await admin.query(`SELECT id FROM users WHERE email = 'official@anhai.demo'`)).rows[0].id;
    // Held the day before (UTC) at 09:00 in Anhai; the demo's monthly meetings are in the afternoon.
    const startsAt = new Date(Math.floor((now - DAY) / DAY) * DAY + 3_600_000);
    const meeting = await http.post(
      '/api/v1/meetings',
      {
        allianceId,
        title: '安海园智能装备产业链供需对接会',
        chairId: officialId,
        place: { kind: 'address', address: '鸿安机械党群活动中心' },
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
        invitees: { organizationIds: [await idOf(admin, 'organizations', '兴翼机械')], requiredUserIds: [] },
      },
      { token: official },
    );
    expect(meeting.status).toBe(201);
    const meetingId = meeting.body.items[0].id;
    const minutes = { content: '一、通报链上企业供需情况。\n二、议定：建立供需对接月度清单，由经济发展办公室牵头。' };
    expect((await http.put(`/api/v1/meetings/${meetingId}/minutes`, minutes, { token: official })).status).toBe(200);
    expect(
      (await http.post(`/api/v1/meetings/${meetingId}/minutes/circulate`, undefined, { token: official })).status,
    ).toBe(200);

    const author = await http.token('xingyi@anhai.demo');
    const report = await http.post(
      '/api/v1/think-tank/reports',
      {
        allianceId,
        title: '链上企业数字化车间改造调研报告',
        abstract: '调研链上企业数控设备联网和数字化车间改造的进度与难点。',
      },
      { token: author },
    );
    expect(report.status).toBe(201);
    const boundary = '----workbench-report';
    const file = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="调研报告.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      PDF,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = await http.request('POST', `/api/v1/think-tank/reports/${report.body.id}/versions`, {
      token: author,
      body: file,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(upload.status).toBe(201);
    expect(
      (await http.post(`/api/v1/think-tank/reports/${report.body.id}/submit`, undefined, { token: author })).status,
    ).toBe(201);
    const expertId = (
      await admin.query(
        `SELECT e.id FROM experts e JOIN users u ON u.id = e.user_id WHERE u.email = 'expert@anhai.demo'`,
      )
    ).rows[0].id;
    const invite = {
      expertIds: [expertId],
      respondBy: new Date(now + 6 * DAY).toISOString(),
      dueAt: new Date(now + 20 * DAY).toISOString(),
    };
    expect(
      (await http.post(`/api/v1/think-tank/reports/${report.body.id}/reviewers`, invite, { token: official })).status,
    ).toBe(201);
  });
  afterAll(() => harness?.close());

  async function signIn(viewport: Viewport, email: string): Promise<Visit> {
    const { context, page, errors } = await watchedPage(harness, {
      viewport: viewport.viewport,
      isMobile: viewport.isMobile,
      hasTouch: viewport.isMobile,
    });
    await login(page, email);
    await page.waitForURL('**/home');
    return { context, page, viewport, errors };
  }

  /** Nothing went wrong so far, the page speaks Chinese only, and on the phone it fits the width. */
  async function check(visit: Visit, step: string): Promise<void> {
    const { page, viewport } = visit;
    await page.waitForLoadState('networkidle').catch(() => undefined);
    const text = await visibleText(page);
    const widths = await page.evaluate<{ scroll: number; inner: number }>(
      '({ scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth })',
    );
    const found = {
      errors: visit.errors,
      rawKeys: rawKeysIn(text),
      english: englishIn(text),
      // On a mobile browser a page wider than the screen widens the window too: both must be the phone's width.
      width: viewport.isMobile ? widths : 'not a phone',
    };
    const expected = {
      errors: [],
      rawKeys: [],
      english: [],
      width: viewport.isMobile ? { scroll: viewport.viewport.width, inner: viewport.viewport.width } : 'not a phone',
    };
    expect({ step: `${viewport.name}: ${step}`, ...found }).toEqual({ step: `${viewport.name}: ${step}`, ...expected });
  }

  /** The workbench, with `section`'s count as the API gives it; then opens the section's first item. */
  async function openFirst(visit: Visit, section: string): Promise<{ count: number; href: string }> {
    const { page } = visit;
    const card = page.getByTestId(`workbench-section-${section}`);
    await card.getByTestId('workbench-item').first().waitFor();
    const count = await shownCount(page, section);
    expect(count).toBeGreaterThan(0);
    await check(visit, `workbench, ${section}`);
    await page.screenshot({
      path: screenshotPath(`workbench-tasks-${section}-${visit.viewport.name}`),
      fullPage: true,
      animations: 'disabled',
    });
    const link = card.locator('[data-testid^="workbench-link-"]').first();
    const href = (await link.getAttribute('href'))!;
    await link.click();
    await page.waitForURL(`**${href}`);
    return { count, href };
  }

  /** Back to the workbench the way a person goes: the menu's 工作台, or the phone's first tab. */
  async function backToWorkbench(visit: Visit): Promise<void> {
    const { page } = visit;
    if (visit.viewport.isMobile) await page.getByTestId('tab-home').click();
    else await clickNav(page, 'home');
    await page.waitForURL('**/home');
    await page.getByTestId('workbench').waitFor();
  }

  /** After the work: the section counts one less and no longer holds the item. */
  async function expectDone(visit: Visit, section: string, before: { count: number; href: string }): Promise<void> {
    await backToWorkbench(visit);
    expect({ section, count: await countIs(visit.page, section, before.count - 1) }).toEqual({
      section,
      count: before.count - 1,
    });
    expect(await itemLinks(visit.page, section)).not.toContain(before.href);
    await check(visit, `workbench after ${section}`);
  }

  async function waitForStatus(locator: Locator, status: string): Promise<void> {
    await locator.and(locator.page().locator(`[data-status="${status}"]`)).waitFor();
  }

  describe.each(VIEWPORTS)('on the $name', (viewport) => {
    // On the desktop they accept a request, on the phone they resolve one.
    it('department staff accept or resolve the first request waiting for them', async () => {
      const visit = await signIn(viewport, department);
      const { page } = visit;
      try {
        const section = viewport.isMobile ? 'requests_to_resolve' : 'requests_to_accept';
        const before = await openFirst(visit, section);
        const status = page.getByTestId('sr-status');
        await status.waitFor();
        await check(visit, 'request');
        if (section === 'requests_to_accept') {
          await page.getByTestId('sr-action-accept').click();
          await waitForStatus(status, 'accepted');
        } else {
          await page.getByTestId('sr-action-resolve').click();
          await page.getByTestId('sr-modal-text').fill('已协调办理完毕，相关材料已发至企业联系人。');
          await check(visit, 'resolving');
          await page.getByTestId('sr-modal-ok').click();
          await waitForStatus(status, 'resolved');
        }
        await check(visit, 'request done');
        await expectDone(visit, section, before);
      } finally {
        await visit.context.close();
      }
    });

    it('the enterprise answers the first meeting invitation waiting for it', async () => {
      const visit = await signIn(viewport, 'xingyi@anhai.demo');
      const { page } = visit;
      try {
        const before = await openFirst(visit, 'meetings_to_answer');
        await page.getByTestId('meeting-overview').waitFor();
        await check(visit, 'meeting');
        // Invited by name it answers; invited as an organisation it names itself first.
        if (!(await page.getByTestId('rsvp-accept').isVisible())) await page.getByTestId('meeting-attend-self').click();
        await page.getByTestId('rsvp-accept').click();
        await page.getByTestId('meeting-rsvp').getByText('已接受').waitFor();
        await check(visit, 'meeting answered');
        await expectDone(visit, 'meetings_to_answer', before);
      } finally {
        await visit.context.close();
      }
    });

    it('the official approves the minutes waiting for the chair', async () => {
      const visit = await signIn(viewport, 'official@anhai.demo');
      const { page } = visit;
      try {
        // The link opens the meeting on its minutes.
        const before = await openFirst(visit, 'minutes_to_approve');
        const status = page.getByTestId('minutes-status');
        await waitForStatus(status, 'circulated');
        await check(visit, 'minutes');
        await page.getByTestId('minutes-approve').click();
        await waitForStatus(status, 'approved');
        await check(visit, 'minutes approved');
        await expectDone(visit, 'minutes_to_approve', before);
      } finally {
        await visit.context.close();
      }
    });

    // On the desktop the expert accepts the invitation, on the phone it declines one.
    it('the expert answers the first review invitation', async () => {
      const accept = !viewport.isMobile;
      const visit = await signIn(viewport, 'expert@anhai.demo');
      const { page } = visit;
      try {
        await page.getByTestId('workbench').waitFor();
        const due = await shownCount(page, 'reviews_due');
        const before = await openFirst(visit, 'review_invitations');
        const review = page.getByTestId('review-page');
        await waitForStatus(review, 'invited');
        await check(visit, 'invitation');
        await page.getByTestId(accept ? 'review-accept' : 'review-decline').click();
        await waitForStatus(review, accept ? 'accepted' : 'declined');
        await check(visit, accept ? 'invitation accepted' : 'invitation declined');
        await expectDone(visit, 'review_invitations', before);
        // Accepted, it is now a review to write; declined, it is gone.
        expect(await countIs(page, 'reviews_due', accept ? due + 1 : due)).toBe(accept ? due + 1 : due);
        expect((await itemLinks(page, 'reviews_due')).includes(before.href)).toBe(accept);
      } finally {
        await visit.context.close();
      }
    });
  });
});
