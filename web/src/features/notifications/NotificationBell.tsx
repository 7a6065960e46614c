import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../lib/dates';
import { useShowError } from '../../lib/useShowError';
import { useLatestNotifications, useMarkAllRead, useMarkRead, useUnreadCount, type Notification } from './api';
import { isAppPath } from './links';
import { useNotificationStream } from './useNotificationStream';

/** The header's bell: the live unread count, and the latest items in a popover. */
export function NotificationBell({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const showError = useShowError();
  const [open, setOpen] = useState(false);
  const live = useNotificationStream(userId);
  const count = useUnreadCount(!live).data?.unreadCount ?? 0;
  const latest = useLatestNotifications(open);
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();

  const openItem = (item: Notification) => {
    setOpen(false);
    if (!item.readAt) markRead.mutate(item.id, { onError: (error) => showError(error) });
    if (isAppPath(item.link)) void navigate(item.link);
  };

  const items = latest.data?.items ?? [];
  const content = (
    <div className="notification-popover" data-testid="notification-popover">
      {latest.isPending ? (
        <Flex justify="center" className="notification-popover-empty">
          <Spin />
        </Flex>
      ) : items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('notifications.empty')}
          className="notification-popover-empty"
        />
      ) : (
        <ul className="notification-list">
          {items.map((item) => (
            <li key={item.id}>
              <div
                role="button"
                tabIndex={0}
                className={`notification-item${item.readAt ? '' : ' notification-item-unread'}`}
                onClick={() => openItem(item)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    openItem(item);
                  }
                }}
                data-testid="notification-item"
              >
                <Flex justify="space-between" gap="small" align="baseline">
                  <Typography.Text strong={!item.readAt} ellipsis className="notification-item-title">
                    {!item.readAt && <Badge status="error" className="notification-item-dot" />}
                    {item.title}
                  </Typography.Text>
                  <Typography.Text type="secondary" className="notification-item-time">
                    {formatDateTime(item.createdAt)}
                  </Typography.Text>
                </Flex>
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} className="notification-item-body">
                  {item.body}
                </Typography.Paragraph>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Flex justify="space-between" align="center" className="notification-popover-footer">
        <Button
          type="link"
          size="small"
          disabled={count === 0}
          loading={markAllRead.isPending}
          onClick={() => markAllRead.mutate(undefined, { onError: (error) => showError(error) })}
          data-testid="notification-mark-all-read"
        >
          {t('notifications.markAllRead')}
        </Button>
        <Link to="/notifications" onClick={() => setOpen(false)} data-testid="notification-view-all">
          {t('notifications.viewAll')}
        </Link>
      </Flex>
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={t('notifications.title')}
      content={content}
      arrow={false}
    >
      <span className="notification-bell">
        <Badge count={count} overflowCount={99} size="small" offset={[-4, 4]}>
          <Button
            type="text"
            shape="circle"
            icon={<BellOutlined style={{ fontSize: 18 }} />}
            aria-label={t('notifications.bellLabel', { count })}
            data-testid="notification-bell"
          />
        </Badge>
        {/* The number as plain text (the badge animates its digits, and hides a zero). */}
        <span className="visually-hidden" data-testid="notification-count">
          {count}
        </span>
      </span>
    </Popover>
  );
}
