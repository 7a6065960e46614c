import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganizationOptions } from '../organizations/api';

/** Several organisations, searched by name on the server. */
export function OrganizationsSelect({
  value,
  onChange,
  ...rest
}: {
  value?: string[];
  onChange?: (value: string[]) => void;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);
  // Labels of chosen organisations, kept while a later search no longer lists them.
  const [labels, setLabels] = useState(new Map<string, string>());
  const q = useDeferredValue(search.trim());
  const { data, isFetching } = useOrganizationOptions({ q: q || undefined }, opened);
  const options = (data?.items ?? []).map((org) => ({ value: org.id, label: org.name }));
  for (const id of value ?? []) {
    if (!options.some((option) => option.value === id) && labels.has(id))
      options.unshift({ value: id, label: labels.get(id)! });
  }
  return (
    <Select
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={(next: string[]) => {
        const map = new Map(labels);
        for (const option of options) map.set(option.value, option.label);
        setLabels(map);
        onChange?.(next);
      }}
      onOpenChange={(open) => open && setOpened(true)}
      getPopupContainer={(trigger: HTMLElement) => trigger.parentElement ?? document.body}
      loading={isFetching}
      placeholder={t('organizations.selectPlaceholder')}
      notFoundContent={isFetching ? t('common.loading') : t('common.noData')}
      options={options}
      data-testid={rest['data-testid']}
    />
  );
}
