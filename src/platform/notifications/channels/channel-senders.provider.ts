import type { Provider, Type } from '@nestjs/common';
import { CHANNEL_SENDERS, ChannelSender } from './channel-sender';
import { ChannelRegistry } from './channel-registry';
import { DingTalkRobotSender } from './dingtalk-robot.sender';
import { EmailSender } from './email.sender';
import { AliyunSmsProvider } from './sms/aliyun-sms.provider';
import { SMS_PROVIDER } from './sms/sms-provider';
import { SmsSender } from './sms/sms.sender';
import { WeComRobotSender } from './wecom-robot.sender';

/** Every channel's sender: a new channel registers here. */
export const CHANNEL_SENDER_CLASSES: Type<ChannelSender>[] = [
  EmailSender,
  WeComRobotSender,
  DingTalkRobotSender,
  SmsSender,
];

export const channelProviders: Provider[] = [
  ...CHANNEL_SENDER_CLASSES,
  { provide: CHANNEL_SENDERS, inject: CHANNEL_SENDER_CLASSES, useFactory: (...senders: ChannelSender[]) => senders },
  { provide: SMS_PROVIDER, useClass: AliyunSmsProvider },
  ChannelRegistry,
];
