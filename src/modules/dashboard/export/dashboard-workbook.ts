import { loadExcelJs } from '../../../platform/documents/document-libraries';
import type { Language } from '../../../platform/errors/localized-messages';
import type { DashboardView } from '../dto/dashboard.dto';
import { dashboardLabels } from './dashboard-labels';

/** The dashboard as a workbook: the key figures, then one sheet per breakdown. */
export async function dashboardWorkbook(view: DashboardView, language: Language): Promise<Buffer> {
  const l = dashboardLabels(language);
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  const sheet = (name: string, header: string[], rows: (string | number | null)[][]) => {
    const ws = workbook.addWorksheet(name);
    ws.addRow(header).font = { bold: true };
    rows.forEach((row) => ws.addRow(row));
    ws.columns.forEach((column) => (column.width = 22));
    return ws;
  };
  sheet(
    l.sheets.summary,
    [l.figure, l.value],
    [
      [l.alliance, view.alliance.name],
      [l.period, `${view.from} – ${view.to}`],
      ...l.keyFigures(view).map(([label, value]) => [label, value]),
    ],
  );
  sheet(
    l.sheets.members,
    [l.group, l.count],
    [
      ...view.members.byRole.map((r) => [l.role(r.key), r.count]),
      ...view.members.byChainPosition.map((r) => [l.chain(r.key), r.count]),
    ],
  );
  sheet(
    l.sheets.meetings,
    [l.month, l.held, l.attendanceRate],
    view.meetings.monthly.map((m) => [m.month, m.held, m.attendanceRate]),
  );
  sheet(
    l.sheets.services,
    [l.status, l.count],
    view.serviceRequests.byStatus.map((s) => [l.requestStatus(s.key), s.count]),
  );
  sheet(
    l.sheets.ranking,
    [l.rank, l.department, l.score, l.submitted, l.onTimeRate, l.satisfaction],
    view.serviceRequests.departmentRanking.map((d) => [
      d.rank,
      d.name,
      d.score,
      d.submitted,
      d.onTimeRate,
      d.satisfaction,
    ]),
  );
  sheet(
    l.sheets.serviceMonths,
    [l.month, l.submitted, l.resolved, l.onTimeRate],
    view.serviceRequests.monthly.map((m) => [m.month, m.submitted, m.resolved, m.onTimeRate]),
  );
  for (const [name, { periods, series, submissionRates }] of [
    [l.sheets.indicators, view.indicators],
    [l.sheets.indicatorsQuarterly, view.indicators.quarterly],
  ] as const) {
    sheet(
      name,
      [l.indicator, l.unit, ...periods],
      [
        ...series.map((s) => [language === 'en' ? s.labelEn : s.labelZh, s.unit, ...s.totals]),
        [l.submissionRate, '', ...submissionRates.map(l.pct)],
      ],
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
