import { defineNotificationTypes } from '../../platform/notifications/notification-registry';
import { s } from '../../platform/notifications/templates/template';

export enum ProjectCallNotification {
  ProjectCallPublished = 'project-call.published',
  ProjectCallDeadline = 'project-call.deadline',
  ProjectApplicationUpdated = 'project-application.updated',
}

/** deadline: YYYY-MM-DD. */
interface CallPayload {
  callId: string;
  name: string;
  deadline: string;
}

declare module '../../platform/notifications/notification-registry' {
  interface NotificationPayloads {
    [ProjectCallNotification.ProjectCallPublished]: CallPayload & { issuingBody: string };
    /** applied false: an eligible member who has not applied yet (events stored before it have no flag). */
    [ProjectCallNotification.ProjectCallDeadline]: CallPayload & { daysLeft: number; applied?: boolean };
    [ProjectCallNotification.ProjectApplicationUpdated]: {
      callId: string;
      name: string;
      organizationName: string;
      step: string;
      note: string;
    };
  }
}

/** What people are told about project calls (项目申报). */
defineNotificationTypes(ProjectCallNotification, {
  [ProjectCallNotification.ProjectCallPublished]: (p) => ({
    'zh-CN': {
      title: `项目申报：${s(p.name)}`,
      body: `${s(p.issuingBody)}发布“${s(p.name)}”，截止日期 ${s(p.deadline)}。贵单位符合申报条件，项目申报服务队可协助申报。`,
    },
    en: {
      title: `Project call: ${s(p.name)}`,
      body: `${s(p.issuingBody)} opened "${s(p.name)}", closing on ${s(p.deadline)}. Your enterprise is eligible; the service team can help you apply.`,
    },
    link: `/project-calls/${s(p.callId)}`,
  }),
  [ProjectCallNotification.ProjectCallDeadline]: (p) => ({
    'zh-CN': {
      title: `申报截止提醒：${s(p.name)}`,
      body: `“${s(p.name)}”将于 ${s(p.deadline)} 截止申报（还有 ${s(p.daysLeft)} 天），${p.applied === false ? '贵单位符合申报条件但尚未申报，项目申报服务队可协助申报。' : '贵单位的申报尚未完成。'}`,
    },
    en: {
      title: `Deadline: ${s(p.name)}`,
      body: `"${s(p.name)}" closes on ${s(p.deadline)} (${s(p.daysLeft)} days left) ${p.applied === false ? 'and your enterprise, which is eligible, has not applied yet; the service team can help you apply.' : 'and your application is not finished.'}`,
    },
    link: `/project-calls/${s(p.callId)}`,
  }),
  [ProjectCallNotification.ProjectApplicationUpdated]: (p) => ({
    'zh-CN': {
      title: `申报进展：${s(p.name)}`,
      body: `${s(p.organizationName)}的“${s(p.name)}”申报有新进展：${s(p.note)}`,
    },
    en: {
      title: `Application update: ${s(p.name)}`,
      body: `The application of ${s(p.organizationName)} to "${s(p.name)}" has news: ${s(p.note)}`,
    },
    link: `/project-calls/${s(p.callId)}`,
  }),
});
