import { Card, Table } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AllianceSelect } from '../alliances';
import { useAllianceContext } from '../alliances';
import { EmptyState, emptyText } from '../../lib/EmptyState';
import { useAttendanceStatistics, type AttendanceStatistics } from './sessionApi';

type Row = AttendanceStatistics['organizations'][number];

/** 出勤统计: attendance per organisation over the last 12 months of one alliance (officials). */
export function AttendanceStatisticsCard() {
  const { t } = useTranslation();
  const context = useAllianceContext();
  const { alliance } = context;
  const [from, to] = useMemo(
    () => [dayjs().subtract(12, 'month').startOf('day').toISOString(), dayjs().endOf('day').toISOString()],
    [],
  );
  const query = useAttendanceStatistics(alliance?.id, from, to);
  if (!alliance) return null;
  return (
    <Card
      className="section-card"
      title={t('meetings.statistics.title', { alliance: alliance.name, meetings: query.data?.meetings ?? 0 })}
      extra={
        context.canChoose && (
          <AllianceSelect
            alliances={context.alliances}
            value={alliance.id}
            onChange={context.setAllianceId}
            testId="meetings-statistics-alliance"
          />
        )
      }
      data-testid="meetings-statistics"
      data-alliance={alliance.id}
    >
      <Table<Row>
        rowKey="organizationId"
        size="small"
        loading={query.isPending}
        // No meeting in the period: one sentence, not a row of zeros per member.
        dataSource={query.data?.meetings ? query.data.organizations : []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: emptyText(query.isPending, <EmptyState text={t('allianceContext.noAttendance')} />) }}
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
