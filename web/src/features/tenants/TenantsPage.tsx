import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/dates';
import { timeZoneName } from '../../lib/timeZones';
import { LoadMore } from '../../lib/LoadMore';
import { PageHeader } from '../../lib/PageHeader';
import { useTenants, type Tenant } from './api';
import { CreateTenantModal } from './CreateTenantModal';

export function TenantsPage() {
  const { t } = useTranslation();
  const list = useTenants();
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<Tenant> = [
    { title: t('tenants.name'), dataIndex: 'name' },
    { title: t('tenants.slug'), dataIndex: 'slug' },
    { title: t('tenants.timeZone'), dataIndex: 'timeZone', render: (zone: string) => timeZoneName(t, zone) },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.tenants')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="tenant-create">
            {t('tenants.create')}
          </Button>
        }
      />
      <Table<Tenant>
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        loading={list.isPending}
        pagination={false}
        data-testid="tenants-table"
      />
      <LoadMore {...list} />
      <CreateTenantModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
