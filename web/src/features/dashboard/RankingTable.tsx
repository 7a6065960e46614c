import { Rate, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DashboardView } from './api';
import { formatNumber, formatPercent } from './format';

type DepartmentRank = DashboardView['serviceRequests']['departmentRanking'][number];

/** The department ranking beside its bars, in the API's order (by score). */
export function RankingTable({ rows }: { rows: DepartmentRank[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<DepartmentRank> = [
    {
      title: t('dashboard.ranking.rank'),
      dataIndex: 'rank',
      width: 64,
      render: (rank: number) => <Tag color={rank === 1 ? 'gold' : rank <= 3 ? 'orange' : 'default'}>{rank}</Tag>,
    },
    { title: t('dashboard.ranking.department'), dataIndex: 'name' },
    { title: t('dashboard.ranking.score'), dataIndex: 'score', render: (score: number) => formatNumber(score * 100) },
    { title: t('dashboard.figures.submitted'), dataIndex: 'submitted', render: formatNumber },
    { title: t('dashboard.figures.onTimeRate'), dataIndex: 'onTimeRate', render: formatPercent },
    {
      title: t('dashboard.figures.satisfaction'),
      dataIndex: 'satisfaction',
      render: (value: number | null) =>
        value === null ? (
          '—'
        ) : (
          <span>
            <Rate disabled allowHalf value={Math.round(value * 2) / 2} style={{ fontSize: 12 }} /> {formatNumber(value)}
          </span>
        ),
    },
  ];
  return (
    <Table<DepartmentRank>
      rowKey={(row) => `${row.rank}-${row.name}`}
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content', y: 320 }}
      data-testid="dash-ranking"
    />
  );
}
