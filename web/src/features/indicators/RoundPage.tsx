import { App, Button, Card, Descriptions, Form, InputNumber, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useShowError } from '../../lib/useShowError';
import { useMe } from '../auth/api';
import { PageHeader } from '../shell/PageHeader';
import { useCatalogue, useCloseRound, useRound, useRoundProgress, useRoundResults, useSaveSubmission, useSubmission, type Round, type RoundResults } from './api';
import { labelOf } from './labels';

/** One round: officials see progress, aggregates and year on year; members fill in their figures. */
export function RoundPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: me } = useMe();
  const isOfficial = me?.role === 'township_admin';
  const round = useRound(id);
  const close = useCloseRound(id);
  if (!round.data) return null;
  const r = round.data;
  return (
    <>
      <PageHeader
        title={t('indicators.roundTitle', { period: r.period })}
        subtitle={r.alliance.name}
        extra={isOfficial && r.status === 'open' && <Button onClick={() => close.mutate()}>{t('indicators.close')}</Button>}
      />
      <Descriptions size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('indicators.fields.deadline')}>{r.deadline}</Descriptions.Item>
        <Descriptions.Item label={t('indicators.fields.status')}>{t(`indicators.statuses.${r.status}`)}</Descriptions.Item>
      </Descriptions>
      {isOfficial ? <OfficialView round={r} /> : <FillForm round={r} />}
    </>
  );
}

function OfficialView({ round }: { round: Round }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const results = useRoundResults(round.id, true);
  const progress = useRoundProgress(round.id, true);
  const data = results.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card className="section-card" title={t('indicators.results')}>
        {data && (
          <Space size="large" style={{ marginBottom: 16 }}>
            <Statistic title={t('indicators.submissionRate')} value={Math.round(data.submissionRate * 1000) / 10} suffix="%" data-testid="submission-rate" />
            <Statistic title={t('indicators.fields.submitted')} value={`${data.submitted}/${data.expected}`} formatter={(value) => String(value)} />
            <Statistic title={t('indicators.previousRound')} value={data.previousRound?.period ?? '—'} formatter={(value) => String(value)} />
          </Space>
        )}
        <Table<RoundResults['fields'][number]>
          rowKey="key"
          size="small"
          pagination={false}
          loading={results.isPending}
          dataSource={data?.fields ?? []}
          data-testid="indicator-results"
          columns={[
            { title: t('indicators.field'), render: (_, f) => `${labelOf(catalogue.data, f.key)}（${f.unit}）` },
            { title: t('indicators.reported'), dataIndex: 'reported' },
            { title: t('indicators.sum'), render: (_, f) => f.sum ?? '—' },
            { title: t('indicators.avg'), render: (_, f) => f.avg ?? '—' },
            { title: t('indicators.previousSum'), render: (_, f) => f.previousSum ?? '—' },
            {
              title: t('indicators.yoy'),
              render: (_, f) => (f.yoyPercent === null || f.yoyPercent === undefined ? '—' : <Tag color={f.yoyPercent >= 0 ? 'green' : 'red'}>{`${f.yoyPercent > 0 ? '+' : ''}${f.yoyPercent}%`}</Tag>),
            },
          ]}
        />
      </Card>
      <Card className="section-card" title={t('indicators.progress')}>
        <Table
          rowKey={(row) => row.organization.id}
          size="small"
          loading={progress.isPending}
          dataSource={progress.data ?? []}
          pagination={{ pageSize: 10 }}
          columns={[
            { title: t('indicators.organization'), render: (_, row) => row.organization.name },
            { title: t('indicators.fields.status'), render: (_, row) => t(`indicators.submissionStatuses.${row.status ?? 'none'}`) },
          ]}
        />
      </Card>
    </Space>
  );
}

function FillForm({ round }: { round: Round }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const catalogue = useCatalogue();
  const submission = useSubmission(round.id, true);
  const save = useSaveSubmission(round.id);
  const showError = useShowError();
  const [form] = Form.useForm<{ values: Record<string, number | null> }>();
  useEffect(() => {
    if (submission.data) form.setFieldsValue({ values: submission.data.values });
  }, [submission.data, form]);
  const locked = submission.data?.status === 'submitted' || round.status !== 'open';
  const send = (submit: boolean) => {
    const raw = form.getFieldValue('values') ?? {};
    const values = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== null && v !== undefined)) as Record<string, number>;
    save.mutate(
      { values, submit },
      { onSuccess: () => void message.success(t(submit ? 'indicators.fill.submitted' : 'indicators.fill.saved')), onError: (error) => showError(error, form) },
    );
  };
  return (
    <Card className="section-card" title={submission.data?.organization.name}>
      {locked && <Typography.Paragraph type="success">{t('indicators.fill.locked')}</Typography.Paragraph>}
      <Form form={form} layout="vertical" disabled={locked} data-testid="indicator-form" style={{ maxWidth: 480 }}>
        {round.fields.map((field) => (
          <Form.Item
            key={field.key}
            name={['values', field.key]}
            label={`${labelOf(catalogue.data, field.key)}（${field.unit}）`}
            required={field.required}
          >
            <InputNumber style={{ width: '100%' }} precision={field.type === 'integer' ? 0 : 2} data-testid={`indicator-${field.key}`} />
          </Form.Item>
        ))}
        <Space>
          <Button onClick={() => send(false)} loading={save.isPending} data-testid="indicator-save">
            {t('indicators.fill.save')}
          </Button>
          <Button type="primary" onClick={() => send(true)} loading={save.isPending} data-testid="indicator-submit">
            {t('indicators.fill.submit')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
