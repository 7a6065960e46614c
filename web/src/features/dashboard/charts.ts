import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import i18next from 'i18next';
import type { DashboardView } from './api';
import type { ChartOption } from './EChart';
export type { ChartOption };
import { asChartPercent } from './format';

/** Colours and text sizes of the charts: the page's light look, or the wall display's dark red one. */
export interface DashboardPalette {
  text: string;
  axis: string;
  split: string;
  fontSize: number;
  /** What every other size (gaps, bar widths, lines) is multiplied by: 1, or the wall's screen over 1080p. */
  scale: number;
  /** Text drawn on a coloured slice or bar. */
  onSeries: string;
  categorical: string[];
  primary: string;
  secondary: string;
  positive: string;
  accent: string;
}

export const PAGE_PALETTE: DashboardPalette = {
  text: 'rgba(0, 0, 0, 0.75)',
  axis: 'rgba(0, 0, 0, 0.45)',
  split: 'rgba(0, 0, 0, 0.08)',
  fontSize: 12,
  scale: 1,
  onSeries: '#fff',
  categorical: ['#c8102e', '#fa8c16', '#1677ff', '#389e0d', '#722ed1', '#13c2c2', '#eb2f96', '#faad14'],
  primary: '#c8102e',
  secondary: '#1677ff',
  positive: '#389e0d',
  accent: '#fa8c16',
};

export const WALL_PALETTE: DashboardPalette = {
  text: '#fff1e6',
  axis: 'rgba(255, 241, 230, 0.7)',
  split: 'rgba(255, 241, 230, 0.15)',
  // Four charts to a row of a 1080p screen: large enough across a room, small enough that six status labels fit side by side.
  fontSize: 15,
  scale: 1,
  onSeries: '#2a0008',
  categorical: ['#ffd666', '#ff7a45', '#ff4d4f', '#ffc53d', '#ffa39e', '#fff1b8', '#d4380d', '#ffe58f'],
  primary: '#ffd666',
  secondary: '#ff7a45',
  positive: '#95de64',
  accent: '#ffa39e',
};

/** The wall's look on a screen `scale` times 1080p (see wallFit.ts). */
export function scaledPalette(p: DashboardPalette, scale: number): DashboardPalette {
  return scale === p.scale ? p : { ...p, scale, fontSize: Math.round((p.fontSize / p.scale) * scale) };
}

/** A size in pixels at the palette's scale. */
const px = (p: DashboardPalette, size: number) => Math.round(size * p.scale);

/** The service-request workflow order, so the status chart reads left to right. */
const STATUS_ORDER = ['submitted', 'routed', 'accepted', 'in_progress', 'returned', 'resolved', 'closed', 'rejected'];

type Months<T extends { month: string }> = T[];

/** Every month of the period (`to` is exclusive), so months without activity show as 0 instead of being skipped. */
export function fillMonths<T extends { month: string }>(
  from: string,
  to: string,
  rows: T[],
  empty: (month: string) => T,
): Months<T> {
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  const last = dayjs(to).subtract(1, 'day').format('YYYY-MM');
  const months: T[] = [];
  for (
    let month = dayjs(from).startOf('month');
    month.format('YYYY-MM') <= last && months.length < 61;
    month = month.add(1, 'month')
  ) {
    const key = month.format('YYYY-MM');
    months.push(byMonth.get(key) ?? empty(key));
  }
  return months;
}

// A percentage series holds numbers, and '-' or nothing where there is no value.
const percentTooltip = (value: unknown) =>
  (typeof value === 'number' || typeof value === 'string') && value !== '-' ? `${value}%` : '—';

function base(p: DashboardPalette): ChartOption {
  return {
    textStyle: { color: p.text, fontSize: p.fontSize },
    legend: { top: 0, ...legendLook(p) },
    tooltip: { textStyle: { fontSize: p.fontSize } },
  };
}

// Keys a little smaller than echarts' own (25×14, 10 apart), so the quarterly chart's five fit one line of a wall card.
const legendLook = (p: DashboardPalette) => ({
  textStyle: { color: p.text, fontSize: p.fontSize },
  itemWidth: px(p, 18),
  itemHeight: px(p, 12),
  itemGap: px(p, 8),
});

/** A line series' stroke and points, thicker on a larger wall. */
const lineLook = (p: DashboardPalette, color: string, dashed = false) => ({
  itemStyle: { color },
  lineStyle: { width: px(p, 2), ...(dashed ? { type: 'dashed' as const } : {}) },
  symbolSize: px(p, 4),
});

function categoryAxis(p: DashboardPalette, data: string[], extra: Record<string, unknown> = {}) {
  return {
    type: 'category' as const,
    data,
    axisLine: { lineStyle: { color: p.axis, width: px(p, 1) } },
    axisTick: { length: px(p, 5) },
    axisLabel: { color: p.text, fontSize: p.fontSize, margin: px(p, 8), ...extra },
  };
}

function valueAxis(p: DashboardPalette, extra: Record<string, unknown> = {}) {
  return {
    type: 'value' as const,
    axisLine: { lineStyle: { color: p.axis, width: px(p, 1) } },
    axisLabel: { color: p.text, fontSize: p.fontSize, margin: px(p, 8) },
    splitLine: { lineStyle: { color: p.split } },
    nameTextStyle: { color: p.axis, fontSize: p.fontSize },
    ...extra,
  };
}

const percentAxis = (p: DashboardPalette) =>
  valueAxis(p, {
    min: 0,
    max: 100,
    axisLabel: { color: p.text, fontSize: p.fontSize, margin: px(p, 8), formatter: '{value}%' },
    splitLine: { show: false },
  });

export const roleLabel = (t: TFunction, key: string) => t(`membershipRoles.${key}`, { defaultValue: key });
export const chainLabel = (t: TFunction, key: string) =>
  key === 'unknown' ? t('dashboard.chainUnknown') : t(`chainPositions.${key}`, { defaultValue: key });
export const statusLabel = (t: TFunction, key: string) => t(`serviceRequests.statuses.${key}`, { defaultValue: key });

/** Members by role: a ring. */
export function membersByRole(view: DashboardView, t: TFunction, p: DashboardPalette): ChartOption {
  return {
    ...base(p),
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)', textStyle: { fontSize: p.fontSize } },
    legend: { bottom: 0, ...legendLook(p) },
    color: p.categorical,
    series: [
      {
        name: t('dashboard.cards.membersByRole'),
        type: 'pie',
        radius: ['38%', '70%'],
        center: ['50%', '45%'],
        // Counts on the ring, names in the legend: side labels get cut off in a narrow card.
        label: { position: 'inside', color: p.onSeries, fontSize: p.fontSize, fontWeight: 'bold', formatter: '{c}' },
        labelLine: { show: false },
        data: view.members.byRole.map((r) => ({ name: roleLabel(t, r.key), value: r.count })),
      },
    ],
  };
}

/** Enterprises by chain position: bars. */
export function membersByChain(view: DashboardView, t: TFunction, p: DashboardPalette): ChartOption {
  const order = ['upstream', 'midstream', 'downstream', 'unknown'];
  const rows = [...view.members.byChainPosition].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  return {
    ...base(p),
    legend: { show: false },
    tooltip: { trigger: 'axis', textStyle: { fontSize: p.fontSize } },
    grid: { left: px(p, 16), right: px(p, 16), top: px(p, 32), bottom: px(p, 16), containLabel: true },
    xAxis: categoryAxis(
      p,
      rows.map((r) => chainLabel(t, r.key)),
    ),
    yAxis: valueAxis(p, { minInterval: 1 }),
    series: [
      {
        name: t('dashboard.enterprises'),
        type: 'bar',
        barMaxWidth: px(p, 56),
        data: rows.map((r) => r.count),
        itemStyle: { color: p.primary },
        label: { show: true, position: 'top', color: p.text, fontSize: p.fontSize },
      },
    ],
  };
}

/** Meetings held per month (bars) with the attendance rate (line, right axis). */
export function meetingsMonthly(view: DashboardView, t: TFunction, p: DashboardPalette): ChartOption {
  const months = fillMonths(view.from, view.to, view.meetings.monthly, (month) => ({
    month,
    held: 0,
    attendanceRate: null,
  }));
  return {
    ...base(p),
    tooltip: { trigger: 'axis', textStyle: { fontSize: p.fontSize } },
    grid: { left: px(p, 40), right: px(p, 48), top: px(p, 48), bottom: px(p, 32), containLabel: true },
    xAxis: categoryAxis(
      p,
      months.map((m) => m.month),
    ),
    yAxis: [valueAxis(p, { minInterval: 1, name: t('dashboard.meetingsUnit') }), percentAxis(p)],
    series: [
      {
        name: t('dashboard.figures.meetingsHeld'),
        type: 'bar',
        barMaxWidth: px(p, 32),
        data: months.map((m) => m.held),
        itemStyle: { color: p.primary },
      },
      {
        name: t('dashboard.figures.attendanceRate'),
        type: 'line',
        yAxisIndex: 1,
        connectNulls: true,
        data: months.map((m) => asChartPercent(m.attendanceRate)),
        ...lineLook(p, p.secondary),
        tooltip: { valueFormatter: percentTooltip },
      },
    ],
  };
}

/** Service requests of the period by status: bars in workflow order. */
export function requestsByStatus(view: DashboardView, t: TFunction, p: DashboardPalette): ChartOption {
  const rank = (key: string) => (STATUS_ORDER.includes(key) ? STATUS_ORDER.indexOf(key) : STATUS_ORDER.length);
  const rows = [...view.serviceRequests.byStatus].sort((a, b) => rank(a.key) - rank(b.key));
  return {
    ...base(p),
    legend: { show: false },
    tooltip: { trigger: 'axis', textStyle: { fontSize: p.fontSize } },
    grid: { left: px(p, 16), right: px(p, 16), top: px(p, 32), bottom: px(p, 16), containLabel: true },
    xAxis: categoryAxis(
      p,
      rows.map((r) => statusLabel(t, r.key)),
      { interval: 0 },
    ),
    yAxis: valueAxis(p, { minInterval: 1 }),
    series: [
      {
        name: t('dashboard.requestsUnit'),
        type: 'bar',
        barMaxWidth: px(p, 48),
        data: rows.map((r, i) => ({ value: r.count, itemStyle: { color: p.categorical[i % p.categorical.length] } })),
        label: { show: true, position: 'top', color: p.text, fontSize: p.fontSize },
      },
    ],
  };
}

/** The department ranking's score (0–100) as horizontal bars, first place on top. */
export function departmentRanking(view: DashboardView, t: TFunction, p: DashboardPalette, limit = 10): ChartOption {
  const rows = view.serviceRequests.departmentRanking.slice(0, limit).reverse();
  return {
    ...base(p),
    legend: { show: false },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, textStyle: { fontSize: p.fontSize } },
    grid: { left: px(p, 16), right: px(p, 48), top: px(p, 8), bottom: px(p, 24), containLabel: true },
    xAxis: valueAxis(p, { min: 0, max: 100 }),
    // Whole names, wrapped onto a second line when long (the tooltip shows them too), every one of them.
    yAxis: categoryAxis(
      p,
      rows.map((r) => r.name),
      { width: px(p, 140), overflow: 'break', lineHeight: Math.round(p.fontSize * 1.25), interval: 0 },
    ),
    series: [
      {
        name: t('dashboard.ranking.score'),
        type: 'bar',
        barMaxWidth: px(p, 28),
        data: rows.map((r) => Math.round(r.score * 1000) / 10),
        itemStyle: { color: p.primary },
        label: { show: true, position: 'right', color: p.text, fontSize: p.fontSize },
      },
    ],
  };
}

/** Service requests per month: submitted and resolved (lines), and the on-time rate (dashed, right axis). */
export function requestsMonthly(view: DashboardView, t: TFunction, p: DashboardPalette): ChartOption {
  const months = fillMonths(view.from, view.to, view.serviceRequests.monthly, (month) => ({
    month,
    submitted: 0,
    resolved: 0,
    onTimeRate: null,
  }));
  return {
    ...base(p),
    tooltip: { trigger: 'axis', textStyle: { fontSize: p.fontSize } },
    grid: { left: px(p, 40), right: px(p, 48), top: px(p, 48), bottom: px(p, 32), containLabel: true },
    xAxis: categoryAxis(
      p,
      months.map((m) => m.month),
    ),
    yAxis: [valueAxis(p, { minInterval: 1, name: t('dashboard.requestsUnit') }), percentAxis(p)],
    series: [
      {
        name: t('dashboard.figures.submitted'),
        type: 'line',
        data: months.map((m) => m.submitted),
        ...lineLook(p, p.secondary),
      },
      {
        name: t('dashboard.figures.resolved'),
        type: 'line',
        data: months.map((m) => m.resolved),
        ...lineLook(p, p.positive),
      },
      {
        name: t('dashboard.figures.onTimeRate'),
        type: 'line',
        yAxisIndex: 1,
        connectNulls: true,
        data: months.map((m) => asChartPercent(m.onTimeRate)),
        ...lineLook(p, p.primary, true),
        tooltip: { valueFormatter: percentTooltip },
      },
    ],
  };
}

type IndicatorTrend = Pick<DashboardView['indicators'], 'periods' | 'series' | 'submissionRates'>;

/** Enterprise indicators of the yearly rounds: the money figures as bars, how many members reported as a line. */
export function indicatorTrends(view: DashboardView, t: TFunction, p: DashboardPalette): ChartOption {
  return indicatorChart(view.indicators, view.indicators.periods, t, p);
}

/** The same for the quarterly rounds, apart: a quarter's totals beside a year's would read as a collapse. */
export function indicatorQuarterlyTrends(view: DashboardView, t: TFunction, p: DashboardPalette): ChartOption {
  const { quarterly } = view.indicators;
  return indicatorChart(
    quarterly,
    quarterly.periods.map((period) => quarterLabel(period, t)),
    t,
    p,
  );
}

/** 2026-Q1 as people read it: "2026 Q1", "2026年第1季度". */
export function quarterLabel(period: string, t: TFunction): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(period);
  return match ? t('dashboard.quarterLabel', { year: match[1], quarter: match[2] }) : period;
}

function indicatorChart(trend: IndicatorTrend, labels: string[], t: TFunction, p: DashboardPalette): ChartOption {
  const { series, submissionRates } = trend;
  const english = i18next.language?.startsWith('en');
  const money = series.filter((s) => s.unit === '万元');
  return {
    ...base(p),
    tooltip: { trigger: 'axis', textStyle: { fontSize: p.fontSize } },
    grid: { left: px(p, 40), right: px(p, 48), top: px(p, 48), bottom: px(p, 32), containLabel: true },
    xAxis: categoryAxis(p, labels),
    yAxis: [valueAxis(p, { name: t('dashboard.indicatorUnit') }), percentAxis(p)],
    series: [
      ...money.map((s, i) => ({
        name: english ? s.labelEn : s.labelZh,
        type: 'bar' as const,
        barMaxWidth: px(p, 32),
        data: s.totals,
        itemStyle: { color: p.categorical[i % p.categorical.length] },
      })),
      {
        name: t('dashboard.figures.submissionRate'),
        type: 'line' as const,
        yAxisIndex: 1,
        connectNulls: true,
        data: submissionRates.map((r) => asChartPercent(r)),
        ...lineLook(p, p.secondary),
        tooltip: { valueFormatter: percentTooltip },
      },
    ],
  };
}
