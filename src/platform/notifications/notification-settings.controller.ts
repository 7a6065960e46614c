import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { Role } from '../auth/entities/role';
import { IdParam } from '../http/id-param.decorator';
import { PageQueryDto } from '../pagination/page.dto';
import {
  CreateRobotDto,
  NotificationSettingsView,
  RobotList,
  RobotView,
  UpdateNotificationSettingsDto,
  UpdateRobotDto,
} from './dto/notification.dto';
import { NotificationSettingsAdmin } from './notification-settings-admin.service';

/** Officials: the township's quiet hours, mail server and group robots. */
@ApiTags('notifications')
@ApiBearerAuth()
@Roles(Role.TownshipAdmin)
@Controller('notification-settings')
export class NotificationSettingsController {
  constructor(private readonly admin: NotificationSettingsAdmin) {}

  @ApiOperation({ summary: "The township's notification settings" })
  @Get()
  get(): Promise<NotificationSettingsView> {
    return this.admin.settings();
  }

  @ApiOperation({ summary: "Change the township's notification settings" })
  @Put()
  update(@Body() body: UpdateNotificationSettingsDto): Promise<NotificationSettingsView> {
    return this.admin.updateSettings(body);
  }

  @ApiOperation({ summary: 'List chat robots' })
  @Get('robots')
  robots(@Query() page: PageQueryDto): Promise<RobotList> {
    return this.admin.robots(page);
  }

  @ApiOperation({ summary: 'Add a chat robot' })
  @Post('robots')
  createRobot(@Body() body: CreateRobotDto): Promise<RobotView> {
    return this.admin.createRobot(body);
  }

  @ApiOperation({ summary: 'Change a chat robot' })
  @Patch('robots/:id')
  updateRobot(@IdParam() id: string, @Body() body: UpdateRobotDto): Promise<RobotView> {
    return this.admin.updateRobot(id, body);
  }

  @ApiOperation({ summary: 'Remove a chat robot' })
  @Delete('robots/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async removeRobot(@IdParam() id: string): Promise<void> {
    await this.admin.removeRobot(id);
  }

  /** Sends a test message through the robot at once, whatever the hour. */
  @ApiOperation({ summary: 'Send a test message through a robot' })
  @Post('robots/:id/test')
  @HttpCode(HttpStatus.ACCEPTED)
  async testRobot(@IdParam() id: string): Promise<void> {
    await this.admin.testRobot(id);
  }
}
