import { SettingOutlined } from '@ant-design/icons';
import { Button, Select, Space, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../auth/api';
import { useCategories, type Category } from './catalogueApi';

/** "受理 2 个工作小时内，办结 2 个工作日内". */
export function slaText(category: Category, t: TFunction): string {
  return t('serviceRequests.catalogue.slaText', {
    accept: t(`serviceRequests.units.${category.acceptUnit}`, { count: category.acceptWithin }),
    resolve: t(`serviceRequests.units.${category.resolveUnit}`, { count: category.resolveWithin }),
  });
}

interface Props {
  allianceId?: string;
  value?: string;
  onChange?: (id: string) => void;
}

/**
 * Why the list is empty: the alliance has no service catalogue. An official is sent to set it up,
 * everyone else to the township.
 */
function NoCatalogue({ allianceId }: { allianceId: string }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (me?.role !== 'township_admin') {
    return <Typography.Text type="warning">{t('allianceContext.noCatalogueOthers')}</Typography.Text>;
  }
  return (
    <Space wrap size={4}>
      <Typography.Text type="warning">{t('allianceContext.noCatalogueOfficial')}</Typography.Text>
      <Link to={`/service-catalogue?allianceId=${allianceId}`} data-testid="sr-category-setup">
        <Button size="small" type="link" icon={<SettingOutlined />}>
          {t('allianceContext.setUpCatalogue')}
        </Button>
      </Link>
    </Space>
  );
}

/** The alliance's active categories, each with who serves it and how fast. */
export function CategorySelect({ allianceId, value, onChange }: Props) {
  const { t } = useTranslation();
  const categories = useCategories(allianceId);
  const active = (categories.data?.items ?? []).filter((category) => category.active);
  const noCatalogue = Boolean(allianceId) && categories.isSuccess && active.length === 0;

  return (
    <>
      <Select
        value={value}
        onChange={onChange}
        loading={categories.isFetching}
        placeholder={t('serviceRequests.form.categoryPlaceholder')}
        optionLabelProp="title"
        options={active.map((category) => ({
          value: category.id,
          title: category.name,
          label: (
            <Space orientation="vertical" size={0}>
              <Typography.Text strong>{category.name}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('serviceRequests.catalogue.providedBy', { name: category.providerOrganization.name })}
                {' · '}
                {slaText(category, t)}
              </Typography.Text>
            </Space>
          ),
        }))}
        disabled={!allianceId || noCatalogue}
        notFoundContent={allianceId && <NoCatalogue allianceId={allianceId} />}
        data-testid="sr-category"
      />
      {noCatalogue && (
        <div style={{ marginTop: 4 }} data-testid="sr-category-empty">
          <NoCatalogue allianceId={allianceId!} />
        </div>
      )}
    </>
  );
}
