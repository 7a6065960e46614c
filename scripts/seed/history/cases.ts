import type { HistoryContext } from './index';
import type { HistoryPeople } from './people';
import { insertRows, plusMinutes, shanghai } from './rows';

/** Typical cases (培树典型) of the year: published on the showcase, and two nominations awaiting review. */
const CASES = [
  {
    organization: '晋工机械',
    daysAgo: 320,
    title: '晋工机械：“项目申报服务队”帮链上企业把政策用足',
    summary: '领头企业晋工机械组建项目申报服务队，一年帮助成员企业梳理申报材料、对接主管部门。',
    body: '党建联盟推广晋工机械成立“项目申报服务队”，由企业党员骨干和财务、技术人员组成，为链上企业提供政策解读、材料梳理和申报跟踪服务。集群成员企业依托这一平台，及时有效开展各类项目申报，打破了中小企业“单打独斗”的瓶颈。',
  },
  {
    organization: '安海镇党建工作办公室',
    daysAgo: 265,
    title: '全闽首条特色产业党建联盟研学路线串点成线',
    summary: '红色示范车间、“党建+人才”示范点和产业链党建展厅串成研学路线，接待各地研学团队。',
    body: '安海镇以点带面串联成线，把晋工机械红色示范车间、“党建+人才”示范点和党群活动中心企业展示区串成全闽首条特色产业党建联盟研学路线，让参观者在一线车间读懂“党建强、发展强”。',
  },
  {
    organization: '晋工机械',
    daysAgo: 210,
    title: '晋工机械：红色示范车间里的党员先锋岗',
    summary: '党员先锋岗设在总装一线，党员带头攻坚质量难题、带徒传技。',
    body: '晋工机械把党员先锋岗设在总装车间一线，党员技术骨干领办质量攻关课题、结对带徒，车间成为展示“党建+生产”的红色示范车间，也是研学路线的第一站。',
  },
  {
    organization: '恒达智能装备',
    daysAgo: 150,
    title: '恒达智能装备：党员骨干领衔机器人集成攻关',
    summary: '党支部组建攻关小组，完成工程机械结构件焊接产线改造。',
    body: '恒达智能装备党支部把党员技术骨干编入攻关小组，联合安腾焊接、联创机器人等链上企业完成结构件机器人焊接产线改造，产线效率明显提升。',
  },
  {
    organization: '华宇铸造',
    daysAgo: 95,
    title: '华宇铸造：党建引领安全生产和绿色改造',
    summary: '党员责任区覆盖熔炼、浇注等重点岗位，完成除尘设施改造。',
    body: '华宇铸造党总支在熔炼、浇注等重点岗位设立党员责任区，联席会议议定的除尘设施改造在应急管理办公室指导下按期完成，车间环境明显改善。',
  },
  {
    organization: '泉安数控',
    daysAgo: 45,
    title: '泉安数控：与兴翼机械联合攻关伺服控制',
    summary: '联席会议牵线，两家链上企业共建伺服控制联合攻关小组。',
    body: '在党建联盟联席会议上，兴翼机械提出伺服控制系统联合攻关需求，泉安数控党支部主动响应，双方党员技术骨干组成联合攻关小组，共享调试设备和检测资源。',
  },
  {
    organization: '海西智造',
    daysAgo: 6,
    nominated: true,
    title: '海西智造：工业互联网平台服务链上企业数字化',
    summary: '企业把自建的工业互联网平台向联盟成员开放，帮助中小企业上云用数。',
    body: '海西智造党支部牵头，把企业自建的工业互联网平台向联盟成员企业开放，已为多家链上企业提供设备联网和生产数据分析服务。',
  },
  {
    organization: '联创机器人',
    daysAgo: 2,
    nominated: true,
    title: '联创机器人：视觉检测人才“师带徒”',
    summary: '党员工程师结对带徒，为链上企业培养视觉检测人才。',
    body: '联创机器人党支部推行党员工程师“师带徒”，面向链上企业开放视觉检测培训名额，缓解了企业视觉检测人才短缺的问题。',
  },
] as const;

/** Keyed on the case's title, as the base demo's cases are. */
export async function seedCasesHistory(context: HistoryContext, people: HistoryPeople): Promise<void> {
  const { db, tenantId, allianceId, organizations, dates } = context;
  const { rows: existing } = await db.query<{ title: string }>(
    'SELECT title FROM typical_cases WHERE tenant_id = $1 AND title = ANY($2)',
    [tenantId, CASES.map((c) => c.title)],
  );
  const rows = CASES.filter((c) => !existing.some((e) => e.title === c.title)).map((c) => {
    const organizationId = organizations.get(c.organization)!;
    const published = 'nominated' in c ? null : shanghai(dates.day(-c.daysAgo), '10:00');
    const nominated = published ? plusMinutes(published, -14 * 1440) : shanghai(dates.day(-c.daysAgo), '09:30');
    return {
      tenant_id: tenantId,
      alliance_id: allianceId,
      organization_id: organizationId,
      title: c.title,
      summary: c.summary,
      body: c.body,
      status: published ? 'published' : 'nominated',
      nominated_by_id: people.contactOf.get(organizationId),
      reviewed_by_id: published ? people.official : null,
      review_comment: published ? '事迹突出，同意发布。' : null,
      published_at: published,
      created_at: nominated,
      updated_at: published ?? nominated,
    };
  });
  await insertRows(db, 'typical_cases', rows);
}
