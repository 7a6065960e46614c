import { DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { CameraButton } from '../../lib/CameraButton';
import { formatDateTime } from '../../lib/dates';
import { useIsPhone } from '../../lib/useIsPhone';
import { useShowError } from '../../lib/useShowError';
import { useDownloadAttachment, useUploadAttachment, type Attachment } from './api';

/** What the API accepts (it checks the real type): PDF, images, Office documents. */
export const ATTACHMENT_ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx';

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function AttachmentsCard({ requestId, attachments }: { requestId: string; attachments: Attachment[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const download = useDownloadAttachment(requestId);
  const upload = useUploadAttachment(requestId);
  const phone = useIsPhone();

  return (
    <Card
      title={t('serviceRequests.attachments')}
      className="section-card"
      extra={
        <Space size="small">
          {phone && (
            <CameraButton
              testId="sr-upload-camera"
              loading={upload.isPending}
              onPhoto={(photo) =>
                upload.mutate(photo, {
                  onSuccess: () => void message.success(t('serviceRequests.uploaded', { name: photo.name })),
                  onError: (error) => showError(error),
                })
              }
            />
          )}
          <Upload
            accept={ATTACHMENT_ACCEPT}
            showUploadList={false}
            beforeUpload={(file) => {
              upload.mutate(file, {
                onSuccess: () => void message.success(t('serviceRequests.uploaded', { name: file.name })),
                onError: (error) => showError(error),
              });
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="sr-upload">
              {t('serviceRequests.addAttachment')}
            </Button>
          </Upload>
        </Space>
      }
      data-testid="sr-attachments"
    >
      <Table<Attachment>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={attachments}
        locale={{ emptyText: t('serviceRequests.noAttachments') }}
        columns={[
          {
            title: t('serviceRequests.fileName'),
            dataIndex: 'fileName',
            render: (name: string) => (
              <Typography.Text>
                <PaperClipOutlined /> {name}
              </Typography.Text>
            ),
          },
          // A phone shows the name and the download; size and time need the width.
          { title: t('serviceRequests.fileSize'), dataIndex: 'size', render: formatSize, responsive: ['md'] },
          {
            title: t('serviceRequests.uploadedAt'),
            dataIndex: 'createdAt',
            render: formatDateTime,
            responsive: ['md'],
          },
          {
            title: t('common.actions'),
            key: 'download',
            render: (_, attachment) => (
              <Button
                type="link"
                icon={<DownloadOutlined />}
                loading={download.isPending && download.variables?.id === attachment.id}
                onClick={() => download.mutate(attachment, { onError: (error) => showError(error) })}
                data-testid="sr-download"
              >
                {t('serviceRequests.download')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
