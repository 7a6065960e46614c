import { defineNotificationTypes } from '../../platform/notifications/notification-registry';
import { s } from '../../platform/notifications/templates/template';

export enum IndicatorNotification {
  IndicatorRoundOpened = 'indicator.round-opened',
  IndicatorReminder = 'indicator.reminder',
}

interface RoundPayload {
  roundId: string;
  period: string;
  deadline: string;
}

declare module '../../platform/notifications/notification-registry' {
  interface NotificationPayloads {
    [IndicatorNotification.IndicatorRoundOpened]: RoundPayload & { allianceName: string };
    [IndicatorNotification.IndicatorReminder]: RoundPayload & { daysLeft: number };
  }
}

/** What people are told about indicator rounds (企业指标填报). */
defineNotificationTypes(IndicatorNotification, {
  [IndicatorNotification.IndicatorRoundOpened]: (p) => ({
    'zh-CN': {
      title: `企业指标填报：${s(p.period)}`,
      body: `“${s(p.allianceName)}”已开启 ${s(p.period)} 企业指标填报，请于 ${s(p.deadline)} 前提交。`,
    },
    en: {
      title: `Indicators for ${s(p.period)}`,
      body: `"${s(p.allianceName)}" collects the ${s(p.period)} indicators: please submit by ${s(p.deadline)}.`,
    },
    link: `/indicators/${s(p.roundId)}`,
  }),
  [IndicatorNotification.IndicatorReminder]: (p) => ({
    'zh-CN': {
      title: `指标填报提醒：${s(p.period)}`,
      body: `${s(p.period)} 企业指标将于 ${s(p.deadline)} 截止（还有 ${s(p.daysLeft)} 天），贵单位尚未提交。`,
    },
    en: {
      title: `Indicators due: ${s(p.period)}`,
      body: `The ${s(p.period)} indicators are due on ${s(p.deadline)} (${s(p.daysLeft)} days left) and yours are not submitted.`,
    },
    link: `/indicators/${s(p.roundId)}`,
  }),
});
