import type { Language } from '../../../platform/errors/localized-messages';
import type { DashboardView } from '../dto/dashboard.dto';

const pct = (value: number | null) => (value === null ? '—' : `${Math.round(value * 1000) / 10}%`);

const ZH = {
  sheets: { summary: '概览', members: '成员构成', meetings: '会议与出勤', services: '服务请求状态', ranking: '部门排名', serviceMonths: '服务月度趋势', indicators: '企业指标', indicatorsQuarterly: '企业指标（季度）' },
  title: '联盟驾驶舱',
  figure: '指标', value: '数值', alliance: '联盟', period: '统计期间', group: '分组', count: '数量', month: '月份', held: '召开会议', attendanceRate: '出勤率',
  indicator: '指标', unit: '单位', submissionRate: '填报率', status: '状态', rank: '排名', department: '部门', score: '综合得分', submitted: '提交数', resolved: '办结数', onTimeRate: '按时办结率', satisfaction: '满意度',
  roles: { lead: '领头企业', department: '职能部门', member: '成员企业' } as Record<string, string>,
  chains: { upstream: '上游', midstream: '中游', downstream: '下游', unknown: '未填写' } as Record<string, string>,
  statuses: { submitted: '已提交', routed: '已分派', accepted: '已受理', in_progress: '办理中', returned: '退回补充', resolved: '已办结', closed: '已关闭', rejected: '不予受理' } as Record<string, string>,
  keys: ['成员单位', '党员人数', '召开会议', '会议出勤率', '服务请求', '按时办结率', '满意度', '评审中报告', '已发布报告', '成果转化完成', '议定事项逾期'],
};
const EN: typeof ZH = {
  sheets: { summary: 'Summary', members: 'Members', meetings: 'Meetings', services: 'Requests by status', ranking: 'Department ranking', serviceMonths: 'Requests by month', indicators: 'Enterprise indicators', indicatorsQuarterly: 'Indicators by quarter' },
  title: 'Alliance dashboard',
  figure: 'Figure', value: 'Value', alliance: 'Alliance', period: 'Period', group: 'Group', count: 'Count', month: 'Month', held: 'Meetings held', attendanceRate: 'Attendance',
  indicator: 'Indicator', unit: 'Unit', submissionRate: 'Reported', status: 'Status', rank: 'Rank', department: 'Department', score: 'Score', submitted: 'Submitted', resolved: 'Resolved', onTimeRate: 'On-time rate', satisfaction: 'Satisfaction',
  roles: { lead: 'Lead enterprise', department: 'Department', member: 'Member enterprise' },
  chains: { upstream: 'Upstream', midstream: 'Midstream', downstream: 'Downstream', unknown: 'Not given' },
  statuses: { submitted: 'Submitted', routed: 'Routed', accepted: 'Accepted', in_progress: 'In progress', returned: 'Returned', resolved: 'Resolved', closed: 'Closed', rejected: 'Rejected' },
  keys: ['Member organisations', 'Party members', 'Meetings held', 'Meeting attendance', 'Service requests', 'On-time rate', 'Satisfaction', 'Reports under review', 'Reports published', 'Recommendations done', 'Action items overdue'],
};

/** Words of the dashboard's exports, in the language of the person who asked for them. */
export function dashboardLabels(language: Language) {
  const l = language === 'en' ? EN : ZH;
  return {
    ...l,
    role: (key: string) => l.roles[key] ?? key,
    chain: (key: string) => l.chains[key] ?? key,
    requestStatus: (key: string) => l.statuses[key] ?? key,
    keyFigures: (v: DashboardView): [string, string | number][] => [
      [l.keys[0], v.members.total],
      [l.keys[1], v.members.partyMembers],
      [l.keys[2], v.meetings.held],
      [l.keys[3], pct(v.meetings.attendanceRate)],
      [l.keys[4], v.serviceRequests.totals.submitted],
      [l.keys[5], pct(v.serviceRequests.totals.onTimeRate)],
      [l.keys[6], v.serviceRequests.totals.satisfaction ?? '—'],
      [l.keys[7], v.thinkTank.underReview],
      [l.keys[8], v.thinkTank.published],
      [l.keys[9], `${v.thinkTank.recommendationsDone} / ${v.thinkTank.recommendationsTotal}`],
      [l.keys[10], v.actionItems.overdue],
    ],
    pct,
  };
}
