/**
 * The spreadsheet and PDF libraries, loaded by the first export, import or PDF that needs them: an API
 * process that serves none would otherwise hold their thousands of modules (source text and compiled
 * code, tens of megabytes) from start-up on. Node caches the module after the first load.
 */

export async function loadExcelJs(): Promise<typeof import('exceljs')> {
  return (await import('exceljs')).default;
}

export async function loadPdfKit(): Promise<typeof import('pdfkit')> {
  return (await import('pdfkit')).default;
}

/** Word documents (docx, ESM first), typed as the import resolves it. */
export const loadDocx = async () => import('docx');
