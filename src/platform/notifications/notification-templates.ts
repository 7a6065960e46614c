import type { Language } from '../errors/localized-messages';
import { NotificationType } from './notification-types';

export interface RenderedNotification {
  title: string;
  body: string;
  /** A path of the web app. */
  link: string | null;
}

type Payload = Record<string, unknown>;
type Template = (p: Payload) => Record<Language, { title: string; body: string }> & { link?: string };

const s = (value: unknown) => (value === undefined || value === null ? '' : String(value));

const ROLE_NAMES: Record<string, Record<Language, string>> = {
  lead: { 'zh-CN': '领头企业', en: 'lead enterprise' },
  department: { 'zh-CN': '职能部门', en: 'department' },
  member: { 'zh-CN': '成员企业', en: 'member enterprise' },
};

const TEMPLATES = {
  [NotificationType.ImportFinished]: (p) => ({
    'zh-CN': {
      title: p.status === 'failed' ? `导入失败：${s(p.fileName)}` : `导入完成：${s(p.fileName)}`,
      body:
        p.status === 'failed'
          ? `“${s(p.allianceName)}”的成员导入未能完成：${s(p.error)}`
          : `“${s(p.allianceName)}”的成员导入已完成：导入 ${s(p.accepted)} 行，未通过 ${s(p.refused)} 行。`,
    },
    en: {
      title: p.status === 'failed' ? `Import failed: ${s(p.fileName)}` : `Import finished: ${s(p.fileName)}`,
      body:
        p.status === 'failed'
          ? `The member import into "${s(p.allianceName)}" could not finish: ${s(p.error)}`
          : `The member import into "${s(p.allianceName)}" finished: ${s(p.accepted)} rows imported, ${s(p.refused)} refused.`,
    },
    link: `/imports?allianceId=${s(p.allianceId)}&jobId=${s(p.jobId)}`,
  }),
  [NotificationType.ExportFinished]: (p) => ({
    'zh-CN': { title: `导出完成：${s(p.allianceName)}`, body: `“${s(p.allianceName)}”的成员名册已导出，可以下载。` },
    en: { title: `Export ready: ${s(p.allianceName)}`, body: `The registry of "${s(p.allianceName)}" is ready to download.` },
    link: `/imports?allianceId=${s(p.allianceId)}&jobId=${s(p.jobId)}`,
  }),
  [NotificationType.MemberJoined]: (p) => ({
    'zh-CN': {
      title: `${s(p.organizationName)}加入联盟`,
      body: `${s(p.organizationName)}以${ROLE_NAMES[s(p.role)]?.['zh-CN'] ?? ''}身份加入“${s(p.allianceName)}”。`,
    },
    en: {
      title: `${s(p.organizationName)} joined the alliance`,
      body: `${s(p.organizationName)} joined "${s(p.allianceName)}" as a ${ROLE_NAMES[s(p.role)]?.en ?? 'member'}.`,
    },
    link: `/alliances/${s(p.allianceId)}`,
  }),
  [NotificationType.MemberLeft]: (p) => ({
    'zh-CN': { title: `${s(p.organizationName)}退出联盟`, body: `${s(p.organizationName)}已退出“${s(p.allianceName)}”，原因：${s(p.reason)}。` },
    en: { title: `${s(p.organizationName)} left the alliance`, body: `${s(p.organizationName)} left "${s(p.allianceName)}": ${s(p.reason)}.` },
    link: `/alliances/${s(p.allianceId)}`,
  }),
  [NotificationType.UserInvited]: (p) => ({
    'zh-CN': {
      title: `邀请您加入${s(p.tenantName)}的联盟平台`,
      body: `${s(p.displayName)}，您好：${s(p.inviterName)}邀请您使用联盟平台。请在 7 天内打开以下链接设置密码：${s(p.invitationUrl)}`,
    },
    en: {
      title: `You are invited to ${s(p.tenantName)} on Lianmeng`,
      body: `Hello ${s(p.displayName)}, ${s(p.inviterName)} invites you to Lianmeng. Open this link within 7 days to set your password: ${s(p.invitationUrl)}`,
    },
  }),
  [NotificationType.RobotTest]: (p) => ({
    'zh-CN': { title: '联盟平台测试消息', body: `群机器人“${s(p.robotName)}”配置成功，可以接收联盟平台的消息。` },
    en: { title: 'Lianmeng test message', body: `The group robot "${s(p.robotName)}" is set up and receives Lianmeng messages.` },
  }),
} as Record<NotificationType, Template>;

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
const requestLink = (p: Payload) => `/service-requests/${s(p.requestId)}`;
const word = (table: Record<string, Record<Language, string>>, key: unknown, language: Language) => table[s(key)]?.[language] ?? s(key);

Object.assign(TEMPLATES, {
  [NotificationType.RequestAssigned]: (p: Payload) => ({
    'zh-CN': { title: `新的服务请求 ${s(p.number)}`, body: `${s(p.requesterName)}提交的“${s(p.title)}”已分派给${s(p.organizationName)}，请及时受理。` },
    en: { title: `New service request ${s(p.number)}`, body: `"${s(p.title)}" from ${s(p.requesterName)} was routed to ${s(p.organizationName)}: please accept it.` },
    link: requestLink(p),
  }),
  [NotificationType.RequestUpdated]: (p: Payload) => ({
    'zh-CN': { title: `${s(p.number)} ${word(STATUS_NAMES, p.status, 'zh-CN')}`, body: `您的服务请求“${s(p.title)}”${word(STATUS_NAMES, p.status, 'zh-CN')}${p.note ? `：${s(p.note)}` : '。'}` },
    en: { title: `${s(p.number)} ${word(STATUS_NAMES, p.status, 'en')}`, body: `Your service request "${s(p.title)}" is ${word(STATUS_NAMES, p.status, 'en')}${p.note ? `: ${s(p.note)}` : '.'}` },
    link: requestLink(p),
  }),
  [NotificationType.RequestComment]: (p: Payload) => ({
    'zh-CN': { title: `${s(p.number)} 有新留言`, body: `${s(p.authorName)}：${s(p.body)}` },
    en: { title: `New comment on ${s(p.number)}`, body: `${s(p.authorName)}: ${s(p.body)}` },
    link: requestLink(p),
  }),
  [NotificationType.RequestSlaWarning]: (p: Payload) => ({
    'zh-CN': { title: `${s(p.number)} 即将超时`, body: `“${s(p.title)}”的${word(PHASE_NAMES, p.phase, 'zh-CN')}时限将于 ${s(p.dueAtLocal)} 到期。` },
    en: { title: `${s(p.number)} is nearly due`, body: `The ${word(PHASE_NAMES, p.phase, 'en')} deadline of "${s(p.title)}" is ${s(p.dueAtLocal)}.` },
    link: requestLink(p),
  }),
  [NotificationType.RequestEscalated]: (p: Payload) => ({
    'zh-CN': { title: `【督办】${s(p.number)} 已超时`, body: `“${s(p.title)}”的${word(PHASE_NAMES, p.phase, 'zh-CN')}已超过时限（${s(p.dueAtLocal)}），现提请${word(LEVEL_NAMES, p.level, 'zh-CN')}督办。` },
    en: { title: `[Supervision] ${s(p.number)} is late`, body: `The ${word(PHASE_NAMES, p.phase, 'en')} of "${s(p.title)}" passed its deadline (${s(p.dueAtLocal)}); escalated to ${word(LEVEL_NAMES, p.level, 'en')}.` },
    link: requestLink(p),
  }),
  [NotificationType.RequestChased]: (p: Payload) => ({
    'zh-CN': { title: `【催办】${s(p.number)}`, body: `${s(p.requesterName)}催办“${s(p.title)}”，请尽快办理。` },
    en: { title: `[Chased] ${s(p.number)}`, body: `${s(p.requesterName)} is chasing "${s(p.title)}": please act on it.` },
    link: requestLink(p),
  }),
  [NotificationType.FollowUpAssigned]: (p: Payload) => ({
    'zh-CN': { title: `回访任务：${s(p.number)}`, body: `${s(p.requesterName)}对“${s(p.title)}”的评价为 ${s(p.rating)} 星，请安排回访。` },
    en: { title: `Follow-up: ${s(p.number)}`, body: `${s(p.requesterName)} rated "${s(p.title)}" ${s(p.rating)} of 5: please call them back.` },
    link: requestLink(p),
  }),
});

export function renderNotification(type: NotificationType, payload: Payload, language: Language): RenderedNotification {
  const template = TEMPLATES[type](payload);
  return { ...template[language], link: template.link ?? null };
}

export function languageOf(locale: string | null | undefined): Language {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}
