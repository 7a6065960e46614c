/**
 * Words of enterprise service that jieba's general dictionary splits (专精特新 → 专精 / 特 / 新). The
 * same in every township, so they are the only terms loaded into the process-wide segmenter; a
 * township's own names (its catalogue, enterprises, products) stay in its model (see TermMatcher).
 */
export const DOMAIN_TERMS: readonly string[] = [
  '技改',
  '技术改造',
  '专精特新',
  '小巨人',
  '高新技术企业',
  '高企',
  '用地',
  '厂房',
  '环评',
  '能评',
  '安评',
  '安全生产',
  '消防验收',
  '施工许可',
  '规划许可',
  '不动产登记',
  '排污许可',
  '贴息',
  '贷款贴息',
  '融资担保',
  '应急转贷',
  '研发费用',
  '加计扣除',
  '出口退税',
  '报关',
  '知识产权',
  '专利申请',
  '商标注册',
  '人才公寓',
  '人才引进',
  '职称评审',
  '社保补贴',
  '稳岗补贴',
  '技能培训',
  '项目申报',
  '技改补助',
  '智能化改造',
  '数字化转型',
  '首台套',
  '产学研',
];

/** Words that say nothing of what is asked; dropped before counting. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...'的 了 吗 呢 吧 啊 呀 哦 和 与 及 或 是 在 有 我 我们 我司 您 你 你们 他 她 它 请问 请 一下 这个 那个 这些 那些 什么 怎么 怎样 如何 哪些 哪里 需要 可以 能否 是否 能 会 要 想 就 也 都 还 又 对 把 被 给 从 向 为 以 等 之 其 该 这 那 个 些 并 而 但 如果 因为 所以 已经 目前 现在 麻烦 谢谢 您好 你好'.split(
    ' ',
  ),
]);
