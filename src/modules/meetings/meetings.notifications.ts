import { dateTimeFormat } from '../../platform/clock/date-format';
import { defineNotificationTypes } from '../../platform/notifications/notification-registry';
import { s } from '../../platform/notifications/templates/template';

export enum MeetingNotification {
  MeetingInvited = 'meeting.invited',
  MeetingChanged = 'meeting.changed',
  MeetingCancelled = 'meeting.cancelled',
  MeetingReminder = 'meeting.reminder',
}

/** A meeting's (or a series' first) start as ISO 8601. */
interface MeetingPayload {
  meetingId: string;
  title: string;
  startsAt: string;
}

/** A series counts its occurrences; a single meeting has none or 1. */
interface SeriesPayload extends MeetingPayload {
  occurrences?: number;
}

declare module '../../platform/notifications/notification-registry' {
  interface NotificationPayloads {
    [MeetingNotification.MeetingInvited]: SeriesPayload;
    [MeetingNotification.MeetingChanged]: MeetingPayload;
    [MeetingNotification.MeetingCancelled]: SeriesPayload & { reason: string };
    /** Where: the venue zone's name, the address or the online link. */
    [MeetingNotification.MeetingReminder]: MeetingPayload & { place: string | null };
  }
}

const when = (p: MeetingPayload, language: 'zh-CN' | 'en') =>
  dateTimeFormat(language === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(s(p.startsAt)));
const link = (p: MeetingPayload) => `/meetings/${s(p.meetingId)}`;
const series = (p: SeriesPayload, zh: boolean) =>
  Number(p.occurrences) > 1 ? (zh ? `（共 ${s(p.occurrences)} 次）` : ` (${s(p.occurrences)} occurrences)`) : '';

/** What people are told about joint meetings (联席会议). */
defineNotificationTypes(MeetingNotification, {
  [MeetingNotification.MeetingInvited]: (p) => ({
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
  [MeetingNotification.MeetingChanged]: (p) => ({
    'zh-CN': { title: `会议变更：${s(p.title)}`, body: `“${s(p.title)}”已调整为 ${when(p, 'zh-CN')}。` },
    en: { title: `Meeting changed: ${s(p.title)}`, body: `"${s(p.title)}" is now on ${when(p, 'en')}.` },
    link: link(p),
  }),
  [MeetingNotification.MeetingCancelled]: (p) => ({
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
  [MeetingNotification.MeetingReminder]: (p) => ({
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
});
