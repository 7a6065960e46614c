import { loadPdfKit } from '../../../platform/documents/document-libraries';
import type { Language } from '../../../platform/errors/localized-messages';
import type { CountBy, DashboardView } from '../dto/dashboard.dto';
import { dashboardLabels } from './dashboard-labels';

const BAR_COLOURS = ['#c0392b', '#d35400', '#2980b9', '#27ae60', '#8e44ad', '#7f8c8d'];

/** The dashboard on A4 in a CJK font: the key figures as tiles, and bar charts of the breakdowns. */
export async function dashboardPdf(
  view: DashboardView,
  language: Language,
  fontPath: string,
  fontName: string,
): Promise<Buffer> {
  const l = dashboardLabels(language);
  const PDFDocument = await loadPdfKit();
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      margin: 48,
      info: { Title: `${view.alliance.name} ${l.title}`, Producer: 'Lianmeng' },
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
    pdf.fontSize(18).text(`${view.alliance.name}`, { align: 'center' });
    pdf.fontSize(13).text(`${l.title}  ${view.from} – ${view.to}`, { align: 'center' }).moveDown();

    const tiles = l.keyFigures(view);
    const width = (pdf.page.width - 96 - 30) / 4;
    tiles.forEach(([label, value], i) => {
      const x = 48 + (i % 4) * (width + 10);
      const y = pdf.y + Math.floor(i / 4) * 58;
      pdf.roundedRect(x, y, width, 50, 4).fillAndStroke('#fdf2f0', '#e6b0aa');
      pdf
        .fillColor('#922b21')
        .fontSize(15)
        .text(String(value), x, y + 6, { width, align: 'center' });
      pdf
        .fillColor('#555')
        .fontSize(9)
        .text(label, x, y + 30, { width, align: 'center' });
    });
    pdf.y += Math.ceil(tiles.length / 4) * 58 + 10;
    pdf.x = 48;

    const bars = (title: string, rows: CountBy[], label: (key: string) => string) => {
      if (pdf.y > pdf.page.height - 200) pdf.addPage();
      pdf
        .fillColor('#000')
        .fontSize(12)
        .text(title, 48, pdf.y + 8);
      const max = Math.max(1, ...rows.map((r) => r.count));
      for (const [i, row] of rows.entries()) {
        const y = pdf.y + 4;
        pdf.fillColor('#333').fontSize(9).text(label(row.key), 48, y, { width: 110 });
        pdf.rect(162, y, (row.count / max) * 300, 10).fill(BAR_COLOURS[i % BAR_COLOURS.length]);
        pdf.fillColor('#333').text(String(row.count), 470, y);
        pdf.y = y + 14;
      }
    };
    bars(l.sheets.members, [...view.members.byRole], l.role);
    bars(l.sheets.services, view.serviceRequests.byStatus, l.requestStatus);
    bars(
      l.sheets.ranking,
      view.serviceRequests.departmentRanking.map((d) => ({
        key: `${d.rank}. ${d.name}`,
        count: Math.round(d.score * 100),
      })),
      (key) => key,
    );
    const output = view.indicators.series.find((s) => s.key === 'output_value');
    if (output) {
      const label = language === 'en' ? output.labelEn : output.labelZh;
      bars(
        `${l.sheets.indicators}：${label}（${output.unit}）`,
        view.indicators.periods.map((period, i) => ({ key: period, count: output.totals[i] ?? 0 })),
        (key) => key,
      );
    }
    bars(
      l.sheets.meetings,
      view.meetings.monthly.map((m) => ({ key: m.month, count: m.held })),
      (key) => key,
    );
    pdf
      .moveDown()
      .fillColor('#888')
      .fontSize(8)
      .text(`${view.generatedAt.toISOString()}`, 48, pdf.y + 10, { align: 'right' });
    pdf.end();
  });
}
