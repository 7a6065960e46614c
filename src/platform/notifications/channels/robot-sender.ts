import type { ConfigService } from '@nestjs/config';
import type { Environment } from '../../config/environment';
import type { TenantContext } from '../../tenancy/tenant-context.service';
import type { NotificationDelivery } from '../entities/notification-delivery.entity';
import { GroupRobot } from '../entities/group-robot.entity';
import { RenderedNotification, renderNotification } from '../notification-templates';
import type { DeliveryChannel } from '../notification-types';
import type { ChannelSender, DeliveryContext, SendResult } from './channel-sender';

const TIMEOUT_MS = 10_000;

/** What the WeCom and DingTalk robots share: the robot row, zh-CN text, and their `{ errcode, errmsg }` answers. */
export abstract class RobotSender implements ChannelSender {
  abstract readonly channel: DeliveryChannel;

  constructor(
    protected readonly tenant: TenantContext,
    protected readonly config: ConfigService<Environment, true>,
  ) {}

  protected get publicUrl(): string {
    return this.config.get('PUBLIC_URL', { infer: true });
  }

  available(): Promise<boolean> {
    return Promise.resolve(true);
  }

  async send(delivery: NotificationDelivery, { type, payload }: DeliveryContext): Promise<SendResult> {
    const robot = await this.tenant.manager.getRepository(GroupRobot).findOneBy({ id: delivery.robotId! });
    if (!robot) throw new Error('The group robot was removed');
    await this.post(...this.request(robot, renderNotification(type, payload, 'zh-CN')));
    return { status: 'sent' };
  }

  /** The URL and body to post for this robot and message. */
  protected abstract request(robot: GroupRobot, message: RenderedNotification): [string, object];

  /** Both robots answer 200 with `{ errcode, errmsg }`; errcode 0 is success. */
  private async post(url: string, body: object): Promise<void> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
    const result = safeJson(text) as { errcode?: number; errmsg?: string } | null;
    if (result && typeof result.errcode === 'number' && result.errcode !== 0) {
      throw new Error(`errcode ${result.errcode}: ${result.errmsg ?? ''}`);
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
