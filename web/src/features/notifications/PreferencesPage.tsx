import { App, Card, Flex, Spin, Switch, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/useShowError';
import { PageHeader } from '../shell/PageHeader';
import { usePreferences, useUpdatePreferences, type Preferences, type PreferencesInput } from './api';
import { typeLabel } from './types';

type TypePreference = Preferences['types'][number];

/** The signed-in person's channels per notification type, and the daily email digest. */
export function PreferencesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const preferences = usePreferences();
  const update = useUpdatePreferences();
  // Which switch is saving: `<type>:<channel>`, or `digest`.
  const [savingKey, setSavingKey] = useState<string | null>(null);

  if (preferences.isError) throw preferences.error;
  if (preferences.isPending) return <Spin />;
  const { data } = preferences;

  // Each switch saves at once; only what changed is sent.
  const save = (key: string, input: PreferencesInput) => {
    setSavingKey(key);
    update.mutate(input, {
      onSuccess: () => void message.success(t('common.saved')),
      onError: (error) => showError(error),
      onSettled: () => setSavingKey(null),
    });
  };
  const saveType = (row: TypePreference, channel: 'inApp' | 'email', on: boolean) =>
    save(`${row.type}:${channel}`, { types: [{ type: row.type, inApp: row.inApp, email: row.email, [channel]: on }] });
  const saving = (key: string) => update.isPending && savingKey === key;

  const columns: TableColumnsType<TypePreference> = [
    { title: t('notifications.type'), dataIndex: 'type', render: (type: TypePreference['type']) => typeLabel(t, type) },
    {
      title: t('preferences.inApp'),
      key: 'inApp',
      width: 140,
      render: (_, row) => (
        <Switch
          checked={row.inApp}
          loading={saving(`${row.type}:inApp`)}
          onChange={(on) => saveType(row, 'inApp', on)}
          aria-label={`${typeLabel(t, row.type)} ${t('preferences.inApp')}`}
          data-testid={`pref-in-app-${row.type}`}
        />
      ),
    },
    {
      title: t('preferences.email'),
      key: 'email',
      width: 140,
      render: (_, row) => (
        <Switch
          checked={row.email}
          loading={saving(`${row.type}:email`)}
          onChange={(on) => saveType(row, 'email', on)}
          aria-label={`${typeLabel(t, row.type)} ${t('preferences.email')}`}
          data-testid={`pref-email-${row.type}`}
        />
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('preferences.title')} subtitle={t('preferences.subtitle')} />
      <Card title={t('preferences.channels')} className="section-card">
        <Table<TypePreference>
          rowKey="type"
          columns={columns}
          dataSource={data.types}
          pagination={false}
          data-testid="preferences-table"
        />
      </Card>
      <Card title={t('preferences.digest')} className="section-card">
        <Flex gap="middle" align="center">
          <Switch
            checked={data.emailDigest}
            loading={saving('digest')}
            onChange={(emailDigest) => save('digest', { emailDigest })}
            data-testid="pref-email-digest"
          />
          <Typography.Text>{t('preferences.digestHint')}</Typography.Text>
        </Flex>
      </Card>
    </>
  );
}
