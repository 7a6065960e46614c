import { defineNotificationTypes } from '../../platform/notifications/notification-registry';
import { s } from '../../platform/notifications/templates/template';

export enum ActionItemNotification {
  ActionItemAssigned = 'action-item.assigned',
  ActionItemOverdue = 'action-item.overdue',
}

interface ActionItemPayload {
  actionItemId: string;
  title: string;
  /** YYYY-MM-DD. */
  dueOn: string;
}

declare module '../../platform/notifications/notification-registry' {
  interface NotificationPayloads {
    [ActionItemNotification.ActionItemAssigned]: ActionItemPayload;
    [ActionItemNotification.ActionItemOverdue]: ActionItemPayload & { level: number };
  }
}

/** What people are told about the action items (议定事项) of joint meetings. */
defineNotificationTypes(ActionItemNotification, {
  [ActionItemNotification.ActionItemAssigned]: (p) => ({
    'zh-CN': { title: `议定事项：${s(p.title)}`, body: `请落实议定事项“${s(p.title)}”，完成期限 ${s(p.dueOn)}。` },
    en: { title: `Action item: ${s(p.title)}`, body: `Please carry out "${s(p.title)}" by ${s(p.dueOn)}.` },
    link: `/action-items/${s(p.actionItemId)}`,
  }),
  [ActionItemNotification.ActionItemOverdue]: (p) => ({
    'zh-CN': {
      title: `【督办】议定事项逾期：${s(p.title)}`,
      body: `议定事项“${s(p.title)}”已超过完成期限 ${s(p.dueOn)}，请尽快落实。`,
    },
    en: {
      title: `[Supervision] Action item overdue: ${s(p.title)}`,
      body: `"${s(p.title)}" was due on ${s(p.dueOn)}: please complete it.`,
    },
    link: `/action-items/${s(p.actionItemId)}`,
  }),
});
