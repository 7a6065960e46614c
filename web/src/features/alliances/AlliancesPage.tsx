import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../lib/dates';
import { LoadMore } from '../../lib/LoadMore';
import { PageHeader } from '../../lib/PageHeader';
import { AllianceFormModal } from './AllianceFormModal';
import { useAlliances, type Alliance } from './api';

export function AlliancesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useAlliances();
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<Alliance> = [
    {
      title: t('alliances.name'),
      dataIndex: 'name',
      render: (name: string, alliance) => <Link to={`/alliances/${alliance.id}`}>{name}</Link>,
    },
    { title: t('alliances.industry'), dataIndex: 'industry', render: (v: string | null) => v ?? '—' },
    { title: t('alliances.leadCount'), key: 'lead', render: (_, a) => a.memberCounts.lead },
    { title: t('alliances.departmentCount'), key: 'departments', render: (_, a) => a.memberCounts.departments },
    { title: t('alliances.memberCount'), key: 'members', render: (_, a) => a.memberCounts.members },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.alliances')}
        subtitle={t('alliances.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="alliance-create"
          >
            {t('alliances.create')}
          </Button>
        }
      />
      <Table<Alliance>
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        loading={list.isPending}
        pagination={false}
        data-testid="alliances-table"
      />
      <LoadMore {...list} />
      <AllianceFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(alliance) => void navigate(`/alliances/${alliance.id}`)}
      />
    </>
  );
}
