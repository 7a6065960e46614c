import { loadPdfKit } from '../../../platform/documents/document-libraries';
import type { Language } from '../../../platform/errors/localized-messages';
import type { LedgerContents } from '../ledger-contents';
import { lastDay, ledgerLabels } from './ledger-labels';
import { ledgerOutline } from './ledger-outline';
import type { LedgerTable, LedgerTables } from './ledger-tables';

/** Points per millimetre. */
const mm = (millimetres: number) => (millimetres * 72) / 25.4;
/** GB/T 9704: A4, margins 37 / 35 / 28 / 26 mm. */
const MARGINS = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
/** 二号 title, 三号 headings and text, 五号 tables (the PDF's tables are denser than Word's), 四号 page numbers. */
const SIZE = { title: 22, text: 16, table: 10.5, pageNumber: 14 };
/** 三号 on a 28 pt line, as the .docx sets it. */
const LINE_GAP = 6;
const PAD = 3;

/** The width of a cell's text in half-width characters (a CJK character counts two), capped. */
const measure = (text: string) =>
  Math.min(
    24,
    [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0),
  );

/**
 * Column widths: each column's longest text if all fit; else the narrow columns keep theirs and the
 * wide ones share the rest in proportion (a column takes at least two characters and at most 45% of the page; a header longer than four wraps).
 */
function columnWidths(t: LedgerTable, widthOf: (text: string) => number, width: number): number[] {
  const natural = t.headers.map((h, i) => {
    const longest = t.rows.map((r) => r[i] ?? '').reduce((a, b) => (measure(b) > measure(a) ? b : a), '');
    return Math.min(width * 0.45, Math.max(widthOf('国国'), widthOf(h.slice(0, 4)), widthOf(longest)));
  });
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= width) return natural.map((w) => (w / total) * width);
  const fair = width / natural.length;
  const narrow = natural.filter((w) => w <= fair).reduce((a, b) => a + b, 0);
  const wide = total - narrow;
  return natural.map((w) => (w <= fair ? w : (w / wide) * (width - narrow)));
}

/**
 * The ledger as PDF, from the same tables as the .docx and .xlsx: a cover, a contents list with page
 * numbers (and links and bookmarks), a chapter per part on a new page, page numbers (— 1 —) under the
 * body from the contents on. One CJK font (PDF_FONT_PATH) stands in for GB/T 9704's four. The same
 * data and `at` (the period's end) give the same bytes.
 */
export async function ledgerPdf(
  c: LedgerContents,
  tables: LedgerTables,
  language: Language,
  at: Date,
  fontPath: string,
  fontName: string,
): Promise<Buffer> {
  const L = ledgerLabels(language);
  const blocks = ledgerOutline(c, tables, language);
  const PDFDocument = await loadPdfKit();
  const pdf = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    // Kept, each laid-out line's glyph run stays on the heap until the end: tens of MB for a large alliance.
    fontLayoutCache: false,
    info: {
      Title: L.title(c.alliance.name),
      Author: c.alliance.name,
      Subject: L.period(c.period.from, lastDay(c.period.to)),
      Producer: 'Lianmeng',
      Creator: 'Lianmeng',
      CreationDate: at,
      ModDate: at,
    },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  try {
    pdf.registerFont('cjk', fontPath, fontName);
  } catch (error) {
    throw new Error(
      `The PDF font is missing at ${fontPath}: install fonts-noto-cjk or set PDF_FONT_PATH (${(error as Error).message})`,
      { cause: error },
    );
  }
  pdf.font('cjk');
  const left = MARGINS.left;
  const width = pdf.page.width - MARGINS.left - MARGINS.right;
  const bottom = () => pdf.page.height - MARGINS.bottom;
  const pageIndex = () => {
    const range = pdf.bufferedPageRange();
    return range.start + range.count - 1;
  };

  // The cover.
  pdf.fontSize(SIZE.title).text(L.title(c.alliance.name), left, pdf.page.height / 3, { width, align: 'center' });
  pdf.moveDown(2).fontSize(SIZE.text);
  pdf.text(L.period(c.period.from, lastDay(c.period.to)), { width, align: 'center' });
  pdf.text(L.compiledOn(lastDay(c.period.to)), { width, align: 'center' });

  // The contents: its pages are kept now (every heading is known) and filled once the pages are laid out.
  const headings = blocks.filter((b) => b.kind === 'chapter' || b.kind === 'section');
  const entryHeight = pdf.fontSize(SIZE.text).currentLineHeight(true) + LINE_GAP;
  const firstPageEntries = Math.floor((bottom() - MARGINS.top - 2 * entryHeight) / entryHeight);
  const laterPageEntries = Math.floor((bottom() - MARGINS.top) / entryHeight);
  const contentsPages =
    1 + Math.max(0, Math.ceil((headings.length - firstPageEntries) / Math.max(1, laterPageEntries)));
  pdf.addPage();
  const contentsStart = pageIndex();
  for (let i = 1; i < contentsPages; i++) pdf.addPage();
  const pageNumber = (index: number) => index - contentsStart + 1;

  const placed: { text: string; level: 1 | 2; page: number; destination: string }[] = [];
  let chapterOutline: PDFKit.PDFOutline | null = null;
  const heading = (text: string, level: 1 | 2) => {
    pdf.fontSize(SIZE.text);
    if (level === 1) pdf.addPage();
    else if (pdf.y + 3 * entryHeight > bottom()) pdf.addPage();
    const destination = `h${placed.length + 1}`;
    pdf.addNamedDestination(destination, 'XYZ', left, pdf.y, null);
    placed.push({ text, level, page: pageIndex(), destination });
    if (level === 1) chapterOutline = pdf.outline.addItem(text);
    else (chapterOutline ?? pdf.outline).addItem(text);
    pdf.text(text, left, pdf.y, { width, lineGap: LINE_GAP, indent: level === 2 ? SIZE.text * 2 : 0 });
  };
  const paragraph = (text: string) => {
    pdf.fontSize(SIZE.text).text(text, left, pdf.y, { width, lineGap: LINE_GAP, indent: SIZE.text * 2 });
  };

  const table = (t: LedgerTable) => {
    pdf.fontSize(SIZE.table);
    const widths = columnWidths(t, (text) => pdf.widthOfString(text) + 2 * PAD + 1, width);
    const room = bottom() - MARGINS.top;
    const row = (cells: string[], header: boolean) => {
      const heights = cells.map((text, i) => pdf.heightOfString(text, { width: widths[i] - 2 * PAD }));
      // A cell longer than a page is cut with an ellipsis; the .xlsx has it whole.
      const height = Math.min(Math.max(...heights) + 2 * PAD, room / 2);
      return { cells, header, height };
    };
    const draw = (r: ReturnType<typeof row>) => {
      let x = left;
      const y = pdf.y;
      r.cells.forEach((text, i) => {
        if (r.header) pdf.rect(x, y, widths[i], r.height).fillAndStroke('#eeeeee', '#000000');
        else pdf.rect(x, y, widths[i], r.height).stroke('#000000');
        pdf.fillColor('#000000').text(text, x + PAD, y + PAD, {
          width: widths[i] - 2 * PAD,
          height: r.height - 2 * PAD,
          ellipsis: true,
        });
        x += widths[i];
      });
      pdf.x = left;
      pdf.y = y + r.height;
    };
    const header = row(t.headers, true);
    if (pdf.y + header.height * 2 > bottom()) pdf.addPage();
    pdf.lineWidth(0.5);
    draw(header);
    for (const cells of t.rows) {
      const r = row(cells, false);
      if (pdf.y + r.height > bottom()) {
        pdf.addPage();
        draw(header);
      }
      draw(r);
    }
    pdf.y += SIZE.table;
  };

  for (const block of blocks) {
    if (block.kind === 'chapter') heading(block.text, 1);
    else if (block.kind === 'section') heading(block.text, 2);
    else if (block.kind === 'text') paragraph(block.text);
    else table(block.table);
  }

  // The contents, now that each heading's page is known.
  pdf.switchToPage(contentsStart);
  pdf.fontSize(SIZE.text).text(L.contents, left, MARGINS.top, { width, align: 'center', lineGap: LINE_GAP });
  pdf.y += LINE_GAP;
  let page = contentsStart;
  for (const entry of placed) {
    if (pdf.y + entryHeight > bottom()) {
      page += 1;
      pdf.switchToPage(page);
      pdf.y = MARGINS.top;
    }
    const y = pdf.y;
    const indent = entry.level === 2 ? SIZE.text * 2 : 0;
    const number = String(pageNumber(entry.page));
    const numberWidth = pdf.widthOfString(number);
    const textWidth = pdf.widthOfString(entry.text);
    const dotsFrom = left + indent + textWidth + 4;
    const dotsTo = left + width - numberWidth - 4;
    pdf.text(entry.text, left + indent, y, { lineBreak: false, goTo: entry.destination });
    if (dotsTo > dotsFrom) {
      const dot = pdf.widthOfString('.');
      pdf.text(
        '.'.repeat(Math.floor((dotsTo - dotsFrom) / dot)),
        dotsTo - Math.floor((dotsTo - dotsFrom) / dot) * dot,
        y,
        {
          lineBreak: false,
        },
      );
    }
    pdf.text(number, left + width - numberWidth, y, { lineBreak: false, goTo: entry.destination });
    pdf.x = left;
    pdf.y = y + entryHeight;
  }

  // Page numbers under the body, from the contents on; the margin is lifted so that pdfkit adds no page.
  const range = pdf.bufferedPageRange();
  for (let index = contentsStart; index < range.start + range.count; index++) {
    pdf.switchToPage(index);
    pdf.page.margins.bottom = 0;
    pdf
      .fontSize(SIZE.pageNumber)
      .text(`— ${pageNumber(index)} —`, left, bottom() + mm(7), { width, align: 'center', lineBreak: false });
    pdf.page.margins.bottom = MARGINS.bottom;
  }
  pdf.end();
  return done;
}
