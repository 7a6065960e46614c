import { defineNotificationTypes } from '../../platform/notifications/notification-registry';
import { s } from '../../platform/notifications/templates/template';

export enum PairingNotification {
  PairingVisitOverdue = 'pairing.visit-overdue',
}

declare module '../../platform/notifications/notification-registry' {
  interface NotificationPayloads {
    /** dueOn: YYYY-MM-DD. */
    [PairingNotification.PairingVisitOverdue]: {
      pairId: string;
      organizationName: string;
      dueOn: string;
      intervalDays: number;
    };
  }
}

/** What people are told about pairing visits (结对联系). */
defineNotificationTypes(PairingNotification, {
  [PairingNotification.PairingVisitOverdue]: (p) => ({
    'zh-CN': {
      title: `结对走访提醒：${s(p.organizationName)}`,
      body: `您结对联系的“${s(p.organizationName)}”应于 ${s(p.dueOn)} 前走访（每 ${s(p.intervalDays)} 天一次），请尽快安排。`,
    },
    en: {
      title: `Pairing visit due: ${s(p.organizationName)}`,
      body: `Your paired enterprise "${s(p.organizationName)}" was due a visit by ${s(p.dueOn)} (every ${s(p.intervalDays)} days). Please visit soon.`,
    },
    link: '/pairing',
  }),
});
