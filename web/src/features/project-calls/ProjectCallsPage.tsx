import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Table, Tabs, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useShowError } from '../../lib/useShowError';
import { useAlliances } from '../alliances/api';
import { useMe } from '../auth/api';
import { EmptyState, emptyText } from '../../lib/EmptyState';
import { PageHeader } from '../../lib/PageHeader';
import { useApplications, useCalls, useCreateCall, type CallSummary } from './api';

/** 项目申报: government calls and the applications the service team helps with. */
export function ProjectCallsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const calls = useCalls();
  const applications = useApplications();
  const [creating, setCreating] = useState(false);
  const canPublish = me?.role === 'township_admin' || me?.role === 'enterprise_contact';
  return (
    <>
      <PageHeader
        title={t('projectCalls.title')}
        extra={
          canPublish && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('projectCalls.create.button')}
            </Button>
          )
        }
      />
      <Tabs
        items={[
          {
            key: 'calls',
            label: t('projectCalls.calls'),
            children: (
              <Card className="section-card">
                <Table<CallSummary>
                  rowKey="id"
                  loading={calls.isPending}
                  dataSource={calls.data ?? []}
                  data-testid="project-calls"
                  locale={{
                    emptyText: emptyText(
                      calls.isPending,
                      <EmptyState
                        text={t('emptyStates.projectCalls')}
                        action={
                          canPublish
                            ? {
                                label: t('projectCalls.create.button'),
                                icon: <PlusOutlined />,
                                onClick: () => setCreating(true),
                              }
                            : undefined
                        }
                      />,
                    ),
                  }}
                  columns={[
                    {
                      title: t('projectCalls.fields.name'),
                      render: (_, c) => <Link to={`/project-calls/${c.id}`}>{c.name}</Link>,
                    },
                    { title: t('projectCalls.fields.issuingBody'), dataIndex: 'issuingBody' },
                    { title: t('projectCalls.fields.deadline'), dataIndex: 'deadline' },
                    {
                      title: t('projectCalls.fields.eligibilityTags'),
                      render: (_, c) => c.eligibilityTags.map((tag) => <Tag key={tag}>{tag}</Tag>),
                    },
                    {
                      title: t('projectCalls.fields.status'),
                      render: (_, c) =>
                        c.status === 'open' ? (
                          c.eligible ? (
                            <Tag color="green">{t('projectCalls.eligible')}</Tag>
                          ) : (
                            <Tag>{t('projectCalls.statuses.open')}</Tag>
                          )
                        ) : (
                          <Tag>{t('projectCalls.statuses.closed')}</Tag>
                        ),
                    },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'applications',
            label: t('projectCalls.applications'),
            children: (
              <Card className="section-card">
                <Table
                  rowKey="id"
                  loading={applications.isPending}
                  dataSource={applications.data ?? []}
                  locale={{
                    emptyText: emptyText(
                      applications.isPending,
                      <EmptyState text={t('emptyStates.projectApplications')} />,
                    ),
                  }}
                  columns={[
                    {
                      title: t('projectCalls.fields.name'),
                      render: (_, a) => <Link to={`/project-calls/${a.callId}`}>{a.callName}</Link>,
                    },
                    { title: t('projectCalls.organization'), render: (_, a) => a.organization.name },
                    { title: t('projectCalls.fields.deadline'), dataIndex: 'deadline' },
                    {
                      title: t('projectCalls.step'),
                      render: (_, a) => (
                        <Tag color={a.unfinished ? 'orange' : 'blue'}>{t(`projectCalls.steps.${a.step}`)}</Tag>
                      ),
                    },
                  ]}
                />
              </Card>
            ),
          },
        ]}
      />
      <CreateCallModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

interface Values {
  name: string;
  issuingBody: string;
  deadline: Dayjs;
  eligibilityTags?: string[];
  description?: string;
  allianceId?: string;
}

function CreateCallModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const alliances = useAlliances();
  const create = useCreateCall();
  const showError = useShowError();
  return (
    <Modal
      open={open}
      title={t('projectCalls.create.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) =>
          create.mutate(
            {
              name: v.name.trim(),
              issuingBody: v.issuingBody.trim(),
              deadline: v.deadline.format('YYYY-MM-DD'),
              eligibilityTags: v.eligibilityTags ?? [],
              description: v.description?.trim() || undefined,
              allianceId: v.allianceId,
            },
            {
              onSuccess: () => (void message.success(t('projectCalls.create.done')), onClose()),
              onError: (e) => showError(e, form),
            },
          )
        }
      >
        <Form.Item name="name" label={t('projectCalls.fields.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="issuingBody"
          label={t('projectCalls.fields.issuingBody')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="deadline" label={t('projectCalls.fields.deadline')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="allianceId" label={t('projectCalls.fields.alliance')}>
          <Select allowClear options={alliances.items.map((a) => ({ value: a.id, label: a.name }))} />
        </Form.Item>
        <Form.Item
          name="eligibilityTags"
          label={t('projectCalls.fields.eligibilityTags')}
          extra={t('projectCalls.create.tagsHint')}
        >
          <Select mode="tags" />
        </Form.Item>
        <Form.Item name="description" label={t('projectCalls.fields.description')}>
          <Input.TextArea rows={4} maxLength={10000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
