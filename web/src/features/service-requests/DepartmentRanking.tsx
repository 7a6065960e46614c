import { Rate, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { FitTable, type FitColumn } from '../../lib/FitTable';
import { hours, percent, score } from './format';
import type { DepartmentStatistics } from './statisticsApi';

/** The department ranking, in the API's order (by score: on time, response, satisfaction). */
export function DepartmentRanking({ rows, loading }: { rows: DepartmentStatistics[]; loading: boolean }) {
  const { t } = useTranslation();
  // What goes first when the card is narrow: the time to accept, the resolved and the open counts.
  const columns: FitColumn<DepartmentStatistics>[] = [
    {
      title: t('serviceRequests.statistics.rank'),
      dataIndex: 'rank',
      width: 72,
      render: (rank: number) => <Tag color={rank === 1 ? 'gold' : rank <= 3 ? 'orange' : 'default'}>{rank}</Tag>,
    },
    // A department's whole name, wrapped when the column is narrow: a cut "安海镇人力资源和社保…" says nothing.
    { title: t('serviceRequests.statistics.department'), dataIndex: 'name', width: 160, grow: true, ellipsis: false },
    { title: t('serviceRequests.statistics.submitted'), dataIndex: 'submitted', width: 80 },
    { title: t('serviceRequests.statistics.resolved'), dataIndex: 'resolved', width: 80, drop: 2 },
    { title: t('serviceRequests.statistics.open'), dataIndex: 'open', width: 80, drop: 1 },
    { title: t('serviceRequests.statistics.responseRate'), dataIndex: 'responseRate', width: 90, render: percent },
    { title: t('serviceRequests.statistics.onTimeRate'), dataIndex: 'onTimeRate', width: 90, render: percent },
    {
      title: t('serviceRequests.statistics.averageAcceptHours'),
      dataIndex: 'averageAcceptHours',
      width: 132,
      drop: 3,
      render: hours,
    },
    {
      title: t('serviceRequests.statistics.averageResolveHours'),
      dataIndex: 'averageResolveHours',
      width: 132,
      render: hours,
    },
    {
      title: t('serviceRequests.statistics.satisfaction'),
      key: 'satisfaction',
      width: 150,
      render: (_, row) =>
        row.satisfaction === null ? (
          '—'
        ) : (
          <span title={t('serviceRequests.statistics.ratings', { count: row.ratings })}>
            <Rate disabled allowHalf value={Math.round(row.satisfaction * 2) / 2} style={{ fontSize: 12 }} />{' '}
            {row.satisfaction.toFixed(1)}
          </span>
        ),
    },
    { title: t('serviceRequests.statistics.score'), dataIndex: 'score', width: 80, render: score },
  ];
  return (
    <FitTable<DepartmentStatistics>
      rowKey="organizationId"
      size="small"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      data-testid="sr-ranking"
    />
  );
}
