import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../../lib/dates';
import { ORGANIZATION_KINDS, optionsOf } from '../../lib/options';
import { FitTable, type FitColumn } from '../../lib/FitTable';
import { LoadMore } from '../../lib/LoadMore';
import { PageHeader } from '../../lib/PageHeader';
import { useOrganizations, type Organization, type OrganizationFilters } from './api';

export function OrganizationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters: OrganizationFilters = {
    q: params.get('q') || undefined,
    kind: (params.get('kind') as OrganizationFilters['kind']) || undefined,
  };
  const list = useOrganizations(filters);

  const setFilter = (key: 'q' | 'kind', value: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  // What goes first when the screen is narrow: the last change, the credit code, the products.
  const columns: FitColumn<Organization>[] = [
    {
      title: t('organizations.name'),
      dataIndex: 'name',
      width: 180,
      grow: true,
      render: (name: string, org) => (
        <Link to={`/organizations/${org.id}/edit`} title={name}>
          {name}
        </Link>
      ),
    },
    {
      title: t('organizations.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (kind: string) => t(`organizationKinds.${kind}`),
    },
    {
      title: t('organizations.unifiedCode'),
      dataIndex: 'unifiedCode',
      width: 180,
      drop: 2,
      render: (v: string | null) => v ?? '—',
    },
    { title: t('organizations.industry'), dataIndex: 'industry', width: 120, render: (v: string | null) => v ?? '—' },
    {
      title: t('organizations.chainPosition'),
      dataIndex: 'chainPosition',
      width: 110,
      render: (v: string | null) => (v ? t(`chainPositions.${v}`) : '—'),
    },
    {
      title: t('organizations.partyOrganization'),
      key: 'party',
      width: 150,
      render: (_, org) =>
        org.partyOrganization ? (
          <span>
            {t(`partyOrgTypes.${org.partyOrganization.type}`)}
            {org.partyOrganization.secretary ? ` · ${org.partyOrganization.secretary}` : ''}
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: t('organizations.productTags'),
      dataIndex: 'productTags',
      width: 170,
      drop: 1,
      render: (tags: string[]) => (
        <span title={tags.join('、')}>
          {tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </span>
      ),
    },
    { title: t('common.updatedAt'), dataIndex: 'updatedAt', width: 150, drop: 3, render: formatDateTime },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_, org) => <Link to={`/organizations/${org.id}/edit`}>{t('common.edit')}</Link>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.organizations')}
        extra={
          <Link to="/organizations/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="organization-create">
              {t('organizations.create')}
            </Button>
          </Link>
        }
      />
      <Space wrap className="filters">
        <Input.Search
          allowClear
          defaultValue={filters.q}
          placeholder={t('organizations.searchPlaceholder')}
          onSearch={(value) => setFilter('q', value.trim() || undefined)}
          style={{ width: 280 }}
          data-testid="organization-search"
        />
        <Select
          allowClear
          value={filters.kind}
          placeholder={t('organizations.kindFilter')}
          options={optionsOf(ORGANIZATION_KINDS, t, 'organizationKinds')}
          onChange={(value) => setFilter('kind', value)}
          style={{ width: 160 }}
          data-testid="organization-kind-filter"
        />
      </Space>
      <FitTable<Organization>
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        loading={list.isPending}
        pagination={false}
        data-testid="organizations-table"
      />
      <LoadMore {...list} />
    </>
  );
}
