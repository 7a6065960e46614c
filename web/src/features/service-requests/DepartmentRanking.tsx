import { Rate, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { hours, percent, score } from './format';
import type { DepartmentStatistics } from './statisticsApi';

/** The department ranking, in the API's order (by score: on time, response, satisfaction). */
export function DepartmentRanking({ rows, loading }: { rows: DepartmentStatistics[]; loading: boolean }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<DepartmentStatistics> = [
    {
      title: t('serviceRequests.statistics.rank'),
      dataIndex: 'rank',
      width: 72,
      render: (rank: number) => <Tag color={rank === 1 ? 'gold' : rank <= 3 ? 'orange' : 'default'}>{rank}</Tag>,
    },
    { title: t('serviceRequests.statistics.department'), dataIndex: 'name' },
    { title: t('serviceRequests.statistics.submitted'), dataIndex: 'submitted' },
    { title: t('serviceRequests.statistics.resolved'), dataIndex: 'resolved' },
    { title: t('serviceRequests.statistics.open'), dataIndex: 'open' },
    { title: t('serviceRequests.statistics.responseRate'), dataIndex: 'responseRate', render: percent },
    { title: t('serviceRequests.statistics.onTimeRate'), dataIndex: 'onTimeRate', render: percent },
    { title: t('serviceRequests.statistics.averageAcceptHours'), dataIndex: 'averageAcceptHours', render: hours },
    { title: t('serviceRequests.statistics.averageResolveHours'), dataIndex: 'averageResolveHours', render: hours },
    {
      title: t('serviceRequests.statistics.satisfaction'),
      key: 'satisfaction',
      render: (_, row) =>
        row.satisfaction === null ? '—' : (
          <span title={t('serviceRequests.statistics.ratings', { count: row.ratings })}>
            <Rate disabled allowHalf value={Math.round(row.satisfaction * 2) / 2} style={{ fontSize: 12 }} /> {row.satisfaction.toFixed(1)}
          </span>
        ),
    },
    { title: t('serviceRequests.statistics.score'), dataIndex: 'score', render: score },
  ];
  return (
    <Table<DepartmentStatistics>
      rowKey="organizationId"
      size="small"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="sr-ranking"
    />
  );
}
