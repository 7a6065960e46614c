import { defineNotificationTypes } from './notification-registry';
import { s } from './templates/template';

/** The notifications platform's own types. */
export enum PlatformNotification {
  RobotTest = 'notifications.robot-test',
}

declare module './notification-registry' {
  interface NotificationPayloads {
    [PlatformNotification.RobotTest]: { robotName: string };
  }
}

defineNotificationTypes(PlatformNotification, {
  [PlatformNotification.RobotTest]: (p) => ({
    'zh-CN': { title: '联盟平台测试消息', body: `群机器人“${s(p.robotName)}”配置成功，可以接收联盟平台的消息。` },
    en: {
      title: 'Lianmeng test message',
      body: `The group robot "${s(p.robotName)}" is set up and receives Lianmeng messages.`,
    },
  }),
});
