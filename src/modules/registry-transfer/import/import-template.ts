import { loadExcelJs } from '../../../platform/documents/document-libraries';
import type { Language } from '../../../platform/errors/localized-messages';
import { TEMPLATE_HEADERS } from './member-columns';

const NOTES: Record<Language, string[][]> = {
  'zh-CN': [
    ['列', '说明'],
    ['企业名称', '必填'],
    ['联盟角色', '领头企业 / 职能部门 / 成员企业，默认为成员企业'],
    ['统一社会信用代码', '18 位；已在系统中的单位按此代码匹配'],
    ['产业链位置', '上游 / 中游 / 下游'],
    ['产品标签', '多个标签用顿号、逗号或分号分隔'],
    ['党组织类型', '党委 / 党总支 / 党支部；领头企业和成员企业必填'],
    ['日期', '例如 2024-03-05 或 2024年3月5日'],
  ],
  en: [
    ['Column', 'Notes'],
    ['Name', 'required'],
    ['Role', 'lead / department / member; member when empty'],
    ['Unified Code', '18 characters; organisations already registered are matched by it'],
    ['Chain Position', 'upstream / midstream / downstream'],
    ['Product Tags', 'separated by commas or semicolons'],
    ['Party Organization Type', 'committee / general branch / branch; required for the lead and members'],
    ['Dates', 'e.g. 2024-03-05'],
  ],
};

export async function importTemplate(format: 'xlsx' | 'csv', language: Language): Promise<Buffer> {
  const headers = TEMPLATE_HEADERS[language];
  if (format === 'csv') return Buffer.from(`\uFEFF${headers.join(',')}\r\n`, 'utf8');
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(language === 'zh-CN' ? '成员企业' : 'Members');
  sheet.addRow(headers).font = { bold: true };
  sheet.columns.forEach((column) => (column.width = 18));
  const notes = workbook.addWorksheet(language === 'zh-CN' ? '填写说明' : 'Notes');
  NOTES[language].forEach((row) => notes.addRow(row));
  notes.getColumn(1).width = 20;
  notes.getColumn(2).width = 70;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
