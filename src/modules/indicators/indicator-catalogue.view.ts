import type { RoundField } from './entities/indicator-round.entity';

export interface CatalogueEntry extends Omit<RoundField, 'required'> {
  label: { 'zh-CN': string; en: string };
}

/** The indicators a round may ask for; a round copies the entries it uses, so later edits here do not change it. */
export const INDICATOR_CATALOGUE: CatalogueEntry[] = [
  { key: 'output_value', type: 'decimal', unit: '万元', min: 0, label: { 'zh-CN': '产值', en: 'Output value' } },
  { key: 'orders', type: 'decimal', unit: '万元', min: 0, label: { 'zh-CN': '订单金额', en: 'Orders' } },
  { key: 'tax_paid', type: 'decimal', unit: '万元', min: 0, label: { 'zh-CN': '纳税额', en: 'Tax paid' } },
  { key: 'rd_investment', type: 'decimal', unit: '万元', min: 0, label: { 'zh-CN': '研发投入', en: 'R&D investment' } },
  { key: 'rd_products', type: 'integer', unit: '个', min: 0, label: { 'zh-CN': '研发产品', en: 'R&D products' } },
  { key: 'patents', type: 'integer', unit: '件', min: 0, label: { 'zh-CN': '专利', en: 'Patents' } },
  { key: 'employees', type: 'integer', unit: '人', min: 0, label: { 'zh-CN': '员工数', en: 'Employees' } },
  { key: 'party_members', type: 'integer', unit: '人', min: 0, label: { 'zh-CN': '党员数', en: 'Party members' } },
];
