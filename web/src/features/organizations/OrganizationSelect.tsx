import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganizationOptions, type OrganizationFilters } from './api';

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
  kind?: OrganizationFilters['kind'];
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  /** Label for the current value while it is not among the searched options. */
  knownOption?: { value: string; label: string };
  'data-testid'?: string;
}

/** Searchable organisation picker (server-side search by name). */
export function OrganizationSelect({
  value,
  onChange,
  kind,
  placeholder,
  allowClear,
  disabled,
  knownOption,
  ...rest
}: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  // Fetch only once the picker is opened, so closed (pre-rendered) forms cost no requests.
  const [opened, setOpened] = useState(false);
  const q = useDeferredValue(search.trim());
  const { data, isFetching } = useOrganizationOptions({ kind, q: q || undefined }, opened);

  const options = (data?.items ?? []).map((org) => ({
    value: org.id,
    label: `${org.name}${org.kind === 'department' ? ` (${t('organizationKinds.department')})` : ''}`,
  }));
  if (knownOption && !options.some((option) => option.value === knownOption.value)) options.unshift(knownOption);

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={onChange}
      onOpenChange={(open) => open && setOpened(true)}
      // Keep the popup inside the form so it disappears with it (e.g. when a modal swaps content).
      getPopupContainer={(trigger: HTMLElement) => trigger.parentElement ?? document.body}
      allowClear={allowClear}
      disabled={disabled}
      loading={isFetching}
      placeholder={placeholder ?? t('organizations.selectPlaceholder')}
      notFoundContent={isFetching ? t('common.loading') : t('common.noData')}
      options={options}
      data-testid={rest['data-testid']}
    />
  );
}
