import { loadDocx } from '../../../platform/documents/document-libraries';
import type { Language } from '../../../platform/errors/localized-messages';
import type { LedgerContents } from '../ledger-contents';
import { beijing, lastDay, ledgerLabels } from './ledger-labels';
import type { LedgerTable, LedgerTables } from './ledger-tables';

/** GB/T 9704 fonts: the title, level-1 and level-2 headings, the body. */
export const LEDGER_FONTS = {
  title: '方正小标宋简体',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  body: '仿宋_GB2312',
} as const;

/** Half-points: 二号 22 pt, 三号 16 pt, 小四 12 pt (tables), 四号 14 pt (page numbers). */
const SIZE = { title: 44, text: 32, table: 24, pageNumber: 28 };
/** Twips per millimetre. */
const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);

const font = (eastAsia: string) => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia });

/**
 * The ledger as Word (.docx), laid out after GB/T 9704: A4, margins 37/35/28/26 mm, the title in
 * 方正小标宋简体 二号, headings in 黑体 and 楷体_GB2312 三号, the body in 仿宋_GB2312 三号, page numbers
 * in the footer; a cover, a table of contents (a field Word fills from the heading styles) and a
 * chapter per part.
 */
export async function ledgerDocument(c: LedgerContents, tables: LedgerTables, language: Language): Promise<Buffer> {
  const docx = await loadDocx();
  const {
    AlignmentType,
    Document,
    Footer,
    HeadingLevel,
    Packer,
    PageNumber,
    Paragraph,
    Table,
    TableCell,
    TableOfContents,
    TableRow,
    TextRun,
    WidthType,
  } = docx;
  const L = ledgerLabels(language);

  const h1 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });
  const h2 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text)] });
  const body = (text: string) => new Paragraph({ indent: { firstLine: 640 }, children: [new TextRun(text)] });
  const cell = (text: string, header = false) =>
    new TableCell({
      children: [new Paragraph({ children: [new TextRun({ text, size: SIZE.table, bold: header })] })],
    });
  const table = (t: LedgerTable) =>
    t.rows.length === 0
      ? [body(L.none)]
      : [
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ tableHeader: true, children: t.headers.map((h) => cell(h, true)) }),
              ...t.rows.map((row) => new TableRow({ children: row.map((v) => cell(v)) })),
            ],
          }),
          new Paragraph({}),
        ];

  const meetingSections = c.meetings.length
    ? c.meetings.flatMap((m, i) => [
        h2(`（${i + 1}）${beijing(m.startsAt).slice(0, 10)} ${m.title}`),
        body(`${L.date}：${beijing(m.startsAt)}；${L.place}：${m.place ?? '—'}；${L.chair}：${m.chair ?? '—'}`),
        body(
          `${L.attendance}：${m.attendance.map((a) => `${a.organization}（${a.present ? L.present : L.absent}）`).join('、') || '—'}`,
        ),
        body(`${L.topics}：`),
        ...(m.topics.length
          ? m.topics.map((t, n) => body(`${n + 1}. ${t.title}${t.decision ? `；${L.decision}：${t.decision}` : ''}`))
          : [body(L.none)]),
        body(`${L.minutes}：`),
        ...(m.minutes
          ? m.minutes
              .split(/\r?\n/)
              .filter((line) => line.trim())
              .map(body)
          : [body(L.noMinutes)]),
      ])
    : [body(L.noMeetings)];

  const document = new Document({
    title: L.title(c.alliance.name),
    creator: c.alliance.name,
    description: L.period(c.period.from, lastDay(c.period.to)),
    features: { updateFields: true },
    styles: {
      default: {
        document: {
          run: { font: font(LEDGER_FONTS.body), size: SIZE.text },
          paragraph: { spacing: { line: 560, lineRule: 'exact' } },
        },
        title: { run: { font: font(LEDGER_FONTS.title), size: SIZE.title, bold: false, color: '000000' } },
        heading1: { run: { font: font(LEDGER_FONTS.heading1), size: SIZE.text, bold: false, color: '000000' } },
        heading2: {
          run: { font: font(LEDGER_FONTS.heading2), size: SIZE.text, bold: false, italics: false, color: '000000' },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
          },
        },
        children: [
          ...Array.from({ length: 6 }, () => new Paragraph({})),
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [new TextRun(L.title(c.alliance.name))],
          }),
          new Paragraph({}),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun(L.period(c.period.from, lastDay(c.period.to)))],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun(L.compiledOn(lastDay(c.period.to)))],
          }),
        ],
      },
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
            pageNumbers: { start: 1 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['— ', PageNumber.CURRENT, ' —'],
                    size: SIZE.pageNumber,
                    font: font('宋体'),
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: L.contents, font: font(LEDGER_FONTS.heading1) })],
          }),
          new TableOfContents(L.contents, { hyperlink: true, headingStyleRange: '1-2' }),
          new Paragraph({ pageBreakBefore: true }),
          h1(L.chapters.summary),
          ...table(tables.summary),
          h1(L.chapters.roster),
          h2(L.sections.composition),
          ...table(tables.composition),
          h2(L.sections.roster),
          ...table(tables.roster),
          new Paragraph({ pageBreakBefore: true }),
          h1(L.chapters.meetings),
          ...table(tables.meetings),
          ...meetingSections,
          new Paragraph({ pageBreakBefore: true }),
          h1(L.chapters.actionItems),
          ...table(tables.actionItems),
          new Paragraph({ pageBreakBefore: true }),
          h1(L.chapters.services),
          h2(L.sections.overview),
          ...table(tables.overview),
          h2(L.sections.byCategory),
          ...table(tables.byCategory),
          h2(L.sections.byDepartment),
          ...table(tables.byDepartment),
          h2(L.sections.escalated),
          ...table(tables.escalated),
          h2(L.sections.examples),
          ...table(tables.examples),
          new Paragraph({ pageBreakBefore: true }),
          h1(L.chapters.thinkTank),
          h2(L.sections.reports),
          ...table(tables.reports),
          h2(L.sections.carriedOut),
          ...table(tables.carriedOut),
          new Paragraph({ pageBreakBefore: true }),
          h1(L.chapters.venues),
          h2(L.sections.venueUse),
          ...table(tables.venues),
          h2(L.sections.studyVisits),
          ...table(tables.studyVisits),
          new Paragraph({ pageBreakBefore: true }),
          h1(L.chapters.pairing),
          ...table(tables.pairing),
          new Paragraph({ pageBreakBefore: true }),
          h1(L.chapters.typicalCases),
          ...(c.typicalCases.length
            ? c.typicalCases.flatMap((t, i) => [
                h2(`（${i + 1}）${t.title}`),
                body(`${L.organization}：${t.organization}`),
                body(t.summary),
              ])
            : [body(L.none)]),
          new Paragraph({ pageBreakBefore: true }),
          h1(L.chapters.indicators),
          ...table(tables.indicators),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/**
 * Numbers the headings' bookmarks (_Toc1, _Toc2, ...) in the order they appear: docx counts them for
 * the whole process, so the second ledger a worker builds would otherwise differ from the first.
 */
export function renumberBookmarks(name: string, xml: string): string {
  if (name !== 'word/document.xml') return xml;
  const ids = new Map<string, string>();
  for (const [, old] of xml.matchAll(/_Toc(\d+)/g)) if (!ids.has(old)) ids.set(old, String(ids.size + 1));
  return xml
    .replace(/_Toc(\d+)/g, (_m, old: string) => `_Toc${ids.get(old)}`)
    .replace(/<w:bookmark(?:Start|End)\b[^>]*>/g, (tag) =>
      tag.replace(/w:id="(\d+)"/, (m, old: string) => (ids.has(old) ? `w:id="${ids.get(old)}"` : m)),
    );
}
