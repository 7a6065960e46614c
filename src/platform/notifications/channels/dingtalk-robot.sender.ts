import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock } from '../../clock/clock';
import type { Environment } from '../../config/environment';
import { TenantContext } from '../../tenancy/tenant-context.service';
import type { GroupRobot } from '../entities/group-robot.entity';
import type { RenderedNotification } from '../notification-templates';
import { DeliveryChannel } from '../notification-types';
import { SecretBox } from '../secret-box';
import { dingTalkMessage, dingTalkSignedUrl } from './group-robot-message';
import { RobotSender } from './robot-sender';

/** A DingTalk (钉钉) group robot, signing the URL when it has a secret. */
@Injectable()
export class DingTalkRobotSender extends RobotSender {
  readonly channel = DeliveryChannel.DingTalk;

  constructor(
    tenant: TenantContext,
    config: ConfigService<Environment, true>,
    private readonly box: SecretBox,
    private readonly clock: Clock,
  ) {
    super(tenant, config);
  }

  protected request(robot: GroupRobot, message: RenderedNotification): [string, object] {
    const url = this.box.open(robot.webhookUrlEncrypted);
    const signed = robot.secretEncrypted
      ? dingTalkSignedUrl(url, this.box.open(robot.secretEncrypted), this.clock.now().getTime())
      : url;
    return [signed, dingTalkMessage(message, this.publicUrl)];
  }
}
