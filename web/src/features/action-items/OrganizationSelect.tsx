import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganizationOptions } from '../organizations/api';

/** One organisation, searched by name on the server. */
export function OrganizationSelect({
  value,
  onChange,
  ...rest
}: {
  value?: string;
  onChange?: (value: string) => void;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);
  const q = useDeferredValue(search.trim());
  const { data, isFetching } = useOrganizationOptions({ q: q || undefined }, opened);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={onChange}
      onOpenChange={(open) => open && setOpened(true)}
      getPopupContainer={(trigger: HTMLElement) => trigger.parentElement ?? document.body}
      loading={isFetching}
      placeholder={t('organizations.selectPlaceholder')}
      notFoundContent={isFetching ? t('common.loading') : t('common.noData')}
      options={(data?.items ?? []).map((org) => ({ value: org.id, label: org.name }))}
      data-testid={rest['data-testid']}
    />
  );
}
