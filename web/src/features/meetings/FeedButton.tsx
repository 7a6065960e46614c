import { LinkOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/useShowError';
import { useCalendarFeed } from './api';

/** 订阅日历: a private subscription URL for calendar apps, shown once. */
export function FeedButton() {
  const { t } = useTranslation();
  const feed = useCalendarFeed();
  const showError = useShowError();
  const [url, setUrl] = useState<string | null>(null);
  return (
    <>
      <Button
        icon={<LinkOutlined />}
        loading={feed.isPending}
        onClick={() => feed.mutate(undefined, { onSuccess: setUrl, onError: (error) => showError(error) })}
        data-testid="meetings-feed"
      >
        {t('meetings.feed.button')}
      </Button>
      <Modal open={url !== null} title={t('meetings.feed.title')} onCancel={() => setUrl(null)} footer={null}>
        <Alert type="warning" showIcon title={t('meetings.feed.once')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph
          copyable={{ text: url ?? '' }}
          code
          data-testid="meetings-feed-url"
          style={{ wordBreak: 'break-all' }}
        >
          {url}
        </Typography.Paragraph>
        <Typography.Text type="secondary">{t('meetings.feed.help')}</Typography.Text>
      </Modal>
    </>
  );
}
