import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../auth/access.decorators';
import { TenantContext } from '../tenancy/tenant-context.service';
import { PreferencesDto, PreferencesView } from './dto/notification.dto';
import { registeredNotificationTypes } from './notification-registry';
import { NotificationsRepository } from './notifications.repository';
import { PlatformNotification } from './platform.notifications';

/** The signed-in person's choice of channels per event type, and the daily digest. */
@ApiTags('notifications')
@ApiBearerAuth()
@SignedIn()
@Controller('notification-preferences')
export class PreferencesController {
  constructor(
    private readonly tenant: TenantContext,
    private readonly notifications: NotificationsRepository,
  ) {}

  @ApiOperation({ summary: 'The own notification preferences' })
  @Get()
  async get(): Promise<PreferencesView> {
    const { userId } = this.tenant.actor;
    const emailDigest = await this.notifications.emailDigestOf(userId);
    const rows = await this.notifications.preferencesOf(userId);
    const byType = new Map(rows.map((r) => [r.type, r]));
    return {
      emailDigest,
      types: registeredNotificationTypes()
        .filter((type) => type !== PlatformNotification.RobotTest)
        .map((type) => ({
          type,
          inApp: byType.get(type)?.inApp ?? true,
          email: byType.get(type)?.email ?? true,
          sms: byType.get(type)?.sms ?? false,
        })),
    };
  }

  @ApiOperation({ summary: 'Change the own notification preferences' })
  @Put()
  async update(@Body() body: PreferencesDto): Promise<PreferencesView> {
    const { userId, tenantId } = this.tenant.actor;
    if (body.emailDigest !== undefined) {
      await this.notifications.setEmailDigest(userId, body.emailDigest);
    }
    for (const preference of body.types ?? []) await this.notifications.savePreference(tenantId, userId, preference);
    return this.get();
  }
}
