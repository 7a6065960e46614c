import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  InputNumber,
  Modal,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { fromApiDate, toApiDate, today } from '../../lib/dates';
import { useShowError } from '../../lib/useShowError';
import { useMe } from '../auth/api';
import { PageHeader } from '../../lib/PageHeader';
import {
  useCatalogue,
  useCloseRound,
  useRescheduleRound,
  useRound,
  useRoundProgress,
  useRoundResults,
  useSaveSubmission,
  useSubmission,
  type Round,
  type RoundResults,
} from './api';
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
        extra={
          isOfficial && (
            <Space>
              <RescheduleButton round={r} />
              {r.status === 'open' && <Button onClick={() => close.mutate()}>{t('indicators.close')}</Button>}
            </Space>
          )
        }
      />
      <Descriptions size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('indicators.fields.deadline')}>
          <span data-testid="round-deadline">{r.deadline}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('indicators.fields.status')}>
          {t(`indicators.statuses.${r.status}`)}
        </Descriptions.Item>
      </Descriptions>
      {isOfficial ? <OfficialView round={r} /> : <FillForm round={r} />}
    </>
  );
}

/** Officials move the deadline (a closed round opens again); the API refuses a day before today. */
function RescheduleButton({ round }: { round: Round }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const reschedule = useRescheduleRound(round.id);
  const [open, setOpen] = useState(false);
  const [deadline, setDeadline] = useState<Dayjs | null>(null);
  const start = () => {
    setDeadline(fromApiDate(round.deadline) ?? null);
    setOpen(true);
  };
  const save = () => {
    const value = toApiDate(deadline);
    if (!value) return;
    reschedule.mutate(value, {
      onSuccess: () => {
        setOpen(false);
        void message.success(t('indicators.rescheduled'));
      },
      onError: (error) => showError(error),
    });
  };
  return (
    <>
      <Button onClick={start} data-testid="round-reschedule">
        {t('indicators.reschedule')}
      </Button>
      <Modal
        open={open}
        title={t('indicators.reschedule')}
        onCancel={() => setOpen(false)}
        onOk={save}
        okButtonProps={{ disabled: !deadline, ...{ 'data-testid': 'round-reschedule-ok' } }}
        confirmLoading={reschedule.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('indicators.rescheduleHint')}</Typography.Paragraph>
        <DatePicker
          value={deadline}
          onChange={setDeadline}
          disabledDate={(day) => day.isBefore(today(), 'day')}
          allowClear={false}
          data-testid="round-deadline-input"
        />
      </Modal>
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
            <Statistic
              title={t('indicators.submissionRate')}
              value={Math.round(data.submissionRate * 1000) / 10}
              suffix="%"
              data-testid="submission-rate"
            />
            <Statistic
              title={t('indicators.fields.submitted')}
              value={`${data.submitted}/${data.expected}`}
              formatter={(value) => String(value)}
            />
            <Statistic
              title={t('indicators.previousRound')}
              value={data.previousRound?.period ?? '—'}
              formatter={(value) => String(value)}
            />
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
              render: (_, f) =>
                f.yoyPercent === null || f.yoyPercent === undefined ? (
                  '—'
                ) : (
                  <Tag
                    color={f.yoyPercent >= 0 ? 'green' : 'red'}
                  >{`${f.yoyPercent > 0 ? '+' : ''}${f.yoyPercent}%`}</Tag>
                ),
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
            {
              title: t('indicators.fields.status'),
              render: (_, row) => t(`indicators.submissionStatuses.${row.status ?? 'none'}`),
            },
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
    // antd types a field's value as any; the form holds one number (or nothing) per indicator.
    const raw = (form.getFieldValue('values') as Record<string, number | null | undefined> | undefined) ?? {};
    const values: Record<string, number> = Object.fromEntries(
      Object.entries(raw).flatMap(([id, v]) => (v === null || v === undefined ? [] : [[id, v] as const])),
    );
    save.mutate(
      { values, submit },
      {
        onSuccess: () => void message.success(t(submit ? 'indicators.fill.submitted' : 'indicators.fill.saved')),
        onError: (error) => showError(error, form),
      },
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
            <InputNumber
              style={{ width: '100%' }}
              precision={field.type === 'integer' ? 0 : 2}
              data-testid={`indicator-${field.key}`}
            />
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
