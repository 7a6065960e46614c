import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/dates';
import { useShowError } from '../../lib/useShowError';
import { useAlliances } from '../alliances/api';
import { useMe } from '../auth/api';
import { EmptyState, emptyText } from '../../lib/EmptyState';
import { PageHeader } from '../../lib/PageHeader';
import { useCases, useConfigureShowcase, useNominate, useShowcaseSettings, type TypicalCase } from './api';

export const STATUS_COLORS: Record<TypicalCase['status'], string> = {
  nominated: 'orange',
  returned: 'red',
  approved: 'blue',
  published: 'green',
  unpublished: 'default',
};

/** 培树典型: nominated, reviewed and published success stories, and the public showcase switch. */
export function CasesPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const isOfficial = me?.role === 'township_admin';
  const cases = useCases();
  const [nominating, setNominating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('cases.title')}
        extra={
          (isOfficial || me?.role === 'enterprise_contact') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setNominating(true)}>
              {t('cases.nominate.button')}
            </Button>
          )
        }
      />
      <Space orientation="vertical" style={{ width: '100%' }}>
        {isOfficial && <ShowcaseCard />}
        <Card className="section-card">
          <Table<TypicalCase>
            rowKey="id"
            loading={cases.isPending}
            dataSource={cases.data ?? []}
            data-testid="cases-table"
            locale={{
              emptyText: emptyText(
                cases.isPending,
                <EmptyState
                  text={t('emptyStates.cases')}
                  action={
                    isOfficial || me?.role === 'enterprise_contact'
                      ? {
                          label: t('cases.nominate.button'),
                          icon: <PlusOutlined />,
                          onClick: () => setNominating(true),
                        }
                      : undefined
                  }
                />,
              ),
            }}
            columns={[
              { title: t('cases.fields.title'), render: (_, c) => <Link to={`/cases/${c.id}`}>{c.title}</Link> },
              { title: t('cases.fields.organization'), render: (_, c) => c.organization.name },
              {
                title: t('cases.fields.status'),
                render: (_, c) => <Tag color={STATUS_COLORS[c.status]}>{t(`cases.statuses.${c.status}`)}</Tag>,
              },
              { title: t('common.updatedAt'), render: (_, c) => formatDateTime(c.updatedAt) },
            ]}
          />
        </Card>
      </Space>
      <NominateModal open={nominating} onClose={() => setNominating(false)} />
    </>
  );
}

function ShowcaseCard() {
  const { t } = useTranslation();
  const alliances = useAlliances();
  const [allianceId, setAllianceId] = useState<string | undefined>();
  const selected = allianceId ?? alliances.items[0]?.id;
  const settings = useShowcaseSettings(selected);
  const configure = useConfigureShowcase();
  const url = settings.data?.slug ? `${window.location.origin}/showcase/${settings.data.slug}` : null;
  return (
    <Card className="section-card" title={t('cases.showcase.title')} data-testid="showcase-settings">
      <Space wrap>
        <Select
          style={{ width: 320 }}
          value={selected}
          onChange={setAllianceId}
          options={alliances.items.map((a) => ({ value: a.id, label: a.name }))}
        />
        <Switch
          checked={settings.data?.enabled ?? false}
          loading={configure.isPending}
          onChange={(enabled) => selected && configure.mutate({ allianceId: selected, enabled })}
          checkedChildren={t('cases.showcase.on')}
          unCheckedChildren={t('cases.showcase.off')}
        />
        {settings.data?.enabled && url && (
          <>
            <Typography.Link href={url} target="_blank" copyable={{ text: url }} data-testid="showcase-link">
              {url}
            </Typography.Link>
            <Button
              size="small"
              onClick={() => selected && configure.mutate({ allianceId: selected, enabled: true, newAddress: true })}
            >
              {t('cases.showcase.newAddress')}
            </Button>
          </>
        )}
      </Space>
    </Card>
  );
}

/** The nomination form: the body's fields as typed, before trimming. */
interface NominateValues {
  allianceId: string;
  organizationId?: string;
  title: string;
  summary: string;
  body: string;
}

function NominateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NominateValues>();
  const alliances = useAlliances();
  const nominate = useNominate();
  const showError = useShowError();
  return (
    <Modal
      open={open}
      title={t('cases.nominate.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={nominate.isPending}
      destroyOnHidden
      width={720}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) =>
          nominate.mutate(
            {
              allianceId: v.allianceId,
              organizationId: v.organizationId || undefined,
              title: v.title.trim(),
              summary: v.summary.trim(),
              body: v.body.trim(),
            },
            {
              onSuccess: () => (void message.success(t('cases.nominate.done')), onClose()),
              onError: (e) => showError(e, form),
            },
          )
        }
      >
        <Form.Item name="allianceId" label={t('cases.fields.alliance')} rules={[{ required: true }]}>
          <Select options={alliances.items.map((a) => ({ value: a.id, label: a.name }))} />
        </Form.Item>
        <Form.Item name="title" label={t('cases.fields.title')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="summary" label={t('cases.fields.summary')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="body" label={t('cases.fields.body')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={8} maxLength={20000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
