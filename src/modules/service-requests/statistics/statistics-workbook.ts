import { loadExcelJs } from '../../../platform/documents/document-libraries';
import type { Language } from '../../../platform/errors/localized-messages';
import type { RateFigures, ServiceStatisticsView } from '../dto/statistics.dto';

const LABELS = {
  'zh-CN': {
    sheets: ['部门排名', '服务类别', '月度趋势'],
    first: ['排名', '部门', '类别', '月份'],
    figures: [
      '提交数',
      '办结数',
      '在办数',
      '按时受理率',
      '按时办结率',
      '平均受理时长(小时)',
      '平均办结时长(小时)',
      '满意度',
      '评价数',
    ],
    score: '综合得分',
  },
  en: {
    sheets: ['Department ranking', 'Categories', 'Monthly trend'],
    first: ['Rank', 'Department', 'Category', 'Month'],
    figures: [
      'Submitted',
      'Resolved',
      'Open',
      'Response rate',
      'On-time rate',
      'Avg. hours to accept',
      'Avg. hours to resolve',
      'Satisfaction',
      'Ratings',
    ],
    score: 'Score',
  },
} as const;

const cells = (f: RateFigures) => [
  f.submitted,
  f.resolved,
  f.open,
  f.responseRate,
  f.onTimeRate,
  f.averageAcceptHours,
  f.averageResolveHours,
  f.satisfaction,
  f.ratings,
];

/** The statistics as a workbook: the ranking, the categories, and the monthly trend. */
export async function statisticsWorkbook(stats: ServiceStatisticsView, language: Language): Promise<Buffer> {
  const l = LABELS[language];
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  const ranking = workbook.addWorksheet(l.sheets[0]);
  ranking.addRow([l.first[0], l.first[1], ...l.figures, l.score]).font = { bold: true };
  stats.byDepartment.forEach((d) => ranking.addRow([d.rank, d.name, ...cells(d), d.score]));
  const categories = workbook.addWorksheet(l.sheets[1]);
  categories.addRow([l.first[2], ...l.figures]).font = { bold: true };
  stats.byCategory.forEach((c) => categories.addRow([c.name, ...cells(c)]));
  const monthly = workbook.addWorksheet(l.sheets[2]);
  monthly.addRow([l.first[3], ...l.figures]).font = { bold: true };
  stats.monthly.forEach((m) => monthly.addRow([m.month, ...cells(m)]));
  for (const sheet of [ranking, categories, monthly]) {
    sheet.columns.forEach((column) => (column.width = 16));
    for (const col of [4, 5].map((i) => i + (sheet === ranking ? 2 : 1))) sheet.getColumn(col).numFmt = '0.0%';
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
