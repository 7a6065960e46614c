import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '../../config/environment';
import { TenantContext } from '../../tenancy/tenant-context.service';
import type { GroupRobot } from '../entities/group-robot.entity';
import type { RenderedNotification } from '../notification-templates';
import { DeliveryChannel } from '../notification-types';
import { SecretBox } from '../secret-box';
import { weComMessage } from './group-robot-message';
import { RobotSender } from './robot-sender';

/** A WeCom (企业微信) group robot: its webhook URL is the whole credential. */
@Injectable()
export class WeComRobotSender extends RobotSender {
  readonly channel = DeliveryChannel.WeCom;

  constructor(
    tenant: TenantContext,
    config: ConfigService<Environment, true>,
    private readonly box: SecretBox,
  ) {
    super(tenant, config);
  }

  protected request(robot: GroupRobot, message: RenderedNotification): [string, object] {
    return [this.box.open(robot.webhookUrlEncrypted), weComMessage(message, this.publicUrl)];
  }
}
