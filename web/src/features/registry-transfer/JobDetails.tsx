import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Space, Spin, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors';
import { useShowError } from '../../lib/useShowError';
import { useDownloadJobFile, useJob, type Job } from '../../lib/jobs';
import { RefusedRowsTable } from './RefusedRowsTable';

/** Live progress of one job, then its outcome: import summary + refused rows, or the export download. */
export function JobDetails({ jobId, progressTestId }: { jobId: string; progressTestId: string }) {
  const { t } = useTranslation();
  const job = useJob(jobId);

  if (job.isError) return <Alert type="error" showIcon title={errorMessage(job.error)} />;
  if (!job.data) return <Spin />;
  const data = job.data;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <JobProgress job={data} testId={progressTestId} />
      {data.status === 'failed' && (
        <Alert
          type="error"
          showIcon
          title={t('jobs.failed')}
          description={data.error ?? undefined}
          data-testid="job-error"
        />
      )}
      {data.status === 'succeeded' && data.kind === 'member-import' && <ImportOutcome job={data} />}
      {data.status === 'succeeded' && data.kind === 'registry-export' && <ExportDownload job={data} />}
    </Space>
  );
}

function JobProgress({ job, testId }: { job: Job; testId: string }) {
  const { t } = useTranslation();
  const status = job.status === 'failed' ? 'exception' : job.status === 'succeeded' ? 'success' : 'active';
  return (
    <div data-testid={testId} data-status={job.status}>
      <Progress percent={Math.round(job.progress)} status={status} format={(percent) => `${percent}%`} />
      <Typography.Text type="secondary">
        {t(`jobStatuses.${job.status}`)}
        {' · '}
        {t('jobs.processed', { processed: job.processedRows, total: job.totalRows ?? '?' })}
      </Typography.Text>
    </div>
  );
}

function ImportOutcome({ job }: { job: Job }) {
  const { t } = useTranslation();
  // refusedRows has one entry per refused field (and per unknown header), not per row.
  const refusedCount = Math.max(0, job.processedRows - job.acceptedRows);
  return (
    <>
      <Space size="large" data-testid="import-summary">
        <Statistic title={t('imports.accepted')} value={job.acceptedRows} styles={{ content: { color: '#389e0d' } }} />
        <Statistic
          title={t('imports.refused')}
          value={refusedCount}
          styles={{ content: refusedCount ? { color: '#cf1322' } : {} }}
        />
      </Space>
      {job.refusedRows.length > 0 && <RefusedRowsTable rows={job.refusedRows} />}
    </>
  );
}

function ExportDownload({ job }: { job: Job }) {
  const { t } = useTranslation();
  const download = useDownloadJobFile();
  const showError = useShowError();
  return (
    <Button
      type="primary"
      icon={<DownloadOutlined />}
      loading={download.isPending}
      onClick={() => download.mutate(job, { onError: (error) => showError(error) })}
      data-testid="export-download"
    >
      {t('exports.download')}
      {job.fileName ? ` (${job.fileName})` : ''}
    </Button>
  );
}
