import { Select, Space, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
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

/** The alliance's active categories, each with who serves it and how fast. */
export function CategorySelect({ allianceId, value, onChange }: Props) {
  const { t } = useTranslation();
  const categories = useCategories(allianceId);
  const active = (categories.data?.items ?? []).filter((category) => category.active);

  return (
    <Select
      value={value}
      onChange={onChange}
      disabled={!allianceId}
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
      data-testid="sr-category"
    />
  );
}
