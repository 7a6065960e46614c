import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { NotificationDigestHandler } from '../../src/platform/notifications/notification-digest.handler';
import { AllianceNotification } from '../../src/modules/alliances/alliances.notifications';
import { RegistryTransferNotification } from '../../src/modules/registry-transfer/registry-transfer.notifications';
import { type Notice, notice, Notifier } from '../../src/platform/notifications/notifier.service';
import { NOTIFICATIONS_QUEUE } from '../../src/platform/notifications/notifications.jobs';
import { Role } from '../../src/platform/auth/entities/role';
import { createApiApp } from '../../src/platform/http/create-api-app';
import { TenantContext } from '../../src/platform/tenancy/tenant-context.service';
import type { ControlledClock } from '../support/clock';
import { Http } from '../support/http';
import { RobotServer } from '../support/robot-server';
import { SmtpSink } from '../support/smtp-sink';
import { idOf } from '../support/tenants';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

// Wednesday 10:00 and 23:00 in Asia/Shanghai (UTC+8).
const WEDNESDAY_MORNING = new Date('2026-11-25T02:00:00Z');
const WEDNESDAY_NIGHT = new Date('2026-11-25T15:00:00Z');
const THURSDAY_0800 = new Date('2026-11-26T00:00:00Z');
const DINGTALK_SECRET = 'SECdingtalk-signing-secret';

describe('notifications', () => {
  let app: TestApp;
  let http: Http;
  let smtp: SmtpSink;
  let robots: RobotServer;
  let robotBase: string;
  let clock: ControlledClock;
  let official: string;
  let tenantId: string;
  let allianceId: string;

  beforeAll(async () => {
    smtp = new SmtpSink();
    robots = new RobotServer(DINGTALK_SECRET);
    const smtpUrl = await smtp.start();
    robotBase = await robots.start();
    app = await startTestApp({
      worker: true,
      env: { SMTP_URL: smtpUrl, QUEUE_BACKOFF_MS: '100', QUEUE_ATTEMPTS: '3' },
      now: WEDNESDAY_MORNING,
    });
    clock = app.clock;
    robots.now = () => clock.now().getTime();
    http = new Http(app.api);
    official = await http.token('official@anhai.demo');
    tenantId = (await app.db.admin.query(`SELECT id FROM tenants WHERE slug = 'anhai'`)).rows[0].id;
    allianceId = await idOf(app.db.admin, 'alliances', '安海镇智能装备制造产业集群党建联盟');
  });
  afterAll(async () => {
    await app.close();
    await smtp.stop();
    await robots.stop();
  });

  const userId = async (email: string) =>
    (await app.db.admin.query('SELECT id FROM users WHERE email = $1', [email])).rows[0].id as string;
  const deliveries = (eventType: string) =>
    app.db.admin
      .query(
        `SELECT d.* FROM notification_deliveries d JOIN notification_events e ON e.id = d.event_id WHERE e.type = $1 ORDER BY d.created_at`,
        [eventType],
      )
      .then((r) => r.rows);
  const notify = (...args: Parameters<Notifier['notify']>) =>
    app.api
      .get(TenantContext)
      .run({ userId: '', tenantId, role: Role.TownshipAdmin, organizationId: null }, () =>
        app.api.get(Notifier).notify(...args),
      );
  const addMember = async (name: string) => {
    const org = await http.post(
      '/api/v1/organizations',
      { name, kind: 'enterprise', partyOrganization: { type: 'branch', name: `${name}党支部`, memberCount: 3 } },
      { token: official },
    );
    await app.db.admin.query(
      `INSERT INTO users (tenant_id, email, display_name, role, organization_id, status, locale) VALUES ($1, $2, $3, 'enterprise_contact', $4, 'active', 'en')`,
      [tenantId, `contact@${org.body.id.slice(0, 8)}.demo`, `${name} contact`, org.body.id],
    );
    const joined = await http.post(
      `/api/v1/alliances/${allianceId}/members`,
      { organizationId: org.body.id, role: 'member' },
      { token: official },
    );
    expect(joined.status).toBe(201);
    return {
      organizationId: org.body.id as string,
      contactEmail: `contact@${org.body.id.slice(0, 8)}.demo`,
      membershipId: joined.body.id as string,
    };
  };

  it('puts an item in the inbox, counts it unread, and marks it read', async () => {
    const before = (await http.get('/api/v1/notifications/unread-count', { token: official })).body.unreadCount;
    await notify({ userIds: [await userId('official@anhai.demo')] }, RegistryTransferNotification.ExportFinished, {
      allianceName: '测试联盟',
      allianceId,
      jobId: 'j1',
    });
    expect((await http.get('/api/v1/notifications/unread-count', { token: official })).body.unreadCount).toBe(
      before + 1,
    );
    const inbox = await http.get('/api/v1/notifications?unread=true', { token: official });
    expect(inbox.body.items[0]).toMatchObject({
      type: 'registry.export-finished',
      title: '导出完成：测试联盟',
      link: `/imports?allianceId=${allianceId}&jobId=j1`,
      readAt: null,
    });
    const read = await http.post(`/api/v1/notifications/${inbox.body.items[0].id}/read`, undefined, {
      token: official,
    });
    expect(read.body.readAt).not.toBeNull();
    expect((await http.get('/api/v1/notifications/unread-count', { token: official })).body.unreadCount).toBe(before);
    // Nobody else can read or mark another person's item.
    const other = await http.post(`/api/v1/notifications/${inbox.body.items[0].id}/read`, undefined, {
      token: await http.token('dept@anhai.demo'),
    });
    expect(other.status).toBe(404);
  });

  it('emails an invitation in the invitee’s language with a link that works, and keeps the link encrypted', async () => {
    const invited = await http.post(
      '/api/v1/users/invitations',
      { email: 'new.staff@anhai.demo', displayName: '新同事', role: 'expert' },
      { token: official },
    );
    expect(invited.status).toBe(201);
    const [mail] = await waitFor(
      async () => smtp.to('new.staff@anhai.demo'),
      (m) => m.length > 0,
    );
    expect(mail.subject).toBe('邀请您加入安海镇的联盟平台');
    expect(mail.from?.text).toContain('no-reply@lianmeng.local');
    const link = /(http\S+accept-invitation\?token=\S+)/.exec(mail.text ?? '')![1];
    expect(link).toBe(invited.body.invitationUrl);
    const token = new URL(link).searchParams.get('token')!;
    expect(
      (await http.post('/api/v1/auth/accept-invitation', { token, password: 'a private long passphrase' })).status,
    ).toBe(200);
    const { rows } = await app.db.admin.query(
      `SELECT payload::text FROM notification_events WHERE type = 'user.invited'`,
    );
    expect(rows[0].payload).not.toContain(token);
  });

  it('follows each person’s preferences per event type and channel', async () => {
    const contact = await http.token('jingong@anhai.demo');
    const prefs = await http.put(
      '/api/v1/notification-preferences',
      { types: [{ type: 'registry.member-left', inApp: true, email: false }] },
      { token: contact },
    );
    expect(prefs.status).toBe(200);
    expect(prefs.body.types).toContainEqual({ type: 'registry.member-left', inApp: true, email: false, sms: false });
    expect(prefs.body.types).toContainEqual({ type: 'registry.member-joined', inApp: true, email: true, sms: false });
    const jingong = await userId('jingong@anhai.demo');
    await notify({ userIds: [jingong] }, AllianceNotification.MemberLeft, {
      allianceId,
      allianceName: 'A',
      organizationName: 'B',
      reason: 'x',
    });
    await notify({ userIds: [jingong] }, AllianceNotification.MemberJoined, {
      allianceId,
      allianceName: 'A',
      organizationName: 'B',
      role: 'member',
    });
    const left = await deliveries('registry.member-left');
    const joined = await deliveries('registry.member-joined');
    expect(left.filter((d) => d.user_id === jingong)).toEqual([]);
    expect(joined.filter((d) => d.user_id === jingong)).toHaveLength(1);
    const inbox = await http.get('/api/v1/notifications', { token: contact });
    expect(inbox.body.items.map((n: { type: string }) => n.type)).toEqual(
      expect.arrayContaining(['registry.member-left', 'registry.member-joined']),
    );
  });

  it('posts to WeCom and DingTalk group robots in their formats, with DingTalk’s signature', async () => {
    const wecom = await http.post(
      '/api/v1/notification-settings/robots',
      {
        kind: 'wecom',
        name: '联盟企业微信群',
        allianceId,
        webhookUrl: `${robotBase}/wecom/send?key=WECOM-KEY`,
        types: ['registry.member-joined'],
      },
      { token: official },
    );
    expect(wecom.status).toBe(201);
    const dingtalk = await http.post(
      '/api/v1/notification-settings/robots',
      {
        kind: 'dingtalk',
        name: '联盟钉钉群',
        allianceId,
        webhookUrl: `${robotBase}/dingtalk/robot/send?access_token=DT-TOKEN`,
        secret: DINGTALK_SECRET,
        types: ['registry.member-joined', 'registry.member-left'],
      },
      { token: official },
    );
    expect(dingtalk.body).toMatchObject({ kind: 'dingtalk', hasSecret: true, webhookHost: new URL(robotBase).host });
    const listed = JSON.stringify((await http.get('/api/v1/notification-settings/robots', { token: official })).body);
    expect(listed).not.toContain('WECOM-KEY');
    expect(listed).not.toContain('DT-TOKEN');
    expect(listed).not.toContain(DINGTALK_SECRET);
    const stored = JSON.stringify((await app.db.admin.query('SELECT * FROM group_robots')).rows);
    expect(stored).not.toContain('WECOM-KEY');
    expect(stored).not.toContain(DINGTALK_SECRET);

    const { organizationId } = await addMember('机器人测试企业');
    const posted = await waitFor(
      async () => robots.requests.filter((r) => JSON.stringify(r.body).includes('机器人测试企业')),
      (r) => r.length === 2,
    );
    const toWeCom = posted.find((r) => r.path === '/wecom/send')!;
    expect(toWeCom.query.get('key')).toBe('WECOM-KEY');
    expect(toWeCom.body).toEqual({
      msgtype: 'markdown',
      markdown: {
        content: expect.stringMatching(
          /^\*\*机器人测试企业加入联盟\*\*\n机器人测试企业以成员企业身份加入“安海镇智能装备制造产业集群党建联盟”。\n\[查看详情\]\(http:\/\/localhost:3000\/alliances\//,
        ),
      },
    });
    const toDingTalk = posted.find((r) => r.path === '/dingtalk/robot/send')!;
    expect(toDingTalk.signatureValid).toBe(true);
    expect(toDingTalk.query.get('access_token')).toBe('DT-TOKEN');
    expect(toDingTalk.body).toMatchObject({
      msgtype: 'markdown',
      markdown: { title: '机器人测试企业加入联盟', text: expect.stringContaining('#### 机器人测试企业加入联盟') },
    });
    // The organisation's own contact was told too, in English, by email and in the inbox.
    const [mail] = await waitFor(
      async () => smtp.messages.filter((m) => m.subject === '机器人测试企业 joined the alliance'),
      (m) => m.length === 1,
    );
    expect(mail.text).toContain('joined "安海镇智能装备制造产业集群党建联盟" as a member enterprise');
    expect(organizationId).toBeDefined();
  });

  it('retries a robot that fails twice and sends exactly one message', async () => {
    robots.failNext(2);
    const robot = (await http.get('/api/v1/notification-settings/robots', { token: official })).body.items.find(
      (r: { kind: string }) => r.kind === 'dingtalk',
    );
    const countBefore = robots.requests.length;
    expect(
      (await http.post(`/api/v1/notification-settings/robots/${robot.id}/test`, undefined, { token: official })).status,
    ).toBe(202);
    const [delivery] = await waitFor(
      () => deliveries('notifications.robot-test'),
      (d) => d[0]?.status === 'sent',
    );
    expect(delivery.attempts).toBe(3);
    expect(
      robots.requests.slice(countBefore).filter((r) => r.body.markdown?.title === '联盟平台测试消息'),
    ).toHaveLength(1);
  });

  it('marks a delivery failed after its last attempt, shows it to platform admins, and sends it on retry', async () => {
    const platform = await http.token('platform@lianmeng.demo');
    smtp.failNext(3);
    await notify({ userIds: [await userId('xingyi@anhai.demo')] }, AllianceNotification.MemberLeft, {
      allianceId,
      allianceName: '失败测试',
      organizationName: 'X',
      reason: 'y',
    });
    const failed = await waitFor(
      () => http.get('/api/v1/admin/notification-deliveries?status=failed', { token: platform }),
      (r) => r.body.items.some((d: { eventType: string }) => d.eventType === 'registry.member-left'),
    );
    const item = failed.body.items.find((d: { eventType: string }) => d.eventType === 'registry.member-left');
    expect(item).toMatchObject({
      channel: 'email',
      status: 'failed',
      attempts: 3,
      lastError: expect.stringContaining('Mailbox temporarily unavailable'),
    });
    expect((await http.get('/api/v1/admin/notification-deliveries', { token: official })).status).toBe(403);

    const retried = await http.post(`/api/v1/admin/notification-deliveries/${item.id}/retry`, undefined, {
      token: platform,
    });
    expect(retried.status).toBe(202);
    await waitFor(
      async () => smtp.messages.filter((m) => m.subject === 'X退出联盟'),
      (m) => m.length === 1,
    );
    // The mail is out before the worker records it: wait for the record, not just the mail.
    await waitFor(
      async () =>
        (await app.db.admin.query('SELECT status FROM notification_deliveries WHERE id = $1', [item.id])).rows[0]
          .status,
      (s) => s === 'sent',
    );
  });

  it('never notifies twice for the same event, whoever calls again', async () => {
    const xingyi = await userId('xingyi@anhai.demo');
    const first = await notify(
      { userIds: [xingyi] },
      RegistryTransferNotification.ExportFinished,
      { allianceName: '重复', allianceId, jobId: 'dup' },
      { dedupeKey: 'export-finished:dup' },
    );
    const second = await notify(
      { userIds: [xingyi] },
      RegistryTransferNotification.ExportFinished,
      { allianceName: '重复', allianceId, jobId: 'dup' },
      { dedupeKey: 'export-finished:dup' },
    );
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    await waitFor(
      async () => smtp.messages.filter((m) => m.subject === '导出完成：重复'),
      (m) => m.length === 1,
    );
    // Enqueuing the same delivery again adds no job: the delivery id is the job id.
    const [delivery] = (await app.db.admin.query(`SELECT id FROM notification_deliveries WHERE event_id = $1`, [first]))
      .rows;
    const queue = app.worker!.get<Queue>(getQueueToken(NOTIFICATIONS_QUEUE), { strict: false });
    await queue.add('deliver-notification', { tenantId, deliveryId: delivery.id }, { jobId: delivery.id });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.messages.filter((m) => m.subject === '导出完成：重复')).toHaveLength(1);
  });

  it('writes several notices in one batch as it would one by one: a used key writes nothing, in-app off keeps the inbox', async () => {
    const [xingyi, jingong] = [await userId('xingyi@anhai.demo'), await userId('jingong@anhai.demo')];
    const exported = (jobId: string) =>
      notice(
        { userIds: [xingyi, jingong] },
        RegistryTransferNotification.ExportFinished,
        { allianceName: '批量', allianceId, jobId },
        { dedupeKey: `export-finished:${jobId}` },
      );
    const notifyAll = (...notices: Notice[]) =>
      app.api
        .get(TenantContext)
        .run({ userId: '', tenantId, role: Role.TownshipAdmin, organizationId: null }, () =>
          app.api.get(Notifier).notifyAll(notices),
        );
    const [earlier] = await notifyAll(exported('batch-1'));
    await app.db.admin.query(
      `INSERT INTO notification_preferences (tenant_id, user_id, type, in_app, email, sms) VALUES ($1, $2, $3, false, true, false)`,
      [tenantId, jingong, RegistryTransferNotification.ExportFinished],
    );
    const [again, fresh, twice] = await notifyAll(exported('batch-1'), exported('batch-2'), exported('batch-2'));
    expect(earlier).not.toBeNull();
    expect(again).toBeNull();
    expect(fresh).not.toBeNull();
    expect(twice).toBeNull();
    const inboxOf = async (eventId: string | null) =>
      (await app.db.admin.query(`SELECT user_id FROM notifications WHERE event_id = $1`, [eventId])).rows.map(
        (r) => r.user_id as string,
      );
    const emailedOf = async (eventId: string | null) =>
      (
        await app.db.admin.query(
          `SELECT user_id FROM notification_deliveries WHERE event_id = $1 AND channel = 'email'`,
          [eventId],
        )
      ).rows.map((r) => r.user_id as string);
    expect((await inboxOf(earlier)).sort()).toEqual([xingyi, jingong].sort());
    expect(await inboxOf(fresh)).toEqual([xingyi]);
    expect((await emailedOf(earlier)).sort()).toEqual([xingyi, jingong].sort());
    expect((await emailedOf(fresh)).sort()).toEqual([xingyi, jingong].sort());
    const events = await app.db.admin.query(
      `SELECT dedupe_key FROM notification_events WHERE dedupe_key LIKE 'export-finished:batch-%' ORDER BY 1`,
    );
    expect(events.rows.map((r) => r.dedupe_key)).toEqual(['export-finished:batch-1', 'export-finished:batch-2']);
    // A retried job writes nothing twice.
    expect(await notifyAll(exported('batch-1'), exported('batch-2'))).toEqual([null, null]);
  });

  it('holds non-urgent messages through quiet hours and sends urgent ones at once', async () => {
    clock.set(WEDNESDAY_NIGHT);
    try {
      await notify({ userIds: [await userId('dept@anhai.demo')] }, AllianceNotification.MemberLeft, {
        allianceId,
        allianceName: '夜间',
        organizationName: '静默企业',
        reason: 'z',
      });
      const [held] = await deliveries('registry.member-left').then((d) =>
        d.filter((x) => x.recipient_key === `user:${x.user_id}` && x.status === 'pending'),
      );
      expect(held.not_before.toISOString()).toBe(THURSDAY_0800.toISOString());
      const queue = app.worker!.get<Queue>(getQueueToken(NOTIFICATIONS_QUEUE), { strict: false });
      const job = await waitFor(
        () => queue.getJob(held.id),
        (j) => j !== undefined,
      );
      expect(await job!.getState()).toBe('delayed');
      expect(job!.opts.delay).toBe(9 * 3600_000);

      const robot = (await http.get('/api/v1/notification-settings/robots', { token: official })).body.items.find(
        (r: { kind: string }) => r.kind === 'wecom',
      );
      const before = robots.requests.length;
      await http.post(`/api/v1/notification-settings/robots/${robot.id}/test`, undefined, { token: official });
      await waitFor(
        async () => robots.requests.length,
        (n) => n > before,
      );
    } finally {
      clock.set(WEDNESDAY_MORNING);
    }
  });

  it('sends a daily digest instead of one email per event, once a day, after quiet hours', async () => {
    const expert = await http.token('expert@anhai.demo');
    expect(
      (await http.put('/api/v1/notification-preferences', { emailDigest: true }, { token: expert })).body.emailDigest,
    ).toBe(true);
    const expertId = await userId('expert@anhai.demo');
    clock.set(WEDNESDAY_NIGHT);
    await notify({ userIds: [expertId] }, AllianceNotification.MemberJoined, {
      allianceId,
      allianceName: '摘要联盟',
      organizationName: '甲企业',
      role: 'member',
    });
    await notify({ userIds: [expertId] }, AllianceNotification.MemberLeft, {
      allianceId,
      allianceName: '摘要联盟',
      organizationName: '乙企业',
      reason: '迁出',
    });
    const digest = app.worker!.get(NotificationDigestHandler);
    expect(await digest.sendForTenant(tenantId)).toBe(0); // still quiet at 23:00

    clock.set(new Date(THURSDAY_0800.getTime() + 30 * 60_000));
    expect(await digest.sendForTenant(tenantId)).toBe(1);
    const mails = smtp.to('expert@anhai.demo').filter((m) => m.subject?.startsWith('联盟平台每日摘要'));
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('联盟平台每日摘要：2 条动态');
    expect(mails[0].text).toContain('甲企业加入联盟');
    expect(mails[0].text).toContain('乙企业退出联盟');
    await notify({ userIds: [expertId] }, AllianceNotification.MemberJoined, {
      allianceId,
      allianceName: '摘要联盟',
      organizationName: '丙企业',
      role: 'member',
    });
    expect(await digest.sendForTenant(tenantId)).toBe(0); // one a day
    clock.set(WEDNESDAY_MORNING);
  });

  it('lets officials set quiet hours and a mail server whose password is never returned', async () => {
    const bad = await http.put('/api/v1/notification-settings', { quietStart: '25:00' }, { token: official });
    expect(bad.body.details).toEqual([{ field: 'quietStart', reason: '必须是 HH:MM 格式的时间' }]);
    const saved = await http.put(
      '/api/v1/notification-settings',
      {
        quietStart: '21:30',
        quietEnd: '07:30',
        quietWeekends: false,
        smtpHost: 'smtp.anhai.gov.cn',
        smtpPort: 465,
        smtpSecure: true,
        smtpUsername: 'notice',
        smtpPassword: 'smtp-secret-pw',
        mailFrom: '安海镇 <notice@anhai.gov.cn>',
      },
      { token: official },
    );
    expect(saved.body).toMatchObject({
      quietStart: '21:30',
      quietEnd: '07:30',
      quietWeekends: false,
      timeZone: 'Asia/Shanghai',
      hasSmtpPassword: true,
    });
    expect(JSON.stringify(saved.body)).not.toContain('smtp-secret-pw');
    const { rows } = await app.db.admin.query('SELECT smtp_password_encrypted FROM notification_settings');
    expect(rows[0].smtp_password_encrypted).not.toContain('smtp-secret-pw');
    expect(
      (await http.get('/api/v1/notification-settings', { token: await http.token('dept@anhai.demo') })).status,
    ).toBe(403);
  });

  it('streams the unread count live over server-sent events', async () => {
    await app.api.listen({ port: 0, host: '127.0.0.1' });
    const base = await app.api.getUrl();
    const xingyi = await http.token('xingyi@anhai.demo');
    await http.post('/api/v1/notifications/read-all', undefined, { token: xingyi });
    const { ticket } = (await http.post('/api/v1/notifications/stream-ticket', undefined, { token: xingyi })).body;
    const controller = new AbortController();
    const response = await fetch(`${base.replace('[::1]', '127.0.0.1')}/api/v1/notifications/stream?ticket=${ticket}`, {
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const { counts, reading } = unreadCounts(response);
    await waitFor(
      async () => counts.length,
      (n) => n >= 1,
    );
    expect(counts[0]).toBe(0);
    await notify({ userIds: [await userId('xingyi@anhai.demo')] }, RegistryTransferNotification.ExportFinished, {
      allianceName: '实时',
      allianceId,
      jobId: 'live',
    });
    await waitFor(
      async () => counts[counts.length - 1],
      (n) => n === 1,
    );
    await http.post('/api/v1/notifications/read-all', undefined, { token: xingyi });
    await waitFor(
      async () => counts[counts.length - 1],
      (n) => n === 0,
    );
    controller.abort();
    await reading;
    // A ticket opens one stream only.
    expect(
      (await fetch(`${base.replace('[::1]', '127.0.0.1')}/api/v1/notifications/stream?ticket=${ticket}`)).status,
    ).toBe(401);
  });

  it('updates a stream held by one API process when the item is read through another', async () => {
    // A second API process on the same database and Redis: a load balancer may send a person's tabs to either.
    const second = await createApiApp({ logger: false });
    await second.init();
    await second.getHttpAdapter().getInstance().ready();
    const controller = new AbortController();
    try {
      if (!app.api.getHttpServer().listening) await app.api.listen({ port: 0, host: '127.0.0.1' });
      const base = (await app.api.getUrl()).replace('[::1]', '127.0.0.1');
      const xingyi = await http.token('xingyi@anhai.demo');
      await http.post('/api/v1/notifications/read-all', undefined, { token: xingyi });
      const { ticket } = (await http.post('/api/v1/notifications/stream-ticket', undefined, { token: xingyi })).body;
      const response = await fetch(`${base}/api/v1/notifications/stream?ticket=${ticket}`, {
        signal: controller.signal,
      });
      const { counts, reading } = unreadCounts(response);
      await waitFor(
        async () => counts.length,
        (n) => n >= 1,
      );
      expect(counts[0]).toBe(0);

      await notify({ userIds: [await userId('xingyi@anhai.demo')] }, RegistryTransferNotification.ExportFinished, {
        allianceName: '两个进程',
        allianceId,
        jobId: 'two-apis',
      });
      await waitFor(
        async () => counts[counts.length - 1],
        (n) => n === 1,
      );
      const [item] = (await http.get('/api/v1/notifications?unread=true', { token: xingyi })).body.items;
      const read = await new Http(second).post(`/api/v1/notifications/${item.id}/read`, undefined, { token: xingyi });
      expect(read.status).toBe(200);
      await waitFor(
        async () => counts[counts.length - 1],
        (n) => n === 0,
      );
      controller.abort();
      await reading;
    } finally {
      controller.abort();
      await second.close();
    }
  });
});

/** Collects the unread counts a notification stream pushes, until the stream ends. */
function unreadCounts(response: Response): { counts: number[]; reading: Promise<void> } {
  const reader = response.body!.getReader();
  const counts: number[] = [];
  const reading = (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += Buffer.from(value).toString('utf8');
      for (const match of buffer.matchAll(/data: (\{"unreadCount":\d+\})/g))
        counts.push(JSON.parse(match[1]).unreadCount);
      buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
    }
  })().catch(() => undefined);
  return { counts, reading };
}
