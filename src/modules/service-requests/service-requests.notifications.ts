import type { Language } from '../../platform/errors/localized-messages';
import { defineNotificationTypes } from '../../platform/notifications/notification-registry';
import { s } from '../../platform/notifications/templates/template';

export enum ServiceRequestNotification {
  RequestAssigned = 'service-request.assigned',
  RequestUpdated = 'service-request.updated',
  RequestComment = 'service-request.comment',
  RequestSlaWarning = 'service-request.sla-warning',
  RequestEscalated = 'service-request.escalated',
  RequestChased = 'service-request.chased',
  FollowUpAssigned = 'service-request.follow-up',
}

interface RequestPayload {
  requestId: string;
  /** The request's number as people quote it. */
  number: string;
  title: string;
}

/** phase: accept or resolve; level: 0 the warning, 1 to 3 who it is escalated to. */
interface SlaPayload extends RequestPayload {
  phase: string;
  level: number;
  /** The deadline in the township's time, as people read it. */
  dueAtLocal: string;
}

declare module '../../platform/notifications/notification-registry' {
  interface NotificationPayloads {
    [ServiceRequestNotification.RequestAssigned]: RequestPayload & {
      status: string;
      requesterName: string;
      organizationName: string;
    };
    [ServiceRequestNotification.RequestUpdated]: RequestPayload & { status: string; note?: string | null };
    [ServiceRequestNotification.RequestComment]: Omit<RequestPayload, 'title'> & { authorName: string; body: string };
    [ServiceRequestNotification.RequestSlaWarning]: SlaPayload;
    [ServiceRequestNotification.RequestEscalated]: SlaPayload;
    [ServiceRequestNotification.RequestChased]: RequestPayload & { requesterName: string };
    [ServiceRequestNotification.FollowUpAssigned]: RequestPayload & { rating: number; requesterName: string };
  }
}

const STATUS_NAMES: Record<string, Record<Language, string>> = {
  routed: { 'zh-CN': '已分派', en: 'routed' },
  accepted: { 'zh-CN': '已受理', en: 'accepted' },
  in_progress: { 'zh-CN': '办理中', en: 'in progress' },
  returned: { 'zh-CN': '退回补充材料', en: 'returned for more information' },
  resolved: { 'zh-CN': '已办结', en: 'resolved' },
  closed: { 'zh-CN': '已关闭', en: 'closed' },
  rejected: { 'zh-CN': '不予受理', en: 'rejected' },
};
const PHASE_NAMES: Record<string, Record<Language, string>> = {
  accept: { 'zh-CN': '受理', en: 'acceptance' },
  resolve: { 'zh-CN': '办结', en: 'resolution' },
};
const LEVEL_NAMES: Record<string, Record<Language, string>> = {
  '1': { 'zh-CN': '承办人', en: 'the handler' },
  '2': { 'zh-CN': '部门负责人', en: 'the department head' },
  '3': { 'zh-CN': '镇领导', en: 'the township leader' },
};
const requestLink = (p: { requestId: string }) => `/service-requests/${s(p.requestId)}`;
const word = (table: Record<string, Record<Language, string>>, key: string | number, language: Language) =>
  table[s(key)]?.[language] ?? s(key);

/** What people are told about service requests (企业点单、部门服务). */
defineNotificationTypes(ServiceRequestNotification, {
  [ServiceRequestNotification.RequestAssigned]: (p) => ({
    'zh-CN': {
      title: `新的服务请求 ${s(p.number)}`,
      body: `${s(p.requesterName)}提交的“${s(p.title)}”已分派给${s(p.organizationName)}，请及时受理。`,
    },
    en: {
      title: `New service request ${s(p.number)}`,
      body: `"${s(p.title)}" from ${s(p.requesterName)} was routed to ${s(p.organizationName)}: please accept it.`,
    },
    link: requestLink(p),
  }),
  [ServiceRequestNotification.RequestUpdated]: (p) => ({
    'zh-CN': {
      title: `${s(p.number)} ${word(STATUS_NAMES, p.status, 'zh-CN')}`,
      body: `您的服务请求“${s(p.title)}”${word(STATUS_NAMES, p.status, 'zh-CN')}${p.note ? `：${s(p.note)}` : '。'}`,
    },
    en: {
      title: `${s(p.number)} ${word(STATUS_NAMES, p.status, 'en')}`,
      body: `Your service request "${s(p.title)}" is ${word(STATUS_NAMES, p.status, 'en')}${p.note ? `: ${s(p.note)}` : '.'}`,
    },
    link: requestLink(p),
  }),
  [ServiceRequestNotification.RequestComment]: (p) => ({
    'zh-CN': { title: `${s(p.number)} 有新留言`, body: `${s(p.authorName)}：${s(p.body)}` },
    en: { title: `New comment on ${s(p.number)}`, body: `${s(p.authorName)}: ${s(p.body)}` },
    link: requestLink(p),
  }),
  [ServiceRequestNotification.RequestSlaWarning]: (p) => ({
    'zh-CN': {
      title: `${s(p.number)} 即将超时`,
      body: `“${s(p.title)}”的${word(PHASE_NAMES, p.phase, 'zh-CN')}时限将于 ${s(p.dueAtLocal)} 到期。`,
    },
    en: {
      title: `${s(p.number)} is nearly due`,
      body: `The ${word(PHASE_NAMES, p.phase, 'en')} deadline of "${s(p.title)}" is ${s(p.dueAtLocal)}.`,
    },
    link: requestLink(p),
  }),
  [ServiceRequestNotification.RequestEscalated]: (p) => ({
    'zh-CN': {
      title: `【督办】${s(p.number)} 已超时`,
      body: `“${s(p.title)}”的${word(PHASE_NAMES, p.phase, 'zh-CN')}已超过时限（${s(p.dueAtLocal)}），现提请${word(LEVEL_NAMES, p.level, 'zh-CN')}督办。`,
    },
    en: {
      title: `[Supervision] ${s(p.number)} is late`,
      body: `The ${word(PHASE_NAMES, p.phase, 'en')} of "${s(p.title)}" passed its deadline (${s(p.dueAtLocal)}); escalated to ${word(LEVEL_NAMES, p.level, 'en')}.`,
    },
    link: requestLink(p),
  }),
  [ServiceRequestNotification.RequestChased]: (p) => ({
    'zh-CN': { title: `【催办】${s(p.number)}`, body: `${s(p.requesterName)}催办“${s(p.title)}”，请尽快办理。` },
    en: {
      title: `[Chased] ${s(p.number)}`,
      body: `${s(p.requesterName)} is chasing "${s(p.title)}": please act on it.`,
    },
    link: requestLink(p),
  }),
  [ServiceRequestNotification.FollowUpAssigned]: (p) => ({
    'zh-CN': {
      title: `回访任务：${s(p.number)}`,
      body: `${s(p.requesterName)}对“${s(p.title)}”的评价为 ${s(p.rating)} 星，请安排回访。`,
    },
    en: {
      title: `Follow-up: ${s(p.number)}`,
      body: `${s(p.requesterName)} rated "${s(p.title)}" ${s(p.rating)} of 5: please call them back.`,
    },
    link: requestLink(p),
  }),
});
