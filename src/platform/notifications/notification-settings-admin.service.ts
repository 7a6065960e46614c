import { Injectable } from '@nestjs/common';
import { DomainException } from '../errors/domain.exception';
import { keysetPage } from '../pagination/keyset';
import type { Page, PageQueryDto } from '../pagination/page.dto';
import { ErrorCode } from '../errors/error-code';
import { TenantContext } from '../tenancy/tenant-context.service';
import { townshipSettingsKey } from '../tenancy/township-settings';
import type {
  CreateRobotDto,
  NotificationSettingsView,
  RobotView,
  UpdateNotificationSettingsDto,
  UpdateRobotDto,
} from './dto/notification.dto';
import { GroupRobot } from './entities/group-robot.entity';
import { NotificationSettings } from './entities/notification-settings.entity';
import { NotificationSettingsReader } from './notification-settings.service';
import { isNotificationType, type NotificationType } from './notification-registry';
import { NotificationsRepository } from './notifications.repository';
import { PlatformNotification } from './platform.notifications';
import { Notifier } from './notifier.service';
import { DEFAULT_QUIET_HOURS } from './quiet-hours';
import { SecretBox } from './secret-box';

@Injectable()
export class NotificationSettingsAdmin {
  constructor(
    private readonly tenant: TenantContext,
    private readonly reader: NotificationSettingsReader,
    private readonly box: SecretBox,
    private readonly notifier: Notifier,
    private readonly notifications: NotificationsRepository,
  ) {}

  async settings(): Promise<NotificationSettingsView> {
    const { settings, timeZone } = await this.reader.find(this.tenant.tenantId);
    return {
      quietStart: settings?.quietStart ?? DEFAULT_QUIET_HOURS.start,
      quietEnd: settings?.quietEnd ?? DEFAULT_QUIET_HOURS.end,
      quietWeekends: settings?.quietWeekends ?? DEFAULT_QUIET_HOURS.weekends,
      timeZone,
      smtpHost: settings?.smtpHost ?? null,
      smtpPort: settings?.smtpPort ?? null,
      smtpSecure: settings?.smtpSecure ?? false,
      smtpUsername: settings?.smtpUsername ?? null,
      hasSmtpPassword: !!settings?.smtpPasswordEncrypted,
      mailFrom: settings?.mailFrom ?? null,
      smsEndpoint: settings?.smsEndpoint ?? null,
      smsAccessKeyId: settings?.smsAccessKeyId ?? null,
      hasSmsAccessKeySecret: !!settings?.smsAccessKeySecretEncrypted,
      smsSignName: settings?.smsSignName ?? null,
      smsTemplates: settings?.smsTemplates ?? {},
      smsVerificationTemplate: settings?.smsVerificationTemplate ?? null,
    };
  }

  async updateSettings(input: UpdateNotificationSettingsDto): Promise<NotificationSettingsView> {
    const repo = this.tenant.manager.getRepository(NotificationSettings);
    const tenantId = this.tenant.tenantId;
    const current = (await repo.findOne({ where: { tenantId } })) ?? repo.create({ tenantId });
    const { smtpPassword, smsAccessKeySecret, ...fields } = input;
    if (fields.smsTemplates) fields.smsTemplates = smsTemplates(fields.smsTemplates);
    if (fields.smsVerificationTemplate !== undefined)
      fields.smsVerificationTemplate = fields.smsVerificationTemplate?.trim() || null;
    await repo.save({
      ...current,
      ...fields,
      ...(smtpPassword !== undefined
        ? { smtpPasswordEncrypted: smtpPassword ? this.box.seal(smtpPassword) : null }
        : {}),
      ...(smsAccessKeySecret !== undefined
        ? { smsAccessKeySecretEncrypted: smsAccessKeySecret ? this.box.seal(smsAccessKeySecret) : null }
        : {}),
    });
    this.tenant.forget(townshipSettingsKey(tenantId));
    return this.settings();
  }

  async robots(page: PageQueryDto): Promise<Page<RobotView>> {
    const qb = this.tenant.manager.getRepository(GroupRobot).createQueryBuilder('r');
    const { items, nextCursor } = await keysetPage(
      qb,
      { column: 'r.created_at', kind: 'timestamp', idColumn: 'r.id', direction: 'ASC' },
      page,
    );
    return { items: items.map((r) => this.view(r)), nextCursor };
  }

  async createRobot(input: CreateRobotDto): Promise<RobotView> {
    if (!input.allianceId === !input.organizationId)
      throw DomainException.invalid([{ field: 'allianceId', reason: 'robotScope' }]);
    await this.requireScope(input.allianceId, input.organizationId);
    const robot = await this.tenant.manager.getRepository(GroupRobot).save({
      tenantId: this.tenant.tenantId,
      kind: input.kind,
      name: input.name.trim(),
      allianceId: input.allianceId ?? null,
      organizationId: input.organizationId ?? null,
      webhookUrlEncrypted: this.box.seal(input.webhookUrl),
      secretEncrypted: input.secret ? this.box.seal(input.secret) : null,
      types: [...new Set(input.types)],
      enabled: true,
    });
    return this.view(robot);
  }

  async updateRobot(id: string, input: UpdateRobotDto): Promise<RobotView> {
    const robot = await this.requireRobot(id);
    const { webhookUrl, secret, ...fields } = input;
    const saved = await this.tenant.manager.getRepository(GroupRobot).save({
      ...robot,
      ...fields,
      ...(webhookUrl ? { webhookUrlEncrypted: this.box.seal(webhookUrl) } : {}),
      ...(secret !== undefined ? { secretEncrypted: secret ? this.box.seal(secret) : null } : {}),
    });
    return this.view(saved);
  }

  async removeRobot(id: string): Promise<void> {
    await this.tenant.manager.getRepository(GroupRobot).delete({ id: (await this.requireRobot(id)).id });
  }

  async testRobot(id: string): Promise<void> {
    const robot = await this.requireRobot(id);
    if (!robot.enabled)
      throw DomainException.conflict(ErrorCode.InvalidTransition, [{ field: 'enabled', reason: 'robotDisabled' }]);
    await this.notifier.notify(
      { robotIds: [robot.id] },
      PlatformNotification.RobotTest,
      { robotName: robot.name },
      { urgent: true },
    );
  }

  private async requireRobot(id: string): Promise<GroupRobot> {
    const robot = await this.tenant.manager.getRepository(GroupRobot).findOneBy({ id });
    if (!robot) throw DomainException.notFound();
    return robot;
  }

  private async requireScope(allianceId?: string, organizationId?: string): Promise<void> {
    const [table, id, field] = allianceId
      ? (['alliances', allianceId, 'allianceId'] as const)
      : (['organizations', organizationId, 'organizationId'] as const);
    if (!id || !(await this.notifications.scopeExists(table, id)))
      throw DomainException.invalid([{ field, reason: 'notFound' }]);
  }

  private view(robot: GroupRobot): RobotView {
    let webhookHost: string;
    try {
      webhookHost = new URL(this.box.open(robot.webhookUrlEncrypted)).host;
    } catch {
      webhookHost = '';
    }
    return {
      id: robot.id,
      kind: robot.kind,
      name: robot.name,
      allianceId: robot.allianceId,
      organizationId: robot.organizationId,
      webhookHost,
      hasSecret: !!robot.secretEncrypted,
      types: robot.types,
      enabled: robot.enabled,
      createdAt: robot.createdAt,
    };
  }
}

const TEMPLATE_CODE = /^[A-Za-z0-9_]{1,50}$/;

/** The mapping without blank entries; an unknown type or a malformed code is a 400. */
function smsTemplates(input: Record<string, unknown>): Partial<Record<NotificationType, string>> {
  const mapping: Partial<Record<NotificationType, string>> = {};
  for (const [type, code] of Object.entries(input)) {
    if (!isNotificationType(type))
      throw DomainException.invalid([{ field: `smsTemplates.${type}`, reason: 'matches' }]);
    if (code === null || code === '') continue;
    if (typeof code !== 'string' || !TEMPLATE_CODE.test(code.trim())) {
      throw DomainException.invalid([{ field: `smsTemplates.${type}`, reason: 'matches' }]);
    }
    mapping[type] = code.trim();
  }
  return mapping;
}
