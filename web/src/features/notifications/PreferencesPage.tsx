import { App, Card, Flex, Spin, Switch, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../lib/useShowError';
import { PageHeader } from '../../lib/PageHeader';
import { usePreferences, useUpdatePreferences, type Preferences, type PreferencesInput } from './api';
import { typeLabel } from './types';

type TypePreference = Preferences['types'][number];
type Channel = 'inApp' | 'email' | 'sms';

/** One column per channel: its switch's test id and its i18n key. */
const CHANNELS: { key: Channel; testId: string }[] = [
  { key: 'inApp', testId: 'in-app' },
  { key: 'email', testId: 'email' },
  { key: 'sms', testId: 'sms' },
];

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
  const saveType = (row: TypePreference, channel: Channel, on: boolean) =>
    save(`${row.type}:${channel}`, {
      types: [{ type: row.type, inApp: row.inApp, email: row.email, sms: row.sms, [channel]: on }],
    });
  const saving = (key: string) => update.isPending && savingKey === key;

  const columns: TableColumnsType<TypePreference> = [
    { title: t('notifications.type'), dataIndex: 'type', render: (type: TypePreference['type']) => typeLabel(t, type) },
    ...CHANNELS.map(({ key, testId }) => ({
      title: t(`preferences.${key}`),
      key,
      width: 140,
      render: (_: unknown, row: TypePreference) => (
        <Switch
          checked={row[key]}
          loading={saving(`${row.type}:${key}`)}
          onChange={(on) => saveType(row, key, on)}
          aria-label={`${typeLabel(t, row.type)} ${t(`preferences.${key}`)}`}
          data-testid={`pref-${testId}-${row.type}`}
        />
      ),
    })),
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
