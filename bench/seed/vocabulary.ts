/**
 * Word lists the large tenant is generated from. Every generated row picks from these by its index,
 * so two runs produce the same names, titles and relationships.
 */

/** The five industry alliances of Anhai in a fixed order; the first two come from the demo seed. */
export const ALLIANCES = [
  {
    name: '安海镇智能装备制造产业集群党建联盟',
    short: '智能装备',
    industry: '智能装备制造',
    foundedOn: '2023-03-01',
    share: 0.3,
  },
  {
    name: '安海镇食品饮料产业集群党建联盟',
    short: '食品饮料',
    industry: '食品饮料',
    foundedOn: '2024-01-10',
    share: 0.2,
  },
  { name: '安海镇纸制品产业集群党建联盟', short: '纸制品', industry: '纸制品', foundedOn: '2023-05-20', share: 0.16 },
  { name: '安海镇玩具产业集群党建联盟', short: '玩具', industry: '玩具', foundedOn: '2023-06-18', share: 0.19 },
  { name: '安海镇制革产业集群党建联盟', short: '制革', industry: '制革', foundedOn: '2023-08-08', share: 0.15 },
] as const;

export const ALLIANCE_DESCRIPTION = (industry: string) =>
  `${industry}产业链上下游企业党组织、涉企职能部门共同组建的“1+X+N”党建联盟，推动党建与产业发展深度融合。`;

/** Per alliance (same order): nouns that end an enterprise's name, and its product tags. */
export const INDUSTRY_NOUNS = [
  ['机械', '智能装备', '精密机械', '自动化设备', '液压机械', '数控设备'],
  ['食品', '饮料', '食品科技', '茶业'],
  ['纸业', '纸品', '包装材料', '印务'],
  ['玩具', '文创用品', '塑胶制品', '童车'],
  ['皮革', '制革', '皮具', '鞋材'],
];

export const PRODUCT_TAGS = [
  ['液压件', '结构件', '数控加工', '伺服电机', '工业机器人', '焊接设备', '传动系统', '电控柜', '精密零件', '钣金'],
  ['休闲食品', '饮料', '茶饮', '烘焙', '调味品', '冷链', '糖果', '罐头'],
  ['纸箱', '瓦楞纸', '包装印刷', '生活用纸', '纸管', '标签'],
  ['毛绒玩具', '塑胶玩具', '益智玩具', '模型', '童车', '电子玩具'],
  ['牛皮革', '合成革', '皮具', '鞋材', '染整', '环保处理'],
];

/** Two characters of a trade name (字号): 60 × 60 combinations per noun. */
export const TRADE_NAME_FIRST = [
  ...'鸿兴盛泰华恒安瑞丰嘉利源达宏鑫信德隆昌荣金银海晋闽泉豪宝远祥福明光天益永新创联捷凯腾锦顺和美佳正通宇润凌峰川博伟协全立力',
];
export const TRADE_NAME_SECOND = [
  ...'发兴盛达丰源利华泰昌隆成富旺顺辉耀鑫宏通祥瑞升远创汇合信诚德安威航鹏龙泓林翔星晟峰骏蓝豪驰骐睿锐卓恒越迪亿迅鼎聚凯邦宇洋',
];

export const ROADS = [
  '安平路',
  '成功路',
  '鸿塑路',
  '工业大道',
  '曙光路',
  '星塔路',
  '型厝路',
  '东鞍路',
  '西安路',
  '桥头路',
  '埭边路',
  '庄头路',
];

/** Departments and units (X) beyond the seven of the demo seed. */
export const MORE_DEPARTMENTS = [
  '安海镇企业服务中心',
  '安海镇招商服务中心',
  '安海镇规划建设办公室',
  '安海镇综合执法队',
  '安海镇农业农村办公室',
  '安海镇社会事务办公室',
  '安海镇综治中心',
  '安海镇退役军人服务站',
  '安海镇文化服务中心',
  '安海镇便民服务中心',
  '安海镇统计站',
  '安海镇生态环境办公室',
  '安海镇总工会',
  '安海镇团委',
  '安海镇妇联',
  '安海镇科协',
  '安海镇商会',
  '晋江市税务局安海税务分局',
  '晋江市公安局安海派出所',
  '安海镇消防救援站',
  '晋江市生态环境局安海环保站',
  '国网晋江市供电公司安海供电所',
  '晋江市自来水公司安海营业所',
  '安海海关服务站',
  '晋江市科技局安海工作站',
  '晋江市知识产权服务中心安海工作站',
  '安海镇金融服务站',
  '安海镇人才服务站',
  '安海镇食品饮料产业服务站',
  '安海镇纸制品产业服务站',
  '安海镇玩具产业服务站',
  '安海镇制革产业服务站',
  '安海镇数字经济办公室',
];

/** Who serves each category in each alliance (same order); a missing department falls back to the economic development office. */
export const PROVIDERS: Record<string, string[]> = {
  financing: ['安海镇财政所', '安海镇财政所', '安海镇金融服务站', '安海镇金融服务站', '安海镇财政所'],
  land_construction: [
    '安海镇自然资源所',
    '安海镇自然资源所',
    '安海镇规划建设办公室',
    '安海镇自然资源所',
    '安海镇规划建设办公室',
  ],
  intellectual_property: [
    '安海市场监督管理所',
    '晋江市知识产权服务中心安海工作站',
    '晋江市知识产权服务中心安海工作站',
    '晋江市知识产权服务中心安海工作站',
    '安海市场监督管理所',
  ],
  permits: [
    '安海市场监督管理所',
    '安海市场监督管理所',
    '安海镇便民服务中心',
    '安海市场监督管理所',
    '安海镇便民服务中心',
  ],
  talent: [
    '安海镇人力资源和社会保障事务所',
    '安海镇人才服务站',
    '安海镇人力资源和社会保障事务所',
    '安海镇人才服务站',
    '安海镇人力资源和社会保障事务所',
  ],
  policy: [
    '安海镇经济发展办公室',
    '安海镇食品饮料产业服务站',
    '安海镇纸制品产业服务站',
    '安海镇玩具产业服务站',
    '安海镇制革产业服务站',
  ],
  export_customs: ['安海镇经济发展办公室', '安海海关服务站', '安海海关服务站', '安海海关服务站', '安海海关服务站'],
  safety_environment: [
    '安海镇应急管理办公室',
    '安海镇应急管理办公室',
    '安海镇生态环境办公室',
    '安海镇应急管理办公室',
    '晋江市生态环境局安海环保站',
  ],
  other: [
    '安海镇经济发展办公室',
    '安海镇企业服务中心',
    '安海镇企业服务中心',
    '安海镇企业服务中心',
    '安海镇企业服务中心',
  ],
};

/** The service catalogue of a generated alliance: name and SLA per code (the smart equipment alliance's, from the demo). */
export const CATEGORIES = [
  { code: 'project_application', name: '项目申报', accept: [4, 'working_hours'], resolve: [10, 'working_days'] },
  { code: 'financing', name: '融资服务', accept: [4, 'working_hours'], resolve: [5, 'working_days'] },
  { code: 'talent', name: '人才招聘', accept: [8, 'working_hours'], resolve: [10, 'working_days'] },
  { code: 'land_construction', name: '用地与建设', accept: [1, 'working_days'], resolve: [15, 'working_days'] },
  { code: 'permits', name: '证照办理', accept: [4, 'working_hours'], resolve: [5, 'working_days'] },
  { code: 'policy', name: '政策咨询', accept: [2, 'working_hours'], resolve: [2, 'working_days'] },
  {
    code: 'intellectual_property',
    name: '专利与知识产权',
    accept: [8, 'working_hours'],
    resolve: [10, 'working_days'],
  },
  { code: 'export_customs', name: '出口与通关', accept: [8, 'working_hours'], resolve: [5, 'working_days'] },
  { code: 'safety_environment', name: '安全与环保', accept: [4, 'working_hours'], resolve: [5, 'working_days'] },
  { code: 'other', name: '其他', accept: [8, 'working_hours'], resolve: [5, 'working_days'] },
] as const;

/** The demo seed's routing rules, repeated for every alliance with that alliance's provider of the category as target. */
export const RULES = [
  { priority: 10, keywords: ['贷款', '融资', '贴息', '担保'], code: 'financing' },
  { priority: 20, keywords: ['用地', '厂房', '规划', '施工许可'], code: 'land_construction' },
  { priority: 30, keywords: ['专利', '商标'], code: 'intellectual_property' },
] as const;

/**
 * How often enterprises ask for each category, and five titles each. Only the titles of the three
 * rule categories contain a rule keyword, so the generated routing agrees with the real router.
 */
export const REQUEST_TOPICS: { code: string; weight: number; titles: string[] }[] = [
  {
    code: 'policy',
    weight: 0.2,
    titles: [
      '咨询高新技术企业认定条件',
      '咨询研发费用加计扣除政策',
      '咨询专精特新企业培育政策',
      '咨询技改补助申请条件',
      '咨询惠企政策兑现流程',
    ],
  },
  {
    code: 'financing',
    weight: 0.14,
    titles: [
      '申请技改项目贷款贴息',
      '申请流动资金贷款担保',
      '咨询供应链融资渠道',
      '申请中小企业融资担保',
      '申请设备购置贷款贴息',
    ],
  },
  {
    code: 'talent',
    weight: 0.14,
    titles: [
      '招聘数控技师 10 名',
      '招聘质检员与班组长',
      '申请高层次人才认定',
      '开展员工技能提升培训',
      '招聘外贸业务员 5 名',
    ],
  },
  {
    code: 'permits',
    weight: 0.12,
    titles: [
      '办理食品生产许可证延续',
      '办理营业执照经营范围变更',
      '办理排污许可登记',
      '办理特种设备使用登记',
      '办理工业产品生产许可',
    ],
  },
  {
    code: 'project_application',
    weight: 0.06,
    titles: [
      '申报省级智能制造示范项目',
      '申报市级技术改造专项',
      '申报省级企业技术中心',
      '申报绿色工厂',
      '申报数字化车间项目',
    ],
  },
  {
    code: 'land_construction',
    weight: 0.06,
    titles: ['新厂房用地规划咨询', '申请扩建厂房施工许可', '工业用地续期咨询', '厂房消防验收咨询', '办理用地红线调整'],
  },
  {
    code: 'intellectual_property',
    weight: 0.08,
    titles: ['申请发明专利快速预审', '商标注册与续展咨询', '专利侵权纠纷调解', '申请专利质押', '商标被抢注维权'],
  },
  {
    code: 'export_customs',
    weight: 0.07,
    titles: ['出口退税进度查询', '申请 AEO 高级认证', '出口产品原产地证办理', '海外展会补贴申请', '出口货物通关协调'],
  },
  {
    code: 'safety_environment',
    weight: 0.08,
    titles: ['安全生产标准化评审辅导', '危废处置协调', '环评手续咨询', '消防安全隐患整改指导', '职业病危害因素检测'],
  },
  {
    code: 'other',
    weight: 0.05,
    titles: [
      '协调厂区周边道路维修',
      '协调员工子女入学',
      '反映供电不稳定问题',
      '协调企业间合同纠纷',
      '申请参加联盟供需对接会',
    ],
  },
];

export const REQUEST_DETAILS = [
  '请相关部门协助办理。',
  '材料已准备齐全，希望尽快安排对接。',
  '企业负责人希望上门指导。',
  '此事较急，恳请优先处理。',
  '具体情况可电话联系企业联络员。',
  '希望提供办理流程和所需材料清单。',
];

export const RATING_COMMENTS = [
  '服务及时，感谢！',
  '办理很快，点赞。',
  '部门上门指导，问题已解决。',
  '整体满意，希望流程再简化。',
  '回复较慢。',
  '问题没有完全解决。',
];

export const REJECT_REASONS = [
  '不属于本部门职责范围，请向相关部门咨询。',
  '材料不齐全且逾期未补充。',
  '与已有诉求重复。',
];

export const SURNAMES = [...'陈林黄张吴王李郑蔡许洪施庄颜柯苏刘杨周徐孙马朱胡曾戴方余邱谢卢叶赖詹高何罗郭'];
export const GIVEN_NAMES = [
  '志强',
  '丽娟',
  '建国',
  '秀英',
  '明辉',
  '晓燕',
  '国平',
  '海燕',
  '永福',
  '丽华',
  '振华',
  '美玲',
  '建设',
  '淑贞',
  '文斌',
  '雅琴',
  '国栋',
  '丽芳',
  '志勇',
  '小红',
  '文杰',
  '秀珍',
  '国强',
  '丽君',
  '建华',
  '雪梅',
  '晓丽',
  '志伟',
  '伟东',
  '海涛',
  '俊杰',
  '婷婷',
  '思远',
  '佳慧',
  '子轩',
  '雨桐',
  '浩然',
  '欣怡',
  '宇航',
  '梓涵',
  '晨阳',
  '诗琪',
  '家豪',
  '嘉怡',
  '俊豪',
  '心怡',
  '文博',
  '佳琪',
];

export const EXPERT_FIELDS = [
  '智能制造',
  '食品安全',
  '绿色包装',
  '产品设计',
  '环保治理',
  '财税金融',
  '知识产权',
  '人力资源',
  '数字化转型',
  '党建研究',
];
export const EXPERT_AFFILIATIONS = [
  '华侨大学',
  '泉州师范学院',
  '福建省机械科学研究院',
  '黎明职业大学',
  '泉州市委党校',
  '福建师范大学',
];

export const MEETING_TOPICS = [
  '联席会议',
  '主题党日活动',
  '政策宣讲会',
  '供需对接会',
  '安全生产专题会',
  '项目申报辅导会',
  '智库专家座谈会',
  '党建工作推进会',
  '人才招聘对接会',
  '季度工作例会',
];
export const CANCEL_REASONS = [
  '主要参会单位时间冲突，另行安排。',
  '台风预警，会议延期。',
  '议题调整，合并至下次会议。',
];

/** Local (Asia/Shanghai) start and length of the meeting slots of a working day; none overlaps another. */
export const MEETING_SLOTS = [
  { start: '08:30', minutes: 90 },
  { start: '10:30', minutes: 90 },
  { start: '14:00', minutes: 90 },
  { start: '16:00', minutes: 90 },
  { start: '19:00', minutes: 90 },
];

/** Venues of the other alliances (the demo seed has the smart equipment alliance's centre). */
export const MORE_VENUES = ALLIANCES.slice(1).map((a) => ({
  name: `安海镇${a.short}产业集群党群活动中心`,
  address: `福建省晋江市安海镇${a.short}产业园`,
  zones: [
    { name: '党员活动区', kind: 'party_activity', capacity: 60 },
    { name: '事务共商区', kind: 'joint_consultation', capacity: 30 },
    { name: '第一会议室', kind: 'meeting_room', capacity: 24 },
    { name: '第二会议室', kind: 'meeting_room', capacity: 16 },
  ],
}));
