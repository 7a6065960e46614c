import { NotificationType } from '../notification-types';
import { s, type Payload, type Template } from './template';
import { dateTimeFormat } from '../../clock/date-format';

const when = (p: Payload, language: 'zh-CN' | 'en') =>
  dateTimeFormat(language === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(s(p.startsAt)));
const link = (p: Payload) => `/meetings/${s(p.meetingId)}`;
const series = (p: Payload, zh: boolean) =>
  Number(p.occurrences) > 1 ? (zh ? `（共 ${s(p.occurrences)} 次）` : ` (${s(p.occurrences)} occurrences)`) : '';

/** What people are told about joint meetings (联席会议) and their action items (议定事项). */
export const MEETING_TEMPLATES: Partial<Record<NotificationType, Template>> = {
  [NotificationType.MeetingInvited]: (p) => ({
    'zh-CN': {
      title: `会议邀请：${s(p.title)}`,
      body: `您受邀参加“${s(p.title)}”，时间 ${when(p, 'zh-CN')}${series(p, true)}。请及时回复是否参加。`,
    },
    en: {
      title: `Invitation: ${s(p.title)}`,
      body: `You are invited to "${s(p.title)}" on ${when(p, 'en')}${series(p, false)}. Please reply.`,
    },
    link: link(p),
  }),
  [NotificationType.MeetingChanged]: (p) => ({
    'zh-CN': { title: `会议变更：${s(p.title)}`, body: `“${s(p.title)}”已调整为 ${when(p, 'zh-CN')}。` },
    en: { title: `Meeting changed: ${s(p.title)}`, body: `"${s(p.title)}" is now on ${when(p, 'en')}.` },
    link: link(p),
  }),
  [NotificationType.MeetingCancelled]: (p) => ({
    'zh-CN': {
      title: `会议取消：${s(p.title)}`,
      body: `原定 ${when(p, 'zh-CN')} 的“${s(p.title)}”已取消${series(p, true)}，原因：${s(p.reason)}。`,
    },
    en: {
      title: `Meeting cancelled: ${s(p.title)}`,
      body: `"${s(p.title)}" on ${when(p, 'en')} is cancelled${series(p, false)}: ${s(p.reason)}.`,
    },
    link: link(p),
  }),
  [NotificationType.ActionItemAssigned]: (p) => ({
    'zh-CN': { title: `议定事项：${s(p.title)}`, body: `请落实议定事项“${s(p.title)}”，完成期限 ${s(p.dueOn)}。` },
    en: { title: `Action item: ${s(p.title)}`, body: `Please carry out "${s(p.title)}" by ${s(p.dueOn)}.` },
    link: `/action-items/${s(p.actionItemId)}`,
  }),
  [NotificationType.ActionItemOverdue]: (p) => ({
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
  [NotificationType.MeetingReminder]: (p) => ({
    'zh-CN': {
      title: `会议提醒：${s(p.title)}`,
      body: `“${s(p.title)}”将于 ${when(p, 'zh-CN')} 开始${p.place ? `，地点：${s(p.place)}` : ''}。`,
    },
    en: {
      title: `Reminder: ${s(p.title)}`,
      body: `"${s(p.title)}" starts on ${when(p, 'en')}${p.place ? ` at ${s(p.place)}` : ''}.`,
    },
    link: link(p),
  }),
};
