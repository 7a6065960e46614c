import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, DatePicker, Form, Input, Modal, Progress, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useShowError } from '../../lib/useShowError';
import { useAlliances } from '../alliances/api';
import { useMe } from '../auth/api';
import { EmptyState, emptyText } from '../../lib/EmptyState';
import { PageHeader } from '../../lib/PageHeader';
import { useCatalogue, useOpenRound, useRounds, type Round } from './api';
import { fieldLabel } from './labels';

/** Enterprise indicator rounds: officials open and follow them, members fill theirs in. */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const isOfficial = me?.role === 'township_admin';
  const rounds = useRounds();
  const [opening, setOpening] = useState(false);
  return (
    <>
      <PageHeader
        title={t('indicators.title')}
        extra={
          isOfficial && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setOpening(true)}
              data-testid="indicators-open"
            >
              {t('indicators.open.button')}
            </Button>
          )
        }
      />
      <Card className="section-card">
        <Table<Round>
          rowKey="id"
          loading={rounds.isPending}
          dataSource={rounds.data ?? []}
          pagination={false}
          data-testid="indicator-rounds"
          locale={{
            emptyText: emptyText(
              rounds.isPending,
              <EmptyState
                text={t(isOfficial ? 'emptyStates.indicatorsOfficial' : 'emptyStates.indicatorsMember')}
                action={
                  isOfficial
                    ? { label: t('indicators.open.button'), icon: <PlusOutlined />, onClick: () => setOpening(true) }
                    : undefined
                }
              />,
            ),
          }}
          columns={[
            {
              title: t('indicators.fields.period'),
              render: (_, r) => <Link to={`/indicators/${r.id}`}>{r.period}</Link>,
            },
            { title: t('indicators.fields.alliance'), render: (_, r) => r.alliance.name },
            { title: t('indicators.fields.deadline'), dataIndex: 'deadline' },
            {
              title: t('indicators.fields.status'),
              render: (_, r) => (
                <Tag color={r.status === 'open' ? 'green' : 'default'}>{t(`indicators.statuses.${r.status}`)}</Tag>
              ),
            },
            isOfficial
              ? {
                  title: t('indicators.fields.submitted'),
                  render: (_, r) => (
                    <Progress
                      percent={r.expected ? Math.round((r.submitted / r.expected) * 100) : 0}
                      format={() => `${r.submitted}/${r.expected}`}
                      size="small"
                    />
                  ),
                }
              : {
                  title: t('indicators.fields.mine'),
                  render: (_, r) => t(`indicators.submissionStatuses.${r.mySubmissionStatus ?? 'none'}`),
                },
          ]}
        />
      </Card>
      {isOfficial && <OpenRoundModal open={opening} onClose={() => setOpening(false)} />}
    </>
  );
}

interface Values {
  allianceId: string;
  period: string;
  deadline: Dayjs;
  fields: string[];
  optional: string[];
}

function OpenRoundModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const alliances = useAlliances();
  const catalogue = useCatalogue();
  const openRound = useOpenRound();
  const showError = useShowError();
  const options = (catalogue.data ?? []).map((c) => ({
    value: c.key,
    label: `${fieldLabel(c, i18n.language)}（${c.unit}）`,
  }));
  return (
    <Modal
      open={open}
      title={t('indicators.open.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={openRound.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          fields: ['output_value', 'orders', 'rd_products', 'patents', 'employees', 'party_members'],
          optional: ['orders'],
        }}
        onFinish={(values) =>
          openRound.mutate(
            {
              allianceId: values.allianceId,
              period: values.period.trim(),
              deadline: values.deadline.format('YYYY-MM-DD'),
              fields: values.fields.map((key) => ({ key, required: !(values.optional ?? []).includes(key) })),
            },
            {
              onSuccess: () => (void message.success(t('indicators.open.done')), onClose()),
              onError: (error) => showError(error, form),
            },
          )
        }
      >
        <Form.Item name="allianceId" label={t('indicators.fields.alliance')} rules={[{ required: true }]}>
          <Select options={alliances.items.map((a) => ({ value: a.id, label: a.name }))} />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('indicators.fields.period')}
          extra={t('indicators.open.periodHint')}
          rules={[{ required: true, pattern: /^\d{4}(-Q[1-4])?$/, message: t('indicators.open.periodHint') }]}
        >
          <Input placeholder="2026 / 2026-Q3" />
        </Form.Item>
        <Form.Item name="deadline" label={t('indicators.fields.deadline')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="fields" label={t('indicators.open.fields')} rules={[{ required: true }]}>
          <Checkbox.Group options={options} />
        </Form.Item>
        <Form.Item name="optional" label={t('indicators.open.optional')}>
          <Checkbox.Group options={options} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
