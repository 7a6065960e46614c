import { defineNotificationTypes } from '../../platform/notifications/notification-registry';
import { s } from '../../platform/notifications/templates/template';

export enum UserNotification {
  UserInvited = 'user.invited',
}

declare module '../../platform/notifications/notification-registry' {
  interface NotificationPayloads {
    /** invitationUrl is a secret: the notifier stores it sealed. */
    [UserNotification.UserInvited]: {
      displayName: string;
      tenantName: string;
      inviterName: string;
      invitationUrl: string;
    };
  }
}

/** What a new user is told. */
defineNotificationTypes(UserNotification, {
  [UserNotification.UserInvited]: (p) => ({
    'zh-CN': {
      title: `邀请您加入${s(p.tenantName)}的联盟平台`,
      body: `${s(p.displayName)}，您好：${s(p.inviterName)}邀请您使用联盟平台。请在 7 天内打开以下链接设置密码：${s(p.invitationUrl)}`,
    },
    en: {
      title: `You are invited to ${s(p.tenantName)} on Lianmeng`,
      body: `Hello ${s(p.displayName)}, ${s(p.inviterName)} invites you to Lianmeng. Open this link within 7 days to set your password: ${s(p.invitationUrl)}`,
    },
  }),
});
