/** Demo data from the source article: Anhai town's smart equipment manufacturing cluster alliance. */

export const TENANT = { slug: 'anhai', name: '安海镇', timeZone: 'Asia/Shanghai' };

export const SMART_EQUIPMENT_ALLIANCE = {
  name: '安海镇智能装备制造产业集群党建联盟',
  industry: '智能装备制造',
  description:
    '以晋工机械为领头企业，联合涉企职能部门和链上企业，构建“1+X+N”开放式组织体系，推动党建与产业发展深度融合。',
};

export const FOOD_ALLIANCE = {
  name: '安海镇食品饮料产业集群党建联盟',
  industry: '食品饮料',
  description: '食品饮料产业链上下游企业党组织共建联盟。',
};

export interface SeedEnterprise {
  name: string;
  code: string;
  chain: 'upstream' | 'midstream' | 'downstream';
  tags: string[];
  party: 'committee' | 'general_branch' | 'branch';
  secretary: string;
  members: number;
  contact: string;
  phone: string;
}

const e = (
  name: string,
  code: string,
  chain: SeedEnterprise['chain'],
  tags: string[],
  party: SeedEnterprise['party'],
  secretary: string,
  members: number,
  contact: string,
  phone: string,
): SeedEnterprise => ({ name, code, chain, tags, party, secretary, members, contact, phone });

export const LEAD = e(
  '晋工机械',
  '91350582MA2XJG0001',
  'downstream',
  ['工程机械', '装载机', '挖掘机'],
  'committee',
  '陈建国',
  86,
  '王志强',
  '13905950001',
);

export const MEMBERS: SeedEnterprise[] = [
  e(
    '鸿安机械',
    '91350582MA2XHA0002',
    'midstream',
    ['液压件', '结构件'],
    'branch',
    '林文华',
    18,
    '林秀英',
    '13905950002',
  ),
  e(
    '兴翼机械',
    '91350582MA2XXY0003',
    'midstream',
    ['智能控制', '传动系统'],
    'branch',
    '黄明辉',
    15,
    '黄丽娟',
    '13905950003',
  ),
  e(
    '安海精工机械',
    '91350582MA2XAJ0004',
    'upstream',
    ['精密零件', '数控加工'],
    'branch',
    '吴国平',
    9,
    '吴晓燕',
    '13905950004',
  ),
  e(
    '恒达智能装备',
    '91350582MA2XHD0005',
    'midstream',
    ['自动化产线', '机器人集成'],
    'branch',
    '郑永福',
    12,
    '郑海燕',
    '13905950005',
  ),
  e(
    '鑫盛液压',
    '91350582MA2XXT0006',
    'upstream',
    ['液压油缸', '液压阀'],
    'branch',
    '蔡志明',
    7,
    '蔡丽华',
    '13905950006',
  ),
  e(
    '泉安数控',
    '91350582MA2XQA0007',
    'upstream',
    ['数控系统', '伺服电机'],
    'branch',
    '许振华',
    11,
    '许美玲',
    '13905950007',
  ),
  e(
    '华宇铸造',
    '91350582MA2XHY0008',
    'upstream',
    ['铸件', '锻件'],
    'general_branch',
    '洪建设',
    31,
    '洪淑贞',
    '13905950008',
  ),
  e('嘉信电气', '91350582MA2XJX0009', 'upstream', ['电控柜', '线束'], 'branch', '施文斌', 8, '施雅琴', '13905950009'),
  e(
    '闽鑫传动',
    '91350582MA2XMX0010',
    'upstream',
    ['齿轮箱', '减速机'],
    'branch',
    '庄国栋',
    10,
    '庄丽芳',
    '13905950010',
  ),
  e(
    '宏图自动化',
    '91350582MA2XHT0011',
    'midstream',
    ['PLC', '工业软件'],
    'branch',
    '颜志勇',
    6,
    '颜小红',
    '13905950011',
  ),
  e('瑞丰精密', '91350582MA2XRF0012', 'upstream', ['轴承座', '精密件'], 'branch', '柯文杰', 5, '柯秀珍', '13905950012'),
  e(
    '永安重工',
    '91350582MA2XYA0013',
    'downstream',
    ['起重机械', '重型装备'],
    'general_branch',
    '苏国强',
    27,
    '苏丽君',
    '13905950013',
  ),
  e(
    '金海机电',
    '91350582MA2XJH0014',
    'midstream',
    ['电机', '机电设备'],
    'branch',
    '王建华',
    9,
    '王雪梅',
    '13905950014',
  ),
  e(
    '海西智造',
    '91350582MA2XHX0015',
    'midstream',
    ['智能制造', '工业互联网'],
    'branch',
    '李明',
    13,
    '李晓丽',
    '13905950015',
  ),
  e('泰和模具', '91350582MA2XTH0016', 'upstream', ['模具', '冲压件'], 'branch', '陈志伟', 6, '陈婷', '13905950016'),
  e('德盛轴承', '91350582MA2XDT0017', 'upstream', ['轴承', '密封件'], 'branch', '张伟东', 8, '张敏', '13905950017'),
  e(
    '远航船舶配件',
    '91350582MA2XYH0018',
    'downstream',
    ['船舶配件', '推进装置'],
    'branch',
    '杨海涛',
    7,
    '杨静',
    '13905950018',
  ),
  e(
    '联创机器人',
    '91350582MA2XLC0019',
    'midstream',
    ['工业机器人', '视觉检测'],
    'branch',
    '刘洋',
    10,
    '刘芳',
    '13905950019',
  ),
  e('晟达钣金', '91350582MA2XCD0020', 'upstream', ['钣金', '激光切割'], 'branch', '周国华', 5, '周丽', '13905950020'),
  e(
    '佳美包装机械',
    '91350582MA2XJM0021',
    'downstream',
    ['包装机械', '灌装设备'],
    'branch',
    '徐建平',
    8,
    '徐娟',
    '13905950021',
  ),
  e(
    '安腾焊接',
    '91350582MA2XAT0022',
    'midstream',
    ['焊接设备', '焊接机器人'],
    'branch',
    '孙志强',
    6,
    '孙红',
    '13905950022',
  ),
  e('福源电机', '91350582MA2XFY0023', 'upstream', ['电机', '变频器'], 'branch', '马俊', 9, '马琳', '13905950023'),
  e(
    '立信检测',
    '91350582MA2XLX0024',
    'downstream',
    ['检验检测', '计量校准'],
    'branch',
    '朱文',
    5,
    '朱燕',
    '13905950024',
  ),
  e(
    '创新激光',
    '91350582MA2XCX0025',
    'midstream',
    ['激光设备', '激光加工'],
    'branch',
    '胡斌',
    7,
    '胡晓',
    '13905950025',
  ),
];

/** Member enterprises of the food & beverage alliance; 嘉信电气 is in both alliances. */
export const FOOD_MEMBERS: SeedEnterprise[] = [
  e('安海食品', '91350582MA2XTP0026', 'downstream', ['休闲食品'], 'branch', '曾庆林', 12, '曾小梅', '13905950026'),
  e('闽南饮料', '91350582MA2XYL0027', 'downstream', ['饮料', '茶饮'], 'branch', '戴明', 9, '戴芬', '13905950027'),
];

/** X: government departments and units that deal with enterprises. */
export const DEPARTMENTS = [
  { name: '安海镇经济发展办公室', tags: ['项目申报', '企业服务'], contact: '黄志坚', phone: '0595-85701001' },
  { name: '安海镇党建工作办公室', tags: ['党建指导'], contact: '陈丽', phone: '0595-85701002' },
  { name: '安海镇财政所', tags: ['财政扶持', '融资服务'], contact: '李国华', phone: '0595-85701003' },
  { name: '安海镇自然资源所', tags: ['用地保障', '规划建设'], contact: '王建', phone: '0595-85701004' },
  { name: '安海市场监督管理所', tags: ['证照办理', '知识产权'], contact: '林晓东', phone: '0595-85701005' },
  { name: '安海镇人力资源和社会保障事务所', tags: ['人才招聘', '社保'], contact: '吴芳', phone: '0595-85701006' },
  { name: '安海镇应急管理办公室', tags: ['安全生产', '环境保护'], contact: '郑强', phone: '0595-85701007' },
];

/** An enterprise that left, so the history is not empty. */
export const FORMER_MEMBER = e(
  '东南机床',
  '91350582MA2XDN0028',
  'upstream',
  ['机床'],
  'branch',
  '方建',
  4,
  '方雨',
  '13905950028',
);

export const DEMO_PASSWORD = 'Lianmeng-Demo-2024';

/** The service catalogue (企业点单) of the smart equipment alliance: provider and SLA per category. */
export const SERVICE_CATEGORIES = [
  {
    code: 'project_application',
    name: '项目申报',
    provider: '晋工机械',
    accept: [4, 'working_hours'],
    resolve: [10, 'working_days'],
    description: '由领头企业晋工机械的项目申报服务队帮助成员企业申报各级项目',
  },
  {
    code: 'financing',
    name: '融资服务',
    provider: '安海镇财政所',
    accept: [4, 'working_hours'],
    resolve: [5, 'working_days'],
    description: '贷款贴息、融资担保、政策性资金',
  },
  {
    code: 'talent',
    name: '人才招聘',
    provider: '安海镇人力资源和社会保障事务所',
    accept: [8, 'working_hours'],
    resolve: [10, 'working_days'],
    description: null,
  },
  {
    code: 'land_construction',
    name: '用地与建设',
    provider: '安海镇自然资源所',
    accept: [1, 'working_days'],
    resolve: [15, 'working_days'],
    description: null,
  },
  {
    code: 'permits',
    name: '证照办理',
    provider: '安海市场监督管理所',
    accept: [4, 'working_hours'],
    resolve: [5, 'working_days'],
    description: null,
  },
  {
    code: 'policy',
    name: '政策咨询',
    provider: '安海镇经济发展办公室',
    accept: [2, 'working_hours'],
    resolve: [2, 'working_days'],
    description: null,
  },
  {
    code: 'intellectual_property',
    name: '专利与知识产权',
    provider: '安海市场监督管理所',
    accept: [8, 'working_hours'],
    resolve: [10, 'working_days'],
    description: null,
  },
  {
    code: 'export_customs',
    name: '出口与通关',
    provider: '安海镇经济发展办公室',
    accept: [8, 'working_hours'],
    resolve: [5, 'working_days'],
    description: null,
  },
  {
    code: 'safety_environment',
    name: '安全与环保',
    provider: '安海镇应急管理办公室',
    accept: [4, 'working_hours'],
    resolve: [5, 'working_days'],
    description: null,
  },
  {
    code: 'other',
    name: '其他',
    provider: '安海镇经济发展办公室',
    accept: [8, 'working_hours'],
    resolve: [5, 'working_days'],
    description: null,
  },
] as const;

/** Routing rules: keywords that send a request to a department whatever its category. */
export const ROUTING_RULES = [
  { priority: 10, keywords: ['贷款', '融资', '贴息', '担保'], target: '安海镇财政所' },
  { priority: 20, keywords: ['用地', '厂房', '规划', '施工许可'], target: '安海镇自然资源所' },
  { priority: 30, keywords: ['专利', '商标'], target: '安海市场监督管理所' },
] as const;

/** Department staff beyond the demo logins, so routing has someone to pick in every department. */
export const STAFF = [
  { email: 'dept2@anhai.demo', displayName: '陈晓明', organization: '安海镇经济发展办公室', leader: false },
  { email: 'dept.head@anhai.demo', displayName: '黄主任', organization: '安海镇经济发展办公室', leader: true },
  { email: 'finance@anhai.demo', displayName: '李国华', organization: '安海镇财政所', leader: true },
  { email: 'land@anhai.demo', displayName: '王建', organization: '安海镇自然资源所', leader: true },
  { email: 'market@anhai.demo', displayName: '林晓东', organization: '安海市场监督管理所', leader: true },
  { email: 'hr@anhai.demo', displayName: '吴芳', organization: '安海镇人力资源和社会保障事务所', leader: true },
  { email: 'safety@anhai.demo', displayName: '郑强', organization: '安海镇应急管理办公室', leader: true },
] as const;

export const DEMO_USERS = [
  {
    email: 'platform@lianmeng.demo',
    displayName: '平台管理员',
    role: 'platform_admin',
    organization: null,
    tenant: false,
  },
  { email: 'official@anhai.demo', displayName: '林镇长', role: 'township_admin', organization: null, tenant: true },
  {
    email: 'dept@anhai.demo',
    displayName: '黄志坚',
    role: 'department_staff',
    organization: '安海镇经济发展办公室',
    tenant: true,
  },
  {
    email: 'jingong@anhai.demo',
    displayName: '王志强',
    role: 'enterprise_contact',
    organization: '晋工机械',
    tenant: true,
  },
  {
    email: 'xingyi@anhai.demo',
    displayName: '黄丽娟',
    role: 'enterprise_contact',
    organization: '兴翼机械',
    tenant: true,
  },
  { email: 'expert@anhai.demo', displayName: '陈教授', role: 'expert', organization: null, tenant: true },
] as const;

/** A few requests in different states, so the pages and boards have something to show. */
export const DEMO_REQUESTS = [
  {
    key: 'demo-1',
    requester: 'xingyi@anhai.demo',
    category: 'policy',
    title: '咨询高新技术企业认定条件',
    status: 'closed',
    handler: 'dept@anhai.demo',
    daysAgo: 20,
    rating: 5,
  },
  {
    key: 'demo-2',
    requester: 'xingyi@anhai.demo',
    category: 'financing',
    title: '申请技改项目贷款贴息',
    status: 'in_progress',
    handler: 'finance@anhai.demo',
    daysAgo: 3,
    rating: null,
  },
  {
    key: 'demo-3',
    requester: 'xingyi@anhai.demo',
    category: 'land_construction',
    title: '新厂房用地规划咨询',
    status: 'routed',
    handler: 'land@anhai.demo',
    daysAgo: 1,
    rating: null,
  },
  {
    key: 'demo-4',
    requester: 'jingong@anhai.demo',
    category: 'talent',
    title: '招聘数控技师 10 名',
    status: 'resolved',
    handler: 'hr@anhai.demo',
    daysAgo: 6,
    rating: null,
  },
] as const;

/** The cluster party-mass activity centre in the idle space lent by 鸿安机械, with its four zones and a meeting room. */
export const ACTIVITY_CENTRE = {
  name: '安海镇智能装备产业集群党群活动中心',
  address: '福建省晋江市安海镇鸿安机械厂区',
  zones: [
    { name: '企业展示区', kind: 'enterprise_showcase', capacity: 60 },
    { name: '共享办公区', kind: 'shared_office', capacity: 20 },
    { name: '党员活动区', kind: 'party_activity', capacity: 80 },
    { name: '事务共商区', kind: 'joint_consultation', capacity: 30 },
    { name: '第一会议室', kind: 'meeting_room', capacity: 24 },
  ],
} as const;

type Hours = { open: string; close: string } | null;
const WEEKDAYS_ONLY = (open: string, close: string): Hours[] => [...Array<Hours>(5).fill({ open, close }), null, null];
const EVERY_DAY = (open: string, close: string): Hours[] => Array<Hours>(7).fill({ open, close });

/** Opening hours, approval and a line of description for the activity centre's zones (the meeting room stays unrestricted). */
export const ZONE_DETAILS: Record<
  string,
  { description: string; openingHours: ({ open: string; close: string } | null)[]; requiresApproval: boolean }
> = {
  企业展示区: {
    description: '展示联盟成员企业的产品、专利和党建成果',
    openingHours: EVERY_DAY('09:00', '17:00'),
    requiresApproval: false,
  },
  共享办公区: {
    description: '20 个工位，供成员企业和帮办团队临时办公',
    openingHours: WEEKDAYS_ONLY('08:30', '17:30'),
    requiresApproval: false,
  },
  党员活动区: {
    description: '主题党日、党课和党员学习活动场地',
    openingHours: [...Array<Hours>(6).fill({ open: '08:30', close: '21:00' }), null],
    requiresApproval: true,
  },
  事务共商区: {
    description: '企业、部门共商共议、协调解决问题的议事空间',
    openingHours: WEEKDAYS_ONLY('08:30', '17:30'),
    requiresApproval: true,
  },
};

/** Demo venue bookings on the first weekdays after the seed's today, in the afternoon (tests book mornings). */
export const DEMO_VENUE_BOOKINGS = [
  {
    booker: 'xingyi@anhai.demo',
    zone: '党员活动区',
    purpose: '兴翼机械党支部主题党日',
    attendees: 35,
    weekdaysAhead: 1,
    status: 'approved',
  },
  {
    booker: 'jingong@anhai.demo',
    zone: '党员活动区',
    purpose: '供应链协同对接会',
    attendees: 18,
    weekdaysAhead: 2,
    status: 'pending',
  },
  {
    booker: 'dept@anhai.demo',
    zone: '共享办公区',
    purpose: '惠企政策现场咨询',
    attendees: 6,
    weekdaysAhead: 3,
    status: 'approved',
  },
] as const;

/** The study route (研学路线) through the lead enterprise's demonstration sites. */
export const STUDY_SITES = [
  {
    name: '红色示范车间',
    address: '晋工机械总装车间',
    dailyCapacity: 60,
    description: '晋工机械把党员先锋岗设在生产一线，展示“党建+生产”的红色示范车间。',
  },
  {
    name: '“党建+人才”示范点',
    address: '晋工机械研发中心',
    dailyCapacity: 40,
    description: '展示晋工机械以党建引领人才培养、技能传承的做法。',
  },
  {
    name: '产业链党建展厅',
    address: '安海镇智能装备产业集群党群活动中心企业展示区',
    dailyCapacity: 80,
    description: '集中展示联盟“1+X+N”组织体系和链上企业的党建成果。',
  },
] as const;

/** Pairs of the official with enterprises; 晋工机械's last visit is long past, so it shows as overdue. */
export const DEMO_PAIRS = [
  {
    official: 'official@anhai.demo',
    organization: '兴翼机械',
    intervalDays: 30,
    visitDaysAgo: 10,
    peopleMet: '黄丽娟（联络员）、企业负责人',
    notes: '了解新产品研发和专利申报进展。',
    problems: ['新厂房消防验收流程不清楚，希望部门上门指导'],
  },
  {
    official: 'official@anhai.demo',
    organization: '晋工机械',
    intervalDays: 30,
    visitDaysAgo: 45,
    peopleMet: '王志强（联络员）',
    notes: '走访项目申报服务队，了解帮办情况。',
    problems: [] as string[],
  },
  {
    official: 'official@anhai.demo',
    organization: '鸿安机械',
    intervalDays: 60,
    visitDaysAgo: null,
    peopleMet: '',
    notes: '',
    problems: [] as string[],
  },
] as const;

/** 三张清单: a few needs, resources and projects of the smart equipment alliance's members. */
export const DEMO_LISTINGS = [
  {
    organization: '鸿安机械',
    kind: 'resource',
    category: '场地',
    tags: ['闲置厂房', '仓储'],
    title: '2000 平方米闲置厂房可共享',
    description: '厂区东侧标准厂房，层高 9 米，配 10 吨行车，可按月租用或共建。',
  },
  {
    organization: '晋工机械',
    kind: 'resource',
    category: '设备',
    tags: ['三坐标测量', '精密检测'],
    title: '三坐标测量仪对外共享',
    description: '海克斯康三坐标测量仪，工作日夜间及周末可预约使用，附检测报告。',
  },
  {
    organization: '兴翼机械',
    kind: 'need',
    category: '技术',
    tags: ['伺服控制', '精密检测'],
    title: '寻求伺服控制系统联合攻关',
    description: '新一代智能控制器需要伺服调试和精密检测支持，希望与链上企业联合攻关。',
  },
  {
    organization: '恒达智能装备',
    kind: 'project',
    category: '项目',
    tags: ['机器人集成', '自动化产线', '焊接'],
    title: '智能焊接产线项目寻求合作伙伴',
    description: '承接某工程机械企业结构件焊接产线改造，寻找焊接工艺和视觉检测合作方。',
  },
  {
    organization: '泉安数控',
    kind: 'resource',
    category: '技术',
    tags: ['伺服控制', '数控系统'],
    title: '伺服调试技术支持',
    description: '提供伺服电机选型、调试与培训服务。',
  },
] as const;

/** 人才库: people members can lend, reached through their enterprise. */
export const DEMO_TALENTS = [
  {
    organization: '晋工机械',
    name: '陈建华',
    title: '高级焊接技师',
    category: '技术',
    skills: ['焊接', '机器人编程'],
    summary: '省级技能大师工作室领衔人，擅长结构件机器人焊接。',
  },
  {
    organization: '兴翼机械',
    name: '黄工',
    title: '研发工程师',
    category: '技术',
    skills: ['伺服控制', '嵌入式'],
    summary: '负责智能控制器研发，参与 10 项专利。',
  },
] as const;

/** A government call the lead enterprise's project application service team (项目申报服务队) helps with. */
export const DEMO_CALL = {
  /** Preceded by the year it is seeded in; its deadline is 20 January of the next year. */
  name: '年度泉州市智能制造专项资金申报',
  issuingBody: '泉州市工业和信息化局',
  deadline: '01-20',
  eligibilityTags: ['智能控制', '自动化产线', '工业机器人'],
  description: '支持企业开展智能化改造、数字化车间和智能工厂建设，单个项目最高补助 300 万元。',
  applicant: '兴翼机械',
  notes: [
    {
      step: 'preparing',
      author: 'jingong@anhai.demo',
      note: '服务队已对照申报指南梳理材料清单，请准备近三年审计报告和项目可研报告。',
    },
    { step: 'materials_submitted', author: 'xingyi@anhai.demo', note: '审计报告与可研报告已提交服务队。' },
  ],
} as const;

/** Published typical cases (培树典型) for the public showcase. */
export const DEMO_CASES = [
  {
    organization: '兴翼机械',
    title: '兴翼机械：党员攻关小组一年推出 3 款新产品',
    summary: '党支部把党员技术骨干编入攻关小组，2023 年研发新产品 3 个、获得专利 10 项。',
    body: '兴翼机械党支部坚持“把党员培养成技术骨干、把技术骨干培养成党员”，组建党员技术攻关小组，围绕智能控制和传动系统开展联合攻关。2023 年，企业研发新产品 3 个，获得专利 10 项，产品进入多家工程机械龙头企业供应链。',
    /** Month and day, Beijing time: the last such day before the seed's today. */
    publishedOn: '06-28',
    publishedTime: '10:00',
  },
  {
    organization: '鸿安机械',
    title: '鸿安机械：腾出闲置厂房共建集群党群活动中心',
    summary: '鸿安机械主动让出闲置空间，建成集企业展示、共享办公、党员活动、事务共商于一体的党群活动中心。',
    body: '为解决产业集群党建活动阵地不足的问题，鸿安机械主动腾出厂区闲置空间，与镇党委共建安海镇智能装备产业集群党群活动中心，设企业展示区、共享办公区、党员活动区和事务共商区，成为链上企业交流合作的“共享客厅”。',
    publishedOn: '07-01',
    publishedTime: '09:00',
  },
] as const;

/**
 * Enterprise indicators: last year's round closed and this year's open, so year on year shows. The
 * year is the latest one whose figures are being collected: until the end of January, the year before.
 */
export const INDICATOR_FIELDS = [
  { key: 'output_value', type: 'decimal', unit: '万元', min: 0, required: true },
  { key: 'orders', type: 'decimal', unit: '万元', min: 0, required: false },
  { key: 'rd_products', type: 'integer', unit: '个', min: 0, required: true },
  { key: 'patents', type: 'integer', unit: '件', min: 0, required: true },
  { key: 'employees', type: 'integer', unit: '人', min: 0, required: true },
  { key: 'party_members', type: 'integer', unit: '人', min: 0, required: true },
] as const;

export const INDICATOR_ROUNDS = [
  {
    yearsBack: 1,
    status: 'closed',
    submissions: [
      {
        organization: '晋工机械',
        status: 'submitted',
        values: {
          output_value: 286000,
          orders: 312000,
          rd_products: 12,
          patents: 35,
          employees: 1850,
          party_members: 86,
        },
      },
      {
        organization: '兴翼机械',
        status: 'submitted',
        values: { output_value: 15600, orders: 17200, rd_products: 3, patents: 10, employees: 210, party_members: 15 },
      },
      {
        organization: '鸿安机械',
        status: 'submitted',
        values: { output_value: 23800, orders: 25100, rd_products: 2, patents: 6, employees: 320, party_members: 18 },
      },
      {
        organization: '恒达智能装备',
        status: 'submitted',
        values: { output_value: 12400, orders: 13000, rd_products: 4, patents: 8, employees: 160, party_members: 12 },
      },
    ],
  },
  {
    yearsBack: 0,
    status: 'open',
    submissions: [
      {
        organization: '晋工机械',
        status: 'submitted',
        values: {
          output_value: 318000,
          orders: 340500,
          rd_products: 15,
          patents: 41,
          employees: 1920,
          party_members: 90,
        },
      },
      {
        organization: '兴翼机械',
        status: 'submitted',
        values: { output_value: 18900, orders: 20600, rd_products: 4, patents: 13, employees: 235, party_members: 17 },
      },
      {
        organization: '鸿安机械',
        status: 'submitted',
        values: { output_value: 25200, orders: 26000, rd_products: 2, patents: 7, employees: 330, party_members: 18 },
      },
      { organization: '恒达智能装备', status: 'draft', values: { output_value: 14100 } },
    ],
  },
] as const;
