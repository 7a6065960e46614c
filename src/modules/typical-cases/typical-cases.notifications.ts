import { defineNotificationTypes } from '../../platform/notifications/notification-registry';
import { s } from '../../platform/notifications/templates/template';

export enum TypicalCaseNotification {
  TypicalCaseNominated = 'typical-case.nominated',
  TypicalCaseReviewed = 'typical-case.reviewed',
}

declare module '../../platform/notifications/notification-registry' {
  interface NotificationPayloads {
    [TypicalCaseNotification.TypicalCaseNominated]: { caseId: string; title: string; organizationName: string };
    [TypicalCaseNotification.TypicalCaseReviewed]: {
      caseId: string;
      title: string;
      approved: boolean;
      comment: string;
    };
  }
}

/** What people are told about typical cases (典型案例). */
defineNotificationTypes(TypicalCaseNotification, {
  [TypicalCaseNotification.TypicalCaseNominated]: (p) => ({
    'zh-CN': {
      title: `典型推荐待审核：${s(p.title)}`,
      body: `${s(p.organizationName)}的典型案例“${s(p.title)}”已推荐，请审核。`,
    },
    en: {
      title: `Case to review: ${s(p.title)}`,
      body: `The success story "${s(p.title)}" of ${s(p.organizationName)} was nominated: please review it.`,
    },
    link: `/cases/${s(p.caseId)}`,
  }),
  [TypicalCaseNotification.TypicalCaseReviewed]: (p) => ({
    'zh-CN': {
      title: p.approved ? `典型案例已通过：${s(p.title)}` : `典型案例退回修改：${s(p.title)}`,
      body: p.approved ? `“${s(p.title)}”已通过审核。` : `“${s(p.title)}”被退回修改：${s(p.comment)}`,
    },
    en: {
      title: p.approved ? `Case approved: ${s(p.title)}` : `Case returned: ${s(p.title)}`,
      body: p.approved ? `"${s(p.title)}" was approved.` : `"${s(p.title)}" was returned: ${s(p.comment)}`,
    },
    link: `/cases/${s(p.caseId)}`,
  }),
});
