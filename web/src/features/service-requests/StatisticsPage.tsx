import { Alert, Card, Col, DatePicker, Empty, Row, Space, Statistic } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors';
import { toApiDate } from '../../lib/dates';
import { AllianceName, AllianceSelect } from '../alliances';
import { useAllianceContext } from '../alliances';
import { EmptyState } from '../../lib/EmptyState';
import { PageHeader } from '../../lib/PageHeader';
import { DepartmentRanking } from './DepartmentRanking';
import { hours, percent } from './format';
import { StatisticsCharts } from './StatisticsCharts';
import { StatisticsExport } from './StatisticsExport';
import { useStatistics, type Statistics } from './statisticsApi';

function Totals({ totals }: { totals: Statistics['totals'] }) {
  const { t } = useTranslation();
  const hoursSuffix = t('serviceRequests.statistics.hours');
  const cards: { key: string; value: string | number; suffix?: string }[] = [
    { key: 'submitted', value: totals.submitted },
    { key: 'resolved', value: totals.resolved },
    { key: 'open', value: totals.open },
    { key: 'responseRate', value: percent(totals.responseRate) },
    { key: 'onTimeRate', value: percent(totals.onTimeRate) },
    {
      key: 'acceptTime',
      value: hours(totals.averageAcceptHours),
      suffix: totals.averageAcceptHours === null ? undefined : hoursSuffix,
    },
    {
      key: 'resolveTime',
      value: hours(totals.averageResolveHours),
      suffix: totals.averageResolveHours === null ? undefined : hoursSuffix,
    },
    {
      key: 'satisfaction',
      value: totals.satisfaction === null ? '—' : totals.satisfaction.toFixed(1),
      suffix: totals.satisfaction === null ? undefined : '/ 5',
    },
  ];
  return (
    <Row gutter={[16, 16]} className="section-card" data-testid="sr-stats-totals">
      {cards.map((card) => (
        <Col key={card.key} xs={12} md={6} xxl={3}>
          <Card size="small">
            <Statistic
              title={t(`serviceRequests.statistics.${card.key}`)}
              value={card.value}
              suffix={card.suffix}
              styles={{ content: { whiteSpace: 'nowrap' } }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** 服务统计: totals, the department ranking and charts for one alliance and period, with an Excel export. */
export function StatisticsPage() {
  const { t } = useTranslation();
  const context = useAllianceContext();
  const { allianceId } = context;
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  // The API's `to` is exclusive ("submitted before"); the picker's end day is included.
  const query = {
    allianceId,
    from: toApiDate(range?.[0]),
    to: toApiDate(range?.[1].add(1, 'day')),
  };
  const statistics = useStatistics(query);
  const empty = statistics.data?.totals.submitted === 0;

  return (
    <>
      <PageHeader
        title={t('nav.serviceStatistics')}
        subtitle={
          <>
            <AllianceName alliance={context.alliance} />
            {context.alliance && statistics.data && ' · '}
            {statistics.data &&
              t('serviceRequests.statistics.period', {
                from: statistics.data.from,
                to: dayjs(statistics.data.to).subtract(1, 'day').format('YYYY-MM-DD'),
              })}
          </>
        }
        extra={
          <Space wrap align="start">
            {context.canChoose && (
              <AllianceSelect
                alliances={context.alliances}
                value={allianceId}
                onChange={context.setAllianceId}
                testId="sr-stats-alliance"
              />
            )}
            <DatePicker.RangePicker
              value={range}
              onChange={(value) => setRange(value && value[0] && value[1] ? [value[0], value[1]] : null)}
              allowClear
              data-testid="sr-stats-range"
            />
            <StatisticsExport query={query} />
          </Space>
        }
      />
      {statistics.isError && (
        <Alert type="error" showIcon title={errorMessage(statistics.error)} style={{ marginBottom: 16 }} />
      )}
      {!allianceId && !context.isPending && <Empty description={t('serviceRequests.noAlliance')} />}
      {empty && (
        <Card className="section-card" data-testid="sr-stats-empty">
          <EmptyState text={t('allianceContext.noRequestsInPeriod')} />
        </Card>
      )}
      {statistics.data && !empty && (
        <>
          <Totals totals={statistics.data.totals} />
          <StatisticsCharts statistics={statistics.data} />
          <Card title={t('serviceRequests.statistics.ranking')} className="section-card">
            <DepartmentRanking rows={statistics.data.byDepartment} loading={statistics.isFetching} />
          </Card>
        </>
      )}
    </>
  );
}
