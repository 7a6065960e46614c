import { DownloadOutlined, FilePdfOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/useShowError';
import { isFinished, useDownloadJobFile, useJob } from '../../lib/jobs';
import { useStartDashboardExport, type DashboardExportFormat, type DashboardPeriod } from './api';

/** 导出: starts the worker's .xlsx or PDF export, shows its progress, and offers the file once it is written. */
export function DashboardExport({ allianceId, period }: { allianceId?: string; period: DashboardPeriod }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const start = useStartDashboardExport(allianceId);
  const download = useDownloadJobFile();
  const [started, setStarted] = useState<{ jobId: string; format: DashboardExportFormat }>();
  const job = useJob(started?.jobId);
  const data = job.data;
  const running = start.isPending || (started !== undefined && !isFinished(data) && !job.isError);

  const run = (format: DashboardExportFormat) => {
    if (!allianceId) return;
    start.mutate(
      { format, period },
      { onSuccess: (created) => setStarted({ jobId: created.id, format }), onError: (error) => showError(error) },
    );
  };

  const button = (format: DashboardExportFormat, icon: ReactNode) => (
    <Button
      icon={icon}
      loading={running && (start.variables?.format ?? started?.format) === format}
      disabled={!allianceId || running}
      onClick={() => run(format)}
      data-testid={`dash-export-${format}`}
    >
      {t(`dashboard.export.${format}`)}
    </Button>
  );

  return (
    <Space orientation="vertical" size={4} style={{ minWidth: 240 }}>
      <Space wrap>
        {button('xlsx', <FileExcelOutlined />)}
        {button('pdf', <FilePdfOutlined />)}
      </Space>
      {data && (
        <div data-testid="dash-export-progress" data-status={data.status} data-format={started?.format}>
          <Progress
            percent={Math.round(data.progress)}
            size="small"
            status={data.status === 'failed' ? 'exception' : data.status === 'succeeded' ? 'success' : 'active'}
          />
        </div>
      )}
      {data?.status === 'succeeded' && (
        <Button
          type="primary"
          ghost
          size="small"
          icon={<DownloadOutlined />}
          loading={download.isPending}
          onClick={() => download.mutate(data, { onError: (error) => showError(error) })}
          data-testid="dash-export-download"
        >
          {t('dashboard.export.download', { name: data.fileName ?? '' })}
        </Button>
      )}
      {data?.status === 'failed' && <Alert type="error" showIcon title={data.error ?? t('jobs.failed')} />}
    </Space>
  );
}
