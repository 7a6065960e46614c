import { Card, Col, Row } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from './Chart';
import type { Statistics } from './statisticsApi';

const RED = '#c8102e';
const BLUE = '#1677ff';
const GREEN = '#389e0d';

const asPercent = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);

type Month = Statistics['monthly'][number];

/** Every month of the period, so months without requests show as 0 instead of being skipped. */
function allMonths(statistics: Statistics): Month[] {
  const byMonth = new Map(statistics.monthly.map((m) => [m.month, m]));
  const months: Month[] = [];
  // `to` is exclusive: the last month is that of the day before.
  const last = dayjs(statistics.to).subtract(1, 'day').format('YYYY-MM');
  for (
    let month = dayjs(statistics.from).startOf('month');
    month.format('YYYY-MM') <= last;
    month = month.add(1, 'month')
  ) {
    const key = month.format('YYYY-MM');
    months.push(
      byMonth.get(key) ?? {
        month: key,
        submitted: 0,
        resolved: 0,
        open: 0,
        responseRate: null,
        onTimeRate: null,
        averageAcceptHours: null,
        averageResolveHours: null,
        satisfaction: null,
        ratings: 0,
      },
    );
    if (months.length > 60) break;
  }
  return months;
}

/** On-time and response rate per department (bars), and the monthly trend (lines). */
export function StatisticsCharts({ statistics }: { statistics: Statistics }) {
  const { t } = useTranslation();

  const byDepartment = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${String(v)}%`) },
      legend: { top: 0 },
      // Bars side by side: a department's full name (安海镇人力资源和社会保障事务所) fits beside its bars, never under another's.
      grid: { left: 168, right: 24, top: 40, bottom: 24 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: statistics.byDepartment.map((d) => d.name),
        axisLabel: { interval: 0, width: 156, overflow: 'break', lineHeight: 14 },
      },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          name: t('serviceRequests.statistics.onTimeRate'),
          type: 'bar',
          data: statistics.byDepartment.map((d) => asPercent(d.onTimeRate)),
          itemStyle: { color: RED },
        },
        {
          name: t('serviceRequests.statistics.responseRate'),
          type: 'bar',
          data: statistics.byDepartment.map((d) => asPercent(d.responseRate)),
          itemStyle: { color: BLUE },
        },
      ],
    }),
    [statistics.byDepartment, t],
  );

  const months = useMemo(() => allMonths(statistics), [statistics]);
  const monthly = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 56, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: months.map((m) => m.month) },
      yAxis: [
        { type: 'value', minInterval: 1, name: t('serviceRequests.statistics.requests') },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
      ],
      series: [
        {
          name: t('serviceRequests.statistics.submitted'),
          type: 'line',
          data: months.map((m) => m.submitted),
          itemStyle: { color: BLUE },
        },
        {
          name: t('serviceRequests.statistics.resolved'),
          type: 'line',
          data: months.map((m) => m.resolved),
          itemStyle: { color: GREEN },
        },
        {
          name: t('serviceRequests.statistics.onTimeRate'),
          type: 'line',
          yAxisIndex: 1,
          connectNulls: true,
          data: months.map((m) => asPercent(m.onTimeRate)),
          itemStyle: { color: RED },
          lineStyle: { type: 'dashed' },
        },
      ],
    }),
    [months, t],
  );

  return (
    <Row gutter={16}>
      <Col xs={24} xl={12}>
        <Card title={t('serviceRequests.statistics.byDepartmentChart')} className="section-card">
          <Chart option={byDepartment} testId="sr-chart-departments" />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('serviceRequests.statistics.monthlyChart')} className="section-card">
          <Chart option={monthly} testId="sr-chart-monthly" />
        </Card>
      </Col>
    </Row>
  );
}
