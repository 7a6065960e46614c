import { ExportOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/useShowError';
import { isFinished, useJob } from '../../lib/jobs';
import { useStartExport } from './api';
import { JobDetails } from './JobDetails';

export function ExportPanel({ allianceId }: { allianceId: string }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const startExport = useStartExport(allianceId);
  const [jobId, setJobId] = useState<string>();
  const job = useJob(jobId);
  const running = startExport.isPending || (jobId !== undefined && !isFinished(job.data) && !job.isError);

  return (
    <Card title={t('exports.title')}>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('exports.hint')}
        </Typography.Paragraph>
        <Button
          type="primary"
          icon={<ExportOutlined />}
          loading={running}
          onClick={() =>
            startExport.mutate(undefined, {
              onSuccess: (started) => setJobId(started.id),
              onError: (error) => showError(error),
            })
          }
          data-testid="export-start"
        >
          {t('exports.start')}
        </Button>
        {jobId && <JobDetails jobId={jobId} progressTestId="export-progress" />}
      </Space>
    </Card>
  );
}
