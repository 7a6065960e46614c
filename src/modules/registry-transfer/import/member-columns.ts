/** The columns of the member import, with the header names accepted in Chinese and English. */
export const MEMBER_COLUMNS = {
  name: ['企业名称', '单位名称', 'name', 'organization name', 'enterprise name'],
  role: ['联盟角色', '角色', 'role', 'alliance role'],
  unifiedCode: ['统一社会信用代码', '信用代码', 'unified social credit code', 'unified code', 'credit code'],
  industry: ['行业', '所属行业', 'industry'],
  chainPosition: ['产业链位置', '链上位置', 'chain position'],
  productTags: ['产品标签', '主要产品', 'product tags', 'products'],
  address: ['地址', '企业地址', 'address'],
  contactName: ['联系人', 'contact', 'contact name'],
  contactPhone: ['联系电话', '联系人电话', 'phone', 'contact phone'],
  contactEmail: ['联系邮箱', '电子邮箱', 'email', 'contact email'],
  partyType: ['党组织类型', 'party organization type', 'party organisation type'],
  partyName: ['党组织名称', 'party organization name', 'party organisation name'],
  partySecretary: ['党组织书记', '书记', 'party secretary', 'secretary'],
  partyMemberCount: ['党员人数', 'party members', 'party member count'],
  partyFoundedOn: ['党组织成立日期', '成立日期', 'party founded on', 'founded on'],
  joinedOn: ['加入日期', '入盟日期', 'joined on', 'join date'],
} as const;

export type MemberColumn = keyof typeof MEMBER_COLUMNS;

/** The header row of the template, in the order people fill it. */
export const TEMPLATE_HEADERS: Record<'zh-CN' | 'en', string[]> = {
  'zh-CN': Object.values(MEMBER_COLUMNS).map((names) => names[0]),
  en: Object.values(MEMBER_COLUMNS).map((names) => {
    const english = names.find((n) => /^[a-z ]+$/.test(n)) ?? names[0];
    return english.replace(/\b\w/g, (c) => c.toUpperCase());
  }),
};

const normalize = (header: string) => header.replace(/[\s*（）()]/g, '').toLowerCase();

const LOOKUP = new Map<string, MemberColumn>(
  (Object.entries(MEMBER_COLUMNS) as [MemberColumn, readonly string[]][]).flatMap(([column, names]) =>
    names.map((n) => [normalize(n), column] as const),
  ),
);

/** Maps header cells to columns; unknown headers are reported, not silently dropped. */
export function mapHeaders(headers: string[]): { columns: (MemberColumn | null)[]; unknown: string[] } {
  const columns = headers.map((h) => (h.trim() ? (LOOKUP.get(normalize(h)) ?? null) : null));
  const unknown = headers.filter((h, i) => h.trim() && columns[i] === null);
  return { columns, unknown };
}
