/**
 * What the alliance's joint meetings (联席会议) talked about over a year, from the source article:
 * the five tasks (构筑联盟体系、建立联席制度、夯实活动阵地、选派帮办团队、强化智库领航), the
 * 安海园 base (43 enterprises settled, 26 in production), 晋工机械's project application team and
 * red demonstration workshop, the activity centre in 鸿安机械's idle space, 兴翼机械's 3 new products
 * and 10 patents, the study route and the survey of 24 enterprises with 15 heads interviewed.
 */
export interface MeetingTopic {
  theme: string;
  /** The convener's agenda item for the theme. */
  item: string;
  /** An item a member proposes, with who proposes it. */
  proposal: { title: string; by: string; note: string };
  decisions: { title: string; owner: string; dueDays: number }[];
}

export const MEETING_TOPICS: MeetingTopic[] = [
  {
    theme: '构筑联盟体系：梳理“1+X+N”成员和党组织信息',
    item: '通报联盟成员变动，更新链上企业党组织和党员信息',
    proposal: {
      title: '建议新入驻企业在投产前先行建立党组织',
      by: '恒达智能装备',
      note: '纳入党建工作办公室年度计划。',
    },
    decisions: [
      { title: '更新联盟成员党组织台账并在平台公示', owner: '安海镇党建工作办公室', dueDays: 21 },
      { title: '走访安海园 17 家在建企业，摸排党员和建组条件', owner: '安海镇党建工作办公室', dueDays: 35 },
    ],
  },
  {
    theme: '智能装备制造基地安海园建设：43 家入驻、26 家投产后的配套保障',
    item: '安海园在建项目进度与用地、配套设施保障',
    proposal: { title: '园区道路和供电配套影响新厂房投产', by: '鸿安机械', note: '请自然资源所会同经济发展办协调。' },
    decisions: [
      { title: '协调 3 家在建企业的用地规划手续', owner: '安海镇自然资源所', dueDays: 30 },
      { title: '对在建项目开展施工安全专项检查', owner: '安海镇应急管理办公室', dueDays: 21 },
      { title: '汇总投产企业配套设施需求清单', owner: '安海镇经济发展办公室', dueDays: 28 },
    ],
  },
  {
    theme: '选派帮办团队：晋工机械项目申报服务队帮助成员企业申报项目',
    item: '项目申报服务队上季度帮办情况通报',
    proposal: {
      title: '希望服务队提供智能制造专项申报材料模板',
      by: '兴翼机械',
      note: '由晋工机械项目申报服务队整理后共享。',
    },
    decisions: [
      { title: '组织智能制造专项资金申报辅导会', owner: '晋工机械', dueDays: 21 },
      { title: '梳理技改项目贷款贴息政策并逐企宣讲', owner: '安海镇财政所', dueDays: 30 },
    ],
  },
  {
    theme: '夯实活动阵地：晋工机械红色示范车间和“党建+人才”示范点提升',
    item: '红色示范车间改造提升方案',
    proposal: { title: '建议示范车间增设党员先锋岗技能比武', by: '晋工机械', note: '同意，列入下月党员活动。' },
    decisions: [
      { title: '完善红色示范车间展陈和党员先锋岗标识', owner: '晋工机械', dueDays: 45 },
      { title: '组织链上企业技能人才培训班', owner: '安海镇人力资源和社会保障事务所', dueDays: 40 },
    ],
  },
  {
    theme: '党群活动中心四区运行：鸿安机械闲置厂房里的企业展示区、共享办公区、党员活动区、事务共商区',
    item: '活动中心预约使用情况和管理办法',
    proposal: { title: '企业展示区希望增加新产品轮换展示', by: '鸿安机械', note: '每季度轮换一次，由各企业报送展品。' },
    decisions: [
      { title: '更新企业展示区成员企业产品展板', owner: '鸿安机械', dueDays: 30 },
      { title: '制定党群活动中心预约和使用管理办法', owner: '安海镇党建工作办公室', dueDays: 21 },
    ],
  },
  {
    theme: '链上协同创新：兴翼机械研发新产品 3 项、取得专利 10 项的经验交流',
    item: '兴翼机械党员攻关小组经验分享',
    proposal: { title: '寻求伺服控制系统联合攻关伙伴', by: '兴翼机械', note: '泉安数控、联创机器人表示参与。' },
    decisions: [
      { title: '开展专利申报和知识产权保护培训', owner: '安海市场监督管理所', dueDays: 30 },
      { title: '牵头组建伺服控制联合攻关小组', owner: '兴翼机械', dueDays: 45 },
    ],
  },
  {
    theme: '全闽首条特色产业党建联盟研学路线运营',
    item: '研学路线接待情况与讲解队伍建设',
    proposal: { title: '研学团队参观时段与生产安排冲突', by: '晋工机械', note: '研学预约避开每周一生产调度会。' },
    decisions: [
      { title: '编印研学路线讲解手册', owner: '安海镇党建工作办公室', dueDays: 30 },
      { title: '培训红色示范车间讲解员 6 名', owner: '晋工机械', dueDays: 21 },
    ],
  },
  {
    theme: '企业用工与人才：链上企业数控技师和焊接人才缺口',
    item: '链上企业用工需求汇总',
    proposal: { title: '焊接机器人操作人员短缺', by: '安腾焊接', note: '纳入专场招聘会和培训计划。' },
    decisions: [
      { title: '举办智能装备链上企业专场招聘会', owner: '安海镇人力资源和社会保障事务所', dueDays: 30 },
      { title: '对接职业院校共建焊接实训班', owner: '安海镇人力资源和社会保障事务所', dueDays: 60 },
    ],
  },
  {
    theme: '融资服务：链上中小企业技改资金需求',
    item: '银企对接和政策性资金情况通报',
    proposal: { title: '希望简化技改贷款贴息申请材料', by: '泉安数控', note: '财政所会后梳理可免交材料清单。' },
    decisions: [
      { title: '组织链上企业银企对接会', owner: '安海镇财政所', dueDays: 30 },
      { title: '公布贷款贴息申请材料简化清单', owner: '安海镇财政所', dueDays: 21 },
    ],
  },
  {
    theme: '安全生产与环保：铸造、液压企业专项整治',
    item: '安全生产隐患排查情况通报',
    proposal: { title: '铸造车间除尘设施改造需要技术指导', by: '华宇铸造', note: '应急管理办公室联系专家上门指导。' },
    decisions: [
      { title: '对铸造、液压企业开展安全生产专项检查', owner: '安海镇应急管理办公室', dueDays: 21 },
      { title: '完成铸造车间除尘设施改造', owner: '华宇铸造', dueDays: 60 },
    ],
  },
  {
    theme: '调研成果转化：走访 24 家链上企业、座谈 15 名负责人的问题清单',
    item: '调研问题清单办理情况',
    proposal: { title: '建议问题清单在平台上逐项销号', by: '海西智造', note: '采纳，由经济发展办公室跟踪。' },
    decisions: [
      { title: '建立调研问题清单销号机制', owner: '安海镇经济发展办公室', dueDays: 21 },
      { title: '对未办结问题逐项明确责任部门和时限', owner: '安海镇经济发展办公室', dueDays: 30 },
    ],
  },
  {
    theme: '培树典型：总结联盟及成员单位经验做法',
    item: '典型案例推荐和宣传推广计划',
    proposal: { title: '推荐项目申报服务队为联盟典型', by: '晋工机械', note: '列入典型案例推荐名单。' },
    decisions: [
      { title: '征集并审核成员企业典型案例', owner: '安海镇党建工作办公室', dueDays: 30 },
      { title: '在企业展示区设立联盟典型案例专栏', owner: '鸿安机械', dueDays: 45 },
    ],
  },
];

/** Why an invited organisation declined. */
export const DECLINE_REASONS = [
  '与客户验厂时间冲突，会后书面报告',
  '负责人外出参加展会',
  '生产任务紧，请会后传达会议精神',
  '同日参加市级培训',
  '联络员休假，另派人员未及时确认',
];

/** Comments on circulated minutes. */
export const MINUTES_COMMENTS = [
  '建议在议定事项中写明配合单位。',
  '第二项的完成时限请与财政所再确认。',
  '请补充企业提出问题的办理渠道。',
  '无修改意见。',
];
