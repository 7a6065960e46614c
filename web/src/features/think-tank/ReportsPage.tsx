import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/dates';
import { useMe } from '../auth/api';
import { EmptyState, emptyText } from '../../lib/EmptyState';
import { PageHeader } from '../../lib/PageHeader';
import { REPORT_STATUSES, type ReportStatus, type ReportSummary, useReports } from './api';
import { CreateReportModal } from './CreateReportModal';
import { ReportStatusTag } from './labels';

/** Officials (the editors) see every report by status; everyone else the reports they wrote (我的报告). */
export function ReportsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const editor = me?.role === 'township_admin';
  const [status, setStatus] = useState<ReportStatus | 'all'>('all');
  const [creating, setCreating] = useState(false);
  const { data, isLoading } = useReports(status === 'all' ? undefined : status);

  return (
    <>
      <PageHeader
        title={editor ? t('thinkTank.reports.allTitle') : t('thinkTank.reports.mineTitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="reports-new">
            {t('thinkTank.reports.new')}
          </Button>
        }
      />
      <Card>
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Segmented
            data-testid="reports-status-filter"
            value={status}
            onChange={(value) => setStatus(value as ReportStatus | 'all')}
            options={[
              { value: 'all', label: t('thinkTank.reports.allStatuses') },
              ...REPORT_STATUSES.map((value) => ({ value, label: t(`thinkTank.statuses.${value}`) })),
            ]}
          />
          <Table<ReportSummary>
            rowKey="id"
            loading={isLoading}
            dataSource={data ?? []}
            data-testid="reports-list"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{
              emptyText: emptyText(
                isLoading,
                <EmptyState
                  text={t(editor ? 'emptyStates.reportsEditor' : 'emptyStates.reportsMine')}
                  action={{
                    label: t('thinkTank.reports.new'),
                    icon: <PlusOutlined />,
                    onClick: () => setCreating(true),
                  }}
                />,
              ),
            }}
            columns={[
              {
                title: t('thinkTank.fields.title'),
                key: 'title',
                render: (_, report) => (
                  <Space direction="vertical" size={0}>
                    <Link to={`/think-tank/reports/${report.id}`} data-testid="report-link">
                      {report.title}
                    </Link>
                    <span>
                      {report.topics.map((topic) => (
                        <Tag key={topic} bordered={false}>
                          {topic}
                        </Tag>
                      ))}
                    </span>
                  </Space>
                ),
              },
              {
                title: t('thinkTank.fields.status'),
                key: 'status',
                width: 120,
                render: (_, report) => <ReportStatusTag status={report.status} />,
              },
              { title: t('thinkTank.fields.round'), dataIndex: 'currentRound', width: 80 },
              {
                title: t('thinkTank.fields.authors'),
                key: 'authors',
                render: (_, report) =>
                  report.authors ? report.authors.map((a) => a.displayName).join('、') : t('thinkTank.hidden'),
              },
              {
                title: t('thinkTank.fields.blindMode'),
                key: 'blindMode',
                width: 110,
                render: (_, report) => t(`thinkTank.blindModes.${report.blindMode}`),
              },
              {
                title: t('common.createdAt'),
                key: 'createdAt',
                width: 170,
                render: (_, report) => formatDateTime(report.createdAt),
              },
            ]}
          />
        </Space>
      </Card>
      <CreateReportModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
