import { Flex, Select, Typography } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserOptions, type UserOption } from './api';

interface Props {
  /** Whose meetings: only its member organisations' people (and officials, experts) are offered. */
  allianceId?: string;
  mode?: 'multiple';
  value?: string | string[];
  onChange?: (value: string | string[]) => void;
  placeholder?: string;
  /** Label for a preset value (e.g. the current user) before any search. */
  knownOption?: { value: string; label: string };
  'data-testid'?: string;
}

interface PersonOption {
  value: string;
  /** Name and organisation, as the chosen tag shows it. */
  label: string;
  name?: string;
  where?: string;
}

/** People of the alliance, searched on the server by name, organisation, email or phone. */
export function UserSelect({ allianceId, mode, value, onChange, placeholder, knownOption, ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);
  // Labels of chosen people, kept while a later search no longer lists them.
  const [labels, setLabels] = useState(new Map<string, string>());
  const q = useDeferredValue(search.trim());
  const { data, isFetching } = useUserOptions(q, allianceId, opened);

  const where = (user: UserOption) => user.organization?.name ?? t(`roles.${user.role}`);
  const options: PersonOption[] = (data?.items ?? []).map((user) => ({
    value: user.id,
    label: `${user.displayName}（${where(user)}）`,
    name: user.displayName,
    where: where(user),
  }));
  const selected = value === undefined ? [] : Array.isArray(value) ? value : [value];
  for (const id of selected) {
    if (!options.some((option) => option.value === id) && labels.has(id))
      options.unshift({ value: id, label: labels.get(id)! });
  }
  if (
    knownOption &&
    selected.includes(knownOption.value) &&
    !options.some((option) => option.value === knownOption.value)
  ) {
    options.unshift(knownOption);
  }

  const notFound = isFetching
    ? t('common.loading')
    : !allianceId
      ? t('meetings.form.peopleNeedAlliance')
      : q
        ? t('meetings.form.peopleNotFound', { q })
        : t('common.noData');

  return (
    <Select<string | string[], PersonOption>
      mode={mode}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={(next) => {
        const map = new Map(labels);
        for (const option of options) map.set(option.value, option.label);
        setLabels(map);
        onChange?.(next);
      }}
      onOpenChange={(open) => open && setOpened(true)}
      getPopupContainer={(trigger: HTMLElement) => trigger.parentElement ?? document.body}
      loading={isFetching}
      placeholder={placeholder ?? t('meetings.form.userPlaceholder')}
      notFoundContent={<span data-testid="user-select-empty">{notFound}</span>}
      options={options}
      optionRender={({ data: option }) =>
        option.name ? (
          <Flex justify="space-between" gap={12}>
            <span>{option.name}</span>
            <Typography.Text type="secondary" ellipsis>
              {option.where}
            </Typography.Text>
          </Flex>
        ) : (
          option.label
        )
      }
      popupRender={(menu) => (
        <>
          {menu}
          {data?.more && !isFetching && (
            <Typography.Text type="secondary" style={{ display: 'block', padding: '4px 12px', fontSize: 12 }}>
              {t('meetings.form.peopleMore')}
            </Typography.Text>
          )}
        </>
      )}
      data-testid={rest['data-testid']}
    />
  );
}
