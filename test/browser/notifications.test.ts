import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { RegistryTransferNotification } from '../../src/modules/registry-transfer/registry-transfer.notifications';
import { Notifier } from '../../src/platform/notifications/notifier.service';
import { TenantContext } from '../../src/platform/tenancy/tenant-context.service';
import { waitFor } from '../support/wait-for';
import {
  closeDialog,
  login,
  pickOption,
  startBrowserHarness,
  waitForValue,
  type BrowserHarness,
  screenshotPath,
  clickNav,
} from './support';

const ALLIANCE = '安海镇智能装备制造产业集群党建联盟';

describe('notifications (browser)', () => {
  let harness: BrowserHarness;
  let page: Page;
  let official: { id: string; tenant_id: string };
  let allianceId: string;
  let initialCount: number;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    const { admin } = harness.app.db;
    [official] = (await admin.query(`SELECT id, tenant_id FROM users WHERE email = 'official@anhai.demo'`)).rows;
    [{ id: allianceId }] = (await admin.query(`SELECT id FROM alliances WHERE name = $1`, [ALLIANCE])).rows;
    page = await harness.newPage();
    await login(page, 'official@anhai.demo');
  });
  afterAll(() => harness?.close());

  /** What a feature does when an export is ready: notify() in a transaction of the official's township. */
  function notifyExportFinished(allianceName: string): Promise<string | null> {
    const notifier = harness.app.api.get(Notifier);
    const tenant = harness.app.api.get(TenantContext);
    const actor = { userId: official.id, tenantId: official.tenant_id, role: 'township_admin', organizationId: null };
    return tenant.run(actor as any, () =>
      notifier.notify({ userIds: [official.id] }, RegistryTransferNotification.ExportFinished, {
        allianceName,
        allianceId,
        jobId: randomUUID(),
      }),
    );
  }

  const bell = () => page.getByTestId('notification-bell');
  const popover = () => page.getByTestId('notification-popover');
  const countText = () => page.getByTestId('notification-count').textContent();
  const waitForCount = (expected: number, timeoutMs = 5_000) =>
    waitFor(countText, (text) => text === String(expected), timeoutMs);
  const unreadInDb = async () =>
    Number(
      (
        await harness.app.db.admin.query(`SELECT count(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [
          official.id,
        ])
      ).rows[0].count,
    );

  async function openPopover(): Promise<Locator> {
    if (!(await popover().isVisible())) await bell().click();
    await popover().waitFor();
    return popover();
  }

  it('shows the unread count in the header bell', async () => {
    await bell().waitFor();
    const text = await waitFor(countText, (value) => /^\d+$/.test(value ?? ''));
    initialCount = Number(text);
    expect(initialCount).toBe(await unreadInDb());
  });

  it('raises the count live, without a reload, when a notification is created server-side', async () => {
    // A reload would drop this marker.
    await page.evaluate(() => Object.assign(globalThis, { __sameDocument: true }));
    // Let the stream connect first (it sends the count at once; the bell already showed it).
    await page.waitForTimeout(500);

    expect(await notifyExportFinished('测试联盟')).toEqual(expect.any(String));
    await waitForCount(initialCount + 1);
    expect(await page.evaluate(() => (globalThis as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(
      true,
    );
  });

  it('lists the new item in the popover, and "mark all read" brings the count to 0', async () => {
    const panel = await openPopover();
    const item = panel.getByTestId('notification-item').filter({ hasText: '导出完成：测试联盟' });
    await item.waitFor();
    await item.getByText('“测试联盟”的成员名册已导出，可以下载。').waitFor();
    // The time is Asia/Shanghai's, as YYYY-MM-DD HH:mm.
    expect(await item.textContent()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await panel.getByTestId('notification-view-all').getByText('查看全部').waitFor();
    await page.screenshot({ path: screenshotPath('notifications'), animations: 'disabled' });

    await panel.getByTestId('notification-mark-all-read').click();
    await waitForCount(0);
    expect(await unreadInDb()).toBe(0);
  });

  it('opens an item from the popover: marks it read and follows its link', async () => {
    await notifyExportFinished('第二联盟');
    await waitForCount(1);

    const panel = await openPopover();
    await panel.getByTestId('notification-item').filter({ hasText: '导出完成：第二联盟' }).click();
    await page.waitForURL((url) => url.pathname === '/imports' && url.searchParams.get('allianceId') === allianceId);
    await waitForCount(0);
    expect(await unreadInDb()).toBe(0);
    await popover().waitFor({ state: 'hidden' });
  });

  it('has an inbox page with an unread filter that updates live, mark read and a type filter', async () => {
    await clickNav(page, 'notifications');
    await page.waitForURL('**/notifications');
    const table = page.getByTestId('notifications-table');
    await table.getByRole('row').filter({ hasText: '导出完成：测试联盟' }).waitFor();
    await table.getByRole('row').filter({ hasText: '导出完成：第二联盟' }).waitFor();

    await page.getByTestId('notifications-unread-only').click();
    await page.waitForURL('**/notifications?unread=true');
    await table.locator('.ant-table-placeholder').waitFor();
    // Loaded (not merely empty while loading), so the row below can only come from the live update.
    await table.locator('.ant-spin-spinning').waitFor({ state: 'detached' });

    // A new notification shows up in the open list by itself.
    await notifyExportFinished('第三联盟');
    const row = table.getByRole('row').filter({ hasText: '导出完成：第三联盟' });
    await row.waitFor();
    await waitForCount(1);
    await row.getByTestId('notification-mark-read').click();
    await row.waitFor({ state: 'detached' });
    await waitForCount(0);

    await page.getByTestId('notifications-unread-only').click();
    await pickOption(page, page.getByTestId('notifications-type-filter'), '成员加入联盟');
    await table.locator('.ant-table-placeholder').waitFor();
    await pickOption(page, page.getByTestId('notifications-type-filter'), '导出完成');
    await waitFor(
      () => table.locator('tbody tr.ant-table-row').count(),
      (rows) => rows === 3,
    );
  });

  it('saves a preference switch on the preferences page (still off after a reload)', async () => {
    await clickNav(page, 'settings/notifications');
    await page.waitForURL('**/settings/notifications');
    const emailSwitch = page.getByTestId('pref-email-registry.export-finished');
    await page.getByTestId('preferences-table').getByText('导出完成').waitFor();
    expect(await emailSwitch.getAttribute('aria-checked')).toBe('true');

    await emailSwitch.click();
    await page.getByText('已保存').first().waitFor();
    await waitFor(
      () => emailSwitch.getAttribute('aria-checked'),
      (checked) => checked === 'false',
    );

    await page.reload();
    await page.getByTestId('preferences-table').getByText('导出完成').waitFor();
    expect(await page.getByTestId('pref-email-registry.export-finished').getAttribute('aria-checked')).toBe('false');
    expect(await page.getByTestId('pref-in-app-registry.export-finished').getAttribute('aria-checked')).toBe('true');
    const { rows } = await harness.app.db.admin.query(
      `SELECT in_app, email FROM notification_preferences WHERE user_id = $1 AND type = 'registry.export-finished'`,
      [official.id],
    );
    expect(rows).toEqual([{ in_app: true, email: false }]);
    // The bell is back after the reload, and live again.
    await waitForCount(0);
  });

  it('lets the official set quiet hours, a write-only SMTP password and a group robot', async () => {
    await clickNav(page, 'settings/notification-center');
    await page.waitForURL('**/settings/notification-center');
    await page.getByTestId('quiet-time-zone').getByText('北京时间 (UTC+8)', { exact: true }).waitFor();
    // The TimePickers show the stored HH:mm.
    const timeInput = (testId: string) => page.getByTestId(testId).locator('xpath=descendant-or-self::input').first();
    await waitForValue(timeInput('quiet-start'), '22:00');
    await waitForValue(timeInput('quiet-end'), '08:00');

    await page.getByTestId('quiet-weekends').click();
    await page.getByTestId('quiet-hours-save').click();
    await page.getByText('已保存').first().waitFor();

    await page.getByTestId('smtp-password-unset').waitFor();
    await page.getByTestId('smtp-host').fill('127.0.0.1');
    await page.getByTestId('smtp-port').fill('2525');
    await page.getByTestId('smtp-password').fill('smtp-secret-1');
    await page.getByTestId('mail-server-save').click();
    await page.getByTestId('smtp-password-set').getByText('已设置').waitFor();
    // Write-only: the field is not filled in with the stored password.
    await waitForValue(page.getByTestId('smtp-password'), '');

    await page.getByTestId('robot-create').click();
    const form = page.getByTestId('robot-form');
    await page.getByRole('dialog').getByText('添加群机器人').waitFor();
    // DingTalk asks for the signing secret too. A click while the modal still zooms in can miss.
    const dingTalkChecked = async () =>
      (await form.locator('.ant-radio-button-wrapper-checked', { hasText: '钉钉' }).count()) === 1;
    await waitFor(
      async () => (await dingTalkChecked()) || (await form.getByText('钉钉').click(), await dingTalkChecked()),
      (checked) => checked,
      10_000,
      300,
    );
    await page.getByTestId('robot-name').fill('智能装备联盟工作群');
    await pickOption(page, page.getByTestId('robot-alliance'), ALLIANCE);
    await page.getByTestId('robot-webhook').fill('http://127.0.0.1:9/robot/send?access_token=abc');
    await page.getByTestId('robot-secret').fill('SECtest');
    // On a busy machine a click during the dialog's animation can be lost: click until the dialog has closed
    // (while the save is under way the button is loading and a further click does nothing).
    const dialog = page.getByRole('dialog').filter({ hasText: '添加群机器人' });
    await waitFor(
      async () => {
        if (!(await dialog.isVisible())) return true;
        await dialog
          .getByRole('button', { name: /保\s*存/ })
          .click({ timeout: 2000 })
          .catch(() => undefined);
        return false;
      },
      Boolean,
      60_000,
      1500,
    );
    // The saved robot's row is the proof (the success toast is brief and can be missed on a busy machine).
    const row = page.getByTestId('robots-table').getByRole('row').filter({ hasText: '智能装备联盟工作群' });
    await row.getByText('127.0.0.1:9').waitFor({ timeout: 60_000 });
    await row.getByText(ALLIANCE).waitFor();
    await row.getByTestId('robot-secret-state').getByText('已加签').waitFor();

    const { rows } = await harness.app.db.admin.query(
      `SELECT s.quiet_weekends, s.smtp_host, s.smtp_port, s.smtp_password_encrypted <> 'smtp-secret-1' AS sealed,
              r.kind, r.alliance_id, r.types::text[] AS types, r.webhook_url_encrypted NOT LIKE 'http%' AS url_sealed
         FROM notification_settings s, group_robots r`,
    );
    expect(rows).toEqual([
      {
        quiet_weekends: false,
        smtp_host: '127.0.0.1',
        smtp_port: 2525,
        sealed: true,
        kind: 'dingtalk',
        alliance_id: allianceId,
        types: [
          'registry.import-finished',
          'registry.export-finished',
          'registry.member-joined',
          'registry.member-left',
        ],
        url_sealed: true,
      },
    ]);

    // Editing never shows the webhook URL or the secret.
    await row.getByTestId('robot-edit').click();
    const editor = page.getByRole('dialog').filter({ hasText: '编辑群机器人' });
    await editor.waitFor();
    await waitForValue(page.getByTestId('robot-webhook'), '');
    await waitForValue(page.getByTestId('robot-secret'), '');
    await closeDialog(editor, /取\s*消/);

    await row.getByTestId('robot-enabled').click();
    await page.getByText('已停用').first().waitFor();
    await waitFor(
      () => row.getByTestId('robot-test').isDisabled(),
      (disabled) => disabled,
    );

    await row.getByTestId('robot-delete').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /删\s*除/ })
      .click();
    await row.waitFor({ state: 'detached' });
  });

  it('reopens the stream with a fresh ticket after it fails, and stays live', async () => {
    const second = await harness.newPage();
    const tickets: string[] = [];
    // The first stream dies at once; the bell must start over with a new single-use ticket.
    await second.route(/\/api\/v1\/notifications\/stream\?/, async (route) => {
      tickets.push(new URL(route.request().url()).searchParams.get('ticket') ?? '');
      if (tickets.length === 1) await route.abort('connectionreset');
      else await route.continue();
    });
    await login(second, 'official@anhai.demo');
    const count = () => second.getByTestId('notification-count').textContent();
    const before = Number(await waitFor(count, (text) => /^\d+$/.test(text ?? '')));
    await waitFor(
      async () => tickets.length,
      (n) => n >= 2,
    );
    expect(new Set(tickets).size).toBe(tickets.length);

    await notifyExportFinished('重连联盟');
    await waitFor(count, (text) => text === String(before + 1));
    await second.context().close();
  });

  it('keeps the open inbox current while the stream is down: the count is fetched instead, and the list follows it', async () => {
    const second = await harness.newPage();
    await second.route(/\/api\/v1\/notifications\/stream\?/, (route) => route.abort('connectionreset'));
    await login(second, 'official@anhai.demo');
    await second.goto('/notifications?unread=true');
    const table = second.getByTestId('notifications-table');
    await table.getByRole('row').filter({ hasText: '导出完成：重连联盟' }).waitFor();
    await table.locator('.ant-spin-spinning').waitFor({ state: 'detached' });

    await notifyExportFinished('断流联盟');
    await table.getByRole('row').filter({ hasText: '导出完成：断流联盟' }).waitFor();
    await second.context().close();
  });

  it('lists a failed delivery for the platform admin with its error, and retries it', async () => {
    const { admin } = harness.app.db;
    const [{ id: eventId }] = (
      await admin.query(
        `INSERT INTO notification_events (tenant_id, type, payload, dedupe_key) VALUES ($1, 'registry.export-finished', '{}', $2) RETURNING id`,
        [official.tenant_id, randomUUID()],
      )
    ).rows;
    const [{ id: deliveryId }] = (
      await admin.query(
        `INSERT INTO notification_deliveries (tenant_id, event_id, channel, user_id, recipient_key, status, not_before, attempts, last_error)
         VALUES ($1, $2, 'email', $3, $4, 'failed', now(), 5, '550 mailbox unavailable') RETURNING id`,
        [official.tenant_id, eventId, official.id, `user:${official.id}`],
      )
    ).rows;

    const platform = await harness.newPage();
    await login(platform, 'platform@lianmeng.demo');
    await platform.getByTestId('notification-count').waitFor({ state: 'attached' });
    // No township, so no notifications of their own to tune: the inbox only.
    await platform.getByTestId('nav-notifications').waitFor();
    expect(await platform.getByTestId('nav-settings/notifications').count()).toBe(0);
    await platform.getByTestId('nav-notification-deliveries').getByText('投递失败').click();
    await platform.waitForURL('**/notification-deliveries');
    const row = platform
      .getByTestId('deliveries-table')
      .getByRole('row')
      .filter({ hasText: '550 mailbox unavailable' });
    await row.getByText('安海镇').waitFor();
    await row.getByText('导出完成').waitFor();
    await row.getByText('邮件').waitFor();

    await row.getByTestId('delivery-retry').click();
    await platform.getByText('已重新排队发送').waitFor();
    await row.waitFor({ state: 'detached' });
    const { rows } = await admin.query(`SELECT retries FROM notification_deliveries WHERE id = $1`, [deliveryId]);
    expect(rows).toEqual([{ retries: 1 }]);
  });

  it('threw no uncaught errors in the page', () => {
    expect(harness.pageErrors).toEqual([]);
  });
});
