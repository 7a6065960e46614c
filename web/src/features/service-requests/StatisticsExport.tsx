import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/useShowError';
import { isFinished, useDownloadJobFile, useJob } from '../../lib/jobs';
import { useStartStatisticsExport, type StatisticsQuery } from './statisticsApi';

/** 导出 Excel: starts the worker's export, shows its progress, and saves the file once it is written. */
export function StatisticsExport({ query }: { query: Partial<StatisticsQuery> }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const start = useStartStatisticsExport();
  const download = useDownloadJobFile();
  const downloadFile = download.mutate;
  const [jobId, setJobId] = useState<string>();
  const job = useJob(jobId);
  const downloaded = useRef<string | null>(null);
  const running = start.isPending || (jobId !== undefined && !isFinished(job.data) && !job.isError);

  // Save the file once, as soon as the job has written it.
  useEffect(() => {
    const data = job.data;
    if (data?.status !== 'succeeded' || downloaded.current === data.id) return;
    downloaded.current = data.id;
    downloadFile(data, { onError: (error) => showError(error) });
  }, [job.data, downloadFile, showError]);

  const run = () => {
    if (!query.allianceId) return;
    start.mutate(query as StatisticsQuery, {
      onSuccess: (started) => setJobId(started.id),
      onError: (error) => showError(error),
    });
  };

  const data = job.data;
  return (
    <Space orientation="vertical" size={4} style={{ minWidth: 220 }}>
      <Space>
        <Button
          icon={<FileExcelOutlined />}
          loading={running}
          disabled={!query.allianceId}
          onClick={run}
          data-testid="sr-stats-export"
        >
          {t('serviceRequests.statistics.export')}
        </Button>
        {data?.status === 'succeeded' && (
          <Button
            type="link"
            icon={<DownloadOutlined />}
            loading={download.isPending}
            onClick={() => download.mutate(data, { onError: (error) => showError(error) })}
            data-testid="sr-stats-download"
          >
            {t('serviceRequests.statistics.downloadAgain')}
          </Button>
        )}
      </Space>
      {data && (
        <div data-testid="sr-stats-export-progress" data-status={data.status}>
          <Progress
            percent={Math.round(data.progress)}
            size="small"
            status={data.status === 'failed' ? 'exception' : data.status === 'succeeded' ? 'success' : 'active'}
          />
        </div>
      )}
      {data?.status === 'failed' && <Alert type="error" showIcon title={data.error ?? t('jobs.failed')} />}
    </Space>
  );
}
