/**
 * A generated history of served requests for the intake scenario, larger and less regular than the
 * bench seed's (whose 50 titles and rule-decided departments a model learns by heart): each request
 * is about one of 38 matters in 10 categories and 15 departments, written in varied words. The
 * enterprise files it under a random category one time in five; one in twelve says nothing of its
 * matter; one in seven mentions another matter in passing; one in twenty was finally served by a
 * random department; one enterprise in seven is paired with a (random) department. The department
 * that finally resolved it is the matter's, whatever the routing rules, the pairing or the category's
 * provider would have said. Deterministic: the same count gives the same history on every run.
 */

export interface GeneratedRequest {
  id: string;
  title: string;
  description: string;
  /** The category the matter belongs to (the final one). */
  categoryCode: string;
  /** As the enterprise filed it: wrong one time in five. */
  filedCode: string;
  departmentId: string;
  /** The enterprise's paired department, if it has one. */
  pairedDepartmentId: string | null;
  /** Which of the 2,000 enterprises asked. */
  organizationId: string;
}

export const DEPARTMENTS = {
  econ: '经济发展办公室',
  finance: '财政所',
  hr: '劳动保障事务所',
  talent: '人才工作办公室',
  land: '自然资源所',
  build: '规划建设办公室',
  safety: '应急管理办公室',
  env: '生态环境站',
  market: '市场监管所',
  tax: '税务分局',
  trade: '商务服务站',
  tech: '科技与知识产权服务站',
  social: '社会事务办公室',
  mediation: '综治中心',
  service: '企业服务中心',
} as const;
type Dept = keyof typeof DEPARTMENTS;

/** The catalogue's names (as the demo's) and each category's provider. */
export const GENERATED_CATEGORIES: { code: string; name: string; provider: Dept }[] = [
  { code: 'project_application', name: '项目申报', provider: 'econ' },
  { code: 'financing', name: '融资服务', provider: 'finance' },
  { code: 'talent', name: '人才招聘', provider: 'hr' },
  { code: 'land_construction', name: '用地与建设', provider: 'land' },
  { code: 'permits', name: '证照办理', provider: 'market' },
  { code: 'policy', name: '政策咨询', provider: 'econ' },
  { code: 'intellectual_property', name: '专利与知识产权', provider: 'tech' },
  { code: 'export_customs', name: '出口与通关', provider: 'trade' },
  { code: 'safety_environment', name: '安全与环保', provider: 'safety' },
  { code: 'other', name: '其他', provider: 'service' },
];

/** The demo's keyword rules (bench/seed/vocabulary RULES), each to its category's provider. */
export const GENERATED_RULES: { keywords: string[]; code: string }[] = [
  { keywords: ['贷款', '融资', '贴息', '担保'], code: 'financing' },
  { keywords: ['用地', '厂房', '规划', '施工许可'], code: 'land_construction' },
  { keywords: ['专利', '商标'], code: 'intellectual_property' },
];

/** A matter: its category, the department that serves it, and the ways enterprises name it. */
const MATTERS: { code: string; dept: Dept; weight: number; names: string[] }[] = [
  { code: 'policy', dept: 'tech', weight: 4, names: ['高新技术企业认定', '高企认定', '高企申报条件'] },
  { code: 'policy', dept: 'tax', weight: 4, names: ['研发费用加计扣除', '加计扣除政策', '研发费用税前扣除'] },
  { code: 'policy', dept: 'econ', weight: 4, names: ['专精特新培育', '专精特新企业申报', '小巨人企业认定'] },
  { code: 'policy', dept: 'finance', weight: 3, names: ['惠企政策兑现', '奖补资金兑现', '政策奖励资金拨付'] },
  { code: 'policy', dept: 'hr', weight: 2, names: ['稳岗补贴', '稳岗返还', '社保补贴'] },
  { code: 'financing', dept: 'finance', weight: 4, names: ['技改项目贷款贴息', '贷款贴息', '设备贷款贴息'] },
  { code: 'financing', dept: 'service', weight: 3, names: ['应急转贷', '过桥资金', '转贷资金'] },
  { code: 'financing', dept: 'econ', weight: 3, names: ['融资担保', '担保贷款', '供应链融资'] },
  { code: 'talent', dept: 'hr', weight: 5, names: ['招聘普工', '招聘数控技师', '用工缺口', '招工'] },
  { code: 'talent', dept: 'talent', weight: 3, names: ['高层次人才认定', '人才公寓', '引进人才补贴'] },
  { code: 'talent', dept: 'hr', weight: 2, names: ['职业技能培训', '员工技能提升', '以工代训'] },
  { code: 'talent', dept: 'hr', weight: 1, names: ['职称评审', '工程师职称'] },
  { code: 'land_construction', dept: 'land', weight: 3, names: ['工业用地续期', '新增用地指标', '用地红线调整'] },
  { code: 'land_construction', dept: 'build', weight: 3, names: ['扩建厂房施工许可', '施工许可证', '厂房加层报建'] },
  { code: 'land_construction', dept: 'build', weight: 2, names: ['消防验收', '竣工消防验收', '消防设计审查'] },
  { code: 'land_construction', dept: 'land', weight: 2, names: ['不动产登记', '厂房产权证', '土地证办理'] },
  { code: 'permits', dept: 'market', weight: 3, names: ['食品生产许可证延续', 'SC 证续期', '食品经营许可'] },
  { code: 'permits', dept: 'market', weight: 3, names: ['营业执照变更', '经营范围变更', '法人变更登记'] },
  { code: 'permits', dept: 'env', weight: 3, names: ['排污许可登记', '排污许可证', '排污登记变更'] },
  { code: 'permits', dept: 'market', weight: 2, names: ['特种设备使用登记', '叉车登记', '压力容器检验'] },
  { code: 'project_application', dept: 'econ', weight: 3, names: ['智能制造示范项目', '数字化车间', '技术改造专项'] },
  { code: 'project_application', dept: 'tech', weight: 2, names: ['企业技术中心', '工程技术研究中心', '科技计划项目'] },
  { code: 'project_application', dept: 'env', weight: 1, names: ['绿色工厂', '清洁生产审核'] },
  { code: 'intellectual_property', dept: 'tech', weight: 3, names: ['发明专利预审', '专利申请', '专利质押'] },
  { code: 'intellectual_property', dept: 'market', weight: 2, names: ['商标注册', '商标续展', '商标被抢注'] },
  { code: 'intellectual_property', dept: 'mediation', weight: 1, names: ['专利侵权纠纷', '仿冒产品维权'] },
  { code: 'export_customs', dept: 'tax', weight: 3, names: ['出口退税', '退税进度', '免抵退'] },
  { code: 'export_customs', dept: 'trade', weight: 3, names: ['AEO 认证', '原产地证', '出口通关协调'] },
  { code: 'export_customs', dept: 'trade', weight: 2, names: ['海外展会补贴', '境外参展', '跨境电商备案'] },
  { code: 'safety_environment', dept: 'safety', weight: 3, names: ['安全生产标准化', '安全隐患整改', '安全培训考核'] },
  { code: 'safety_environment', dept: 'env', weight: 3, names: ['环评手续', '危废处置', '废水排放超标'] },
  { code: 'safety_environment', dept: 'safety', weight: 1, names: ['职业病危害检测', '粉尘防爆'] },
  { code: 'safety_environment', dept: 'build', weight: 1, names: ['消防隐患整改', '消防通道'] },
  { code: 'other', dept: 'build', weight: 2, names: ['厂区道路维修', '路灯不亮', '排水管网堵塞'] },
  { code: 'other', dept: 'social', weight: 2, names: ['员工子女入学', '外来工子女就学', '员工住房'] },
  { code: 'other', dept: 'econ', weight: 2, names: ['供电不稳定', '停电频繁', '用电增容'] },
  { code: 'other', dept: 'mediation', weight: 2, names: ['合同纠纷调解', '货款纠纷', '劳资纠纷调解'] },
  { code: 'other', dept: 'service', weight: 1, names: ['供需对接会', '产业链对接', '联盟活动报名'] },
];

const VAGUE = ['有件事', '相关事宜', '企业遇到的问题', '一些情况', '上次反映的事情', '公司的诉求'];
const OPENINGS = ['', '', '请问', '您好，', '我司', '麻烦咨询一下，', '想了解'];
const ASKS = [
  '怎么办理',
  '需要哪些材料',
  '办理流程是什么',
  '进度如何',
  '能否尽快协调',
  '有什么条件',
  '找哪个部门',
  '请帮忙对接',
  '',
];
const CONTEXT = [
  '我们是一家{p}企业，',
  '公司主要生产{p}，',
  '本企业今年产能扩大，',
  '公司去年营收增长较快，',
  '企业刚完成股改，',
  '',
  '',
];
const PRODUCTS = ['液压件', '休闲食品', '纸箱', '毛绒玩具', '牛皮革', '伺服电机', '茶饮', '包装印刷', '童车', '鞋材'];
const ENDINGS = [
  '请相关部门协助办理。',
  '材料已准备齐全，希望尽快安排对接。',
  '企业负责人希望上门指导。',
  '此事较急，恳请优先处理。',
  '具体情况可电话联系企业联络员。',
  '希望提供办理流程和所需材料清单。',
  '',
];

/** The departments' ids in a generated history: stable strings, not rows. */
export const deptId = (dept: string) => `dept-${dept}`;

export function generateIntakeHistory(count: number): GeneratedRequest[] {
  let state = 20_260_317;
  const u = () => ((state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0), state / 4_294_967_296);
  const pick = <T>(list: readonly T[]) => list[Math.floor(u() * list.length)];
  const total = MATTERS.reduce((sum, m) => sum + m.weight, 0);
  const matter = () => {
    let r = u() * total;
    for (const m of MATTERS) if ((r -= m.weight) < 0) return m;
    return MATTERS[MATTERS.length - 1];
  };
  const depts = Object.keys(DEPARTMENTS) as Dept[];
  // 2,000 enterprises, one in seven paired with a department (chosen for the enterprise, not the matter).
  const paired = Array.from({ length: 2000 }, () => (u() < 0.15 ? deptId(pick(depts)) : null));
  const codes = GENERATED_CATEGORIES.map((c) => c.code);
  return Array.from({ length: count }, (_, i) => {
    const m = matter();
    // One in twelve says nothing of its matter ("有事想咨询"): no model can place it.
    const name = u() < 1 / 12 ? pick(VAGUE) : pick(m.names);
    // One request in seven mentions another matter in passing.
    const aside = u() < 1 / 7 ? `另外${pick(matter().names)}也想了解。` : '';
    const title = u() < 0.5 ? `${pick(OPENINGS)}${name}${pick(ASKS)}` : `关于${name}的咨询`;
    const description = `${pick(CONTEXT).replace('{p}', pick(PRODUCTS))}${pick(OPENINGS)}${name}${pick(ASKS)}。${aside}${pick(ENDINGS)}`;
    const filedCode = u() < 0.2 ? pick(codes) : m.code;
    // One in twenty was finally served by another department than its matter's usual one.
    const departmentId = deptId(u() < 0.05 ? pick(depts) : m.dept);
    const enterprise = Math.floor(u() * paired.length);
    return {
      id: `gen-${i}`,
      title,
      description,
      categoryCode: m.code,
      filedCode,
      departmentId,
      pairedDepartmentId: paired[enterprise],
      organizationId: `org-${enterprise}`,
    };
  });
}
