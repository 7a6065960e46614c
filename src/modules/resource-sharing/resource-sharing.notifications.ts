import { defineNotificationTypes } from '../../platform/notifications/notification-registry';
import { s } from '../../platform/notifications/templates/template';

export enum ListingNotification {
  ListingInterest = 'listing.interest',
  ListingMessage = 'listing.message',
}

declare module '../../platform/notifications/notification-registry' {
  interface NotificationPayloads {
    /** kind: need, resource or project. */
    [ListingNotification.ListingInterest]: {
      interestId: string;
      listingId: string;
      title: string;
      kind: string;
      organizationName: string;
      ownerName: string;
      message: string;
    };
    [ListingNotification.ListingMessage]: { interestId: string; title: string; authorName: string; body: string };
  }
}

const KIND_ZH: Record<string, string> = { need: '需求', resource: '资源', project: '项目' };

/** What people are told about resource sharing (资源共享). */
defineNotificationTypes(ListingNotification, {
  [ListingNotification.ListingInterest]: (p) => ({
    'zh-CN': {
      title: `对接意向：${s(p.title)}`,
      body: `${s(p.organizationName)}对${KIND_ZH[s(p.kind)] ?? ''}“${s(p.title)}”（${s(p.ownerName)}发布）有意向对接：${s(p.message)}`,
    },
    en: {
      title: `Interest: ${s(p.title)}`,
      body: `${s(p.organizationName)} is interested in "${s(p.title)}" published by ${s(p.ownerName)}: ${s(p.message)}`,
    },
    link: `/resources/interests/${s(p.interestId)}`,
  }),
  [ListingNotification.ListingMessage]: (p) => ({
    'zh-CN': { title: `对接留言：${s(p.title)}`, body: `${s(p.authorName)}：${s(p.body)}` },
    en: { title: `Message: ${s(p.title)}`, body: `${s(p.authorName)}: ${s(p.body)}` },
    link: `/resources/interests/${s(p.interestId)}`,
  }),
});
