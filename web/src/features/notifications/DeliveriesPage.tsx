import { RedoOutlined } from '@ant-design/icons';
import { App, Button, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../../lib/dates';
import { useShowError } from '../../lib/useShowError';
import { LoadMore } from '../../lib/LoadMore';
import { PageHeader } from '../../lib/PageHeader';
import { useTenants } from '../tenants/api';
import { useDeliveries, useRetryDelivery, type Delivery } from './deliveriesApi';
import { DELIVERY_STATUSES, typeLabel, type DeliveryStatus, type NotificationType } from './types';

const STATUS_COLORS: Record<DeliveryStatus, string> = {
  failed: 'error',
  pending: 'processing',
  sent: 'success',
  awaiting_digest: 'default',
  digested: 'default',
  skipped: 'warning',
};

const isStatus = (value: string | null): value is DeliveryStatus => DELIVERY_STATUSES.includes(value as DeliveryStatus);

/** Platform admins: deliveries (email, group robots) that gave up, with their error and a retry. */
export function DeliveriesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status: DeliveryStatus = isStatus(statusParam) ? statusParam : 'failed';
  const list = useDeliveries(status);
  const tenants = useTenants();
  const retry = useRetryDelivery();
  const tenantName = (id: string) => tenants.items.find((tenant) => tenant.id === id)?.name ?? id;

  const columns: TableColumnsType<Delivery> = [
    { title: t('common.createdAt'), dataIndex: 'createdAt', width: 150, render: formatDateTime },
    { title: t('deliveries.tenant'), dataIndex: 'tenantId', render: tenantName },
    {
      title: t('notifications.type'),
      dataIndex: 'eventType',
      render: (type: NotificationType) => typeLabel(t, type),
    },
    {
      title: t('deliveries.channel'),
      dataIndex: 'channel',
      render: (channel: Delivery['channel']) => <Tag>{t(`deliveryChannels.${channel}`)}</Tag>,
    },
    {
      title: t('deliveries.recipient'),
      dataIndex: 'recipient',
      render: (v: string) => (
        <Typography.Text code ellipsis={{ tooltip: v }} className="delivery-recipient">
          {v}
        </Typography.Text>
      ),
    },
    {
      title: t('deliveries.status'),
      dataIndex: 'status',
      render: (value: DeliveryStatus) => <Tag color={STATUS_COLORS[value]}>{t(`deliveryStatuses.${value}`)}</Tag>,
    },
    { title: t('deliveries.attempts'), dataIndex: 'attempts', width: 90 },
    {
      title: t('deliveries.lastError'),
      dataIndex: 'lastError',
      render: (error: string | null) =>
        error ? (
          <Typography.Paragraph
            type="danger"
            className="delivery-error"
            ellipsis={{ rows: 2, tooltip: error }}
            data-testid="delivery-error"
          >
            {error}
          </Typography.Paragraph>
        ) : (
          '—'
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, delivery) =>
        delivery.status === 'failed' ? (
          <Button
            type="link"
            icon={<RedoOutlined />}
            loading={retry.isPending && retry.variables === delivery.id}
            onClick={() =>
              retry.mutate(delivery.id, {
                onSuccess: () => void message.success(t('deliveries.retried')),
                onError: (error) => showError(error),
              })
            }
            data-testid="delivery-retry"
          >
            {t('deliveries.retry')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader title={t('nav.failedDeliveries')} subtitle={t('deliveries.subtitle')} />
      <Space wrap className="filters">
        <Select<DeliveryStatus>
          value={status}
          options={DELIVERY_STATUSES.map((value) => ({ value, label: t(`deliveryStatuses.${value}`) }))}
          onChange={(value) => setParams(value === 'failed' ? {} : { status: value }, { replace: true })}
          style={{ width: 160 }}
          data-testid="deliveries-status"
        />
      </Space>
      <Table<Delivery>
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        loading={list.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="deliveries-table"
      />
      <LoadMore {...list} />
    </>
  );
}
