import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserOptions } from './api';

interface Props {
  mode?: 'multiple';
  value?: string | string[];
  onChange?: (value: string | string[]) => void;
  placeholder?: string;
  /** Label for a preset value (e.g. the current user) before any search. */
  knownOption?: { value: string; label: string };
  'data-testid'?: string;
}

/** Officials and department staff, searched by name on the server. */
export function UserSelect({ mode, value, onChange, placeholder, knownOption, ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);
  // Labels of chosen people, kept while a later search no longer lists them.
  const [labels, setLabels] = useState(new Map<string, string>());
  const q = useDeferredValue(search.trim());
  const { data, isFetching } = useUserOptions(q, opened);

  const options = (data ?? []).map((user) => ({
    value: user.id,
    label: user.organization ? `${user.displayName}（${user.organization.name}）` : user.displayName,
  }));
  const selected = value === undefined ? [] : Array.isArray(value) ? value : [value];
  for (const id of selected) {
    if (!options.some((option) => option.value === id) && labels.has(id)) options.unshift({ value: id, label: labels.get(id)! });
  }

  if (knownOption && selected.includes(knownOption.value) && !options.some((option) => option.value === knownOption.value)) {
    options.unshift(knownOption);
  }

  return (
    <Select
      mode={mode}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={(next: string | string[]) => {
        const map = new Map(labels);
        for (const option of options) map.set(option.value, option.label);
        setLabels(map);
        onChange?.(next);
      }}
      onOpenChange={(open) => open && setOpened(true)}
      getPopupContainer={(trigger: HTMLElement) => trigger.parentElement ?? document.body}
      loading={isFetching}
      placeholder={placeholder ?? t('meetings.form.userPlaceholder')}
      notFoundContent={isFetching ? t('common.loading') : t('common.noData')}
      options={options}
      data-testid={rest['data-testid']}
    />
  );
}
