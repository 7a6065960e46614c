import { CheckOutlined } from '@ant-design/icons';
import { Badge, Button, Select, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { formatDateTime } from '../../lib/dates';
import { useShowError } from '../../lib/useShowError';
import { LoadMore } from '../../lib/LoadMore';
import { PageHeader } from '../../lib/PageHeader';
import {
  useMarkAllRead,
  useMarkRead,
  useNotifications,
  useUnreadCount,
  type Notification,
  type NotificationFilters,
} from './api';
import { isAppPath } from './links';
import { NOTIFICATION_TYPES, typeLabel, typeOptions, type NotificationType } from './types';

const isType = (value: string | null): value is NotificationType =>
  value !== null && (NOTIFICATION_TYPES as readonly string[]).includes(value);

/** The signed-in person's inbox: every notification, newest first. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const showError = useShowError();
  const [params, setParams] = useSearchParams();
  const typeParam = params.get('type');
  const filters: NotificationFilters = {
    unread: params.get('unread') === 'true' || undefined,
    type: isType(typeParam) ? typeParam : undefined,
  };
  const list = useNotifications(filters);
  // The bell's stream keeps this count live; the open inbox also asks every 30 s, so it follows
  // even a stream that still beats but has stopped telling.
  const unread = useUnreadCount(true).data?.unreadCount ?? 0;
  // Whatever changed the count (the stream, a poll, a refetch), the list follows it.
  const { refetch } = list;
  const seenUnread = useRef(unread);
  useEffect(() => {
    if (seenUnread.current === unread) return;
    seenUnread.current = unread;
    void refetch();
  }, [unread, refetch]);
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();

  const setFilter = (key: 'unread' | 'type', value: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const open = (item: Notification) => {
    if (!item.readAt) markRead.mutate(item.id, { onError: (error) => showError(error) });
    if (isAppPath(item.link)) void navigate(item.link);
  };

  const columns: TableColumnsType<Notification> = [
    {
      title: t('notifications.status'),
      key: 'status',
      width: 90,
      render: (_, item) =>
        item.readAt ? (
          <Badge status="default" text={t('notifications.read')} />
        ) : (
          <Badge status="error" text={t('notifications.unread')} />
        ),
    },
    {
      title: t('notifications.type'),
      dataIndex: 'type',
      render: (type: NotificationType) => <Tag>{typeLabel(t, type)}</Tag>,
    },
    {
      title: t('notifications.content'),
      key: 'content',
      render: (_, item) => (
        <div className="notification-cell">
          {isAppPath(item.link) ? (
            <Typography.Link strong={!item.readAt} onClick={() => open(item)}>
              {item.title}
            </Typography.Link>
          ) : (
            <Typography.Text strong={!item.readAt}>{item.title}</Typography.Text>
          )}
          <Typography.Paragraph type="secondary" className="notification-cell-body">
            {item.body}
          </Typography.Paragraph>
        </div>
      ),
    },
    { title: t('notifications.time'), dataIndex: 'createdAt', width: 150, render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, item) =>
        item.readAt ? null : (
          <Button
            type="link"
            onClick={() => markRead.mutate(item.id, { onError: (error) => showError(error) })}
            data-testid="notification-mark-read"
          >
            {t('notifications.markRead')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.notifications')}
        subtitle={t('notifications.unreadSummary', { count: unread })}
        extra={
          <Button
            icon={<CheckOutlined />}
            disabled={unread === 0}
            loading={markAllRead.isPending}
            onClick={() => markAllRead.mutate(undefined, { onError: (error) => showError(error) })}
            data-testid="notifications-mark-all-read"
          >
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <Space wrap size="large" className="filters">
        <Space>
          <Switch
            checked={filters.unread === true}
            onChange={(checked) => setFilter('unread', checked ? 'true' : undefined)}
            data-testid="notifications-unread-only"
          />
          <Typography.Text>{t('notifications.unreadOnly')}</Typography.Text>
        </Space>
        <Select
          allowClear
          value={filters.type}
          placeholder={t('notifications.typeFilter')}
          options={typeOptions(t)}
          onChange={(value) => setFilter('type', value)}
          style={{ width: 200 }}
          data-testid="notifications-type-filter"
        />
      </Space>
      <Table<Notification>
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        loading={list.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowClassName={(item) => (item.readAt ? '' : 'notification-row-unread')}
        data-testid="notifications-table"
      />
      <LoadMore {...list} />
    </>
  );
}
