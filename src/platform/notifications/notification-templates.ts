import type { Language } from '../errors/localized-messages';
import { NotificationType } from './notification-types';
import { BACKUP_TEMPLATES } from './templates/backup-templates';
import { MEETING_TEMPLATES } from './templates/meeting-templates';
import { RESOURCE_TEMPLATES } from './templates/resource-templates';
import { SERVICE_REQUEST_TEMPLATES } from './templates/service-request-templates';
import { THINK_TANK_TEMPLATES } from './templates/think-tank-templates';
import { VENUE_TEMPLATES } from './templates/venue-templates';
import { clip, s, shortFileName, type Payload, type Template } from './templates/template';

export interface RenderedNotification {
  title: string;
  body: string;
  /** A path of the web app. */
  link: string | null;
}

const ROLE_NAMES: Record<string, Record<Language, string>> = {
  lead: { 'zh-CN': '领头企业', en: 'lead enterprise' },
  department: { 'zh-CN': '职能部门', en: 'department' },
  member: { 'zh-CN': '成员企业', en: 'member enterprise' },
};

const REGISTRY_TEMPLATES: Partial<Record<NotificationType, Template>> = {
  [NotificationType.ImportFinished]: (p) => ({
    'zh-CN': {
      title:
        p.status === 'failed' ? `导入失败：${shortFileName(p.fileName)}` : `导入完成：${shortFileName(p.fileName)}`,
      body:
        p.status === 'failed'
          ? `“${s(p.allianceName)}”的成员导入未能完成：${s(p.error)}`
          : `“${s(p.allianceName)}”的成员导入已完成：导入 ${s(p.accepted)} 行，未通过 ${s(p.refused)} 行。`,
    },
    en: {
      title:
        p.status === 'failed'
          ? `Import failed: ${shortFileName(p.fileName)}`
          : `Import finished: ${shortFileName(p.fileName)}`,
      body:
        p.status === 'failed'
          ? `The member import into "${s(p.allianceName)}" could not finish: ${s(p.error)}`
          : `The member import into "${s(p.allianceName)}" finished: ${s(p.accepted)} rows imported, ${s(p.refused)} refused.`,
    },
    link: `/imports?allianceId=${s(p.allianceId)}&jobId=${s(p.jobId)}`,
  }),
  [NotificationType.ExportFinished]: (p) => ({
    'zh-CN': { title: `导出完成：${s(p.allianceName)}`, body: `“${s(p.allianceName)}”的成员名册已导出，可以下载。` },
    en: {
      title: `Export ready: ${s(p.allianceName)}`,
      body: `The registry of "${s(p.allianceName)}" is ready to download.`,
    },
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
    'zh-CN': {
      title: `${s(p.organizationName)}退出联盟`,
      body: `${s(p.organizationName)}已退出“${s(p.allianceName)}”，原因：${s(p.reason)}。`,
    },
    en: {
      title: `${s(p.organizationName)} left the alliance`,
      body: `${s(p.organizationName)} left "${s(p.allianceName)}": ${s(p.reason)}.`,
    },
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
    en: {
      title: 'Lianmeng test message',
      body: `The group robot "${s(p.robotName)}" is set up and receives Lianmeng messages.`,
    },
  }),
};

const TEMPLATES = {
  ...REGISTRY_TEMPLATES,
  ...SERVICE_REQUEST_TEMPLATES,
  ...MEETING_TEMPLATES,
  ...THINK_TANK_TEMPLATES,
  ...VENUE_TEMPLATES,
  ...RESOURCE_TEMPLATES,
  ...BACKUP_TEMPLATES,
} as Record<NotificationType, Template>;

/** notifications.title is varchar(200). */
export const MAX_TITLE_LENGTH = 200;

/**
 * The message in one language. Titles carry what people typed (a file name, a report's title) after a
 * prefix, so one can run past the column: it is cut here rather than failing the insert, and with it
 * the transaction of whatever the notification reports.
 */
export function renderNotification(type: NotificationType, payload: Payload, language: Language): RenderedNotification {
  const template = TEMPLATES[type](payload);
  const { title, body } = template[language];
  return { title: clip(title, MAX_TITLE_LENGTH), body, link: template.link ?? null };
}

export function languageOf(locale: string | null | undefined): Language {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}
