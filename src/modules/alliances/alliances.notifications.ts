import type { Language } from '../../platform/errors/localized-messages';
import { defineNotificationTypes } from '../../platform/notifications/notification-registry';
import { s } from '../../platform/notifications/templates/template';

export enum AllianceNotification {
  MemberJoined = 'registry.member-joined',
  MemberLeft = 'registry.member-left',
}

interface MembershipPayload {
  allianceId: string;
  allianceName: string;
  organizationName: string;
}

declare module '../../platform/notifications/notification-registry' {
  interface NotificationPayloads {
    /** role: lead, department or member. */
    [AllianceNotification.MemberJoined]: MembershipPayload & { role: string };
    [AllianceNotification.MemberLeft]: MembershipPayload & { reason: string | null };
  }
}

const ROLE_NAMES: Record<string, Record<Language, string>> = {
  lead: { 'zh-CN': '领头企业', en: 'lead enterprise' },
  department: { 'zh-CN': '职能部门', en: 'department' },
  member: { 'zh-CN': '成员企业', en: 'member enterprise' },
};

/** What an alliance's contacts and group robots are told about its members. */
defineNotificationTypes(AllianceNotification, {
  [AllianceNotification.MemberJoined]: (p) => ({
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
  [AllianceNotification.MemberLeft]: (p) => ({
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
});
