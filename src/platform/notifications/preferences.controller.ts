import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../auth/access.decorators';
import { User } from '../auth/entities/user.entity';
import { TenantContext } from '../tenancy/tenant-context.service';
import { PreferencesDto, PreferencesView } from './dto/notification.dto';
import { NotificationPreference } from './entities/notification-preference.entity';
import { registeredNotificationTypes } from './notification-registry';
import { PlatformNotification } from './platform.notifications';

/** The signed-in person's choice of channels per event type, and the daily digest. */
@ApiTags('notifications')
@ApiBearerAuth()
@SignedIn()
@Controller('notification-preferences')
export class PreferencesController {
  constructor(private readonly tenant: TenantContext) {}

  @ApiOperation({ summary: 'The own notification preferences' })
  @Get()
  async get(): Promise<PreferencesView> {
    const { userId } = this.tenant.actor;
    const user = await this.tenant.manager.getRepository(User).findOneByOrFail({ id: userId });
    const rows = await this.tenant.manager.getRepository(NotificationPreference).find({ where: { userId } });
    const byType = new Map(rows.map((r) => [r.type, r]));
    return {
      emailDigest: user.emailDigest,
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
      await this.tenant.manager.getRepository(User).update({ id: userId }, { emailDigest: body.emailDigest });
    }
    for (const preference of body.types ?? []) {
      await this.tenant.manager.query(
        `INSERT INTO notification_preferences (tenant_id, user_id, type, in_app, email, sms) VALUES ($1, $2, $3, $4, $5, coalesce($6, false))
         ON CONFLICT (user_id, type) DO UPDATE
           SET in_app = EXCLUDED.in_app, email = EXCLUDED.email, sms = coalesce($6, notification_preferences.sms)`,
        [tenantId, userId, preference.type, preference.inApp, preference.email, preference.sms ?? null],
      );
    }
    return this.get();
  }
}
