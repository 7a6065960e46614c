import { loadPdfKit } from '../../../platform/documents/document-libraries';

export interface MinutesDocument {
  title: string;
  when: string;
  place: string;
  chair: string;
  attendees: string[];
  content: string;
  approvedBy: string;
  approvedAt: string;
}

/**
 * The approved minutes as a PDF in a CJK font (Noto Sans CJK from the OS package fonts-noto-cjk, or
 * PDF_FONT_PATH), embedded as a subset so the Chinese renders and can be copied anywhere.
 */
export async function minutesPdf(doc: MinutesDocument, fontPath: string, fontName: string): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      // Kept, each laid-out line's glyph run stays on the heap until the end: tens of MB for long minutes.
      fontLayoutCache: false,
      margin: 56,
      info: { Title: `${doc.title} 会议纪要`, Producer: 'Lianmeng' },
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    try {
      pdf.registerFont('cjk', fontPath, fontName);
    } catch (error) {
      reject(
        new Error(
          `The PDF font is missing at ${fontPath}: install fonts-noto-cjk or set PDF_FONT_PATH (${(error as Error).message})`,
        ),
      );
      return;
    }
    pdf.font('cjk');
    pdf.fontSize(20).text(`${doc.title}`, { align: 'center' });
    pdf.fontSize(14).text('会议纪要', { align: 'center' }).moveDown();
    pdf.fontSize(11);
    for (const [label, value] of [
      ['时间', doc.when],
      ['地点', doc.place],
      ['主持人', doc.chair],
      ['出席', doc.attendees.join('、') || '—'],
    ]) {
      pdf.text(`${label}：${value}`);
    }
    pdf.moveDown().fontSize(12).text(doc.content, { align: 'left', lineGap: 4 });
    pdf.moveDown(2).fontSize(10).text(`审定：${doc.approvedBy}    ${doc.approvedAt}`, { align: 'right' });
    pdf.end();
  });
}
