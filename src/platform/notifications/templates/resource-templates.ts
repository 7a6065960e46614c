import { NotificationType } from '../notification-types';
import { s, type Template } from './template';

const KIND_ZH: Record<string, string> = { need: '需求', resource: '资源', project: '项目' };

/** What people are told about resource sharing, project calls, typical cases and indicator rounds. */
export const RESOURCE_TEMPLATES: Partial<Record<NotificationType, Template>> = {
  [NotificationType.ListingInterest]: (p) => ({
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
  [NotificationType.ListingMessage]: (p) => ({
    'zh-CN': { title: `对接留言：${s(p.title)}`, body: `${s(p.authorName)}：${s(p.body)}` },
    en: { title: `Message: ${s(p.title)}`, body: `${s(p.authorName)}: ${s(p.body)}` },
    link: `/resources/interests/${s(p.interestId)}`,
  }),
  [NotificationType.ProjectCallPublished]: (p) => ({
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
  // `applied: false`: an eligible member who has not applied yet (events stored before it have no flag).
  [NotificationType.ProjectCallDeadline]: (p) => ({
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
  [NotificationType.ProjectApplicationUpdated]: (p) => ({
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
  [NotificationType.TypicalCaseNominated]: (p) => ({
    'zh-CN': {
      title: `典型推荐待审核：${s(p.title)}`,
      body: `${s(p.organizationName)}的典型案例“${s(p.title)}”已推荐，请审核。`,
    },
    en: {
      title: `Case to review: ${s(p.title)}`,
      body: `The success story "${s(p.title)}" of ${s(p.organizationName)} was nominated: please review it.`,
    },
    link: `/cases/${s(p.caseId)}`,
  }),
  [NotificationType.TypicalCaseReviewed]: (p) => ({
    'zh-CN': {
      title: p.approved ? `典型案例已通过：${s(p.title)}` : `典型案例退回修改：${s(p.title)}`,
      body: p.approved ? `“${s(p.title)}”已通过审核。` : `“${s(p.title)}”被退回修改：${s(p.comment)}`,
    },
    en: {
      title: p.approved ? `Case approved: ${s(p.title)}` : `Case returned: ${s(p.title)}`,
      body: p.approved ? `"${s(p.title)}" was approved.` : `"${s(p.title)}" was returned: ${s(p.comment)}`,
    },
    link: `/cases/${s(p.caseId)}`,
  }),
  [NotificationType.IndicatorRoundOpened]: (p) => ({
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
  [NotificationType.IndicatorReminder]: (p) => ({
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
};
