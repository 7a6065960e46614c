import { DownloadOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, List, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/dates';
import { useShowError } from '../../lib/useShowError';
import { type Report, useDownloadVersion, useSubmitReport, useUploadVersion } from './api';
import { fullReason, reasonsByField } from './errors';

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The versions of a report, and for its authors the upload of a (revised) version and the submission. */
export function ReportVersions({ report }: { report: Report }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const download = useDownloadVersion(report.id);
  const upload = useUploadVersion(report.id);
  const submit = useSubmitReport(report.id);
  const [response, setResponse] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [uploadError, setUploadError] = useState<string | null>(null);

  const author = report.viewerRole === 'author';
  const editable = author && (report.status === 'draft' || report.status === 'revision_requested');
  const revision = report.status === 'revision_requested';
  const lastRoundVersion = report.rounds.at(-1)?.versionNumber ?? 0;
  const latest = report.versions.at(-1);
  const readyToSubmit = editable && latest !== undefined && latest.number > lastRoundVersion;

  return (
    <Card title={t('thinkTank.versions.title')} data-testid="report-versions">
      <List
        dataSource={[...report.versions].reverse()}
        locale={{ emptyText: t('thinkTank.versions.empty') }}
        renderItem={(version) => (
          <List.Item
            data-testid="report-version"
            data-version={version.number}
            actions={[
              <Button
                key="download"
                size="small"
                icon={<DownloadOutlined />}
                loading={download.isPending && download.variables?.id === version.id}
                onClick={() => download.mutate(version, { onError: (error) => showError(error) })}
              >
                {t('thinkTank.versions.download')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={`${t('thinkTank.versions.version', { n: version.number })} · ${version.fileName}`}
              description={
                <Space direction="vertical" size={0}>
                  <span>
                    {formatDateTime(version.createdAt)} · {size(version.size)}
                  </span>
                  {version.response && (
                    <Typography.Paragraph
                      style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}
                      data-testid="version-response"
                    >
                      <Typography.Text strong>{t('thinkTank.versions.response')}：</Typography.Text>
                      {version.response}
                    </Typography.Paragraph>
                  )}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      {editable && (
        <div style={{ marginTop: 16 }} data-testid="version-upload-panel">
          {revision && (
            <Form layout="vertical">
              <Form.Item
                label={t('thinkTank.versions.responseLabel')}
                extra={t('thinkTank.versions.responseHelp')}
                validateStatus={errors.response ? 'error' : undefined}
                help={errors.response}
                required
              >
                <Input.TextArea
                  rows={4}
                  value={response}
                  onChange={(event) => setResponse(event.target.value)}
                  maxLength={20000}
                  data-testid="version-response-input"
                />
              </Form.Item>
            </Form>
          )}
          <Space wrap align="start">
            <div data-testid="version-upload">
              <Upload
                accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                showUploadList={false}
                maxCount={1}
                customRequest={({ file, onSuccess, onError }) => {
                  setErrors({});
                  setUploadError(null);
                  upload.mutate(
                    { file: file as File, response: revision ? response : undefined },
                    {
                      onSuccess: (version) => {
                        onSuccess?.(version);
                        setResponse('');
                        void message.success(t('thinkTank.versions.uploaded'));
                      },
                      onError: (error) => {
                        onError?.(error);
                        const byField = reasonsByField(error);
                        setErrors(byField);
                        setUploadError(
                          byField.response && Object.keys(byField).length === 1 ? null : fullReason(error),
                        );
                      },
                    },
                  );
                }}
              >
                <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="version-upload-button">
                  {revision ? t('thinkTank.versions.uploadRevision') : t('thinkTank.versions.upload')}
                </Button>
              </Upload>
            </div>
            <Button
              type="primary"
              icon={<SendOutlined />}
              disabled={!readyToSubmit}
              loading={submit.isPending}
              data-testid="report-submit"
              onClick={() =>
                submit.mutate(undefined, {
                  onSuccess: () => void message.success(t('thinkTank.report.submitted')),
                  onError: (error) => showError(error),
                })
              }
            >
              {revision ? t('thinkTank.report.submitRevision') : t('thinkTank.report.submit')}
            </Button>
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('thinkTank.versions.fileHelp')}
          </Typography.Paragraph>
          {uploadError && (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 8 }}
              message={uploadError}
              data-testid="version-upload-error"
            />
          )}
        </div>
      )}
    </Card>
  );
}
