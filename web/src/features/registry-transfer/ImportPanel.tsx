import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/useShowError';
import { isFinished, useJob } from '../../lib/jobs';
import { useDownloadTemplate, useStartImport, type TemplateFormat } from './api';
import { JobDetails } from './JobDetails';

const ACCEPTED_EXTENSIONS = ['.xlsx', '.csv'];

export function ImportPanel({ allianceId }: { allianceId: string }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const startImport = useStartImport(allianceId);
  const template = useDownloadTemplate();
  const [jobId, setJobId] = useState<string>();
  const job = useJob(jobId);
  const running = startImport.isPending || (jobId !== undefined && !isFinished(job.data) && !job.isError);

  const downloadTemplate = (format: TemplateFormat) =>
    template.mutate({ format, fallbackName: t('imports.templateFileName') }, { onError: (error) => showError(error) });

  const upload = (file: File) => {
    const extension = file.name.slice(file.name.lastIndexOf('.')).toLowerCase();
    if (!ACCEPTED_EXTENSIONS.includes(extension)) {
      showError(new Error(t('imports.wrongFileType')));
      return;
    }
    startImport.mutate(file, {
      onSuccess: (started) => setJobId(started.id),
      onError: (error) => showError(error),
    });
  };

  return (
    <Card
      title={t('imports.title')}
      extra={
        <Space>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => downloadTemplate('xlsx')}
            loading={template.isPending}
            data-testid="import-template"
          >
            {t('imports.templateXlsx')}
          </Button>
          <Button type="link" onClick={() => downloadTemplate('csv')}>
            {t('imports.templateCsv')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('imports.hint')}
        </Typography.Paragraph>
        <div data-testid="import-upload">
          <Upload.Dragger
            accept={ACCEPTED_EXTENSIONS.join(',')}
            multiple={false}
            showUploadList={false}
            disabled={running}
            beforeUpload={(file) => {
              upload(file);
              return Upload.LIST_IGNORE;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('imports.dropHere')}</p>
            <p className="ant-upload-hint">{t('imports.fileTypes')}</p>
          </Upload.Dragger>
        </div>
        {jobId && <JobDetails jobId={jobId} progressTestId="import-progress" />}
      </Space>
    </Card>
  );
}
