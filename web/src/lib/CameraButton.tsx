import { CameraOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Gets the photo as taken (a JPEG from phone cameras); the caller uploads or keeps it. */
  onPhoto: (photo: File) => void;
  loading?: boolean;
  /** The button's test id; the file input's is the same with `-input`. */
  testId: string;
}

/**
 * 拍照: opens the phone's rear camera straight away (`capture="environment"`); where there is no
 * camera, the browser offers its image picker instead.
 */
export function CameraButton({ onPhoto, loading, testId }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        onChange={(event) => {
          const photo = event.target.files?.[0];
          // The same photo may be chosen again after removing it.
          event.target.value = '';
          if (photo) onPhoto(photo);
        }}
        data-testid={`${testId}-input`}
      />
      <Button icon={<CameraOutlined />} loading={loading} onClick={() => input.current?.click()} data-testid={testId}>
        {t('phone.takePhoto')}
      </Button>
    </>
  );
}
