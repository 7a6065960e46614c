import { Rate, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DashboardView } from './api';
import { FitTable, type FitColumn } from '../../lib/FitTable';
import { formatNumber, formatPercent } from './format';

type DepartmentRank = DashboardView['serviceRequests']['departmentRanking'][number];

/** The department ranking beside its bars, in the API's order (by score). */
export function RankingTable({ rows }: { rows: DepartmentRank[] }) {
  const { t } = useTranslation();
  // Beside the bars the card is narrow: the request count goes first, then the score. Widths fit the
  // headers (综合得分, 按时办结率) whole.
  const columns: FitColumn<DepartmentRank>[] = [
    {
      title: t('dashboard.ranking.rank'),
      dataIndex: 'rank',
      width: 60,
      render: (rank: number) => <Tag color={rank === 1 ? 'gold' : rank <= 3 ? 'orange' : 'default'}>{rank}</Tag>,
    },
    // A department's whole name, wrapped when the column is narrow: a cut "安海镇人力资源和社…" says nothing.
    { title: t('dashboard.ranking.department'), dataIndex: 'name', width: 130, grow: true, ellipsis: false },
    {
      title: t('dashboard.ranking.score'),
      dataIndex: 'score',
      width: 92,
      drop: 1,
      render: (score: number) => formatNumber(score * 100),
    },
    { title: t('dashboard.figures.submitted'), dataIndex: 'submitted', width: 84, drop: 2, render: formatNumber },
    { title: t('dashboard.figures.onTimeRate'), dataIndex: 'onTimeRate', width: 100, render: formatPercent },
    {
      title: t('dashboard.figures.satisfaction'),
      dataIndex: 'satisfaction',
      width: 140,
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
    <FitTable<DepartmentRank>
      rowKey={(row) => `${row.rank}-${row.name}`}
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scrollY={320}
      data-testid="dash-ranking"
    />
  );
}
