import { dateTimeFormat } from '../../platform/clock/date-format';
import { defineNotificationTypes } from '../../platform/notifications/notification-registry';
import { s } from '../../platform/notifications/templates/template';

export enum ThinkTankNotification {
  ReportSubmitted = 'think-tank.report-submitted',
  ReviewInvited = 'think-tank.review-invited',
  ReviewResponded = 'think-tank.review-responded',
  ReviewReminder = 'think-tank.review-reminder',
  ReviewSubmitted = 'think-tank.review-submitted',
  ReportDecided = 'think-tank.report-decided',
}

/**
 * Payloads never name authors or reviewers: one event is shared by all its recipients, and a blind
 * review must not leak through a notification. Times are ISO 8601; a reviewer is their ordinal.
 */
declare module '../../platform/notifications/notification-registry' {
  interface NotificationPayloads {
    [ThinkTankNotification.ReportSubmitted]: { reportId: string; title: string; round: number };
    [ThinkTankNotification.ReviewInvited]: {
      assignmentId: string;
      title: string;
      round: number;
      respondBy: string;
      dueAt: string;
    };
    [ThinkTankNotification.ReviewResponded]: { reportId: string; title: string; ordinal: number; accepted: boolean };
    /** stage respond: the invitation awaits an answer; review: the review is due. */
    [ThinkTankNotification.ReviewReminder]: {
      assignmentId: string;
      title: string;
      stage: 'respond' | 'review';
      deadline: string;
    };
    [ThinkTankNotification.ReviewSubmitted]: { reportId: string; title: string; ordinal: number; round: number };
    [ThinkTankNotification.ReportDecided]: { reportId: string; title: string; round: number; decision: string };
  }
}

const DECISIONS: Record<string, { 'zh-CN': string; en: string }> = {
  accept: { 'zh-CN': '录用', en: 'accepted' },
  minor_revision: { 'zh-CN': '小修后再审', en: 'minor revision' },
  major_revision: { 'zh-CN': '大修后再审', en: 'major revision' },
  reject: { 'zh-CN': '不予录用', en: 'rejected' },
};
const decision = (p: { decision: string }, language: 'zh-CN' | 'en') =>
  DECISIONS[s(p.decision)]?.[language] ?? s(p.decision);
const when = (time: string, language: 'zh-CN' | 'en') =>
  dateTimeFormat(language === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
  }).format(new Date(s(time)));

/** What the think tank (智库) tells people. */
defineNotificationTypes(ThinkTankNotification, {
  [ThinkTankNotification.ReportSubmitted]: (p) => ({
    'zh-CN': {
      title: `待分配评审：${s(p.title)}`,
      body: `调研报告“${s(p.title)}”已提交第 ${s(p.round)} 轮评审，请分配评审专家。`,
    },
    en: {
      title: `To assign: ${s(p.title)}`,
      body: `The report "${s(p.title)}" is ready for review round ${s(p.round)}: please assign reviewers.`,
    },
    link: `/think-tank/reports/${s(p.reportId)}`,
  }),
  [ThinkTankNotification.ReviewInvited]: (p) => ({
    'zh-CN': {
      title: `评审邀请：${s(p.title)}`,
      body: `诚邀您评审调研报告“${s(p.title)}”（第 ${s(p.round)} 轮）。请于 ${when(p.respondBy, 'zh-CN')} 前答复，评审截止 ${when(p.dueAt, 'zh-CN')}。`,
    },
    en: {
      title: `Review invitation: ${s(p.title)}`,
      body: `Please review "${s(p.title)}" (round ${s(p.round)}). Reply by ${when(p.respondBy, 'en')}; the review is due ${when(p.dueAt, 'en')}.`,
    },
    link: `/think-tank/reviews/${s(p.assignmentId)}`,
  }),
  [ThinkTankNotification.ReviewResponded]: (p) => ({
    'zh-CN': {
      title: `${p.accepted ? '专家已接受评审' : '专家已谢绝评审'}：${s(p.title)}`,
      body: `评审人 ${s(p.ordinal)} ${p.accepted ? '已接受' : '已谢绝'}“${s(p.title)}”的评审邀请。`,
    },
    en: {
      title: `Review ${p.accepted ? 'accepted' : 'declined'}: ${s(p.title)}`,
      body: `Reviewer ${s(p.ordinal)} ${p.accepted ? 'accepted' : 'declined'} the invitation to review "${s(p.title)}".`,
    },
    link: `/think-tank/reports/${s(p.reportId)}`,
  }),
  [ThinkTankNotification.ReviewReminder]: (p) => ({
    'zh-CN': {
      title: `${p.stage === 'respond' ? '请答复评审邀请' : '评审即将到期'}：${s(p.title)}`,
      body:
        p.stage === 'respond'
          ? `请于 ${when(p.deadline, 'zh-CN')} 前答复“${s(p.title)}”的评审邀请。`
          : `“${s(p.title)}”的评审将于 ${when(p.deadline, 'zh-CN')} 截止，请按时提交。`,
    },
    en: {
      title: `${p.stage === 'respond' ? 'Please reply' : 'Review due soon'}: ${s(p.title)}`,
      body:
        p.stage === 'respond'
          ? `Please reply to the invitation to review "${s(p.title)}" by ${when(p.deadline, 'en')}.`
          : `Your review of "${s(p.title)}" is due ${when(p.deadline, 'en')}.`,
    },
    link: `/think-tank/reviews/${s(p.assignmentId)}`,
  }),
  [ThinkTankNotification.ReviewSubmitted]: (p) => ({
    'zh-CN': {
      title: `评审意见已提交：${s(p.title)}`,
      body: `评审人 ${s(p.ordinal)} 已提交“${s(p.title)}”第 ${s(p.round)} 轮的评审意见。`,
    },
    en: {
      title: `Review submitted: ${s(p.title)}`,
      body: `Reviewer ${s(p.ordinal)} submitted a review of "${s(p.title)}", round ${s(p.round)}.`,
    },
    link: `/think-tank/reports/${s(p.reportId)}`,
  }),
  [ThinkTankNotification.ReportDecided]: (p) => ({
    'zh-CN': {
      title: `评审结果：${s(p.title)}（${decision(p, 'zh-CN')}）`,
      body: `调研报告“${s(p.title)}”第 ${s(p.round)} 轮评审结果：${decision(p, 'zh-CN')}。请查看决定信和评审意见。`,
    },
    en: {
      title: `Decision: ${s(p.title)} (${decision(p, 'en')})`,
      body: `Round ${s(p.round)} of "${s(p.title)}": ${decision(p, 'en')}. Read the letter and the reviews.`,
    },
    link: `/think-tank/reports/${s(p.reportId)}`,
  }),
});
