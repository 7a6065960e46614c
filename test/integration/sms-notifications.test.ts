import { AllianceNotification } from '../../src/modules/alliances/alliances.notifications';
import { DeliveryChannel } from '../../src/platform/notifications/notification-types';
import { Notifier } from '../../src/platform/notifications/notifier.service';
import { Role } from '../../src/platform/auth/entities/role';
import { TenantContext } from '../../src/platform/tenancy/tenant-context.service';
import { Http } from '../support/http';
import { SmsServer } from '../support/sms-server';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

// Wednesday 10:00 and 23:00 in Asia/Shanghai (UTC+8).
const WEDNESDAY_MORNING = new Date('2026-11-25T02:00:00Z');
const WEDNESDAY_NIGHT = new Date('2026-11-25T15:00:00Z');
const KEY_ID = 'LTAI-township-key';
const KEY_SECRET = 'township-access-key-secret';

describe('notifications by SMS (短信)', () => {
  let app: TestApp;
  let http: Http;
  let sms: SmsServer;
  let official: string;
  let tenantId: string;

  beforeAll(async () => {
    sms = new SmsServer({ [KEY_ID]: KEY_SECRET });
    const endpoint = await sms.start();
    app = await startTestApp({
      worker: true,
      env: { QUEUE_BACKOFF_MS: '100', QUEUE_ATTEMPTS: '3' },
      now: WEDNESDAY_MORNING,
    });
    sms.now = () => app.clock.now().getTime();
    http = new Http(app.api);
    official = await http.token('official@anhai.demo');
    tenantId = (await app.db.admin.query(`SELECT id FROM tenants WHERE slug = 'anhai'`)).rows[0].id;
    const saved = await http.put(
      '/api/v1/notification-settings',
      {
        smsEndpoint: endpoint,
        smsAccessKeyId: KEY_ID,
        smsAccessKeySecret: KEY_SECRET,
        smsSignName: '安海镇人民政府',
        smsTemplates: { 'registry.member-left': 'SMS_100001' },
      },
      { token: official },
    );
    expect(saved.status).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await sms.stop();
  });

  const userId = async (email: string) =>
    (await app.db.admin.query('SELECT id FROM users WHERE email = $1', [email])).rows[0].id as string;
  const setMobile = async (email: string, mobile: string | null) =>
    app.db.admin.query('UPDATE users SET mobile = $2 WHERE email = $1', [email, mobile]);
  const smsDeliveries = (eventType: string) =>
    app.db.admin
      .query(
        `SELECT d.* FROM notification_deliveries d JOIN notification_events e ON e.id = d.event_id WHERE e.type = $1 AND d.channel = 'sms' ORDER BY d.created_at`,
        [eventType],
      )
      .then((r) => r.rows);
  const notify = (...args: Parameters<Notifier['notify']>) =>
    app.api
      .get(TenantContext)
      .run({ userId: '', tenantId, role: Role.TownshipAdmin, organizationId: null }, () =>
        app.api.get(Notifier).notify(...args),
      );
  const turnOnSms = (token: string, type: string) =>
    http.put(
      '/api/v1/notification-preferences',
      { types: [{ type, inApp: true, email: false, sms: true }] },
      { token },
    );

  it('lets officials set the SMS account and templates, the secret sealed and never returned', async () => {
    const view = (await http.get('/api/v1/notification-settings', { token: official })).body;
    expect(view).toMatchObject({
      smsAccessKeyId: KEY_ID,
      hasSmsAccessKeySecret: true,
      smsSignName: '安海镇人民政府',
      smsTemplates: { 'registry.member-left': 'SMS_100001' },
    });
    expect(JSON.stringify(view)).not.toContain(KEY_SECRET);
    const { rows } = await app.db.admin.query(
      'SELECT sms_access_key_secret_encrypted AS s FROM notification_settings WHERE tenant_id = $1',
      [tenantId],
    );
    expect(rows[0].s).toMatch(/^v1\./);
    expect(rows[0].s).not.toContain(KEY_SECRET);
    const bad = await http.put(
      '/api/v1/notification-settings',
      { smsTemplates: { 'no.such-type': 'SMS_1' } },
      { token: official },
    );
    expect(bad.status).toBe(400);
  });

  it('is off by default, and sends the mapped template with the payload to a person who turned it on', async () => {
    await setMobile('official@anhai.demo', '13800000001');
    expect(
      (await http.get('/api/v1/notification-preferences', { token: official })).body.types.every(
        (t: { sms: boolean }) => t.sms === false,
      ),
    ).toBe(true);
    await notify({ userIds: [await userId('official@anhai.demo')] }, AllianceNotification.MemberLeft, {
      allianceId: tenantId,
      allianceName: '默认关闭',
      organizationName: 'A',
      reason: 'r',
    });
    expect(await smsDeliveries('registry.member-left')).toHaveLength(0);

    expect(
      (await turnOnSms(official, 'registry.member-left')).body.types.find(
        (t: { type: string }) => t.type === 'registry.member-left',
      ).sms,
    ).toBe(true);
    await notify({ userIds: [await userId('official@anhai.demo')] }, AllianceNotification.MemberLeft, {
      allianceId: tenantId,
      allianceName: '智能装备联盟',
      organizationName: '恒安纸业',
      reason: '迁出',
    });
    const [delivery] = await waitFor(
      () => smsDeliveries('registry.member-left'),
      (d) => d[0]?.status === 'sent',
    );
    const [request] = sms.requests;
    expect(request.signatureValid).toBe(true);
    expect(request.params).toMatchObject({
      PhoneNumbers: '13800000001',
      SignName: '安海镇人民政府',
      TemplateCode: 'SMS_100001',
      OutId: delivery.id,
    });
    expect(JSON.parse(request.params.TemplateParam)).toEqual({
      allianceId: tenantId,
      allianceName: '智能装备联盟',
      organizationName: '恒安纸业',
      reason: '迁出',
    });
  });

  it('records a skipped delivery, with the reason, for a type without a template', async () => {
    await turnOnSms(official, 'registry.member-joined');
    await notify({ userIds: [await userId('official@anhai.demo')] }, AllianceNotification.MemberJoined, {
      allianceName: '无模板',
      organizationName: 'B',
      role: 'member',
      allianceId: tenantId,
    });
    const [delivery] = await waitFor(
      () => smsDeliveries('registry.member-joined'),
      (d) => d[0]?.status === 'skipped',
    );
    expect(delivery.last_error).toContain('No SMS template is mapped to registry.member-joined');
    const platform = await http.token('platform@lianmeng.demo');
    const listed = await http.get('/api/v1/admin/notification-deliveries?status=skipped', { token: platform });
    expect(listed.body.items.find((d: { id: string }) => d.id === delivery.id)).toMatchObject({
      channel: 'sms',
      lastError: expect.stringContaining('No SMS template'),
    });
  });

  it('records a skipped delivery for a person without a mobile number', async () => {
    const token = await http.token('xingyi@anhai.demo');
    await setMobile('xingyi@anhai.demo', null);
    await turnOnSms(token, 'registry.member-left');
    await notify({ userIds: [await userId('xingyi@anhai.demo')] }, AllianceNotification.MemberLeft, {
      allianceId: tenantId,
      allianceName: '无手机',
      organizationName: 'C',
      reason: 'r',
    });
    const rows = await waitFor(
      () => smsDeliveries('registry.member-left'),
      (d) => d.some((x) => x.status === 'skipped'),
    );
    expect(rows.find((x) => x.status === 'skipped')).toMatchObject({
      user_id: await userId('xingyi@anhai.demo'),
      last_error: 'The recipient has no mobile number',
    });
  });

  it('marks the delivery failed with the provider’s reason after its last attempt', async () => {
    const before = sms.requests.length;
    sms.failNext(3);
    const eventId = await notify({ userIds: [await userId('official@anhai.demo')] }, AllianceNotification.MemberLeft, {
      allianceId: tenantId,
      allianceName: '流控',
      organizationName: 'D',
      reason: 'r',
    });
    const failed = await waitFor(
      async () =>
        (
          await app.db.admin.query(`SELECT * FROM notification_deliveries WHERE event_id = $1 AND channel = 'sms'`, [
            eventId,
          ])
        ).rows[0],
      (d) => d?.status === 'failed',
    );
    expect(failed).toMatchObject({ attempts: 3, last_error: expect.stringContaining('isv.BUSINESS_LIMIT_CONTROL') });
    expect(sms.requests.length).toBe(before);
  });

  it('holds a text message through quiet hours like the other external channels', async () => {
    app.clock.set(WEDNESDAY_NIGHT);
    try {
      const eventId = await notify(
        { userIds: [await userId('official@anhai.demo')] },
        AllianceNotification.MemberLeft,
        {
          allianceId: tenantId,
          allianceName: '夜间',
          organizationName: 'E',
          reason: 'r',
        },
      );
      const [held] = (
        await app.db.admin.query(`SELECT * FROM notification_deliveries WHERE event_id = $1 AND channel = 'sms'`, [
          eventId,
        ])
      ).rows;
      expect(held).toMatchObject({ status: 'pending', not_before: new Date('2026-11-26T00:00:00Z') });
    } finally {
      app.clock.set(WEDNESDAY_MORNING);
    }
  });

  it('keeps the database’s channel constraint in step with the code’s list of channels', async () => {
    const { rows } = await app.db.admin.query(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'ck_notification_deliveries__channel'`,
    );
    for (const channel of Object.values(DeliveryChannel)) expect(rows[0].def).toContain(`'${channel}'`);
  });
});
