import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CategoryFormModal } from './CategoryFormModal';
import { slaText } from './CategorySelect';
import { useCategories, type Category } from './catalogueApi';

export function CategoriesCard({ allianceId }: { allianceId: string }) {
  const { t } = useTranslation();
  const categories = useCategories(allianceId);
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<Category | null>(null);
  const edit = (category: Category | null) => {
    setEditing(category);
    setOpen(true);
  };

  const columns: TableColumnsType<Category> = [
    { title: t('serviceRequests.catalogue.name'), dataIndex: 'name' },
    {
      title: t('serviceRequests.catalogue.code'),
      dataIndex: 'code',
      render: (code: string) => t(`serviceRequests.catalogue.codes.${code}`),
    },
    { title: t('serviceRequests.catalogue.provider'), key: 'provider', render: (_, c) => c.providerOrganization.name },
    { title: t('serviceRequests.catalogue.sla'), key: 'sla', render: (_, c) => slaText(c, t) },
    {
      title: t('serviceRequests.catalogue.active'),
      dataIndex: 'active',
      render: (active: boolean) => (
        <Tag color={active ? 'green' : 'default'}>
          {t(active ? 'serviceRequests.catalogue.on' : 'serviceRequests.catalogue.off')}
        </Tag>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, category) => (
        <Button type="link" onClick={() => edit(category)} data-testid="sr-category-edit">
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={t('serviceRequests.catalogue.categories')}
      className="section-card"
      extra={
        <Button icon={<PlusOutlined />} onClick={() => edit(null)} data-testid="sr-category-new">
          {t('serviceRequests.catalogue.newCategory')}
        </Button>
      }
    >
      <Table<Category>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={categories.data?.items ?? []}
        loading={categories.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="sr-categories"
      />
      <CategoryFormModal allianceId={allianceId} open={open} category={editing} onClose={() => setOpen(false)} />
    </Card>
  );
}
