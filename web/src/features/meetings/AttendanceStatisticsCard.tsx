import { Card, Table } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAlliances } from '../alliances/api';
import { useAttendanceStatistics, type AttendanceStatistics } from './sessionApi';

type Row = AttendanceStatistics['organizations'][number];

/** 出勤统计: attendance per organisation over the last 12 months of the first alliance (officials). */
export function AttendanceStatisticsCard() {
  const { t } = useTranslation();
  const alliances = useAlliances();
  const alliance = alliances.items[0];
  const [from, to] = useMemo(() => [dayjs().subtract(12, 'month').startOf('day').toISOString(), dayjs().endOf('day').toISOString()], []);
  const query = useAttendanceStatistics(alliance?.id, from, to);
  if (!alliance) return null;
  return (
    <Card
      className="section-card"
      title={t('meetings.statistics.title', { alliance: alliance.name, meetings: query.data?.meetings ?? 0 })}
      data-testid="meetings-statistics"
    >
      <Table<Row>
        rowKey="organizationId"
        size="small"
        loading={query.isPending}
        dataSource={query.data?.organizations ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: t('meetings.statistics.organization'), key: 'name', dataIndex: 'name' },
          { title: t('meetings.statistics.invited'), key: 'invited', dataIndex: 'invited', align: 'right' },
          { title: t('meetings.statistics.attended'), key: 'attended', dataIndex: 'attended', align: 'right' },
          {
            title: t('meetings.statistics.rate'),
            key: 'rate',
            align: 'right',
            render: (_, row) => (row.rate === null ? '—' : `${Math.round(row.rate * 100)}%`),
          },
        ]}
      />
    </Card>
  );
}
