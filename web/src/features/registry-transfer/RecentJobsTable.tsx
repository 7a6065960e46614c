import { Button, Drawer, Progress, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/dates';
import { LoadMore } from '../../lib/LoadMore';
import type { Job } from '../../lib/jobs';
import { useJobs } from './api';
import { JobDetails } from './JobDetails';

const STATUS_COLORS: Record<Job['status'], string> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
};

export function RecentJobsTable() {
  const { t } = useTranslation();
  const list = useJobs();
  const [selected, setSelected] = useState<Job | null>(null);

  const columns: TableColumnsType<Job> = [
    { title: t('jobs.kind'), dataIndex: 'kind', render: (kind: string) => t(`jobKinds.${kind}`) },
    {
      title: t('jobs.status'),
      dataIndex: 'status',
      render: (status: Job['status']) => <Tag color={STATUS_COLORS[status]}>{t(`jobStatuses.${status}`)}</Tag>,
    },
    {
      title: t('jobs.progress'),
      key: 'progress',
      width: 180,
      render: (_, job) => (
        <Progress
          percent={Math.round(job.progress)}
          size="small"
          status={job.status === 'failed' ? 'exception' : undefined}
        />
      ),
    },
    { title: t('jobs.fileName'), dataIndex: 'fileName', render: (v: string | null) => v ?? '—' },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    { title: t('jobs.finishedAt'), dataIndex: 'finishedAt', render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, job) => (
        <Button type="link" onClick={() => setSelected(job)}>
          {t('common.view')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Table<Job>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.items}
        loading={list.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="recent-jobs"
      />
      <LoadMore {...list} />
      <Drawer
        open={selected !== null}
        onClose={() => setSelected(null)}
        size={720}
        title={selected ? `${t(`jobKinds.${selected.kind}`)} · ${formatDateTime(selected.createdAt)}` : ''}
        destroyOnHidden
      >
        {selected && <JobDetails jobId={selected.id} progressTestId="job-progress" />}
      </Drawer>
    </>
  );
}
