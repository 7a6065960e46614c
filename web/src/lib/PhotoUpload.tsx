import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadFile } from '../api/authorizedFetch';
import { useShowError } from './useShowError';

interface Props {
  /** The API path that takes the photo as a multipart `file`. */
  action: string;
  onUploaded: () => void;
  label?: string;
  'data-testid'?: string;
}

/** One button that uploads a PNG, JPEG or WebP photo; the API judges the content and size and says why it refuses. */
export function PhotoUpload({ action, onUploaded, label, ...rest }: Props) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  return (
    <Upload
      accept="image/png,image/jpeg,image/webp"
      showUploadList={false}
      multiple={false}
      customRequest={({ file, onSuccess, onError }) => {
        setBusy(true);
        const blob = file as File;
        uploadFile(action, blob, blob.name)
          .then((saved) => {
            onSuccess?.(saved);
            onUploaded();
          })
          .catch((error: Error) => {
            onError?.(error);
            showError(error);
          })
          .finally(() => setBusy(false));
      }}
    >
      <Button icon={<UploadOutlined />} loading={busy} data-testid={rest['data-testid']}>
        {label ?? t('photos.upload')}
      </Button>
    </Upload>
  );
}
