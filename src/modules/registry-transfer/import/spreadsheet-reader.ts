import { parse } from 'csv-parse/sync';
import type { CellValue } from 'exceljs';
import { loadExcelJs } from '../../../platform/documents/document-libraries';
import { assertSafeZip } from '../../../platform/storage/zip-guard';

export type SheetRows = string[][];

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export class UnreadableFileError extends Error {}

/**
 * Reads the first sheet of an .xlsx or a .csv, deciding by content, not by name. A CSV may be
 * UTF-8 (with or without BOM) or GB18030, which is what Excel on Chinese Windows saves.
 */
export async function readSpreadsheet(file: Buffer): Promise<SheetRows> {
  if (file.subarray(0, 4).equals(ZIP_MAGIC)) return readXlsx(file);
  return readCsv(decodeText(file));
}

async function readXlsx(file: Buffer): Promise<SheetRows> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs (JSZip) inflates every entry into memory: never hand it an archive that expands too far.
    assertSafeZip(file);
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFileError('not an xlsx workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: SheetRows = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      values[column - 1] = cellText(cell.value);
    });
    rows[rowNumber - 1] = Array.from(values, (v) => v ?? '');
  });
  return Array.from(rows, (r) => r ?? []);
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return value.result === undefined ? '' : cellText(value.result);
    return '';
  }
  return String(value);
}

function decodeText(file: Buffer): string {
  if (file.includes(0)) throw new UnreadableFileError('binary file');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(file);
  }
}

function readCsv(text: string): SheetRows {
  try {
    return parse(text, { relax_column_count: true, skip_empty_lines: false, trim: true, bom: true });
  } catch {
    throw new UnreadableFileError('not a csv file');
  }
}
