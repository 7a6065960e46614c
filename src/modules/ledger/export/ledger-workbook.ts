import { loadExcelJs } from '../../../platform/documents/document-libraries';
import type { Language } from '../../../platform/errors/localized-messages';
import { ledgerLabels } from './ledger-labels';
import type { LedgerTables } from './ledger-tables';

/** The ledger as .xlsx: one sheet per part, the same tables as the .docx. */
export async function ledgerWorkbook(tables: LedgerTables, language: Language, at: Date): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const L = ledgerLabels(language);
  const workbook = new ExcelJS.Workbook();
  workbook.created = at;
  workbook.modified = at;
  const sheets: [string, LedgerTables[keyof LedgerTables]][] = [
    [L.sheets.summary, tables.summary],
    [L.sheets.roster, tables.roster],
    [L.sheets.meetings, tables.meetings],
    [L.sheets.attendance, tables.attendance],
    [L.sheets.actionItems, tables.actionItems],
    [L.sheets.byCategory, tables.byCategory],
    [L.sheets.byDepartment, tables.byDepartment],
    [L.sheets.escalated, tables.escalated],
    [L.sheets.examples, tables.examples],
    [L.sheets.reports, tables.reports],
    [L.sheets.carriedOut, tables.carriedOut],
    [L.sheets.venues, tables.venues],
    [L.sheets.studyVisits, tables.studyVisits],
    [L.sheets.pairing, tables.pairing],
    [L.sheets.typicalCases, tables.typicalCases],
    [L.sheets.indicators, tables.indicators],
  ];
  for (const [name, table] of sheets) {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(table.headers).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    sheet.columns.forEach((column) => (column.width = 18));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
